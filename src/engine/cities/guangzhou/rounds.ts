/**
 * The 积分制入户 round (年度) a Guangzhou score is computed for: its material cut-off date (积分材料计算时间节点), on
 * which age and the windows are counted; the 5-year window for patents and social service; the three tax years;
 * the birth-date cut-off of the age condition; and whether the subset table with 150 points applies.
 */
import { addYears, completedYears, nextDay } from '../../core/dates';
import type { Citation, IsoDate } from '../../core/types';
import { guangzhouRounds } from './packs';

/** A date window, both ends inclusive. */
export interface DateWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface RoundContext {
  readonly round: number;
  /** False when the round was derived from the as-of date. */
  readonly roundGiven: boolean;
  /** Date on which age, the 5-year windows and the deduction windows are counted. */
  readonly reference: IsoDate;
  /** Citation of the published cut-off date, or null when it was not found and `reference` is our fallback. */
  readonly referenceCite: Citation | null;
  /** Window of patents, blood donation and volunteering. */
  readonly serviceWindow: DateWindow & { readonly published: boolean };
  /** The three tax years (calendar years, inclusive). */
  readonly taxYears: { readonly fromYear: number; readonly toYear: number; readonly published: boolean };
  /** From the 2022 round: the subset table must reach 150, gates of the 2023 办法, ranking by the basic score. */
  readonly subsetRule: boolean;
  /** Born on or after this date for the age condition of subset-rule rounds. */
  readonly birthCutoff: { readonly date: IsoDate; readonly published: boolean; readonly cite: Citation };
}

/** The calendar day before `date`. */
export function previousDay(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** Whether `date` is a birthday (the day completed years go up; 29 February births in common years: 1 March). */
export function isBirthday(birthDate: IsoDate, date: IsoDate): boolean {
  return completedYears(birthDate, date) > completedYears(birthDate, previousDay(date));
}

/** The window of `years` years ending on `to`: (to − years, to], as inclusive dates. */
export function windowEndingOn(to: IsoDate, years: number): DateWindow {
  return { from: nextDay(addYears(to, -years)), to };
}

export const inWindow = (date: IsoDate, period: DateWindow): boolean => date >= period.from && date <= period.to;

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

/**
 * The round context for a round year (default: the as-of year). Published values are used where found; otherwise
 * the cut-off is the as-of date or 31 December of the round year, whichever is earlier, the windows end on it, and
 * the tax years are the last `taxYears` calendar years completed by it (this formula matches every published round).
 */
export function roundContext(
  roundYear: number | undefined,
  asOf: IsoDate,
  windowYears: number,
  taxYearCount: number,
): RoundContext {
  const round = roundYear ?? yearOf(asOf);
  const rounds = guangzhouRounds;
  const cutoff = rounds.materialCutoffs.find((c) => c.value.round === round);
  const yearEnd = `${String(round).padStart(4, '0')}-12-31`;
  const reference = cutoff ? cutoff.value.date : asOf < yearEnd ? asOf : yearEnd;

  const period = rounds.serviceWindows.find((w) => w.value.round === round);
  const serviceWindow = period
    ? { from: period.value.from, to: period.value.to, published: true }
    : { ...windowEndingOn(reference, windowYears), published: false };

  const tax = rounds.taxYears.find((t) => t.value.round === round);
  const lastTaxYear = reference.endsWith('-12-31') ? yearOf(reference) : yearOf(reference) - 1;
  const taxYears = tax
    ? { fromYear: tax.value.fromYear, toYear: tax.value.toYear, published: true }
    : { fromYear: lastTaxYear - taxYearCount + 1, toYear: lastTaxYear, published: false };

  const birth = rounds.birthCutoffs.find((b) => b.value.round === round);
  const birthCutoff = birth
    ? { date: birth.value.date, published: true, cite: birth.cite }
    : {
        date: `${String(round - rounds.ageGate.value.yearsBeforeRound).padStart(4, '0')}-01-01`,
        published: false,
        cite: rounds.ageGate.cite,
      };

  return {
    round,
    roundGiven: roundYear !== undefined,
    reference,
    referenceCite: cutoff ? cutoff.cite : null,
    serviceWindow,
    taxYears,
    subsetRule: round >= rounds.subsetRule.value.subsetFromRound,
    birthCutoff,
  };
}
