/**
 * Guangzhou 来穗人员积分 and 积分制入户: applies the table in force on the as-of date to a person's facts, counted on
 * the material cut-off date of the chosen round, and reports one set of lines with four scores: 积分制入户 (first),
 * its ranking key, 来穗积分 for services and 积分入学. Each function below implements one indicator and names the
 * decision it follows (docs/rules/guangzhou.md).
 *
 * Scoring runs in bulk (the benchmark, batch scoring, every keystroke of the form), so everything that depends only
 * on the table, or only on the as-of date and the round, is worked out once and kept (see `tableParts` and
 * `dateParts`); the parts of a result that several results then share are deep-frozen. Objects are written in their
 * final shape, without spreads, and lists are walked with plain loops.
 */
import { addYears, yearsBetweenYmd, ymdOf } from '../../core/dates';
import { choosePack, packInfo } from '../../core/packs';
import { capped, sumPoints } from '../../core/points';
import { eligibilityOf, msg, notModelledResult, totalOf } from '../../core/result';
import type {
  Citation,
  Comparison,
  Eligibility,
  Gate,
  IsoDate,
  Line,
  Message,
  Notice,
  PackInfo,
  ScoreResult,
  ScoreSummary,
  Veto,
} from '../../core/types';
import { guangzhouAwardLevels, guangzhouInsuranceTypes, guangzhouPatentKinds, insuranceMonthsFact, type GuangzhouFacts } from './facts';
import { exceeds, fraction, minWithCap, sumFractions, toNumber, type Fraction } from './fraction';
import { deepFrozen } from '../../core/frozen';
import { oncePer } from '../../core/memo';
import {
  GUANGZHOU_FIRST_MODELLED,
  guangzhouPacks,
  guangzhouRounds,
  type GuangzhouPack,
  type GuangzhouParams,
  type PerYear,
  type TaxTier,
} from './packs';
import { inWindow, isBirthday, previousDay, roundContext, windowEndingOn, type DateWindow, type RoundContext } from './rounds';

const NS = 'guangzhou:';

const NO_VETO: Veto = deepFrozen({ vetoed: false, reasons: [] });
const NO_GATES: readonly string[] = deepFrozen([]);

/** A message several results share: frozen, with its params (which hold only strings and numbers). */
function shared(key: string, params?: Message['params']): Message {
  return Object.freeze(params ? { key, params: Object.freeze(params) } : { key });
}

const MISSING = shared('rules:reason.missing');
const NOT_ANSWERED = shared('rules:gate.notAnswered');
const ANSWERED_YES = shared('rules:gate.yes');
const ANSWERED_NO = shared('rules:gate.no');
const NOT_IN_TABLE_2018 = shared(`${NS}reason.notInTable2018`);
const DESIGN_REMOVED = shared(`${NS}reason.designRemoved`);

// ---- dates ------------------------------------------------------------------------------------------------

// ---- what depends only on the table -----------------------------------------------------------------------

/** Lines and messages fixed by the table in force, built once per pack. */
interface TableParts {
  readonly residencePermitUnknown: Line;
  readonly insuranceUnknown: Line;
  /** Null when the table has no housing-fund item. */
  readonly housingFundUnknown: Line | null;
  readonly ageCap: number;
  readonly ageCaveat: string;
  readonly ageUnknown: Line;
  readonly educationUnknown: Line;
  readonly technicalCap: number;
  readonly technicalBonusOnly: Line;
  readonly incomeTaxCap: number;
  readonly companyTaxCap: number;
  readonly criminalOutside: Message;
}

const tableParts = oncePer(buildTableParts);

function buildTableParts(p: GuangzhouParams): TableParts {
  const age = p.age.value;
  const education = p.education.value;
  const technical = p.technicalAbility.value;
  const fund = p.housingFund.value;
  const ageCap = age.kind === 'brackets' ? Math.max(...age.brackets.map((b) => b.points)) : age.fullPoints;
  const ageCaveat = age.kind === 'brackets' ? `${NS}caveat.ageOnCutoff` : `${NS}caveat.ageExact`;
  const technicalCap = technical.tierPoints.A + technical.workingInFieldBonus;
  const parts: TableParts = deepFrozen({
    residencePermitUnknown: {
      id: 'residencePermit',
      category: 'basic',
      points: 0,
      message: msg(`${NS}line.residencePermitUnknown`, { perYear: p.residencePermit.value.pointsPerFullYear }),
      citation: p.residencePermit.cite,
      caveat: `${NS}caveat.permitCounting`,
      counted: false,
      notCountedReason: MISSING,
    },
    insuranceUnknown: {
      id: 'insurance',
      category: 'basic',
      citation: p.insurance.cite,
      points: 0,
      message: msg(`${NS}line.insuranceUnknown`, { perYear: p.insurance.value.pointsPerFullYearPerType }),
      counted: false,
      notCountedReason: MISSING,
    },
    housingFundUnknown:
      fund === null
        ? null
        : {
            id: 'housingFund',
            category: 'basic',
            points: 0,
            message: msg(`${NS}line.housingFundUnknown`, { perYear: fund.pointsPerFullYear }),
            citation: p.housingFund.cite,
            counted: false,
            notCountedReason: MISSING,
          },
    ageCap,
    ageCaveat,
    ageUnknown: {
      id: 'age',
      category: 'basic',
      cap: ageCap,
      citation: p.age.cite,
      caveat: ageCaveat,
      points: 0,
      message: msg(`${NS}line.ageUnknown`),
      counted: false,
      notCountedReason: MISSING,
    },
    educationUnknown: {
      id: 'education',
      category: education.category,
      cap: education.points.bachelorOrHigher,
      citation: p.education.cite,
      points: 0,
      message: msg(`${NS}line.educationUnknown`),
      counted: false,
      notCountedReason: MISSING,
    },
    technicalCap,
    technicalBonusOnly: {
      id: 'technicalAbility',
      category: 'bonus',
      cap: technicalCap,
      citation: p.technicalAbility.cite,
      caveat: `${NS}caveat.technicalBonusAdds`,
      points: 0,
      message: msg(`${NS}line.technicalBonusOnly`, { bonus: technical.workingInFieldBonus }),
      counted: false,
      notCountedReason: msg(`${NS}reason.bonusNeedsCertificate`),
    },
    incomeTaxCap: Math.max(...p.incomeTax.value.tiers.map((t) => t.points)),
    companyTaxCap: Math.max(...p.companyTax.value.tiers.map((t) => t.points)),
    criminalOutside: msg(`${NS}gate.criminalOutside`, { years: p.criminal.value.windowYears }),
  });
  return parts;
}

// ---- what depends only on the as-of date and the round ----------------------------------------------------

