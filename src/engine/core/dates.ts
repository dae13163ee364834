/** Calendar helpers on `YYYY-MM-DD` strings. No time zones: policy dates are local calendar dates. */
import type { IsoDate } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month (month 1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether a string is a real calendar date in `YYYY-MM-DD` form (rejects 2023-02-30). */
export function isIsoDate(value: string): value is IsoDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parts(date: IsoDate): Ymd {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function format({ y, m, d }: Ymd): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Completed years (周岁) from `from` to `to`; a 29 February anniversary is reached on 1 March. */
export function completedYears(from: IsoDate, to: IsoDate): number {
  const a = parts(from);
  const b = parts(to);
  let years = b.y - a.y;
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) years -= 1;
  return years;
}

/** Completed months from `from` to `to` (a month is complete on the same day number, or the month's end). */
export function completedMonths(from: IsoDate, to: IsoDate): number {
  const a = parts(from);
  const b = parts(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  const dayReached = b.d >= a.d || b.d === daysInMonth(b.y, b.m);
  if (!dayReached) months -= 1;
  return months;
}

/** The same calendar day `years` later (or earlier); 29 February maps to 28 February in common years. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const p = parts(date);
  const y = p.y + years;
  return format({ y, m: p.m, d: Math.min(p.d, daysInMonth(y, p.m)) });
}

/** The next calendar day. */
export function nextDay(date: IsoDate): IsoDate {
  const p = parts(date);
  if (p.d < daysInMonth(p.y, p.m)) return format({ ...p, d: p.d + 1 });
  if (p.m < 12) return format({ y: p.y, m: p.m + 1, d: 1 });
  return format({ y: p.y + 1, m: 1, d: 1 });
}

/** Today's local date as `YYYY-MM-DD`. Only callers at the edge (UI, CLI) use it; the engine takes dates. */
export function todayIso(now: Date = new Date()): IsoDate {
  return format({ y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() });
}

/**
 * Whether an event on `eventDate` is still inside a window of `years` years ending on `asOf`:
 * the window is (asOf − years, asOf]. On the exact anniversary the window has passed.
 */
export function withinYears(eventDate: IsoDate, asOf: IsoDate, years: number): boolean {
  return eventDate <= asOf && eventDate > addYears(asOf, -years);
}
