/**
 * Monthly accrual in integer hundredths of a point (decision 2 of the rules spec): within a phase, full years
 * score the yearly value and the remaining months score the monthly rate (yearly value ÷ 12 rounded half-up to
 * 0.01), as in the official example "4 points a year; one month 0.33; three months 0.99".
 */

/** Points → hundredths (exact for values that already are multiples of 0.01). */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

/** Hundredths → points (the nearest double to the 2-decimal value). */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** "00" … "99": the cents of every whole number of hundredths, formatted once (results format many of them). */
const CENTS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Hundredths as a 2-decimal string, e.g. 4432 → "44.32", −3000 → "-30.00". */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const cents = abs % 100;
  return `${sign}${Math.floor(abs / 100)}.${CENTS[cents] ?? String(cents).padStart(2, '0')}`;
}

/** The monthly rate of a yearly value, both in hundredths, rounded half-up (10 → 0.83, 4 → 0.33, 6 → 0.50). */
export function monthlyRate(yearlyHundredths: number): number {
  return Math.floor((2 * yearlyHundredths + 12) / 24);
}

/** One phase of accrual: `months` at a yearly value, split into full years and remaining months. */
export interface PhaseAccrual {
  readonly months: number;
  readonly fullYears: number;
  readonly restMonths: number;
  /** Yearly value and monthly rate, hundredths. */
  readonly yearly: number;
  readonly monthly: number;
  /** Points of the phase, hundredths. */
  readonly points: number;
}

/** `months` (a whole number ≥ 0) at `yearlyPoints` a year: full years × yearly + remaining months × monthly rate. */
export function accrue(months: number, yearlyPoints: number): PhaseAccrual {
  const yearly = toHundredths(yearlyPoints);
  const monthly = monthlyRate(yearly);
  const fullYears = Math.floor(months / 12);
  const restMonths = months - fullYears * 12;
  return { months, fullYears, restMonths, yearly, monthly, points: fullYears * yearly + restMonths * monthly };
}

/** Two-phase accrual: months 1…`threshold` at the first yearly value, later months at the second. */
export interface PhasedAccrual {
  readonly months: number;
  readonly threshold: number;
  readonly first: PhaseAccrual;
  readonly second: PhaseAccrual;
  /** Total points, hundredths. */
  readonly points: number;
}

/** Accrual in two phases, each phase counting its own full years (decision 2). */
export function accruePhased(months: number, threshold: number, firstYearly: number, secondYearly: number): PhasedAccrual {
  const first = accrue(Math.min(months, threshold), firstYearly);
  const second = accrue(Math.max(months - threshold, 0), secondYearly);
  return { months, threshold, first, second, points: first.points + second.points };
}