/** The window of a deduction or bar counted back from the reference date. */
interface RecordWindow {
  /** Records dated after this and on or before the reference date are inside (`withinYears` in core/dates.ts). */
  readonly after: IsoDate;
  readonly period: DateWindow;
}

/** The pack summary of a result, one per pack and validity (frozen: every result of that pack shares it). */
const packInfosOf = oncePer((pack: GuangzhouPack) => ({
  inValidity: deepFrozen(packInfo(pack, true)),
  expired: deepFrozen(packInfo(pack, false)),
}));

function sharedPackInfo(pack: GuangzhouPack, inValidity: boolean): PackInfo {
  const infos = packInfosOf(pack);
  return inValidity ? infos.inValidity : infos.expired;
}

/**
 * The table, round context and everything else that follows from one as-of date and round year alone: the
 * messages, reasons and notices that do not depend on the facts, built once and shared (frozen) by the results.
 */
class RoundParts implements AgeReference {
  readonly p: GuangzhouParams;
  readonly info: PackInfo;
  readonly round: number;
  readonly reference: IsoDate;
  readonly referenceDay: number;
  /** The day before the reference date (for the birthday test), parsed on first use. */
  private previousReferenceDay: number | null = null;
  readonly serviceWindow: DateWindow;
  readonly serviceFromYear: number;
  readonly serviceToYear: number;
  readonly taxYears: RoundContext['taxYears'];
  /** From the 2022 round: gates of the 2023 办法 and the 150-point rule. */
  readonly subsetRule: boolean;
  readonly birthCutoff: RoundContext['birthCutoff'];
  /** Windows of `windowYears` years ending on the reference date, by length, made on first use. */
  private readonly recordWindows = new Map<number, RecordWindow>();
  readonly serviceWindowReason: Message;
  readonly volunteerYearsReason: Message;
  readonly taxYearsReason: Message;
  readonly incomeTaxCaveat: string | undefined;
  readonly companyTaxCaveat: string | undefined;
  /** Whether the 入户 subset table applies (subset-rule round and a table that has one). */
  readonly subset: boolean;
  readonly threshold: number;
  readonly hukouCitation: Citation;
  readonly hukouDescription: Message;
  readonly rankingLabel: Message;
  readonly rankingCitation: Citation;
  readonly rankingDescription: Message;
  readonly ageGateMessage: Message;
  readonly criminalMessage: Message;
  readonly notices: readonly Notice[];

  constructor(pack: GuangzhouPack, inValidity: boolean, roundYear: number | undefined, asOf: IsoDate) {
    const p = pack.params;
    const rounds = guangzhouRounds;
    const r = roundContext(roundYear, asOf, p.patents.value.windowYears, p.incomeTax.value.taxYears);
    const round = r.round;
    this.p = p;
    this.info = sharedPackInfo(pack, inValidity);
    this.round = round;
    this.reference = r.reference;
    this.referenceDay = ymdOf(r.reference);
    this.serviceWindow = r.serviceWindow;
    this.serviceFromYear = yearOf(r.serviceWindow.from);
    this.serviceToYear = yearOf(r.serviceWindow.to);
    this.taxYears = r.taxYears;
    this.subsetRule = r.subsetRule;
    this.birthCutoff = r.birthCutoff;
    this.serviceWindowReason = shared(`${NS}reason.outsideWindow`, { from: r.serviceWindow.from, to: r.serviceWindow.to });
    this.volunteerYearsReason = shared(`${NS}reason.outsideYears`, { fromYear: this.serviceFromYear, toYear: this.serviceToYear });
    this.taxYearsReason = shared(`${NS}reason.outsideYears`, { fromYear: r.taxYears.fromYear, toYear: r.taxYears.toYear });
    const taxCaveat = (cite: Citation) =>
      cite.confidence === 'low' ? `${NS}caveat.taxProvisional` : !r.taxYears.published ? `${NS}caveat.taxYears` : undefined;
    this.incomeTaxCaveat = taxCaveat(p.incomeTax.cite);
    this.companyTaxCaveat = taxCaveat(p.companyTax.cite);

    const subset = r.subsetRule && p.hukouSubset.value !== null;
    const threshold = subset ? rounds.subsetRule.value.subsetThreshold : rounds.fullTableRule.value.threshold;
    this.subset = subset;
    this.threshold = threshold;
    this.hukouCitation = subset ? rounds.subsetRule.cite : rounds.fullTableRule.cite;
    this.hukouDescription = subset
      ? shared(`${NS}score.hukouSubsetDescription`, { threshold, round })
      : shared(`${NS}score.hukouFullDescription`, { threshold, round });
    this.rankingLabel = subset ? RANKING : RANKING_TOTAL;
    this.rankingCitation = subset ? rounds.ranking.cite : rounds.fullTableRule.cite;
    this.rankingDescription = subset
      ? shared(`${NS}score.rankingDescription`, { round })
      : shared(`${NS}score.rankingTotalDescription`, { round });
    this.ageGateMessage = shared(`${NS}gate.age`, { date: r.birthCutoff.date, round, maxAge: rounds.ageGate.value.maxAge });
    this.criminalMessage = shared(`${NS}gate.criminalPunishment`, { years: p.criminal.value.windowYears, date: r.reference });

    const notices: Notice[] = [];
    if (!inValidity) {
      // One notice says both: the table expired, and no newer one is included (the generic one would repeat it).
      notices.push({ level: 'warning', message: msg(`${NS}notice.noNewerTable`, { validTo: pack.validTo }) });
    }
    notices.push({
      level: 'info',
      message: r.referenceCite
        ? msg(`${NS}notice.referenceDate`, { round, date: r.reference })
        : msg(`${NS}notice.referenceDateUnknown`, { round, date: r.reference }),
    });
    if (!r.roundGiven) notices.push({ level: 'info', message: msg(`${NS}notice.roundFromAsOf`, { round }) });
    this.notices = deepFrozen(notices);
  }

  /** The window of `years` years ending on the reference date: (reference − years, reference]. */
  recordWindow(years: number): RecordWindow {
    const known = this.recordWindows.get(years);
    if (known) return known;
    const bounds = { after: addYears(this.reference, -years), period: deepFrozen(windowEndingOn(this.reference, years)) };
    this.recordWindows.set(years, bounds);
    return bounds;
  }

  /** Whether `birth` (a YYYYMMDD number) has its birthday on the reference date (see `isBirthday` in rounds.ts). */
  isBirthday(birth: number): boolean {
    if (this.previousReferenceDay === null) this.previousReferenceDay = ymdOf(previousDay(this.reference));
    return yearsBetweenYmd(birth, this.referenceDay) > yearsBetweenYmd(birth, this.previousReferenceDay);
  }
}

