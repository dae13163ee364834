/**
 * Shanghai facts, version 1: the single source for the form, the CLI, the published JSON Schema and share links.
 * Facts are raw and checkable (dates, months, counts, amounts), never point choices. Every field is optional:
 * a missing fact gives an `unknown` gate or a line that does not count yet, and is listed in `result.missing`.
 */
import * as z from 'zod/mini';
import { addYears, completedMonths, isIsoDate } from '../../core/dates';
import { amount, flag, isoDate, monthCount, type FactIssue, withFactChecks } from '../../core/fields';
import type { IsoDate } from '../../core/types';

export const SHANGHAI_FACTS_VERSION = 1;

export const shanghaiEducationLevels = [
  'none',
  'juniorCollege',
  'bachelor',
  'bachelorDegree',
  'master',
  'doctorate',
] as const;
export type ShanghaiEducation = (typeof shanghaiEducationLevels)[number];

export const shanghaiTitleLevels = [
  'none',
  'juniorTitle',
  'skill5',
  'skill4',
  'skill3',
  'skill2',
  'intermediateTitle',
  'skill1',
  'seniorTitle',
] as const;
export type ShanghaiTitle = (typeof shanghaiTitleLevels)[number];

export const shanghaiAwardLevels = ['municipalSpecial', 'municipalComprehensive', 'provincialOrHigher'] as const;
export type ShanghaiAward = (typeof shanghaiAwardLevels)[number];

export const shanghaiRemoteAreas = ['none', 'remoteKeyArea', 'lingangNewArea'] as const;
export type ShanghaiRemoteArea = (typeof shanghaiRemoteAreas)[number];

const dates = () => z.array(isoDate()).check(z.maxLength(50, { error: 'errors.tooMany' }));

/** The facts object (no cross-field checks; see `checkShanghaiFacts`). */
export const shanghaiFactsShape = z.strictObject({
  // About you
  birthDate: z.optional(isoDate()),
  residencePermit: z.optional(flag()),
  // Education and skills
  education: z.optional(z.enum(shanghaiEducationLevels, { error: 'errors.choice' })),
  /** The degree is state-recognised and verifiable on 学信网 (foreign degrees: 留服 recognition). */
  educationVerified: z.optional(flag()),
  title: z.optional(z.enum(shanghaiTitleLevels, { error: 'errors.choice' })),
  /** The title/skill matches the post the employer appointed the holder to (聘任). */
  titleMatchesPost: z.optional(flag()),
  /** Months in the last 12 with a social-insurance base ≥ 1× the average wage (title gate for 100/140). */
  titleBaseMonthsLast12: z.optional(monthCount(12)),
  shortageMajor: z.optional(flag()),
  // Work and social insurance
  /** Months of Shanghai employee social insurance in the last 12, back-payments excluded (eligibility). */
  siMonthsLast12: z.optional(monthCount(12)),
  /** Employed and paying Shanghai employee social insurance in the application month. */
  siPayingNow: z.optional(flag()),
  /** Cumulative months of Shanghai employee social insurance (back-paid months and mismatched payers excluded). */
  siMonthsTotal: z.optional(monthCount()),
  /** Months in the last 48 with a base ≥ 0.8× the average wage. */
  siBase08Months: z.optional(monthCount(48)),
  /** Months in the last 48 with a base ≥ 1× the average wage. */
  siBase1Months: z.optional(monthCount(48)),
  /** Months in the last 48 with a base ≥ 2× the average wage. */
  siBase2Months: z.optional(monthCount(48)),
  /** Months in the last 36 with a base at the ceiling (3× the average wage). */
  siBaseCeilingMonths: z.optional(monthCount(36)),
  /** Months employed in the designated public-service field (环卫). */
  sanitationMonths: z.optional(monthCount()),
  remoteArea: z.optional(z.enum(shanghaiRemoteAreas, { error: 'errors.choice' })),
  /** Months working and living in the remote key area / Lingang new area. */
  remoteAreaMonths: z.optional(monthCount()),
  // Family
  spouseShanghaiHukou: z.optional(flag()),
  marriageDate: z.optional(isoDate()),
  // Extras
  freshGraduate: z.optional(flag()),
  /** Personal share of the invested company's average yearly tax over the last 3 years, in yuan. */
  investTaxShareYuan: z.optional(amount()),
  /** The company's average yearly number of Shanghai-hukou employees over the last 3 years. */
  investHukouHires: z.optional(amount(1e7)),
  entrepreneur: z.optional(flag()),
  awards: z.optional(z.array(z.enum(shanghaiAwardLevels, { error: 'errors.choice' })).check(z.maxLength(20, { error: 'errors.tooMany' }))),
  // Records
  falseMaterialDates: z.optional(dates()),
  detentionDates: z.optional(dates()),
  crimeDates: z.optional(dates()),
  familyPlanningViolation: z.optional(flag()),
  seriousCrime: z.optional(flag()),
});

