/** Calendar helpers on `YYYY-MM-DD` strings. No time zones: policy dates are local calendar dates. */
import type { IsoDate } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month (month 1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * `YYYY-MM-DD` read as the number YYYYMMDD (2024-02-29 → 20240229), or -1 when the value is not in that form.
 * Accepts exactly what /^(\d{4})-(\d{2})-(\d{2})$/ accepts, including non-dates such as 2023-02-30. Scoring reads
 * dates on every evaluation, so strings are scanned by character code: no match arrays, no objects.
 */
export function ymdNumber(value: string): number {
  if (typeof value !== 'string') return ymdNumberByPattern(value);
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** The same for values that are not strings, which the pattern reads through their string form. */
function ymdNumberByPattern(value: unknown): number {
  const m = ISO_DATE.exec(value as string);
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : -1;
}

/** Whether a string is a real calendar date in `YYYY-MM-DD` form (rejects 2023-02-30). */
export function isIsoDate(value: string): value is IsoDate {
  const n = ymdNumber(value);
  if (n < 0) return false;
  const y = Math.floor(n / 10000);
  const mo = Math.floor(n / 100) % 100;
  const d = n % 100;
  return y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** YYYYMMDD of a date that must be one (`ymdNumber`); a malformed date is a programming error and throws. */
export function ymdOf(date: IsoDate): number {
  const n = ymdNumber(date);
  if (n < 0) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return n;
}

/** The year, month (1–12) and day of a YYYYMMDD number. */
export const ymdYear = (n: number): number => Math.floor(n / 10000);
export const ymdMonth = (n: number): number => Math.floor(n / 100) % 100;
export const ymdDay = (n: number): number => n % 100;

/** Completed years between two YYYYMMDD numbers (a 29 February anniversary is reached on 1 March). */
export function yearsBetweenYmd(from: number, to: number): number {
  // MMDD of `to` before MMDD of `from`: the anniversary is not reached yet.
  return ymdYear(to) - ymdYear(from) - (to % 10000 < from % 10000 ? 1 : 0);
}

/** Completed months between two YYYYMMDD numbers (a month is complete on the same day number, or the month's end). */
export function monthsBetweenYmd(from: number, to: number): number {
  const by = ymdYear(to);
  const bm = ymdMonth(to);
  const bd = ymdDay(to);
  const months = (by - ymdYear(from)) * 12 + (bm - ymdMonth(from));
  return bd >= ymdDay(from) || bd === daysInMonth(by, bm) ? months : months - 1;
}

/** Zero-padded to `width` digits, as String(n).padStart(width, '0'); the common cases without padStart. */
function padded(n: number, width: 2 | 4): string {
  if (Number.isInteger(n) && n >= 0) {
    if (width === 2 ? n >= 10 && n <= 99 : n >= 1000 && n <= 9999) return String(n);
    if (width === 2 && n <= 9) return `0${n}`;
  }
  return String(n).padStart(width, '0');
}

function format(y: number, m: number, d: number): IsoDate {
  return `${padded(y, 4)}-${padded(m, 2)}-${padded(d, 2)}`;
}

/** Completed years (周岁) from `from` to `to`; a 29 February anniversary is reached on 1 March. */
export function completedYears(from: IsoDate, to: IsoDate): number {
  return yearsBetweenYmd(ymdOf(from), ymdOf(to));
}

/** Completed months from `from` to `to` (a month is complete on the same day number, or the month's end). */
export function completedMonths(from: IsoDate, to: IsoDate): number {
  return monthsBetweenYmd(ymdOf(from), ymdOf(to));
}

/** The same calendar day `years` later (or earlier); 29 February maps to 28 February in common years. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const n = ymdOf(date);
  const y = Math.floor(n / 10000) + years;
  const m = Math.floor(n / 100) % 100;
  return format(y, m, Math.min(n % 100, daysInMonth(y, m)));
}

/** The next calendar day. */
export function nextDay(date: IsoDate): IsoDate {
  const n = ymdOf(date);
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  if (d < daysInMonth(y, m)) return format(y, m, d + 1);
  if (m < 12) return format(y, m + 1, 1);
  return format(y + 1, 1, 1);
}

/** Today's local date as `YYYY-MM-DD`. Only callers at the edge (UI, CLI) use it; the engine takes dates. */
export function todayIso(now: Date = new Date()): IsoDate {
  return format(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

// The last window start asked for: a result checks every record of a kind against the same as-of date and window.
let lastWindowAsOf: IsoDate | undefined;
let lastWindowYears = Number.NaN;
let lastWindowStart: IsoDate = '';

/**
 * The exclusive start of a window of `years` years ending on `asOf`, i.e. `addYears(asOf, -years)`: an event is
 * inside the window when `windowStart < event <= asOf`. Remembers the last answer.
 */
export function windowStart(asOf: IsoDate, years: number): IsoDate {
  if (asOf === lastWindowAsOf && years === lastWindowYears && typeof asOf === 'string') return lastWindowStart;
  const start = addYears(asOf, -years);
  lastWindowAsOf = asOf;
  lastWindowYears = years;
  lastWindowStart = start;
  return start;
}

/**
 * Whether an event on `eventDate` is still inside a window of `years` years ending on `asOf`:
 * the window is (asOf − years, asOf]. On the exact anniversary the window has passed.
 */
export function withinYears(eventDate: IsoDate, asOf: IsoDate, years: number): boolean {
  return eventDate <= asOf && eventDate > windowStart(asOf, years);
}