/**
 * Round parts by as-of date, then by the round year asked for (null: before the modelled rules). A few dates are
 * in use at a time (today, a round's cut-off …); the cache is emptied when it fills, so runs over many dates keep
 * little memory and pay only for building the parts again.
 */
const partsByDate = new Map<IsoDate, Map<number | undefined, RoundParts> | null>();
const MAX_DATES = 64;
const MAX_ROUNDS = 64;

function roundParts(asOf: IsoDate, roundYear: number | undefined): RoundParts | null {
  let byRound = partsByDate.get(asOf);
  if (byRound === undefined) {
    byRound = choosePack(guangzhouPacks, asOf).pack ? new Map() : null;
    if (partsByDate.size >= MAX_DATES) partsByDate.clear();
    partsByDate.set(asOf, byRound);
  }
  if (byRound === null) return null;
  const known = byRound.get(roundYear);
  if (known) return known;
  const { pack, inValidity } = choosePack(guangzhouPacks, asOf);
  const parts = new RoundParts(pack!, inValidity, roundYear, asOf);
  if (byRound.size >= MAX_ROUNDS) byRound.clear();
  byRound.set(roundYear, parts);
  return parts;
}

// ---- lines ------------------------------------------------------------------------------------------------

interface Context {
  readonly facts: GuangzhouFacts;
  readonly p: GuangzhouParams;
  readonly t: TableParts;
  readonly r: RoundParts;
  /** Fact names that change the result, in the order first needed. */
  readonly missing: string[];
}

function need(ctx: Context, fact: string): void {
  if (!ctx.missing.includes(fact)) ctx.missing.push(fact);
}

function fullYears(months: number | undefined): number {
  return Math.floor((months ?? 0) / 12);
}

/** A point value for a message: whole numbers as they are, anything else (a patent share) with 2 decimals. */
export function shown(value: number): number | string {
  return Number.isInteger(value) ? value : value.toFixed(2);
}

/** Rate × full years of `months`, capped (residence permit, rental, moving out, housing fund, high-tech work). */
function perYearLine(
  id: string,
  category: Line['category'],
  months: number,
  rule: PerYear,
  citation: Citation,
  messageKey: string,
  caveat?: string,
): Line {
  const { pointsPerFullYear: perYear, cap } = rule;
  const years = fullYears(months);
  const points = capped(perYear * years, cap);
  const message = msg(messageKey, { months, years, perYear, points });
  if (cap !== null) {
    return caveat
      ? { id, category, points, cap, message, citation, caveat, counted: true }
      : { id, category, points, cap, message, citation, counted: true };
  }
  return caveat ? { id, category, points, message, citation, caveat, counted: true } : { id, category, points, message, citation, counted: true };
}

/** Residence permit (§2.1 B1): 8 (2018: 3) per full year of counted permit months, no cap. */
function residencePermitLine(ctx: Context): Line {
  const { facts, p } = ctx;
  const months = facts.residencePermitMonths;
  if (months === undefined) {
    need(ctx, 'residencePermitMonths');
    return ctx.t.residencePermitUnknown;
  }
  return perYearLine(
    'residencePermit',
    'basic',
    months,
    p.residencePermit.value,
    p.residencePermit.cite,
    `${NS}line.residencePermit`,
    `${NS}caveat.permitCounting`,
  );
}

/** Housing (decision 10): owned property or rental/dormitory, the higher counts; 2018 adds 5 in Conghua/Zengcheng. */
function housingLines(ctx: Context, lines: Line[]): void {
  const { facts, p } = ctx;
  const property = p.property.value;
  const own = facts.ownsProperty;
  const rentMonths = facts.rentalMonths;
  const bonusApplies = property.conghuaZengchengBonus > 0 && facts.propertyInConghuaOrZengcheng === true;
  const propertyPoints = own === true ? property.points + (bonusApplies ? property.conghuaZengchengBonus : 0) : null;
  const rental = p.rental.value;
  const rentalYears = fullYears(rentMonths);
  const rentalPoints = rentMonths !== undefined ? capped(rental.pointsPerFullYear * rentalYears, rental.cap) : null;

  if (own === undefined && (rentalPoints ?? 0) < property.points + property.conghuaZengchengBonus) need(ctx, 'ownsProperty');
  if (own !== true && rentMonths === undefined) need(ctx, 'rentalMonths');

  const propertyWins = propertyPoints !== null && (rentalPoints === null || propertyPoints >= rentalPoints);
  if (propertyPoints !== null) {
    const id = 'housing.property';
    const cap = property.points + property.conghuaZengchengBonus;
    const message = bonusApplies
      ? msg(`${NS}line.propertyOuterDistrict`, { base: property.points, bonus: property.conghuaZengchengBonus, points: propertyPoints })
      : msg(`${NS}line.property`, { points: propertyPoints });
    const citation = p.property.cite;
    lines.push(
      propertyWins
        ? { id, category: 'basic', points: propertyPoints, cap, message, citation, counted: true }
        : {
            id,
            category: 'basic',
            points: propertyPoints,
            cap,
            message,
            citation,
            counted: false,
            notCountedReason: msg(`${NS}reason.housingPickOne`, { other: rentalPoints ?? 0, otherId: 'housing.rental' }),
          },
    );
  }
  if (rentalPoints !== null && rentMonths !== undefined) {
    const id = 'housing.rental';
    const message = msg(`${NS}line.rental`, { months: rentMonths, years: rentalYears, perYear: rental.pointsPerFullYear, points: rentalPoints });
    const citation = p.rental.cite;
    const cap = rental.cap;
    if (!propertyWins) {
      lines.push(
        cap !== null
          ? { id, category: 'basic', points: rentalPoints, cap, message, citation, counted: true }
          : { id, category: 'basic', points: rentalPoints, message, citation, counted: true },
      );
    } else {
      const notCountedReason = msg(`${NS}reason.housingPickOne`, { other: propertyPoints ?? 0, otherId: 'housing.property' });
      lines.push(
        cap !== null
          ? { id, category: 'basic', points: rentalPoints, cap, message, citation, counted: false, notCountedReason }
          : { id, category: 'basic', points: rentalPoints, message, citation, counted: false, notCountedReason },
      );
    }
  }
}

/** Moving out of Yuexiu, Haizhu, Liwan or Tianhe (§2.1 B3): 2 per full year, cap 10, on top of housing. */
function movedOutLine({ facts, p }: Context): Line | null {
  const months = facts.movedOutMonths;
  if (!months) return null;
  return perYearLine('movedOut', 'basic', months, p.movedOut.value, p.movedOut.cite, `${NS}line.movedOut`);
}

