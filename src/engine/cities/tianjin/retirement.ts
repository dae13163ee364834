/**
 * Statutory retirement ages under the national gradual increase in force from 2025-01-01
 * (全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定, 2024-09-13, and its attached 办法, 第二条):
 * men 60 → 63 and women in cadre posts 55 → 58, one month later for every 4 months of original retirement dates;
 * women in worker posts 50 → 55, one month later for every 2 months. People whose original retirement date is
 * before January 2025 keep the original age.
 */
import { daysInMonth } from '../../core/dates';
import { oncePer } from '../../core/memo';
import type { Cited, IsoDate } from '../../core/types';

export const tianjinSexes = ['male', 'female'] as const;
export type TianjinSex = (typeof tianjinSexes)[number];

/** A woman's post type: cadre (管理、专业技术岗位, originally 55) or worker (生产岗位, originally 50). */
export const tianjinFemalePostTypes = ['cadre', 'worker'] as const;
export type TianjinFemalePostType = (typeof tianjinFemalePostTypes)[number];

/** The three schedules of the reform. */
export type RetirementCategory = 'male' | 'femaleCadre' | 'femaleWorker';

export interface RetirementRule {
  /** Original statutory age, years. */
  readonly originalYears: number;
  /** Original retirement months per month of delay. */
  readonly monthsPerStep: number;
  /** Largest delay, months (63 − 60 = 36; 58 − 55 = 36; 55 − 50 = 60). */
  readonly maxDelayMonths: number;
}

export interface RetirementSchedule {
  /** First month whose original retirement dates are delayed, `YYYY-MM`. */
  readonly reformStartMonth: string;
  readonly rules: Readonly<Record<RetirementCategory, RetirementRule>>;
}

/** The national schedule with its source. */
export const RETIREMENT_SCHEDULE: Cited<RetirementSchedule> = {
  value: {
    reformStartMonth: '2025-01',
    rules: {
      male: { originalYears: 60, monthsPerStep: 4, maxDelayMonths: 36 },
      femaleCadre: { originalYears: 55, monthsPerStep: 4, maxDelayMonths: 36 },
      femaleWorker: { originalYears: 50, monthsPerStep: 2, maxDelayMonths: 60 },
    },
  },
  cite: {
    instrument: '全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定（2024-09-13）；国务院关于渐进式延迟法定退休年龄的办法',
    article: '办法第二条及附件（男职工、女职工法定退休年龄对照表）',
    url: 'https://www.gov.cn/yaowen/liebiao/202409/content_6974294.htm',
    confidence: 'medium',
    note: 'The national schedule is applied to Tianjin’s “below the statutory retirement age” condition; no Tianjin notice on the reform was found (rules spec, appendix §7).',
  },
};

/** The date `months` calendar months after `date`; a day missing in the target month becomes its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A person's statutory retirement: the age (years and months) and the day it is reached. */
export interface StatutoryRetirement {
  readonly category: RetirementCategory;
  /** Delay over the original age, months. */
  readonly delayMonths: number;
  readonly ageYears: number;
  readonly ageMonths: number;
  /** The day the statutory age is reached: from this day on the person is no longer below it. */
  readonly date: IsoDate;
}

/** The reform's first month as year × 12 + month, read once per schedule. */
const reformStartOf = oncePer(
  (schedule: RetirementSchedule): number =>
    Number(schedule.reformStartMonth.slice(0, 4)) * 12 + Number(schedule.reformStartMonth.slice(5, 7)),
);

/**
 * Months of statutory age (original age plus delay) for someone born in `birthYear`/`birthMonth`: one month of
 * delay for the first `monthsPerStep` original retirement months from the reform start, one more for each further
 * step, up to the maximum.
 */
export function statutoryAgeMonths(
  birthYear: number,
  birthMonth: number,
  category: RetirementCategory,
  schedule: RetirementSchedule = RETIREMENT_SCHEDULE.value,
): number {
  const rule = schedule.rules[category];
  // Months from the reform's first month to the month the original age is reached.
  const fromStart = (birthYear + rule.originalYears) * 12 + birthMonth - reformStartOf(schedule);
  const delayMonths = fromStart < 0 ? 0 : Math.min(rule.maxDelayMonths, Math.floor(fromStart / rule.monthsPerStep) + 1);
  return rule.originalYears * 12 + delayMonths;
}

/** The statutory retirement of someone born on `birthDate` (see `statutoryAgeMonths`). */
export function statutoryRetirement(
  birthDate: IsoDate,
  category: RetirementCategory,
  schedule: RetirementSchedule = RETIREMENT_SCHEDULE.value,
): StatutoryRetirement {
  const total = statutoryAgeMonths(Number(birthDate.slice(0, 4)), Number(birthDate.slice(5, 7)), category, schedule);
  return {
    category,
    delayMonths: total - schedule.rules[category].originalYears * 12,
    ageYears: Math.floor(total / 12),
    ageMonths: total % 12,
    date: addMonths(birthDate, total),
  };
}

/** The schedule that applies to a sex and (for women) post type; null when the post type is not known. */
export function retirementCategory(sex: TianjinSex, postType: TianjinFemalePostType | undefined): RetirementCategory | null {
  if (sex === 'male') return 'male';
  if (postType === undefined) return null;
  return postType === 'cadre' ? 'femaleCadre' : 'femaleWorker';
}
