/** Arithmetic on points: sums without floating-point drift, floors, and display rounding. */

/** Sum of point values, rounded to 1e-9 so that sums of hundredths or fractions do not drift. */
export function sumPoints(values: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // The holes of a sparse array are skipped, as a reduce would.
    if (v === undefined && !(i in values)) continue;
    total += v;
  }
  return roundedPoints(total);
}

/** A raw sum rounded to 1e-9, as `sumPoints` rounds it (for callers that add up in a loop of their own). */
export function roundedPoints(total: number): number {
  return Math.round(total * 1e9) / 1e9;
}

/** `value` but never below `floor` (rules such as 「总积分的最低分值为0分」). */
export function atLeast(value: number, floor: number): number {
  return value < floor ? floor : value;
}

/** `value` but never above `cap` when a cap exists. */
export function capped(value: number, cap: number | null | undefined): number {
  return cap === null || cap === undefined ? value : Math.min(value, cap);
}