/** Social insurance (§2.1 B4): 2 (2018: 1) per full year of each of the five types, summed. */
function insuranceLine(ctx: Context): Line {
  const { facts, p } = ctx;
  const perYear = p.insurance.value.pointsPerFullYearPerType;
  // Message params: the years of each type in the table's order ('—' when not given), then the totals.
  const params: Record<string, number | string> = {};
  let totalYears = 0;
  let notGiven = 0;
  for (const type of guangzhouInsuranceTypes) {
    const fact = insuranceMonthsFact[type];
    const months = facts[fact];
    if (months === undefined) {
      need(ctx, fact);
      notGiven += 1;
      params[type] = '—';
    } else {
      const years = fullYears(months);
      params[type] = years;
      totalYears += years;
    }
  }
  if (notGiven === guangzhouInsuranceTypes.length) return ctx.t.insuranceUnknown;
  const points = perYear * totalYears;
  params.years = totalYears;
  params.perYear = perYear;
  params.points = points;
  let key = `${NS}line.insurance`;
  if (notGiven > 0) {
    key = `${NS}line.insurancePartial`;
    params.notGiven = notGiven;
  }
  return { id: 'insurance', category: 'basic', citation: p.insurance.cite, points, message: msg(key, params), counted: true };
}

/** Housing fund (§2.1 B5): 2 per full year from 2021; not an indicator of the 2018 table. */
function housingFundLine(ctx: Context): Line | null {
  const { facts, p } = ctx;
  const months = facts.housingFundMonths;
  const rule = p.housingFund.value;
  if (rule === null) {
    if (!months) return null;
    return {
      id: 'housingFund',
      category: 'basic',
      points: 0,
      message: msg(`${NS}line.housingFundNotScored`, { months }),
      citation: p.housingFund.cite,
      counted: false,
      notCountedReason: NOT_IN_TABLE_2018,
    };
  }
  if (months === undefined) {
    need(ctx, 'housingFundMonths');
    return ctx.t.housingFundUnknown;
  }
  return perYearLine('housingFund', 'basic', months, rule, p.housingFund.cite, `${NS}line.housingFund`);
}

type AgeRule = GuangzhouParams['age']['value'];

/** The bracket of the 2018 table holding `age`, if any. */
function bracketOf(rule: Extract<AgeRule, { kind: 'brackets' }>, age: number) {
  for (const b of rule.brackets) if (age >= b.from && age <= b.to) return b;
  return undefined;
}

/** A reference date for age: as a YYYYMMDD number, and whether it is the birthday of someone born on `birth`. */
interface AgeReference {
  readonly referenceDay: number;
  isBirthday(birth: number): boolean;
}

/** Age points of someone born on `birth` (a YYYYMMDD number): see `agePoints`. */
function ageOn(birth: number, on: AgeReference, rule: AgeRule): { age: number; points: number; over: number } {
  const age = yearsBetweenYmd(birth, on.referenceDay);
  if (rule.kind === 'brackets') {
    const bracket = bracketOf(rule, age);
    return { age, points: bracket ? bracket.points : 0, over: 0 };
  }
  if (age < rule.minAge) return { age, points: 0, over: 0 };
  const startedYearsOver = age < rule.fullUpTo ? 0 : age - rule.fullUpTo + (on.isBirthday(birth) ? 0 : 1);
  return { age, points: Math.max(0, rule.fullPoints - rule.minusPerStartedYear * startedYearsOver), over: startedYearsOver };
}

/**
 * Age on the reference date. 2021 (decision 1): 30 up to the 40th birthday; after it, 2 fewer for every started year
 * over 40 (a part-year counts as a year), floor 0. 2018: completed-year brackets 18–30 → 30, 31–40 → 20, 41–45 → 10.
 */
export function agePoints(birthDate: IsoDate, reference: IsoDate, rule: AgeRule): { age: number; points: number; over: number } {
  const birth = ymdOf(birthDate);
  const referenceDay = ymdOf(reference);
  return ageOn(birth, { referenceDay, isBirthday: () => isBirthday(birthDate, reference) }, rule);
}

function ageLine(ctx: Context): Line {
  const { facts, p, r, t } = ctx;
  const rule = p.age.value;
  if (!facts.birthDate) {
    need(ctx, 'birthDate');
    return t.ageUnknown;
  }
  const { age, points, over } = ageOn(ymdOf(facts.birthDate), r, rule);
  const date = r.reference;
  let message: Message;
  if (rule.kind === 'brackets') {
    const bracket = bracketOf(rule, age);
    const first = rule.brackets[0]!;
    const last = rule.brackets[rule.brackets.length - 1]!;
    message = bracket
      ? msg(`${NS}line.ageBracket`, { age, date, from: bracket.from, to: bracket.to, points })
      : msg(`${NS}line.ageOutsideBrackets`, { age, date, min: first.from, max: last.to });
  } else if (age < rule.minAge) {
    message = msg(`${NS}line.ageUnder`, { age, date, minAge: rule.minAge });
  } else if (over === 0) {
    message = msg(`${NS}line.ageFull`, { age, date, fullUpTo: rule.fullUpTo, points });
  } else {
    message = msg(`${NS}line.ageOver`, {
      age,
      date,
      fullUpTo: rule.fullUpTo,
      over,
      minus: rule.minusPerStartedYear,
      full: rule.fullPoints,
      points,
    });
  }
  return { id: 'age', category: 'basic', cap: t.ageCap, citation: p.age.cite, caveat: t.ageCaveat, points, message, counted: true };
}

/** Education (§2.2 P1): highest level only; a basic indicator in 2018 (50/35/20), a bonus one in 2021 (30/20/10). */
function educationLine(ctx: Context): Line {
  const { facts, p } = ctx;
  const level = facts.education;
  if (level === undefined) {
    need(ctx, 'education');
    return ctx.t.educationUnknown;
  }
  const rule = p.education.value;
  const points = rule.points[level];
  return {
    id: 'education',
    category: rule.category,
    cap: rule.points.bachelorOrHigher,
    citation: p.education.cite,
    points,
    message: msg(`${NS}line.education`, { level, points }),
    counted: true,
  };
}

/** Technical ability (decision 3): the highest certificate's tier, plus the bonus for working in that occupation. */
function technicalLine({ facts, p, t }: Context): Line | null {
  const level = facts.technicalLevel;
  const working = facts.worksInCertifiedOccupation === true;
  if ((level === undefined || level === 'none') && !working) return null;
  const rule = p.technicalAbility.value;
  const tier = level ? rule.tierOf[level] : null;
  if (!level || tier === null) return t.technicalBonusOnly;
  const certificate = rule.tierPoints[tier];
  const bonus = working ? rule.workingInFieldBonus : 0;
  const points = certificate + bonus;
  return {
    id: 'technicalAbility',
    category: 'bonus',
    cap: t.technicalCap,
    citation: p.technicalAbility.cite,
    caveat: `${NS}caveat.technicalBonusAdds`,
    points,
    message: working
      ? msg(`${NS}line.technicalWithBonus`, { level, certificate, bonus, points })
      : msg(`${NS}line.technical`, { level, points }),
    counted: true,
  };
}

