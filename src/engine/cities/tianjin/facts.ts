/**
 * Tianjin facts, version 1: the single source for the form, the CLI, the published JSON Schema and share links.
 * Facts are raw and checkable (dates, months, counts, choices), never point values. Every field is optional.
 * Month counts are entered as of the period's cut-off date (Dec 31 of the previous year for period 1, Jun 30 for
 * period 2) and only count qualifying months: back-paid (补缴), transferred-in (异地转入) and flexible-employment
 * self-paid (灵活就业人员个人缴纳) months are left out.
 */
import * as z from 'zod/mini';
import { addYears, completedMonths, isIsoDate, nextDay } from '../../core/dates';
import { flag, isoDate, monthCount, type FactIssue, withFactChecks } from '../../core/fields';
import type { IsoDate } from '../../core/types';
import { tianjinDistricts } from './districts';
import { cutoffOf, isAvailablePeriod, parsePeriod, resolvePeriod } from './period';
import { tianjinFemalePostTypes, tianjinSexes } from './retirement';

export const TIANJIN_FACTS_VERSION = 1;

export { tianjinDistricts, tianjinFemalePostTypes, tianjinSexes };

/** Highest education: below junior college, junior college, senior technical school advanced class, bachelor's or above. */
export const tianjinEducationLevels = ['none', 'juniorCollege', 'advancedTechnicalClass', 'bachelorOrAbove'] as const;
export type TianjinEducation = (typeof tianjinEducationLevels)[number];

/** Professional qualifications from the national unified examination, by the title level they equal. */
export const tianjinProfQualifications = ['none', 'junior', 'intermediate', 'senior'] as const;
export type TianjinProfQualification = (typeof tianjinProfQualifications)[number];

/** Vocational skill levels (初级工 … 高级技师). */
export const tianjinSkillLevels = [
  'none',
  'juniorWorker',
  'intermediateWorker',
  'seniorWorker',
  'technician',
  'seniorTechnician',
] as const;
export type TianjinSkillLevel = (typeof tianjinSkillLevels)[number];

/** Shortage level of the certificate's occupation in the yearly catalogue (一般紧缺 / 紧缺 / 非常紧缺). */
export const tianjinOccupationShortages = ['none', 'general', 'scarce', 'veryScarce'] as const;
export type TianjinOccupationShortage = (typeof tianjinOccupationShortages)[number];

/** Skills-competition awards (provincial: top 10 class-1 / top 6 class-2; national: top 20 / top 15). */
export const tianjinAwards = ['none', 'provincialCompetition', 'nationalCompetition'] as const;
export type TianjinAward = (typeof tianjinAwards)[number];

/** The five insurance types scored separately (按险种计分). */
export const tianjinInsuranceTypes = ['pension', 'medical', 'unemployment', 'injury', 'maternity'] as const;
export type TianjinInsuranceType = (typeof tianjinInsuranceTypes)[number];

/** The months fact of each insurance type. */
export const insuranceMonthsFact = {
  pension: 'siPensionMonths',
  medical: 'siMedicalMonths',
  unemployment: 'siUnemploymentMonths',
  injury: 'siInjuryMonths',
  maternity: 'siMaternityMonths',
} as const satisfies Record<TianjinInsuranceType, string>;

const dates = () => z.array(isoDate()).check(z.maxLength(50, { error: 'errors.tooMany' }));

/** One owned home: its district, the day points start, and whether it was bought new from the developer. */
export const tianjinHomeShape = z.strictObject({
  district: z.enum(tianjinDistricts, { error: 'errors.choice' }),
  /** Day the purchase contract was signed with deed tax paid, or the day the property certificate was issued. */
  ownedFrom: isoDate(),
  /** New commodity housing (新建商品住房) bought from the developer; false or absent: second-hand. */
  newCommodity: z.optional(flag()),
});
export type TianjinHome = z.infer<typeof tianjinHomeShape>;

