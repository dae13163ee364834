/** Arithmetic on points: sums without floating-point drift, floors, and display rounding. */

/** Sum of point values, rounded to 1e-9 so that sums of hundredths or fractions do not drift. */
export function sumPoints(values: readonly number[]): number {
  const total = values.reduce((acc, v) => acc + v, 0);
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