/**
 * Patents (decision 2): per kind, each patent granted inside the window gives its share (2021: value ÷ inventors;
 * 2018: value ÷ (inventors + 1), twice for the first inventor), kept exact; the cap applies to the sum.
 */
function patentLines({ facts, p, r }: Context, lines: Line[]): void {
  const patents = facts.patents;
  if (!patents || patents.length === 0) return;
  const rule = p.patents.value;
  const period = r.serviceWindow;
  const caveat = rule.divisor === 'inventors' ? `${NS}caveat.patentShares` : `${NS}caveat.patentRounding`;
  for (const kind of guangzhouPatentKinds) {
    let count = 0;
    const shares: Fraction[] = [];
    const kindRule = rule.kinds[kind];
    for (const patent of patents) {
      if (patent.kind !== kind) continue;
      count += 1;
      if (kindRule === null || !inWindow(patent.grantDate, period)) continue;
      shares.push(
        rule.divisor === 'inventors'
          ? fraction(kindRule.perPatent, patent.inventors)
          : fraction(kindRule.perPatent * (patent.firstInventor ? 2 : 1), patent.inventors + 1),
      );
    }
    if (count === 0) continue;
    const id = `patent.${kind}`;
    if (kindRule === null) {
      lines.push({
        id,
        category: 'bonus',
        points: 0,
        message: msg(`${NS}line.patentNotScored`, { count }),
        citation: p.patents.cite,
        counted: false,
        notCountedReason: DESIGN_REMOVED,
      });
      continue;
    }
    const cap = kindRule.cap;
    const citation = p.patents.cite;
    if (shares.length === 0) {
      lines.push({
        id,
        category: 'bonus',
        cap,
        citation,
        caveat,
        points: 0,
        message: msg(`${NS}line.patentsNone`, { count }),
        counted: false,
        notCountedReason: r.serviceWindowReason,
      });
      continue;
    }
    const sum = sumFractions(shares);
    const points = toNumber(minWithCap(sum, cap));
    const parts = shares.map((s) => String(shown(toNumber(s)))).join(' + ');
    lines.push({
      id,
      category: 'bonus',
      cap,
      citation,
      caveat,
      points,
      message: exceeds(sum, cap)
        ? msg(`${NS}line.patentsCapped`, { count: shares.length, parts, sum: shown(toNumber(sum)), points: shown(points) })
        : shares.length === 1
          ? msg(`${NS}line.patentOne`, { points: shown(points) })
          : msg(`${NS}line.patents`, { count: shares.length, parts, points: shown(points) }),
      counted: true,
    });
  }
}

/** Technical work at a high-tech enterprise or new R&D institution (§2.2 P3c): 2 per full year, cap 10. */
function highTechLine({ facts, p }: Context): Line | null {
  const months = facts.highTechMonths;
  if (!months) return null;
  return perYearLine('highTech', 'bonus', months, p.highTech.value, p.highTech.cite, `${NS}line.highTech`);
}

/** Occupation on the year's shortage list (§2.2 P4a): 10 (2018: 20). */
function shortageLine({ facts, p }: Context): Line | null {
  if (facts.shortageOccupation !== true) return null;
  const points = p.shortageOccupation.value;
  return {
    id: 'shortageOccupation',
    category: 'bonus',
    points,
    cap: points,
    message: msg(`${NS}line.shortageOccupation`, { points }),
    citation: p.shortageOccupation.cite,
    caveat: `${NS}caveat.shortageList`,
    counted: true,
  };
}

/** Current front-line work in a hardship sector (§2.2 P4b): 10 plus 5 per full year, the extra capped at 20 (2018: 30). */
function frontLineLine({ facts, p }: Context): Line | null {
  const months = facts.frontLineMonths;
  if (!months) return null;
  const rule = p.frontLine.value;
  const years = fullYears(months);
  const extra = Math.min(rule.pointsPerFullYear * years, rule.extraCap);
  const points = rule.base + extra;
  return {
    id: 'frontLine',
    category: 'bonus',
    points,
    cap: rule.base + rule.extraCap,
    message: msg(`${NS}line.frontLine`, { months, years, base: rule.base, perYear: rule.pointsPerFullYear, extra, points }),
    citation: p.frontLine.cite,
    caveat: `${NS}caveat.frontLineCertificate`,
    counted: true,
  };
}

