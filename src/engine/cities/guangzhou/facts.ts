/**
 * Guangzhou facts, version 1: the single source for the form, the CLI, the published JSON Schema and share links.
 * Facts are raw and checkable (dates, months, counts, yuan, hours per calendar year), never point choices. Every
 * field is optional: a missing fact gives an `unknown` gate or a line that does not count yet, and is listed in
 * `result.missing`. Months are counted up to the round's material cut-off date (积分材料计算时间节点).
 */
import * as z from 'zod/mini';
import { addYears, completedMonths, isIsoDate } from '../../core/dates';
import { amount, count, flag, isoDate, monthCount, type FactIssue, withFactChecks } from '../../core/fields';
import type { IsoDate } from '../../core/types';

export const GUANGZHOU_FACTS_VERSION = 1;

/** The first 积分制入户 round under the 来穗人员积分制 (the 2018 trial rules). */
export const GUANGZHOU_FIRST_ROUND = 2018;

/** Highest completed education (文化程度). */
export const guangzhouEducationLevels = ['belowHighSchool', 'highSchool', 'juniorCollege', 'bachelorOrHigher'] as const;
export type GuangzhouEducation = (typeof guangzhouEducationLevels)[number];

/**
 * The highest professional title or vocational qualification (技术能力), as written on the certificate. Several
 * certificates share a tier of the table: see `technicalTier` in packs.ts.
 */
export const guangzhouTechnicalLevels = [
  'none',
  'skillIntermediate',
  'workerTech4',
  'skillSenior',
  'workerTech3',
  'juniorTitle',
  'technician',
  'intermediateTitle',
] as const;
export type GuangzhouTechnicalLevel = (typeof guangzhouTechnicalLevels)[number];

/** Kinds of patent (专利). Design patents score only under the 2018 table. */
export const guangzhouPatentKinds = ['invention', 'utility', 'design'] as const;
export type GuangzhouPatentKind = (typeof guangzhouPatentKinds)[number];

/** Awards and honours (表彰奖项), one entry per distinct award at its highest level; military merits per award. */
export const guangzhouAwardLevels = [
  'national',
  'provincial',
  'municipal',
  'district',
  'militaryHonour',
  'meritFirstClass',
  'meritSecondClass',
  'meritThirdClass',
] as const;
export type GuangzhouAward = (typeof guangzhouAwardLevels)[number];

/** The five social-insurance types, each scored and checked on its own. */
export const guangzhouInsuranceTypes = ['pension', 'medical', 'unemployment', 'workInjury', 'maternity'] as const;
export type GuangzhouInsuranceType = (typeof guangzhouInsuranceTypes)[number];

/** Fact name of the months of each insurance type. */
export const insuranceMonthsFact = {
  pension: 'pensionMonths',
  medical: 'medicalMonths',
  unemployment: 'unemploymentMonths',
  workInjury: 'workInjuryMonths',
  maternity: 'maternityMonths',
} as const satisfies Record<GuangzhouInsuranceType, string>;

const MAX_ENTRIES = 50;
const tooMany = { error: 'errors.tooMany' } as const;

/** A calendar year (tax year, volunteering year). */
const calendarYear = () =>
  z.number({ error: 'errors.number' }).check(
    z.int({ error: 'errors.integer' }),
    z.minimum(1950, { error: 'errors.year' }),
    z.maximum(2100, { error: 'errors.year' }),
  );

const dates = () => z.array(isoDate()).check(z.maxLength(MAX_ENTRIES, tooMany));

/** A date that must be present inside a list row (a missing one reads “enter a real date”, not zod's wording). */
const rowDate = () => z.string({ error: 'errors.date' }).check(z.refine((v) => isIsoDate(v), { error: 'errors.date' }));

/** One patent: its kind, the number of inventors named on it, whether the applicant is the first, the grant date. */
export const guangzhouPatentShape = z.strictObject({
  kind: z.enum(guangzhouPatentKinds, { error: 'errors.choice' }),
  inventors: z.number({ error: 'errors.number' }).check(
    z.int({ error: 'errors.integer' }),
    z.minimum(1, { error: 'errors.minOne' }),
    z.maximum(100, { error: 'errors.tooLarge' }),
  ),
  firstInventor: z.optional(flag()),
  grantDate: rowDate(),
});
export type GuangzhouPatent = z.infer<typeof guangzhouPatentShape>;