/** The facts object (no cross-field checks; see `checkTianjinFacts`). */
export const tianjinFactsShape = z.strictObject({
  // When you apply
  /** `YYYY-1` (applications Jan–Apr, counted to Dec 31 of the previous year) or `YYYY-2` (Jul–Oct, to Jun 30). */
  applicationPeriod: z.optional(
    z.string({ error: 'errors.periodFormat' }).check(z.regex(/^\d{4}-[12]$/, { error: 'errors.periodFormat' })),
  ),
  // About you
  birthDate: z.optional(isoDate()),
  sex: z.optional(z.enum(tianjinSexes, { error: 'errors.choice' })),
  femalePostType: z.optional(z.enum(tianjinFemalePostTypes, { error: 'errors.choice' })),
  residencePermit: z.optional(flag()),
  tianjinEmployer: z.optional(flag()),
  // Social insurance and housing fund (qualifying months as of the cut-off)
  siMonthsLast12: z.optional(monthCount(12)),
  siMonthsSince2014: z.optional(monthCount()),
  siPayingNow: z.optional(flag()),
  siPensionMonths: z.optional(monthCount()),
  siMedicalMonths: z.optional(monthCount()),
  siUnemploymentMonths: z.optional(monthCount()),
  siInjuryMonths: z.optional(monthCount()),
  siMaternityMonths: z.optional(monthCount()),
  fundMonths: z.optional(monthCount()),
  // Residence
  endorsementDates: z.optional(dates()),
  rentMonths: z.optional(monthCount()),
  homes: z.optional(z.array(tianjinHomeShape).check(z.maxLength(50, { error: 'errors.tooMany' }))),
  // Education and skills
  education: z.optional(z.enum(tianjinEducationLevels, { error: 'errors.choice' })),
  profQualification: z.optional(z.enum(tianjinProfQualifications, { error: 'errors.choice' })),
  skillLevel: z.optional(z.enum(tianjinSkillLevels, { error: 'errors.choice' })),
  occupationShortage: z.optional(z.enum(tianjinOccupationShortages, { error: 'errors.choice' })),
  award: z.optional(z.enum(tianjinAwards, { error: 'errors.choice' })),
  // Family
  married: z.optional(flag()),
  marriageDate: z.optional(isoDate()),
  spouseSiMonths: z.optional(monthCount()),
  spouseActiveMilitary: z.optional(flag()),
  // Records
  crimeSentenceEndDates: z.optional(dates()),
  falseInfoDates: z.optional(dates()),
});

export type TianjinFacts = z.infer<typeof tianjinFactsShape>;

export { tianjinFactDescriptions } from './factDescriptions';


const MONTH_FACTS = [
  'siMonthsLast12',
  'siMonthsSince2014',
  'siPensionMonths',
  'siMedicalMonths',
  'siUnemploymentMonths',
  'siInjuryMonths',
  'siMaternityMonths',
  'fundMonths',
  'rentMonths',
] as const;

const DATE_LIST_FACTS = ['endorsementDates', 'crimeSentenceEndDates', 'falseInfoDates'] as const;

/** First month of the cumulative social-insurance condition (eligibility). */
export const SI_CUMULATIVE_SINCE: IsoDate = '2014-01-01';