/** Blood donation (decision 4): 2 per donation in the window, cap 10; 2018 also at most 2 a calendar year. */
function bloodLine({ facts, p, r }: Context): Line | null {
  const dates = facts.bloodDonationDates;
  if (!dates || dates.length === 0) return null;
  const rule = p.bloodDonation.value;
  const period = r.serviceWindow;
  const perYearCap = rule.perCalendarYearCap;
  // Donations inside the window, and (for the per-year limit) how many in each calendar year, first seen first.
  let inside = 0;
  const years: string[] = [];
  const perYear: number[] = [];
  for (const d of dates) {
    if (!inWindow(d, period)) continue;
    inside += 1;
    if (perYearCap === null) continue;
    const year = d.slice(0, 4);
    const i = years.indexOf(year);
    if (i < 0) {
      years.push(year);
      perYear.push(1);
    } else {
      perYear[i]! += 1;
    }
  }
  const cap = rule.cap;
  const citation = p.bloodDonation.cite;
  const caveat = perYearCap === null ? `${NS}caveat.bloodNoYearLimit` : `${NS}caveat.perCalendarYear`;
  if (inside === 0) {
    return {
      id: 'bloodDonation',
      category: 'bonus',
      cap,
      citation,
      caveat,
      points: 0,
      message: msg(`${NS}line.bloodDonationNone`, { count: dates.length }),
      counted: false,
      notCountedReason: r.serviceWindowReason,
    };
  }
  if (perYearCap === null) {
    const points = Math.min(rule.pointsEach * inside, cap);
    const message = msg(`${NS}line.bloodDonation`, { count: inside, each: rule.pointsEach, points });
    return { id: 'bloodDonation', category: 'bonus', cap, citation, caveat, points, message, counted: true };
  }
  let raw = 0;
  for (const n of perYear) raw += Math.min(rule.pointsEach * n, perYearCap);
  const points = Math.min(raw, cap);
  const message = msg(`${NS}line.bloodDonationPerYear`, { count: inside, years: years.length, each: rule.pointsEach, perYearCap, points });
  return { id: 'bloodDonation', category: 'bonus', cap, citation, caveat, points, message, counted: true };
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

/**
 * Volunteering (decision 4): per calendar year of the window, 2 (2018: 1) per full 50 hours, at most 2 a year;
 * cap 10. Years overlapping the window count; hours are entered per calendar year.
 */
function volunteerLine({ facts, p, r }: Context): Line | null {
  const entries = facts.volunteerHours;
  if (!entries || entries.length === 0) return null;
  const rule = p.volunteering.value;
  const fromYear = r.serviceFromYear;
  const toYear = r.serviceToYear;
  // Hours per calendar year inside the window, years in the order first entered.
  const years: number[] = [];
  const hoursByYear: number[] = [];
  for (const e of entries) {
    if (e.year < fromYear || e.year > toYear) continue;
    const i = years.indexOf(e.year);
    if (i < 0) {
      years.push(e.year);
      hoursByYear.push(0 + e.hours);
    } else {
      hoursByYear[i]! += e.hours;
    }
  }
  const cap = rule.cap;
  const citation = p.volunteering.cite;
  const caveat = `${NS}caveat.volunteerYears`;
  if (years.length === 0) {
    return {
      id: 'volunteering',
      category: 'bonus',
      cap,
      citation,
      caveat,
      points: 0,
      message: msg(`${NS}line.volunteeringNone`, { count: entries.length }),
      counted: false,
      notCountedReason: r.volunteerYearsReason,
    };
  }
  const perYear = hoursByYear.map((h) => Math.min(Math.floor(h / rule.hoursPerUnit) * rule.pointsPerUnit, rule.perCalendarYearCap));
  const points = Math.min(sumPoints(perYear), cap);
  const hours = sumPoints(hoursByYear);
  return {
    id: 'volunteering',
    category: 'bonus',
    cap,
    citation,
    caveat,
    points,
    message: msg(`${NS}line.volunteering`, {
      hours: shown(hours),
      years: years.length,
      fromYear,
      toYear,
      unit: rule.hoursPerUnit,
      perUnit: rule.pointsPerUnit,
      perYearCap: rule.perCalendarYearCap,
      points,
    }),
    counted: true,
  };
}

/** Tax (decision 5): yuan summed over the round's three tax years; tiers 4/8/12, income and company tax add up. */
function taxLine({ facts, p, r, t }: Context, kind: 'income' | 'company'): Line | null {
  const income = kind === 'income';
  const entries = income ? facts.incomeTax : facts.companyTax;
  if (!entries || entries.length === 0) return null;
  const param = income ? p.incomeTax : p.companyTax;
  const tiers: readonly TaxTier[] = param.value.tiers;
  const { fromYear, toYear } = r.taxYears;
  const yuanInside: number[] = [];
  for (const e of entries) if (e.year >= fromYear && e.year <= toYear) yuanInside.push(e.yuan);
  const id = income ? 'tax.income' : 'tax.company';
  const cap = income ? t.incomeTaxCap : t.companyTaxCap;
  const citation = param.cite;
  const caveat = income ? r.incomeTaxCaveat : r.companyTaxCaveat;
  const messageKey = income ? `${NS}line.taxIncome` : `${NS}line.taxCompany`;
  let yuan = 0;
  let points = 0;
  let reason: Message | null;
  if (yuanInside.length === 0) {
    reason = r.taxYearsReason;
  } else {
    yuan = sumPoints(yuanInside);
    let tier: TaxTier | undefined;
    for (let i = tiers.length - 1; i >= 0 && tier === undefined; i--) if (yuan >= tiers[i]!.fromYuan) tier = tiers[i];
    points = tier ? tier.points : 0;
    reason = tier ? null : msg(`${NS}reason.taxBelow`, { min: tiers[0]!.fromYuan });
  }
  const message = msg(messageKey, { yuan, fromYear, toYear, points });
  if (reason === null) {
    return caveat
      ? { id, category: 'bonus', cap, citation, caveat, points, message, counted: true }
      : { id, category: 'bonus', cap, citation, points, message, counted: true };
  }
  return caveat
    ? { id, category: 'bonus', cap, citation, caveat, points, message, counted: false, notCountedReason: reason }
    : { id, category: 'bonus', cap, citation, points, message, counted: false, notCountedReason: reason };
}

/** Awards (§2.2 P7): different awards add up; military merits: the first of a class, then a smaller value each. */
function awardsLine({ facts, p }: Context): Line | null {
  const awards = facts.awards;
  if (!awards || awards.length === 0) return null;
  const table = p.awards.value;
  const values: number[] = [];
  let notScored = 0;
  for (const level of guangzhouAwardLevels) {
    let n = 0;
    for (const a of awards) if (a === level) n += 1;
    if (n === 0) continue;
    const rule = table[level];
    if (rule === null) {
      notScored += n;
      continue;
    }
    values.push(rule.first);
    for (let i = 1; i < n; i++) values.push(rule.further);
  }
  const citation = p.awards.cite;
  const caveat = `${NS}caveat.awards`;
  if (values.length === 0) {
    return {
      id: 'awards',
      category: 'bonus',
      citation,
      caveat,
      points: 0,
      message: msg(`${NS}line.awardsNotScored`, { count: notScored }),
      counted: false,
      notCountedReason: NOT_IN_TABLE_2018,
    };
  }
  const points = sumPoints(values);
  const parts = values.join(' + ');
  const only = awards[0]!;
  const message =
    notScored > 0
      ? msg(`${NS}line.awardsSomeNotScored`, { count: values.length, parts, points, notScored })
      : awards.length === 1
        ? msg(`${NS}line.awardsOne`, { level: only, points })
        : msg(`${NS}line.awards`, { count: values.length, parts, points });
  return { id: 'awards', category: 'bonus', citation, caveat, points, message, counted: true };
}

/** Deductions (decision 9): bad credit per record; tax evasion and public-security penalties per record in 5 years. */
function deductionLines({ facts, p, r }: Context): Line[] {
  const lines: Line[] = [];
  const cases = facts.badCreditCases ?? 0;
  if (cases > 0) {
    const each = p.badCredit.value.pointsEach;
    lines.push({
      id: 'deduction.badCredit',
      category: 'deduction',
      points: -each * cases,
      message: msg(`${NS}line.deduction.badCredit`, { count: cases, each }),
      citation: p.badCredit.cite,
      caveat: `${NS}caveat.badCreditScope`,
      counted: true,
    });
  }
  datedDeductionLines(lines, r, facts.taxEvasionDates, p.taxEvasion, 'deduction.taxEvasion', `${NS}line.deduction.taxEvasion`,
    'deduction.taxEvasion.expired', `${NS}line.deductionOutside.taxEvasion`);
  datedDeductionLines(lines, r, facts.publicSecurityPenaltyDates, p.publicSecurity, 'deduction.publicSecurity',
    `${NS}line.deduction.publicSecurity`, 'deduction.publicSecurity.expired', `${NS}line.deductionOutside.publicSecurity`);
  return lines;
}

/** One kind of dated record: a counted line for records in the window, an uncounted one for the others. */
function datedDeductionLines(
  lines: Line[],
  r: RoundParts,
  dates: readonly IsoDate[] | undefined,
  param: GuangzhouParams['taxEvasion'],
  id: string,
  messageKey: string,
  expiredId: string,
  expiredKey: string,
): void {
  if (!dates || dates.length === 0) return;
  const { pointsEach: each, windowYears: years } = param.value;
  const reference = r.reference;
  const bounds = r.recordWindow(years);
  let inside = 0;
  let anyAfter = false;
  for (const d of dates) {
    if (d <= reference && d > bounds.after) inside += 1;
    if (d > reference) anyAfter = true;
  }
  const outside = dates.length - inside;
  const citation = param.cite;
  if (inside > 0) {
    lines.push({
      category: 'deduction',
      citation,
      id,
      points: -each * inside,
      message: msg(messageKey, { count: inside, each, years, date: reference }),
      counted: true,
    });
  }
  if (outside > 0) {
    lines.push({
      category: 'deduction',
      citation,
      id: expiredId,
      points: -each * outside,
      message: msg(expiredKey, { count: outside, each }),
      counted: false,
      notCountedReason: anyAfter
        ? msg(`${NS}reason.outsideWindow`, { from: bounds.period.from, to: bounds.period.to })
        : msg('rules:reason.windowPassed', { years }),
    });
  }
}

// ---- gates ------------------------------------------------------------------------------------------------

const answered = (value: boolean | undefined) => (value === undefined ? NOT_ANSWERED : value ? ANSWERED_YES : ANSWERED_NO);
const statusOf = (value: boolean | undefined): Gate['status'] => (value === undefined ? 'unknown' : value ? 'pass' : 'fail');

/** The employment and residence-permit gates depend on one yes/no fact each: three shared gates apiece. */
function yesNoGates(id: string, message: Message, citation: Citation): (value: boolean | undefined) => Gate {
  const gate = (value: boolean | undefined): Gate => deepFrozen({ id, status: statusOf(value), message, reason: answered(value), citation });
  const unknown = gate(undefined);
  const yes = gate(true);
  const no = gate(false);
  return (value) => (value === undefined ? unknown : value ? yes : no);
}

const employedGate = yesNoGates('employedInGuangzhou', shared(`${NS}gate.employedInGuangzhou`), guangzhouRounds.employedGate.cite);
const residencePermitGate = yesNoGates('residencePermit', shared(`${NS}gate.residencePermit`), guangzhouRounds.residencePermitGate.cite);
const CRIMINAL_NONE = shared(`${NS}gate.criminalNone`);
const INSURANCE_GATE_MESSAGE = shared(`${NS}gate.insurance`, { min: guangzhouRounds.insuranceGate.value.minMonths });

/** No criminal punishment in the 5 years before the reference date (§3.1 E6; 2018 table: 不得申请积分制入户). */
function criminalGate({ facts, p, r, t }: Context, caveat?: string): Gate {
  const dates = facts.criminalPunishmentDates;
  let latest: IsoDate | undefined;
  if (dates && dates.length > 0) {
    const reference = r.reference;
    const after = r.recordWindow(p.criminal.value.windowYears).after;
    for (const d of dates) if (d <= reference && d > after && (latest === undefined || d > latest)) latest = d;
  }
  const status = latest ? 'fail' : 'pass';
  const reason = latest ? msg(`${NS}gate.criminalFound`, { date: latest }) : dates && dates.length > 0 ? t.criminalOutside : CRIMINAL_NONE;
  const citation = p.criminal.cite;
  return caveat
    ? { id: 'criminalPunishment', status, message: r.criminalMessage, reason, citation, caveat }
    : { id: 'criminalPunishment', status, message: r.criminalMessage, reason, citation };
}

/**
 * 积分制入户 conditions. From the 2022 round (§3.1): employed in Guangzhou, age by the round's birth-date cut-off
 * (decision 8), Guangzhou residence permit, each insurance type ≥ 48 months (decision 7), no criminal punishment
 * in 5 years. Before it only the criminal bar of the table is checked.
 */
function gates(ctx: Context): Gate[] {
  const { facts, r } = ctx;
  const rounds = guangzhouRounds;
  if (!r.subsetRule) return [criminalGate(ctx, `${NS}caveat.earlyRoundConditions`)];

  if (facts.employedInGuangzhou === undefined) need(ctx, 'employedInGuangzhou');
  if (facts.residencePermit === undefined) need(ctx, 'residencePermit');
  if (facts.birthDate === undefined) need(ctx, 'birthDate');

  const birth = facts.birthDate;
  const cutoff = r.birthCutoff;
  const ageStatus = birth === undefined ? 'unknown' : birth >= cutoff.date ? 'pass' : 'fail';
  const ageReason = birth === undefined ? NOT_ANSWERED : msg(`${NS}gate.ageBorn`, { birthDate: birth });
  const ageGate: Gate = cutoff.published
    ? { id: 'age', status: ageStatus, message: r.ageGateMessage, reason: ageReason, citation: cutoff.cite }
    : { id: 'age', status: ageStatus, message: r.ageGateMessage, reason: ageReason, citation: cutoff.cite, caveat: `${NS}caveat.birthCutoffInferred` };

  // Each type on its own: the shortest given (the first in the table's order on a tie) decides.
  const min = rounds.insuranceGate.value.minMonths;
  let given = 0;
  let short = 0;
  let shortestType = '';
  let shortest = Infinity;
  for (const type of guangzhouInsuranceTypes) {
    const months = facts[insuranceMonthsFact[type]];
    if (months === undefined) continue;
    given += 1;
    if (months < min) short += 1;
    if (months < shortest) {
      shortest = months;
      shortestType = type;
    }
  }
  const notGiven = guangzhouInsuranceTypes.length - given;
  const insuranceGate: Gate = {
    id: 'insurance',
    status: short > 0 ? 'fail' : notGiven > 0 ? 'unknown' : 'pass',
    message: INSURANCE_GATE_MESSAGE,
    reason:
      short > 0
        ? msg(`${NS}gate.insuranceShort`, { count: short, type: shortestType, months: shortest, min })
        : notGiven > 0
          ? msg(`${NS}gate.insuranceUnknown`, { count: notGiven })
          : msg(`${NS}gate.insuranceAll`, { months: shortest, min }),
    citation: rounds.insuranceGate.cite,
    caveat: `${NS}caveat.insuranceEachType`,
  };

  return [employedGate(facts.employedInGuangzhou), ageGate, residencePermitGate(facts.residencePermit), insuranceGate, criminalGate(ctx)];
}

// ---- scores -----------------------------------------------------------------------------------------------

const HUKOU = shared(`${NS}score.hukou`);
const RANKING = shared(`${NS}score.ranking`);
const RANKING_TOTAL = shared(`${NS}score.rankingTotal`);
const SERVICES = shared(`${NS}score.services`);
const SERVICES_DESCRIPTION = shared(`${NS}score.servicesDescription`);
const SCHOOL = shared(`${NS}score.school`);
const SCHOOL_DESCRIPTION = shared(`${NS}score.schoolDescription`);

const CUT_OFF_COMPARISONS: readonly Comparison[] = deepFrozen(
  guangzhouRounds.cutOffLines.map((line) => ({
    id: `cutOff${line.value.round}`,
    label: msg(`${NS}comparison.cutOffLine`, { round: line.value.round, scale: line.value.scale }),
    value: line.value.value,
    citation: line.cite,
    caveat: `${NS}caveat.cutOffLines`,
  })),
);

function idsOf(lines: readonly Line[]): string[] {
  const ids: string[] = [];
  for (const l of lines) ids.push(l.id);
  return ids;
}


/** Whether a line is left out of the 入户 subset table (an expired deduction goes with its kind). */
function excludedFrom(excluded: readonly string[], id: string): boolean {
  return excluded.includes(id.endsWith('.expired') ? id.slice(0, -'.expired'.length) : id);
}

/** The four scores over one set of lines; 积分制入户 first (the result's primary total mirrors it). */
function scores(ctx: Context, lines: readonly Line[], deductions: readonly Line[], gateList: readonly Gate[]): ScoreSummary[] {
  const { p, r } = ctx;
  const floor = p.floor.value;
  const all = deductions.length === 0 ? lines : lines.concat(deductions);
  let hukouLines: readonly Line[] = all;
  let rankingLines: readonly Line[] = all;
  if (r.subset) {
    const excluded = p.hukouSubset.value?.excludedLineIds ?? [];
    const inHukou: Line[] = [];
    for (const l of all) if (!excludedFrom(excluded, l.id)) inHukou.push(l);
    const basic: Line[] = [];
    for (const l of lines) if (l.category === 'basic') basic.push(l);
    hukouLines = inHukou;
    rankingLines = basic;
  }

  const threshold = r.threshold;
  const hukouTotal = totalOf(hukouLines, floor);
  const hukou: ScoreSummary = {
    id: 'hukou',
    label: HUKOU,
    lineIds: idsOf(hukouLines),
    total: hukouTotal,
    threshold,
    verdict: hukouTotal >= threshold ? 'reached' : 'notReached',
    citation: r.hukouCitation,
    description: r.hukouDescription,
    gateIds: gateList.map((g) => g.id),
    eligible: eligibilityOf(gateList, NO_VETO),
  };
  const ranking: ScoreSummary = {
    id: 'ranking',
    label: r.rankingLabel,
    lineIds: idsOf(rankingLines),
    total: totalOf(rankingLines, floor),
    threshold: null,
    verdict: 'noThreshold',
    citation: r.rankingCitation,
    description: r.rankingDescription,
    gateIds: NO_GATES,
    comparisons: CUT_OFF_COMPARISONS,
  };
  const services: ScoreSummary = {
    id: 'services',
    label: SERVICES,
    lineIds: idsOf(all),
    total: totalOf(all, floor),
    threshold: null,
    verdict: 'noThreshold',
    citation: p.floor.cite,
    description: SERVICES_DESCRIPTION,
    gateIds: NO_GATES,
  };
  const school: ScoreSummary = {
    id: 'school',
    label: SCHOOL,
    lineIds: idsOf(lines),
    total: totalOf(lines, floor),
    threshold: null,
    verdict: 'noThreshold',
    citation: p.schoolWithoutDeductions.cite,
    description: SCHOOL_DESCRIPTION,
    gateIds: NO_GATES,
  };
  return [hukou, ranking, services, school];
}

// ---- the result -------------------------------------------------------------------------------------------

function pushLine(lines: Line[], line: Line | null): void {
  if (line !== null) lines.push(line);
}

/**
 * Score Guangzhou facts on `asOf` with the table in force that day, for the chosen round. Pure and deterministic:
 * what it keeps between calls depends only on the tables and the dates. Parts of the result may be shared with
 * other results and are then frozen.
 */
export function evaluateGuangzhou(facts: GuangzhouFacts, asOf: IsoDate): ScoreResult {
  const r = roundParts(asOf, facts.roundYear);
  if (!r) return notModelledResult('guangzhou', asOf, msg(`${NS}notice.notModelled`, { first: GUANGZHOU_FIRST_MODELLED }));
  const p = r.p;
  const ctx: Context = { facts, p, t: tableParts(p), r, missing: [] };

  const gateList = gates(ctx);
  const lines: Line[] = [residencePermitLine(ctx)];
  housingLines(ctx, lines);
  pushLine(lines, movedOutLine(ctx));
  lines.push(insuranceLine(ctx));
  pushLine(lines, housingFundLine(ctx));
  lines.push(ageLine(ctx), educationLine(ctx));
  pushLine(lines, technicalLine(ctx));
  patentLines(ctx, lines);
  pushLine(lines, highTechLine(ctx));
  pushLine(lines, shortageLine(ctx));
  pushLine(lines, frontLineLine(ctx));
  pushLine(lines, bloodLine(ctx));
  pushLine(lines, volunteerLine(ctx));
  pushLine(lines, taxLine(ctx, 'income'));
  pushLine(lines, taxLine(ctx, 'company'));
  pushLine(lines, awardsLine(ctx));
  const deductions = deductionLines(ctx);
  const scoreList = scores(ctx, lines, deductions, gateList);
  const hukou = scoreList[0]!;

  return {
    city: 'guangzhou',
    asOf,
    status: 'scored',
    pack: r.info,
    gates: gateList,
    lines,
    deductions,
    veto: NO_VETO,
    total: hukou.total,
    threshold: hukou.threshold,
    verdict: hukou.verdict,
    eligible: hukou.eligible ?? 'unknown',
    scores: scoreList,
    notices: r.notices,
    missing: ctx.missing,
  };
}