/** Volunteer hours served in one calendar year. */
export const guangzhouVolunteerYearShape = z.strictObject({
  year: calendarYear(),
  // 366 days × 24 hours.
  hours: amount(8784),
});

/** Tax paid in Guangzhou in one calendar (tax) year, in yuan. */
export const guangzhouTaxYearShape = z.strictObject({
  year: calendarYear(),
  yuan: amount(),
});

/** The facts object (no cross-field checks; see `checkGuangzhouFacts`). */
export const guangzhouFactsShape = z.strictObject({
  // The round
  roundYear: z.optional(
    z.number({ error: 'errors.number' }).check(
      z.int({ error: 'errors.integer' }),
      z.minimum(GUANGZHOU_FIRST_ROUND, { error: 'errors.roundYear' }),
      z.maximum(2100, { error: 'errors.roundYear' }),
    ),
  ),
  // About you
  birthDate: z.optional(isoDate()),
  residencePermit: z.optional(flag()),
  residencePermitMonths: z.optional(monthCount()),
  employedInGuangzhou: z.optional(flag()),
  // Housing
  ownsProperty: z.optional(flag()),
  propertyInConghuaOrZengcheng: z.optional(flag()),
  rentalMonths: z.optional(monthCount()),
  movedOutMonths: z.optional(monthCount()),
  // Social insurance and housing fund
  pensionMonths: z.optional(monthCount()),
  medicalMonths: z.optional(monthCount()),
  unemploymentMonths: z.optional(monthCount()),
  workInjuryMonths: z.optional(monthCount()),
  maternityMonths: z.optional(monthCount()),
  housingFundMonths: z.optional(monthCount()),
  // Education and skills
  education: z.optional(z.enum(guangzhouEducationLevels, { error: 'errors.choice' })),
  technicalLevel: z.optional(z.enum(guangzhouTechnicalLevels, { error: 'errors.choice' })),
  worksInCertifiedOccupation: z.optional(flag()),
  // Innovation
  patents: z.optional(z.array(guangzhouPatentShape).check(z.maxLength(MAX_ENTRIES, tooMany))),
  highTechMonths: z.optional(monthCount()),
  // Occupation
  shortageOccupation: z.optional(flag()),
  frontLineMonths: z.optional(monthCount()),
  // Social service
  bloodDonationDates: z.optional(dates()),
  volunteerHours: z.optional(z.array(guangzhouVolunteerYearShape).check(z.maxLength(MAX_ENTRIES, tooMany))),
  // Tax
  incomeTax: z.optional(z.array(guangzhouTaxYearShape).check(z.maxLength(MAX_ENTRIES, tooMany))),
  companyTax: z.optional(z.array(guangzhouTaxYearShape).check(z.maxLength(MAX_ENTRIES, tooMany))),
  // Awards
  awards: z.optional(z.array(z.enum(guangzhouAwardLevels, { error: 'errors.choice' })).check(z.maxLength(MAX_ENTRIES, tooMany))),
  // Records
  badCreditCases: z.optional(count(100)),
  taxEvasionDates: z.optional(dates()),
  publicSecurityPenaltyDates: z.optional(dates()),
  criminalPunishmentDates: z.optional(dates()),
});

export type GuangzhouFacts = z.infer<typeof guangzhouFactsShape>;