/** The cut-off date the facts are counted to, for the chosen (or default) period. */
export function tianjinCutoff(facts: Pick<TianjinFacts, 'applicationPeriod'>, asOf: IsoDate): IsoDate {
  return cutoffOf(resolvePeriod(facts.applicationPeriod, asOf).period);
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * Checks that need several facts or the as-of date. Nothing may be dated after `asOf` or before birth; the
 * period must be the next one or the one after; month counts (as of the cut-off) may not exceed the months since
 * the 16th birthday, nor, for the cumulative SI count, the months since 2014; the eligibility counts may not
 * exceed the insured months; rented plus owned months may not exceed the months since the 16th birthday.
 * Never throws on malformed input.
 */
export function checkTianjinFacts(facts: TianjinFacts, asOf: IsoDate): FactIssue[] {
  const issues: FactIssue[] = [];
  if (!isIsoDate(asOf) || typeof facts !== 'object' || facts === null) return issues;
  const birthDate = typeof facts.birthDate === 'string' && isIsoDate(facts.birthDate) ? facts.birthDate : undefined;
  if (birthDate && birthDate > asOf) issues.push({ path: ['birthDate'], message: 'errors.futureBirth' });
  if (birthDate && birthDate < addYears(asOf, -120)) issues.push({ path: ['birthDate'], message: 'errors.tooOld' });

  const period = typeof facts.applicationPeriod === 'string' ? facts.applicationPeriod : undefined;
  if (period !== undefined && parsePeriod(period) && !isAvailablePeriod(period, asOf)) {
    issues.push({ path: ['applicationPeriod'], message: 'errors.periodNotAvailable' });
  }
  const cutoff = tianjinCutoff({ applicationPeriod: period }, asOf);
  // Months are counted through the cut-off day.
  const countEnd = nextDay(cutoff);

  const checkDate = (date: unknown, path: readonly (string | number)[]) => {
    if (typeof date !== 'string' || !isIsoDate(date)) return;
    if (date > asOf) issues.push({ path, message: 'errors.afterAsOf' });
    else if (birthDate && date < birthDate) issues.push({ path, message: 'errors.beforeBirth' });
  };
  checkDate(facts.marriageDate, ['marriageDate']);
  for (const key of DATE_LIST_FACTS) {
    const list = facts[key];
    if (!Array.isArray(list)) continue;
    list.forEach((date, i) => checkDate(date, [key, i]));
  }
  const homes = Array.isArray(facts.homes) ? facts.homes : [];
  homes.forEach((home, i) => {
    if (home && typeof home === 'object') checkDate((home as { ownedFrom?: unknown }).ownedFrom, ['homes', i, 'ownedFrom']);
  });

  const life = birthDate && birthDate <= asOf ? Math.max(0, completedMonths(addYears(birthDate, 16), countEnd)) : null;
  if (life !== null) {
    for (const key of MONTH_FACTS) {
      const months = num(facts[key]);
      if (months !== undefined && months > life) issues.push({ path: [key], message: 'errors.exceedsWorkingLife' });
    }
  }

  const since2014 = num(facts.siMonthsSince2014);
  if (since2014 !== undefined && since2014 > Math.max(0, completedMonths(SI_CUMULATIVE_SINCE, countEnd))) {
    issues.push({ path: ['siMonthsSince2014'], message: 'errors.moreThanSince2014' });
  }
  const typeMonths = Object.values(insuranceMonthsFact)
    .map((key) => num(facts[key]))
    .filter((m): m is number => m !== undefined);
  if (typeMonths.length > 0) {
    const most = Math.max(...typeMonths);
    for (const key of ['siMonthsLast12', 'siMonthsSince2014'] as const) {
      const months = num(facts[key]);
      if (months !== undefined && months > most) issues.push({ path: [key], message: 'errors.moreThanTotal' });
    }
  }

  const rent = num(facts.rentMonths);
  if (rent !== undefined && rent > 0 && birthDate && life !== null) {
    const starts = homes
      .map((home) => (home && typeof home === 'object' ? (home as { ownedFrom?: unknown }).ownedFrom : undefined))
      .filter((d): d is string => typeof d === 'string' && isIsoDate(d) && d <= cutoff);
    if (starts.length > 0) {
      // Months owned since the 16th birthday: rented months must lie outside them.
      const sixteen = addYears(birthDate, 16);
      const earliest = starts.reduce((a, b) => (b < a ? b : a));
      const owned = Math.max(0, completedMonths(earliest > sixteen ? earliest : sixteen, countEnd));
      if (rent <= life && rent + owned > life) issues.push({ path: ['rentMonths'], message: 'errors.rentOverlapsOwned' });
    }
  }
  return issues;
}

/** Tianjin facts plus the cross-field checks against an as-of date. */
export function tianjinFactsAt(asOf: IsoDate) {
  return withFactChecks(tianjinFactsShape, checkTianjinFacts, asOf);
}

/** The empty facts object a new form starts from. */
export const emptyTianjinFacts: TianjinFacts = {};
