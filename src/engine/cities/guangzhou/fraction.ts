/** Exact non-negative fractions for patent shares (20/3 stays 20/3 until it is shown): sum, compare, convert. */

/** A fraction `num / den` in lowest terms, `den` > 0. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The fraction `num / den` of two integers (den ≠ 0), reduced. */
export function fraction(num: number, den: number): Fraction {
  if (!Number.isInteger(num) || !Number.isInteger(den) || den === 0) throw new RangeError(`not a fraction: ${num}/${den}`);
  const sign = den < 0 ? -1n : 1n;
  const n = BigInt(num) * sign;
  const d = BigInt(den) * sign;
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

/** Exact sum of fractions (0 for none). */
export function sumFractions(values: readonly Fraction[]): Fraction {
  let num = 0n;
  let den = 1n;
  for (const v of values) {
    num = num * v.den + v.num * den;
    den = den * v.den;
    const g = gcd(num, den) || 1n;
    num /= g;
    den /= g;
  }
  return { num, den };
}

/** The smaller of a fraction and a whole-number cap. */
export function minWithCap(value: Fraction, cap: number): Fraction {
  return value.num <= BigInt(cap) * value.den ? value : fraction(cap, 1);
}

/** Whether a fraction exceeds a whole number. */
export const exceeds = (value: Fraction, cap: number): boolean => value.num > BigInt(cap) * value.den;

/** The nearest double to a fraction. */
export const toNumber = (value: Fraction): number => Number(value.num) / Number(value.den);
