/**
 * Tianjin application periods (申报期): period 1 takes applications January–April and counts facts to December 31
 * of the previous year; period 2 takes applications July–October and counts facts to June 30 of the same year.
 * A period is written `YYYY-1` or `YYYY-2`.
 */
import type { Cited, IsoDate } from '../../core/types';

/** One half-year period: the year applications are made in, and which of its two periods. */
export interface ApplicationPeriod {
  readonly year: number;
  readonly half: 1 | 2;
}

/** When a period takes applications (months, inclusive) and the last day its facts are counted to. */
export interface PeriodRule {
  /** First and last month (1–12) of the application window in the period's year. */
  readonly applyFromMonth: number;
  readonly applyToMonth: number;
  /** The count cut-off: `MM-DD` in the period's year plus `cutoffYearOffset` (−1 = the previous year). */
  readonly cutoffYearOffset: -1 | 0;
  readonly cutoffMonthDay: string;
}

export type Timetable = Readonly<Record<'1' | '2', PeriodRule>>;

/** The timetable of the current Measures, with its sources (rules spec §4.3). */
export const TIANJIN_TIMETABLE: Cited<Timetable> = {
  value: {
    '1': { applyFromMonth: 1, applyToMonth: 4, cutoffYearOffset: -1, cutoffMonthDay: '12-31' },
    '2': { applyFromMonth: 7, applyToMonth: 10, cutoffYearOffset: 0, cutoffMonthDay: '06-30' },
  },
  cite: {
    instrument: '天津市居住证管理办法 津政规〔2021〕6号；天津市居住证积分落户管理实施细则 津公规〔2022〕2号',
    article: '申报时间及积分计算截止时间（第一期1–4月，截至上年12月31日；第二期7–10月，截至当年6月30日）',
    url: 'https://www.tjjfrh.com/zqzff/8272.html',
    confidence: 'high',
    note: 'Cut-off dates also at https://riaoao5l.cn/html/shnews/shebao/46507.html; exact opening days vary (2023-2 opened on Jul 24).',
  },
};

const PERIOD = /^(\d{4})-([12])$/;

/** The period written as `YYYY-1`/`YYYY-2`, or null when the text is not one. */
export function parsePeriod(text: string): ApplicationPeriod | null {
  const m = PERIOD.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return null;
  return { year, half: m[2] === '1' ? 1 : 2 };
}

/** `YYYY-1` or `YYYY-2`. */
export function formatPeriod(period: ApplicationPeriod): string {
  return `${period.year}-${period.half}`;
}

/** The period after `period`. */
export function nextPeriod(period: ApplicationPeriod): ApplicationPeriod {
  return period.half === 1 ? { year: period.year, half: 2 } : { year: period.year + 1, half: 1 };
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The next period from a date: the one open on that date, or else the next to open. With the current timetable:
 * January–April → that year's period 1, May–October → that year's period 2, November–December → next year's
 * period 1.
 */
export function defaultPeriod(asOf: IsoDate, timetable: Timetable = TIANJIN_TIMETABLE.value): ApplicationPeriod {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  if (month <= timetable['1'].applyToMonth) return { year, half: 1 };
  if (month <= timetable['2'].applyToMonth) return { year, half: 2 };
  return { year: year + 1, half: 1 };
}

/** The periods a person can score for on `asOf`: the next one (default) and the one after it. */
export function availablePeriods(asOf: IsoDate, timetable: Timetable = TIANJIN_TIMETABLE.value): readonly [ApplicationPeriod, ApplicationPeriod] {
  const first = defaultPeriod(asOf, timetable);
  return [first, nextPeriod(first)];
}

/** The last day facts are counted to for `period` (Dec 31 of the previous year, or Jun 30). */
export function cutoffOf(period: ApplicationPeriod, timetable: Timetable = TIANJIN_TIMETABLE.value): IsoDate {
  const rule = timetable[period.half === 1 ? '1' : '2'];
  return `${period.year + rule.cutoffYearOffset}-${rule.cutoffMonthDay}`;
}

/** First and last day of the period's application window. */
export function applicationWindow(
  period: ApplicationPeriod,
  timetable: Timetable = TIANJIN_TIMETABLE.value,
): { readonly from: IsoDate; readonly to: IsoDate } {
  const rule = timetable[period.half === 1 ? '1' : '2'];
  return {
    from: `${period.year}-${pad(rule.applyFromMonth)}-01`,
    to: `${period.year}-${pad(rule.applyToMonth)}-${pad(lastDayOfMonth(period.year, rule.applyToMonth))}`,
  };
}

/** Whether `text` names one of the periods available on `asOf`. */
export function isAvailablePeriod(text: string, asOf: IsoDate, timetable: Timetable = TIANJIN_TIMETABLE.value): boolean {
  const period = parsePeriod(text);
  if (!period) return false;
  return availablePeriods(asOf, timetable).some((p) => p.year === period.year && p.half === period.half);
}

/**
 * The period a result is computed for: the chosen one when it is available on `asOf`, otherwise the default
 * (validated facts never hold an unavailable one; the fallback only keeps direct calls total).
 */
export function resolvePeriod(
  chosen: string | undefined,
  asOf: IsoDate,
  timetable: Timetable = TIANJIN_TIMETABLE.value,
): { readonly period: ApplicationPeriod; readonly chosen: boolean } {
  if (chosen !== undefined && isAvailablePeriod(chosen, asOf, timetable)) {
    return { period: parsePeriod(chosen)!, chosen: true };
  }
  return { period: defaultPeriod(asOf, timetable), chosen: false };
}