export type ShanghaiFacts = z.infer<typeof shanghaiFactsShape>;


/** Months from the 16th birthday (minimum working age) to `asOf`, or null without a birth date. */
function workingLifeMonths(birthDate: IsoDate | undefined, asOf: IsoDate): number | null {
  if (!birthDate) return null;
  return Math.max(0, completedMonths(addYears(birthDate, 16), asOf));
}

/**
 * Checks that need several facts or the as-of date: nothing dated after `asOf`, nobody older than 120,
 * no more insurance months than working life, and the "at least" band counts nested (≥2W ≤ ≥1W ≤ ≥0.8W).
 */
export function checkShanghaiFacts(facts: ShanghaiFacts, asOf: IsoDate): FactIssue[] {
  const issues: FactIssue[] = [];
  // Zod reports malformed values itself; these checks only look at well-formed ones, and never throw.
  if (!isIsoDate(asOf)) return issues;
  const birthDate = facts.birthDate && isIsoDate(facts.birthDate) ? facts.birthDate : undefined;
  if (birthDate && birthDate > asOf) issues.push({ path: ['birthDate'], message: 'errors.futureBirth' });
  if (birthDate && birthDate < addYears(asOf, -120)) issues.push({ path: ['birthDate'], message: 'errors.tooOld' });
  if (facts.marriageDate && isIsoDate(facts.marriageDate)) {
    if (facts.marriageDate > asOf) issues.push({ path: ['marriageDate'], message: 'errors.afterAsOf' });
    else if (birthDate && facts.marriageDate < birthDate)
      issues.push({ path: ['marriageDate'], message: 'errors.beforeBirth' });
  }
  for (const key of ['falseMaterialDates', 'detentionDates', 'crimeDates'] as const) {
    const list = facts[key];
    if (!Array.isArray(list)) continue;
    list.forEach((date, i) => {
      if (!isIsoDate(date)) return;
      if (date > asOf) issues.push({ path: [key, i], message: 'errors.afterAsOf' });
      else if (birthDate && date < birthDate) issues.push({ path: [key, i], message: 'errors.beforeBirth' });
    });
  }
  const life = birthDate && birthDate <= asOf ? workingLifeMonths(birthDate, asOf) : null;
  if (life !== null) {
    for (const key of ['siMonthsTotal', 'sanitationMonths', 'remoteAreaMonths'] as const) {
      const months = facts[key];
      if (typeof months === 'number' && months > life) issues.push({ path: [key], message: 'errors.exceedsWorkingLife' });
    }
    const windowed = [
      'siMonthsLast12',
      'titleBaseMonthsLast12',
      'siBase08Months',
      'siBase1Months',
      'siBase2Months',
      'siBaseCeilingMonths',
    ] as const;
    for (const key of windowed) {
      const months = facts[key];
      if (typeof months === 'number' && months > life) issues.push({ path: [key], message: 'errors.exceedsWorkingLife' });
    }
  }
  const nested = [
    ['siBase1Months', 'siBase08Months'],
    ['siBase2Months', 'siBase1Months'],
    // A month at the ceiling in the last 36 is also a month at ≥ 2W in the last 48.
    ['siBaseCeilingMonths', 'siBase2Months'],
  ] as const;
  for (const [higher, lower] of nested) {
    const h = facts[higher];
    const l = facts[lower];
    if (h !== undefined && l !== undefined && h > l) issues.push({ path: [higher], message: 'errors.bandNesting' });
  }
  if (
    typeof facts.siMonthsLast12 === 'number' &&
    typeof facts.siMonthsTotal === 'number' &&
    facts.siMonthsLast12 > facts.siMonthsTotal
  ) {
    issues.push({ path: ['siMonthsLast12'], message: 'errors.moreThanTotal' });
  }
  if (
    facts.titleBaseMonthsLast12 !== undefined &&
    facts.siMonthsLast12 !== undefined &&
    facts.titleBaseMonthsLast12 > facts.siMonthsLast12
  ) {
    issues.push({ path: ['titleBaseMonthsLast12'], message: 'errors.moreThanInsured' });
  }
  return issues;
}

/** Shanghai facts plus the cross-field checks against an as-of date. */
export function shanghaiFactsAt(asOf: IsoDate) {
  return withFactChecks(shanghaiFactsShape, checkShanghaiFacts, asOf);
}

/** The empty facts object a new form starts from. */
export const emptyShanghaiFacts: ShanghaiFacts = {};