/** One English sentence per fact (unit, window, meaning), for the published JSON Schema. */
export const guangzhouFactDescriptions: Readonly<Record<keyof GuangzhouFacts, string>> = {
  roundYear:
    'Year of the 积分制入户 round (年度), 2018 up to the year of the as-of date. Omitted: the year of the as-of date. Age and the 5-year and 3-tax-year windows are counted on that round’s material cut-off date.',
  birthDate: 'Date of birth (YYYY-MM-DD). Age on the round’s material cut-off date gives the age points; the 入户 age condition uses the round’s birth-date cut-off.',
  residencePermit: 'Holds a valid Guangdong residence permit (广东省居住证) issued in Guangzhou (入户 condition from the 2022 round).',
  residencePermitMonths:
    'Months of Guangzhou residence permit counted by the rules (periods from 2016 added up; earlier periods only when continuous) (8 points per full year from 2021-11-16; 3 under the 2018 trial table).',
  employedInGuangzhou: 'Lawfully employed or running a business in Guangzhou (入户 condition from the 2022 round).',
  ownsProperty: 'Owns a legal property (合法产权住所) in Guangzhou, alone or with the spouse (20 points; 10 under the 2018 table; property or rental, the higher counts).',
  propertyInConghuaOrZengcheng: 'That property is in Conghua or Zengcheng district (2018 table only: 5 more points).',
  rentalMonths: 'Months living in a registered legal rental or an employer dormitory in Guangzhou (5 points per full year, cap 20; 2018 table: 2 per full year, cap 10).',
  movedOutMonths: 'Months since moving residence from Yuexiu, Haizhu, Liwan or Tianhe to another Guangzhou district (2 points per full year, cap 10).',
  pensionMonths: 'Months of Guangzhou pension insurance while employed in Guangzhou; transferred-in and back-paid months excluded (2 points per full year; 48 months needed for 入户 from the 2022 round).',
  medicalMonths: 'Months of Guangzhou medical insurance (employee or urban-rural resident) while employed in Guangzhou; transferred-in and back-paid months excluded (2 points per full year; 48 months needed for 入户).',
  unemploymentMonths: 'Months of Guangzhou unemployment insurance; transferred-in and back-paid months excluded (2 points per full year; 48 months needed for 入户).',
  workInjuryMonths: 'Months of Guangzhou work-injury insurance; transferred-in and back-paid months excluded (2 points per full year; 48 months needed for 入户).',
  maternityMonths: 'Months of Guangzhou maternity insurance; transferred-in and back-paid months excluded (2 points per full year; 48 months needed for 入户).',
  housingFundMonths: 'Months of Guangzhou housing provident fund (住房公积金) while employed in Guangzhou; transferred-in and back-paid months excluded (2 points per full year; not in the 2018 table).',
  education: 'Highest state-recognised education completed (2021 table: 30/20/10 bonus points; 2018 table: 50/35/20 basic points).',
  technicalLevel: 'Highest professional title or vocational qualification held (技术能力; 2021: 20/10/5, 2018: 30/20/10; not in the 入户 table from the 2022 round).',
  worksInCertifiedOccupation: 'Currently works in the occupation matching that certificate (adds 5; 10 under the 2018 table).',
  patents:
    'Patents on which the person is a named inventor, granted with a Guangzhou address and still valid: kind, number of inventors, first inventor or not, grant date (counted when granted within the 5 years before the cut-off date).',
  highTechMonths: 'Months of professional technical work at a Guangzhou high-tech enterprise or new R&D institution (2 points per full year, cap 10).',
  shortageOccupation: 'Occupation or qualification is on that year’s Guangzhou shortage list (积分急需工种目录) (10 points; 20 under the 2018 table).',
  frontLineMonths: 'Months in the current front-line job in a special-skill or hardship sector (sanitation, public transport, policing, care …), certified by the employer; absent or 0 if not working front-line now (10 points plus 5 per full year).',
  bloodDonationDates: 'Dates (YYYY-MM-DD) of voluntary blood donations (2 points each within the 5-year window, cap 10; 2018: at most 2 points a year).',
  volunteerHours: 'Registered volunteer hours per calendar year (2 points per full 50 hours, at most 2 a year, cap 10; 2018: 1 per 50 hours).',
  incomeTax: 'Individual income tax paid in Guangzhou per calendar year, in yuan (summed over the round’s 3 tax years: from 10,000 → 4, 30,000 → 8, 60,000 → 12).',
  companyTax: 'Tax paid in Guangzhou per calendar year by a company the person invested in or founded, in yuan (summed over the 3 tax years: from 50,000 → 4, 100,000 → 8, 200,000 → 12).',
  awards: 'Awards won while working in Guangzhou, one entry per distinct award at its highest level; one entry per military merit (military awards need not be won in Guangzhou).',
  badCreditCases: 'Bad-credit records held as a company’s legal representative or an individual business owner (−10 each; −5 under the 2018 table).',
  taxEvasionDates: 'Dates (YYYY-MM-DD) of tax-evasion findings (−10 each within 5 years).',
  publicSecurityPenaltyDates: 'Dates (YYYY-MM-DD) of public-security administrative penalties (治安管理处罚) (−10 each within 5 years).',
  criminalPunishmentDates: 'Dates (YYYY-MM-DD) of criminal punishments (a punishment within 5 years bars 积分制入户; no points are deducted).',
};


const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Checks that need several facts or the as-of date: nothing dated after `asOf` or before birth, the round not
 * after the as-of year, nobody older than 120, and employment months within working life (months since the 16th
 * birthday). Never throws: malformed values are left to the schema.
 */
export function checkGuangzhouFacts(facts: GuangzhouFacts, asOf: IsoDate): FactIssue[] {
  const issues: FactIssue[] = [];
  if (!isIsoDate(asOf) || !isRecord(facts)) return issues;
  const asOfYear = Number(asOf.slice(0, 4));
  const birthDate = typeof facts.birthDate === 'string' && isIsoDate(facts.birthDate) ? facts.birthDate : undefined;
  if (birthDate && birthDate > asOf) issues.push({ path: ['birthDate'], message: 'errors.futureBirth' });
  if (birthDate && birthDate < addYears(asOf, -120)) issues.push({ path: ['birthDate'], message: 'errors.tooOld' });
  const bornBy = birthDate && birthDate <= asOf ? birthDate : undefined;

  if (typeof facts.roundYear === 'number' && Number.isInteger(facts.roundYear) && facts.roundYear > asOfYear) {
    issues.push({ path: ['roundYear'], message: 'errors.roundYear' });
  }

  const checkDate = (path: readonly (string | number)[], date: unknown) => {
    if (typeof date !== 'string' || !isIsoDate(date)) return;
    if (date > asOf) issues.push({ path, message: 'errors.afterAsOf' });
    else if (bornBy && date < bornBy) issues.push({ path, message: 'errors.beforeBirth' });
  };
  for (const key of ['bloodDonationDates', 'taxEvasionDates', 'publicSecurityPenaltyDates', 'criminalPunishmentDates'] as const) {
    const list = facts[key];
    if (Array.isArray(list)) list.forEach((date, i) => checkDate([key, i], date));
  }
  if (Array.isArray(facts.patents)) {
    facts.patents.forEach((patent, i) => {
      if (isRecord(patent)) checkDate(['patents', i, 'grantDate'], patent.grantDate);
    });
  }

  const birthYear = bornBy ? Number(bornBy.slice(0, 4)) : undefined;
  for (const key of ['volunteerHours', 'incomeTax', 'companyTax'] as const) {
    const list = facts[key];
    if (!Array.isArray(list)) continue;
    list.forEach((entry, i) => {
      const year = isRecord(entry) ? entry.year : undefined;
      if (typeof year !== 'number' || !Number.isInteger(year)) return;
      if (year > asOfYear) issues.push({ path: [key, i, 'year'], message: 'errors.yearAfterAsOf' });
      else if (birthYear !== undefined && year < birthYear) issues.push({ path: [key, i, 'year'], message: 'errors.beforeBirth' });
    });
  }

  if (bornBy) {
    const life = Math.max(0, completedMonths(addYears(bornBy, 16), asOf));
    const employment = [
      'pensionMonths',
      'medicalMonths',
      'unemploymentMonths',
      'workInjuryMonths',
      'maternityMonths',
      'housingFundMonths',
      'highTechMonths',
      'frontLineMonths',
    ] as const;
    for (const key of employment) {
      const months = facts[key];
      if (typeof months === 'number' && months > life) issues.push({ path: [key], message: 'errors.exceedsWorkingLife' });
    }
  }
  return issues;
}

/** Guangzhou facts plus the cross-field checks against an as-of date. */
export function guangzhouFactsAt(asOf: IsoDate) {
  return withFactChecks(guangzhouFactsShape, checkGuangzhouFacts, asOf);
}

/** The empty facts object a new form starts from. */
export const emptyGuangzhouFacts: GuangzhouFacts = {};
