/**
 * Tianjin 居住证积分: applies the rule pack in force on the as-of date (the submission date) to a person's facts.
 * Facts are counted to the period's cut-off date; age and the retirement check use the as-of date. Every line is
 * built in integer hundredths of a point, so each is an exact multiple of 0.01 and the total is their exact sum.
 * Each function below implements one indicator and names the decision it follows (docs/rules/tianjin.md).
 *
 * Evaluation is on the hot path of the form (every keystroke) and of batch scoring, so each function builds its
 * objects once in their final shape (no spreads), what depends only on the pack or the period is worked out once
 * and kept (`constantsOf`, `periodOf`), and dates are read as YYYYMMDD numbers (core/dates).
 */
import {
  addYears,
  completedYears,
  daysInMonth,
  isIsoDate,
  monthsBetweenYmd,
  nextDay,
  ymdDay,
  ymdMonth,
  ymdNumber,
  ymdYear,
} from '../../core/dates';
import { oncePer } from '../../core/memo';
import { choosePack, packInfo } from '../../core/packs';
import { eligibilityOf, notModelledResult } from '../../core/result';
import type {
  Citation,
  Eligibility,
  Gate,
  IsoDate,
  Line,
  Message,
  Notice,
  ScoreResult,
  ScoreSummary,
  Veto,
} from '../../core/types';
import { formatHundredths, fromHundredths, monthlyRate, toHundredths } from './accrual';
import { districtGroupOf } from './districts';
import { insuranceMonthsFact, tianjinInsuranceTypes, type TianjinFacts, type TianjinHome } from './facts';
import { TIANJIN_FIRST_MODELLED, tianjinPacks, type TianjinPack, type TianjinParams } from './packs';
import { applicationWindow, cutoffOf, type Timetable } from './period';
import { addMonths, retirementCategory, statutoryAgeMonths, type RetirementCategory } from './retirement';

const NS = 'tianjin:';

/** Results show every point value with 2 decimals. */
export const TIANJIN_DECIMALS = 2;

/** Message, caveat and reason keys, spelled out once. */
const KEY = {
  gateSiHistory: `${NS}gate.siHistory`,
  gateSiHistoryContinuous: `${NS}gate.siHistoryContinuous`,
  gateSiHistoryCumulative: `${NS}gate.siHistoryCumulative`,
  gateSiHistoryShort: `${NS}gate.siHistoryShort`,
  gateSiHistoryNeedCumulative: `${NS}gate.siHistoryNeedCumulative`,
  gateRetirement: `${NS}gate.retirement`,
  gateRetirementBelow: `${NS}gate.retirementBelow`,
  gateRetirementBelowAll: `${NS}gate.retirementBelowAll`,
  gateRetirementReached: `${NS}gate.retirementReached`,
  gateRetirementReachedAll: `${NS}gate.retirementReachedAll`,
  gateRetirementNeedSex: `${NS}gate.retirementNeedSex`,
  gateRetirementNeedPostType: `${NS}gate.retirementNeedPostType`,
  notAnswered: 'rules:gate.notAnswered',
  yes: 'rules:gate.yes',
  no: 'rules:gate.no',
  accrual: `${NS}line.accrual`,
  accrualPhased: `${NS}line.accrualPhased`,
  accrualUnknown: `${NS}line.accrualUnknown`,
  endorsements: `${NS}line.endorsements`,
  endorsementsSameYear: `${NS}line.endorsementsSameYear`,
  endorsementsAfterCutoff: `${NS}line.endorsementsAfterCutoff`,
  rent: `${NS}line.rent`,
  ownedHomeAfterCutoff: `${NS}line.ownedHomeAfterCutoff`,
  ownedHomeNew: `${NS}line.ownedHomeNew`,
  ownedHomeSecondHand: `${NS}line.ownedHomeSecondHand`,
  ownedHomeNoBonusYet: `${NS}line.ownedHomeNoBonusYet`,
  ownedHome: `${NS}line.ownedHome`,
  otherHomes: `${NS}line.otherHomes`,
  age: `${NS}line.age`,
  ageUnknown: `${NS}line.ageUnknown`,
  education: `${NS}line.education`,
  educationUnknown: `${NS}line.educationUnknown`,
  qualificationBoth: `${NS}line.qualificationBoth`,
  qualificationOne: `${NS}line.qualificationOne`,
  occupation: `${NS}line.occupation`,
  marriage: `${NS}line.marriage`,
  marriageMilitary: `${NS}line.marriageMilitary`,
  marriageUnknown: `${NS}line.marriageUnknown`,
  award: `${NS}line.award`,
  missing: 'rules:reason.missing',
  endorsementSpacing: `${NS}reason.endorsementSpacing`,
  afterCutoff: `${NS}reason.afterCutoff`,
  oneHomeOnly: `${NS}reason.oneHomeOnly`,
  occupationNeedsCertificate: `${NS}reason.occupationNeedsCertificate`,
  spouseShort: `${NS}reason.spouseShort`,
  windowPassed: 'rules:reason.windowPassed',
  caveatSiContinuous: `${NS}caveat.siContinuous`,
  caveatRetirementNational: `${NS}caveat.retirementNational`,
  caveatMonthlyRounding: `${NS}caveat.monthlyRounding`,
  caveatEndorsements: `${NS}caveat.endorsements`,
  caveatRentMonthly: `${NS}caveat.rentMonthly`,
  caveatOwnedNewHome: `${NS}caveat.ownedNewHome`,
  caveatOwnedFullYears: `${NS}caveat.ownedFullYears`,
  caveatOwnedFullYears2022: `${NS}caveat.ownedFullYears2022`,
  caveatQualification: `${NS}caveat.qualification`,
  caveatOccupation: `${NS}caveat.occupation`,
  caveatAward: `${NS}caveat.award`,
  caveatPublishedCutoff: `${NS}caveat.publishedCutoff`,
  noticePeriod: `${NS}notice.period`,
  noticePeriodDefault: `${NS}notice.periodDefault`,
  noticeAsOfOutsideWindow: `${NS}notice.asOfOutsideWindow`,
  noticePackExpired: 'rules:notice.packExpired',
  noticeValidityAssumed: `${NS}notice.validityAssumed`,
  noticeNoQuota: `${NS}notice.noQuota`,
  noticeNotModelled: `${NS}notice.notModelled`,
  scoreMain: `${NS}score.main`,
  scoreDescription: `${NS}score.description`,
  scorePublishedCutoff: `${NS}score.publishedCutoff`,
} as const;

const ANSWER_GATE_KEY = {
  residencePermit: `${NS}gate.residencePermit`,
  tianjinEmployer: `${NS}gate.tianjinEmployer`,
  siPayingNow: `${NS}gate.siPayingNow`,
} as const;

const fmt = formatHundredths;

// ---- what depends only on the pack or the period ---------------------------------------------------------

/** A yearly value with its monthly rate (hundredths) and the forms messages show them in. */
interface Rate {
  readonly yearly: number;
  readonly monthly: number;
  /** The yearly value in points, and the monthly rate as a 2-decimal string. */
  readonly yearlyPoints: number;
  readonly monthlyText: string;
}

function rateOf(yearlyPoints: number): Rate {
  const yearly = toHundredths(yearlyPoints);
  const monthly = monthlyRate(yearly);
  return { yearly, monthly, yearlyPoints: fromHundredths(yearly), monthlyText: fmt(monthly) };
}

/** A monthly two-phase indicator: months 1…threshold at the first rate, later months at the second. */
interface PhasedIndicator {
  readonly id: string;
  readonly fact: keyof TianjinFacts;
  readonly threshold: number;
  /** Yearly points as written in the pack. */
  readonly phase1: number;
  readonly phase2: number;
  readonly first: Rate;
  readonly second: Rate;
  readonly citation: Citation;
}

interface PackConstants {
  readonly insurance: readonly PhasedIndicator[];
  readonly housingFund: PhasedIndicator;
  readonly rent: Rate;
  readonly youngMax: number;
  readonly youngPoints: number;
  readonly midMax: number;
  readonly midPoints: number;
  readonly lowestText: string;
  readonly highestText: string;
}

/** The pack's derived values, worked out on its first use (packs are never changed once built). */
const constantsOf = oncePer(packConstantsOf);

function packConstantsOf(p: TianjinParams): PackConstants {
  const si = p.socialInsurance.value;
  const fund = p.housingFund.value;
  const bands = p.age.value;
  const cut = p.publishedCutoff.value;
  const constants: PackConstants = {
    insurance: tianjinInsuranceTypes.map((type) => ({
      id: `socialInsurance.${type}`,
      fact: insuranceMonthsFact[type],
      threshold: si.thresholdMonths,
      phase1: si.yearly[type].phase1,
      phase2: si.yearly[type].phase2,
      first: rateOf(si.yearly[type].phase1),
      second: rateOf(si.yearly[type].phase2),
      citation: p.socialInsurance.cite,
    })),
    housingFund: {
      id: 'housingFund',
      fact: 'fundMonths',
      threshold: fund.thresholdMonths,
      phase1: fund.yearly.phase1,
      phase2: fund.yearly.phase2,
      first: rateOf(fund.yearly.phase1),
      second: rateOf(fund.yearly.phase2),
      citation: p.housingFund.cite,
    },
    rent: rateOf(p.rent.value.yearly),
    youngMax: bands[0]?.upTo ?? 0,
    youngPoints: bands[0]?.points ?? 0,
    midMax: bands[1]?.upTo ?? 0,
    midPoints: bands[1]?.points ?? 0,
    lowestText: fmt(toHundredths(cut.lowest)),
    highestText: fmt(toHundredths(cut.highest)),
  };
  return constants;
}

/** One application period with its cut-off and application window. */
interface Period {
  readonly year: number;
  readonly half: 1 | 2;
  /** Facts are counted up to and including this day. */
  readonly cutoff: IsoDate;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** The day after the cut-off, where full years of ownership end; set on first use. */
  countEnd?: IsoDate;
}

const periods = new WeakMap<Timetable, Map<number, Period>>();

/** The period `year`/`half` of a timetable; its dates are formatted once per whole year. */
function periodOf(timetable: Timetable, year: number, half: 1 | 2): Period {
  let byIndex = periods.get(timetable);
  if (!byIndex) periods.set(timetable, (byIndex = new Map()));
  const index = year * 2 + half - 1;
  const known = byIndex.get(index);
  if (known) return known;
  const applyWindow = applicationWindow({ year, half }, timetable);
  const period: Period = { year, half, cutoff: cutoffOf({ year, half }, timetable), from: applyWindow.from, to: applyWindow.to };
  // A year read from a malformed date may be NaN, which would give both halves the same index.
  if (Number.isInteger(year)) byIndex.set(index, period);
  return period;
}

function countEndOf(period: Period): IsoDate {
  return (period.countEnd ??= nextDay(period.cutoff));
}

/**
 * The period a result is computed for: the chosen one when it is available on `asOf` (the next period to open,
 * or the one after it), otherwise the next one. Same rules as `resolvePeriod` in ./period.
 */
function resolvedPeriod(chosen: string | undefined, asOf: IsoDate, asOfKey: number, timetable: Timetable): { period: Period; chosen: boolean } {
  const year = asOfKey >= 0 ? ymdYear(asOfKey) : Number(asOf.slice(0, 4));
  const month = asOfKey >= 0 ? ymdMonth(asOfKey) : Number(asOf.slice(5, 7));
  // The default period (as `defaultPeriod`), then the one after it.
  let firstYear = year + 1;
  let firstHalf: 1 | 2 = 1;
  if (month <= timetable['1'].applyToMonth) firstYear = year;
  else if (month <= timetable['2'].applyToMonth) {
    firstYear = year;
    firstHalf = 2;
  }
  if (chosen !== undefined && isPeriodText(chosen)) {
    const chosenYear = Number(chosen.slice(0, 4));
    const chosenHalf = chosen.charCodeAt(5) === 49 ? 1 : 2;
    const nextYear = firstHalf === 1 ? firstYear : firstYear + 1;
    const nextHalf = firstHalf === 1 ? 2 : 1;
    if (
      chosenYear >= 1900 &&
      chosenYear <= 2200 &&
      ((chosenYear === firstYear && chosenHalf === firstHalf) || (chosenYear === nextYear && chosenHalf === nextHalf))
    ) {
      return { period: periodOf(timetable, chosenYear, chosenHalf), chosen: true };
    }
  }
  return { period: periodOf(timetable, firstYear, firstHalf), chosen: false };
}

/** `YYYY-1` or `YYYY-2` (the form `parsePeriod` accepts before its year check). */
function isPeriodText(text: string): boolean {
  if (typeof text !== 'string' || text.length !== 6 || text.charCodeAt(4) !== 45) return false;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const half = text.charCodeAt(5);
  return half === 49 || half === 50;
}

// ---- context ----------------------------------------------------------------------------------------------

interface Context {
  readonly facts: TianjinFacts;
  readonly asOf: IsoDate;
  readonly asOfKey: number;
  readonly pack: TianjinPack;
  readonly p: TianjinParams;
  readonly c: PackConstants;
  readonly period: Period;
  /** Facts are counted up to and including this day. */
  readonly cutoff: IsoDate;
  /** Completed years on the as-of date, when the birth date is given. */
  readonly age: number | undefined;
  /** Facts that were not given but change the result, in the order they were found. */
  readonly missing: string[];
}

function addMissing(ctx: Context, fact: string): void {
  if (!ctx.missing.includes(fact)) ctx.missing.push(fact);
}

// ---- gates ------------------------------------------------------------------------------------------------

function answerGate(ctx: Context, id: 'residencePermit' | 'tianjinEmployer' | 'siPayingNow'): Gate {
  const value = ctx.facts[id];
  if (value === undefined) addMissing(ctx, id);
  return {
    id,
    status: value === undefined ? 'unknown' : value ? 'pass' : 'fail',
    message: { key: ANSWER_GATE_KEY[id] },
    reason: { key: value === undefined ? KEY.notAnswered : value ? KEY.yes : KEY.no },
    citation: ctx.p.conditions.cite,
  };
}

/** Social insurance (decision 8): all 12 months up to the cut-off, or 36 months since 2014-01-01. */
function siHistoryGate(ctx: Context): Gate {
  const { facts, p, cutoff } = ctx;
  const rule = p.conditions.value;
  const last12 = facts.siMonthsLast12;
  const since = facts.siMonthsSince2014;
  let status: Gate['status'];
  let reason: Message;
  if (last12 !== undefined && last12 >= rule.siContinuousMonths) {
    status = 'pass';
    reason = { key: KEY.gateSiHistoryContinuous, params: { months: last12 } };
  } else if (since !== undefined && since >= rule.siCumulativeMonths) {
    status = 'pass';
    reason = { key: KEY.gateSiHistoryCumulative, params: { months: since, since: rule.siCumulativeSince } };
  } else if (last12 !== undefined && since !== undefined) {
    status = 'fail';
    reason = {
      key: KEY.gateSiHistoryShort,
      params: { last12, since2014: since, continuous: rule.siContinuousMonths, cumulative: rule.siCumulativeMonths },
    };
  } else {
    if (last12 === undefined) addMissing(ctx, 'siMonthsLast12');
    status = 'unknown';
    if (since === undefined && last12 !== undefined) {
      addMissing(ctx, 'siMonthsSince2014');
      reason = { key: KEY.gateSiHistoryNeedCumulative, params: { last12, continuous: rule.siContinuousMonths } };
    } else {
      reason = { key: KEY.notAnswered };
    }
  }
  return {
    id: 'siHistory',
    message: {
      key: KEY.gateSiHistory,
      params: {
        continuous: rule.siContinuousMonths,
        cumulative: rule.siCumulativeMonths,
        since: rule.siCumulativeSince,
        cutoff,
      },
    },
    citation: p.conditions.cite,
    caveat: KEY.caveatSiContinuous,
    status,
    reason,
  };
}

const ALL_CATEGORIES: readonly RetirementCategory[] = ['male', 'femaleCadre', 'femaleWorker'];
const FEMALE_CATEGORIES: readonly RetirementCategory[] = ['femaleCadre', 'femaleWorker'];

/**
 * Below the statutory retirement age on the submission date (decision 8), by the national gradual schedule. Sex
 * and post type are only needed when the answer depends on them.
 */
function retirementGate(ctx: Context): Gate {
  const { facts, asOf, asOfKey, p } = ctx;
  let status: Gate['status'];
  let reason: Message;
  if (!facts.birthDate) {
    addMissing(ctx, 'birthDate');
    status = 'unknown';
    reason = { key: KEY.notAnswered };
  } else {
    const birthDate = facts.birthDate;
    const birthKey = ymdNumber(birthDate);
    const schedule = p.retirement.value;
    const known = facts.sex ? retirementCategory(facts.sex, facts.femalePostType) : null;
    const possible = known ? null : facts.sex === 'female' ? FEMALE_CATEGORIES : ALL_CATEGORIES;
    const count = possible ? possible.length : 1;
    // Birth year and month as `statutoryRetirement` reads them.
    const birthYear = birthKey >= 0 ? ymdYear(birthKey) : Number(birthDate.slice(0, 4));
    const birthMonth = birthKey >= 0 ? ymdMonth(birthKey) : Number(birthDate.slice(5, 7));
    let below = 0;
    let onlyMonths = 0;
    for (let i = 0; i < count; i++) {
      const total = statutoryAgeMonths(birthYear, birthMonth, possible ? possible[i]! : known!, schedule);
      if (asOfIsBefore(asOf, asOfKey, birthDate, birthKey, total)) below++;
      onlyMonths = total;
    }
    const age = ctx.age!;
    if (below === count || below === 0) {
      const reached = below === 0;
      status = reached ? 'fail' : 'pass';
      reason =
        count === 1
          ? {
              key: reached ? KEY.gateRetirementReached : KEY.gateRetirementBelow,
              params: { years: Math.floor(onlyMonths / 12), months: onlyMonths % 12, date: addMonths(birthDate, onlyMonths) },
            }
          : { key: reached ? KEY.gateRetirementReachedAll : KEY.gateRetirementBelowAll, params: { age } };
    } else {
      const need = facts.sex === undefined ? 'sex' : 'femalePostType';
      addMissing(ctx, need);
      status = 'unknown';
      reason = { key: need === 'sex' ? KEY.gateRetirementNeedSex : KEY.gateRetirementNeedPostType, params: { age } };
    }
  }
  return {
    id: 'retirement',
    message: { key: KEY.gateRetirement },
    citation: p.retirement.cite,
    caveat: KEY.caveatRetirementNational,
    status,
    reason,
  };
}

/** Whether `asOf` is before the day `months` calendar months after `birthDate` (as `addMonths` gives it). */
function asOfIsBefore(asOf: IsoDate, asOfKey: number, birthDate: IsoDate, birthKey: number, months: number): boolean {
  if (birthKey >= 0 && asOfKey >= 0) {
    const index = ymdYear(birthKey) * 12 + (ymdMonth(birthKey) - 1) + months;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    // Day keys order like the date strings while the year has four digits.
    if (year <= 9999) return asOfKey < year * 10_000 + month * 100 + Math.min(ymdDay(birthKey), daysInMonth(year, month));
  }
  return asOf < addMonths(birthDate, months);
}

// ---- monthly indicators -----------------------------------------------------------------------------------

/**
 * A monthly two-phase indicator (social-insurance type or housing fund, decision 2): within each phase full years
 * score the yearly value and the remaining months the monthly rate (as `accruePhased` in ./accrual).
 */
function phasedLine(ctx: Context, ind: PhasedIndicator): Line {
  const months = ctx.facts[ind.fact] as number | undefined;
  if (months === undefined) {
    addMissing(ctx, ind.fact);
    return {
      id: ind.id,
      category: 'basic',
      citation: ind.citation,
      caveat: KEY.caveatMonthlyRounding,
      points: 0,
      message: { key: KEY.accrualUnknown, params: { phase1: ind.phase1, phase2: ind.phase2, threshold: ind.threshold } },
      counted: false,
      notCountedReason: { key: KEY.missing },
    };
  }
  const { threshold, first, second } = ind;
  const months1 = Math.min(months, threshold);
  const years1 = Math.floor(months1 / 12);
  const rest1 = months1 - years1 * 12;
  const points1 = years1 * first.yearly + rest1 * first.monthly;
  const months2 = Math.max(months - threshold, 0);
  const years2 = Math.floor(months2 / 12);
  const rest2 = months2 - years2 * 12;
  const points2 = years2 * second.yearly + rest2 * second.monthly;
  const points = points1 + points2;
  const message: Message =
    months2 === 0
      ? {
          key: KEY.accrual,
          params: { months: months1, yearly: first.yearlyPoints, years: years1, rest: rest1, monthly: first.monthlyText, points: fmt(points1) },
        }
      : {
          key: KEY.accrualPhased,
          params: {
            months,
            threshold,
            yearly1: first.yearlyPoints,
            points1: fmt(points1),
            months2,
            yearly2: second.yearlyPoints,
            years2,
            rest2,
            monthly2: second.monthlyText,
            points2: fmt(points2),
            points: fmt(points),
          },
        };
  return {
    id: ind.id,
    category: 'basic',
    citation: ind.citation,
    caveat: KEY.caveatMonthlyRounding,
    points: fromHundredths(points),
    message,
    counted: true,
  };
}

// ---- residence --------------------------------------------------------------------------------------------

/**
 * Permit endorsements (decision 2): 6 each up to the cut-off, at most one per endorsement year. The yearly
 * endorsement is applied for in the month before each full year, so counted endorsements lie at least 11 full
 * months apart; one closer to the last counted endorsement is a second one in the same year.
 */
function endorsementLines({ facts, p, cutoff }: Context, lines: Line[]): void {
  const given = facts.endorsementDates;
  if (given == null) return;
  const dates = given.filter(isIsoDate).sort();
  if (dates.length === 0) return;
  const rule = p.endorsement.value;
  const citation = p.endorsement.cite;
  let counted = 0;
  let lastCounted = -1;
  const sameYear: IsoDate[] = [];
  const after: IsoDate[] = [];
  for (const date of dates) {
    if (date > cutoff) {
      after.push(date);
      continue;
    }
    const key = ymdNumber(date);
    if (lastCounted < 0 || monthsBetweenYmd(lastCounted, key) >= rule.minMonthsBetween) {
      counted++;
      lastCounted = key;
    } else {
      sameYear.push(date);
    }
  }
  if (counted > 0) {
    const points = rule.pointsEach * counted * 100;
    lines.push({
      category: 'basic',
      citation,
      id: 'residence.endorsements',
      points: fromHundredths(points),
      message: { key: KEY.endorsements, params: { count: counted, each: rule.pointsEach, points: fmt(points) } },
      caveat: KEY.caveatEndorsements,
      counted: true,
    });
  }
  if (sameYear.length > 0) {
    lines.push({
      category: 'basic',
      citation,
      id: 'residence.endorsementsSameYear',
      points: rule.pointsEach * sameYear.length,
      message: { key: KEY.endorsementsSameYear, params: { count: sameYear.length, dates: sameYear.join(', ') } },
      counted: false,
      notCountedReason: { key: KEY.endorsementSpacing, params: { months: rule.minMonthsBetween } },
    });
  }
  if (after.length > 0) {
    lines.push({
      category: 'basic',
      citation,
      id: 'residence.endorsementsAfterCutoff',
      points: rule.pointsEach * after.length,
      message: { key: KEY.endorsementsAfterCutoff, params: { count: after.length, dates: after.join(', ') } },
      counted: false,
      notCountedReason: { key: KEY.afterCutoff, params: { cutoff } },
    });
  }
}

/** Registered rent (decision 2): 6 a year by the month; the months entered exclude owned months. */
function rentLine({ facts, p, c }: Context): Line | null {
  const months = facts.rentMonths;
  if (months === undefined) return null;
  const rate = c.rent;
  const years = Math.floor(months / 12);
  const rest = months - years * 12;
  const points = years * rate.yearly + rest * rate.monthly;
  return {
    id: 'residence.rent',
    category: 'basic',
    points: fromHundredths(points),
    message: {
      key: KEY.rent,
      params: { months, yearly: rate.yearlyPoints, years, rest, monthly: rate.monthlyText, points: fmt(points) },
    },
    citation: p.rent.cite,
    caveat: KEY.caveatRentMonthly,
    counted: true,
  };
}

interface HomeScore {
  readonly home: TianjinHome;
  readonly eligible: boolean;
  readonly years: number;
  readonly perYear: number;
  readonly bonus: number;
  /** Whole points (years × rate + bonus). */
  readonly points: number;
}

function scoreHome(home: TianjinHome, { p, period }: Context): HomeScore {
  const rule = p.ownedHome.value;
  const group = districtGroupOf[home.district];
  const eligible = home.ownedFrom <= period.cutoff;
  // Full years of ownership through the cut-off day (decision 3).
  const years = eligible ? Math.max(0, completedYears(home.ownedFrom, countEndOf(period))) : 0;
  const perYear = rule.perFullYear[group];
  const bonus = eligible && home.newCommodity === true && rule.newHomeBonus ? rule.newHomeBonus[group] : 0;
  return { home, eligible, years, perYear, bonus, points: years * perYear + bonus };
}

/** The first home with the most points among `scored` (eligible ones only, or all but `except`). */
function bestHome(scored: readonly HomeScore[], eligibleOnly: boolean, except: HomeScore | null): HomeScore | null {
  let best: HomeScore | null = null;
  for (const s of scored) {
    if ((eligibleOnly && !s.eligible) || s === except) continue;
    if (best === null || s.points > best.points) best = s;
  }
  return best;
}

/** Owned home (decision 3): full years by district group, the new-home bonus from 2023, best single home only. */
function ownedHomeLines(ctx: Context, lines: Line[]): void {
  const homes = ctx.facts.homes;
  if (homes == null || homes.length === 0) return;
  const { p, cutoff } = ctx;
  const citation = p.ownedHome.cite;
  const scored: HomeScore[] = [];
  for (const home of homes) scored.push(scoreHome(home, ctx));
  const best = bestHome(scored, true, null);
  if (best === null) {
    const first = scored[0]!;
    lines.push({
      category: 'basic',
      citation,
      id: 'residence.ownedHome',
      points: 0,
      message: { key: KEY.ownedHomeAfterCutoff, params: { district: first.home.district, date: first.home.ownedFrom } },
      counted: false,
      notCountedReason: { key: KEY.afterCutoff, params: { cutoff } },
    });
    return;
  }
  const hasBonusRule = p.ownedHome.value.newHomeBonus !== null;
  const isNew = best.home.newCommodity === true;
  const key = hasBonusRule ? (isNew ? KEY.ownedHomeNew : KEY.ownedHomeSecondHand) : isNew ? KEY.ownedHomeNoBonusYet : KEY.ownedHome;
  const caveat = hasBonusRule ? (isNew ? KEY.caveatOwnedNewHome : KEY.caveatOwnedFullYears) : KEY.caveatOwnedFullYears2022;
  lines.push({
    category: 'basic',
    citation,
    id: 'residence.ownedHome',
    points: best.points,
    message: {
      key,
      params: {
        district: best.home.district,
        group: districtGroupOf[best.home.district],
        date: best.home.ownedFrom,
        years: best.years,
        perYear: best.perYear,
        bonus: best.bonus,
        points: fmt(best.points * 100),
      },
    },
    caveat,
    counted: true,
  });
  const runnerUp = bestHome(scored, false, best);
  if (runnerUp !== null) {
    lines.push({
      category: 'basic',
      citation,
      id: 'residence.otherHomes',
      points: runnerUp.points,
      message: { key: KEY.otherHomes, params: { count: scored.length - 1, points: fmt(runnerUp.points * 100) } },
      counted: false,
      notCountedReason: { key: KEY.oneHomeOnly, params: { district: best.home.district } },
    });
  }
}

// ---- person -----------------------------------------------------------------------------------------------

/** Age (decision 1): completed years on the submission date; ≤35 → 10, 36–45 → 5, older → 0. */
export function agePoints(age: number, bands: TianjinParams['age']['value']): number {
  for (const b of bands) if (b.upTo === null || age <= b.upTo) return b.points;
  return 0;
}

function ageLine(ctx: Context): Line {
  const { asOf, p, c, age } = ctx;
  if (age === undefined) {
    addMissing(ctx, 'birthDate');
    return {
      id: 'age',
      category: 'basic',
      citation: p.age.cite,
      points: 0,
      message: { key: KEY.ageUnknown },
      counted: false,
      notCountedReason: { key: KEY.missing },
    };
  }
  const points = agePoints(age, p.age.value);
  return {
    id: 'age',
    category: 'basic',
    citation: p.age.cite,
    points,
    message: {
      key: KEY.age,
      params: {
        age,
        asOf,
        points: fmt(points * 100),
        youngMax: c.youngMax,
        youngPoints: c.youngPoints,
        midMax: c.midMax,
        midPoints: c.midPoints,
      },
    },
    counted: true,
  };
}

/** Education (decision 5): bachelor's or above 20, junior college 10, nothing extra for higher degrees. */
function educationLine(ctx: Context): Line {
  const { facts, p } = ctx;
  if (facts.education === undefined) {
    addMissing(ctx, 'education');
    return {
      id: 'education',
      category: 'basic',
      citation: p.education.cite,
      points: 0,
      message: { key: KEY.educationUnknown },
      counted: false,
      notCountedReason: { key: KEY.missing },
    };
  }
  const points = p.education.value[facts.education];
  return {
    id: 'education',
    category: 'basic',
    citation: p.education.cite,
    points,
    message: { key: KEY.education, params: { level: facts.education, points: fmt(points * 100) } },
    counted: true,
  };
}

/** The qualification and skill points of the facts, and the highest (decision 4). */
function qualificationPoints({ facts, p }: Context) {
  const prof = facts.profQualification;
  const skill = facts.skillLevel;
  const profPoints = prof ? p.profQualification.value[prof] : 0;
  const skillPoints = skill ? p.skillLevel.value[skill] : 0;
  return { prof, skill, profPoints, skillPoints, best: Math.max(profPoints, skillPoints) };
}

/** Qualification and skill level (decision 4): one line, the highest item of both lists. */
function qualificationLine(ctx: Context, q: ReturnType<typeof qualificationPoints>): Line | null {
  const { prof, skill, profPoints, skillPoints, best } = q;
  if (best === 0) return null;
  const { p } = ctx;
  const profWins = profPoints >= skillPoints;
  const both = profPoints > 0 && skillPoints > 0;
  const message: Message = both
    ? { key: KEY.qualificationBoth, params: { prof: prof!, profPoints, skill: skill!, skillPoints, points: fmt(best * 100) } }
    : {
        key: KEY.qualificationOne,
        params: {
          kind: profWins ? 'profQualification' : 'skillLevel',
          level: (profWins ? prof : skill)!,
          points: fmt(best * 100),
        },
      };
  return {
    id: 'qualification',
    category: 'basic',
    points: best,
    message,
    citation: both ? p.pickHighest.cite : profWins ? p.profQualification.cite : p.skillLevel.cite,
    caveat: KEY.caveatQualification,
    counted: true,
  };
}

/** Shortage occupation (decision 4): on top of the qualification line, for the occupation of a certificate held. */
function occupationLine(ctx: Context, q: ReturnType<typeof qualificationPoints>): Line | null {
  const level = ctx.facts.occupationShortage;
  if (level === undefined || level === 'none') return null;
  const points = ctx.p.occupation.value[level];
  const message: Message = { key: KEY.occupation, params: { level, points: fmt(points * 100) } };
  const citation = ctx.p.occupation.cite;
  if (q.best > 0) {
    return { id: 'occupation', category: 'guidance', points, message, citation, caveat: KEY.caveatOccupation, counted: true };
  }
  if (ctx.facts.profQualification === undefined && ctx.facts.skillLevel === undefined) addMissing(ctx, 'skillLevel');
  return {
    id: 'occupation',
    category: 'guidance',
    points,
    message,
    citation,
    caveat: KEY.caveatOccupation,
    counted: false,
    notCountedReason: { key: KEY.occupationNeedsCertificate },
  };
}

/** Marriage: 20 when married by the cut-off and the spouse has 24 months of Tianjin SI or serves in the military. */
function marriageLine(ctx: Context): Line | null {
  const { facts, p, cutoff } = ctx;
  if (!facts.married) return null;
  const rule = p.marriage.value;
  const citation = p.marriage.cite;
  const pointsText = fmt(rule.points * 100);
  if (!facts.marriageDate) {
    addMissing(ctx, 'marriageDate');
    return marriageNotCounted(rule, citation, pointsText, { key: KEY.missing });
  }
  if (facts.marriageDate > cutoff) return marriageNotCounted(rule, citation, pointsText, { key: KEY.afterCutoff, params: { cutoff } });
  if (facts.spouseActiveMilitary) {
    return {
      id: 'marriage',
      category: 'additional',
      points: rule.points,
      citation,
      message: { key: KEY.marriageMilitary, params: { points: pointsText } },
      counted: true,
    };
  }
  const months = facts.spouseSiMonths;
  if (months === undefined) {
    addMissing(ctx, 'spouseSiMonths');
    return marriageNotCounted(rule, citation, pointsText, { key: KEY.missing });
  }
  const message: Message = { key: KEY.marriage, params: { months, min: rule.spouseMinSiMonths, points: pointsText } };
  if (months >= rule.spouseMinSiMonths) {
    return { id: 'marriage', category: 'additional', points: rule.points, citation, message, counted: true };
  }
  return {
    id: 'marriage',
    category: 'additional',
    points: rule.points,
    citation,
    message,
    counted: false,
    notCountedReason: { key: KEY.spouseShort, params: { months, min: rule.spouseMinSiMonths } },
  };
}

/** The marriage line when the spouse's months cannot be counted (date or months not known, married after the cut-off). */
function marriageNotCounted(rule: TianjinParams['marriage']['value'], citation: Citation, pointsText: string, reason: Message): Line {
  return {
    id: 'marriage',
    category: 'additional',
    points: rule.points,
    citation,
    message: { key: KEY.marriageUnknown, params: { points: pointsText, min: rule.spouseMinSiMonths } },
    counted: false,
    notCountedReason: reason,
  };
}

/** Awards: skills competitions only, national 30 or provincial 20. */
function awardLine({ facts, p }: Context): Line | null {
  const award = facts.award;
  if (award === undefined || award === 'none') return null;
  const points = p.award.value[award];
  return {
    id: 'award',
    category: 'additional',
    points,
    message: { key: KEY.award, params: { level: award, points: fmt(points * 100) } },
    citation: p.award.cite,
    caveat: KEY.caveatAward,
    counted: true,
  };
}

/** One kind of negative record, with its line ids and message keys. */
const DEDUCTION_KINDS = [
  { kind: 'crime', fact: 'crimeSentenceEndDates', param: 'crime' },
  { kind: 'falseInfo', fact: 'falseInfoDates', param: 'falseInfo' },
].map(({ kind, fact, param }) => ({
  fact: fact as 'crimeSentenceEndDates' | 'falseInfoDates',
  param: param as 'crime' | 'falseInfo',
  id: `deduction.${kind}`,
  expiredId: `deduction.${kind}.expired`,
  key: `${NS}line.deduction.${kind}`,
  expiredKey: `${NS}line.deductionExpired.${kind}`,
  caveat: `${NS}caveat.${kind}`,
}));

/**
 * Negative points (decision 6): per record inside 5 years before the submission date; they accumulate. Records
 * on or before the window's anniversary are shown as not counted (as `windowedDeductionLines` in core/result).
 */
function deductionLines({ facts, asOf, p }: Context): Line[] {
  const lines: Line[] = [];
  for (const d of DEDUCTION_KINDS) {
    const dates = facts[d.fact];
    if (!dates || dates.length === 0) continue;
    const { pointsEach, windowYears } = p[d.param].value;
    const citation = p[d.param].cite;
    // The window is (asOf − windowYears, asOf]; its start is only needed once a record is on or before asOf.
    let windowStart: IsoDate | undefined;
    let inside = 0;
    for (const date of dates) {
      if (!(date <= asOf)) continue;
      windowStart ??= addYears(asOf, -windowYears);
      if (date > windowStart) inside++;
    }
    const outside = dates.length - inside;
    if (inside > 0) {
      lines.push({
        category: 'deduction',
        citation,
        id: d.id,
        points: -pointsEach * inside,
        message: { key: d.key, params: { count: inside, each: pointsEach, years: windowYears } },
        caveat: d.caveat,
        counted: true,
      });
    }
    if (outside > 0) {
      lines.push({
        category: 'deduction',
        citation,
        id: d.expiredId,
        points: -pointsEach * outside,
        message: { key: d.expiredKey, params: { count: outside, each: pointsEach, years: windowYears } },
        counted: false,
        notCountedReason: { key: KEY.windowPassed, params: { years: windowYears } },
      });
    }
  }
  return lines;
}

// ---- result -----------------------------------------------------------------------------------------------

function notices(ctx: Context, chosen: boolean, inValidity: boolean): Notice[] {
  const { asOf, period, cutoff, pack, p, c } = ctx;
  const list: Notice[] = [
    {
      level: 'info',
      message: {
        key: chosen ? KEY.noticePeriod : KEY.noticePeriodDefault,
        params: { year: period.year, half: period.half, from: period.from, to: period.to, cutoff },
      },
    },
  ];
  if (asOf < period.from || asOf > period.to) {
    list.push({ level: 'warning', message: { key: KEY.noticeAsOfOutsideWindow, params: { asOf, from: period.from, to: period.to } } });
  }
  if (!inValidity) {
    list.push({ level: 'warning', message: { key: KEY.noticePackExpired, params: { validTo: pack.validTo } } });
    if (pack.validToAssumed) list.push({ level: 'warning', message: { key: KEY.noticeValidityAssumed, params: { validTo: pack.validTo } } });
  }
  list.push({
    level: 'info',
    message: {
      key: KEY.noticeNoQuota,
      params: { guidance: p.guidanceScore.value, period: p.publishedCutoff.value.period, lowest: c.lowestText, highest: c.highestText },
    },
  });
  return list;
}

/** Score Tianjin facts on `asOf` (the submission date) with the pack in force that day. Pure and deterministic. */
export function evaluateTianjin(facts: TianjinFacts, asOf: IsoDate): ScoreResult {
  const { pack, inValidity } = choosePack(tianjinPacks, asOf);
  if (!pack) {
    const notice: Message = { key: KEY.noticeNotModelled, params: { first: TIANJIN_FIRST_MODELLED } };
    return { ...notModelledResult('tianjin', asOf, notice), fixedDecimals: TIANJIN_DECIMALS };
  }
  const p = pack.params;
  const asOfKey = ymdNumber(asOf);
  const { period, chosen } = resolvedPeriod(facts.applicationPeriod, asOf, asOfKey, p.timetable.value);
  const ctx: Context = {
    facts,
    asOf,
    asOfKey,
    pack,
    p,
    c: constantsOf(p),
    period,
    cutoff: period.cutoff,
    age: facts.birthDate ? completedYears(facts.birthDate, asOf) : undefined,
    missing: [],
  };
  const gates: Gate[] = [
    answerGate(ctx, 'residencePermit'),
    answerGate(ctx, 'tianjinEmployer'),
    siHistoryGate(ctx),
    answerGate(ctx, 'siPayingNow'),
    retirementGate(ctx),
  ];
  const lines: Line[] = [];
  for (const indicator of ctx.c.insurance) lines.push(phasedLine(ctx, indicator));
  lines.push(phasedLine(ctx, ctx.c.housingFund));
  endorsementLines(ctx, lines);
  const rent = rentLine(ctx);
  if (rent) lines.push(rent);
  ownedHomeLines(ctx, lines);
  lines.push(ageLine(ctx), educationLine(ctx));
  const q = qualificationPoints(ctx);
  const qualification = qualificationLine(ctx, q);
  if (qualification) lines.push(qualification);
  const occupation = occupationLine(ctx, q);
  if (occupation) lines.push(occupation);
  const marriage = marriageLine(ctx);
  if (marriage) lines.push(marriage);
  const award = awardLine(ctx);
  if (award) lines.push(award);
  const deductions = deductionLines(ctx);
  const veto: Veto = { vetoed: false, reasons: [] };
  // Every line is an exact multiple of 0.01 (decision 7): add them as integers.
  let totalHundredths = 0;
  const lineIds: string[] = [];
  for (const l of lines) {
    if (l.counted) totalHundredths += toHundredths(l.points);
    lineIds.push(l.id);
  }
  for (const l of deductions) {
    if (l.counted) totalHundredths += toHundredths(l.points);
    lineIds.push(l.id);
  }
  const total = fromHundredths(totalHundredths);
  const threshold = p.guidanceScore.value;
  const eligible = eligibilityOf(gates, veto);
  const verdict = total >= threshold ? 'reached' : 'notReached';
  const cut = p.publishedCutoff.value;
  const score: ScoreSummary = {
    id: 'residencePermitPoints',
    label: { key: KEY.scoreMain },
    description: { key: KEY.scoreDescription, params: { guidance: threshold } },
    lineIds,
    total,
    threshold,
    verdict,
    citation: p.guidanceScore.cite,
    eligible,
    comparisons: [
      {
        id: 'cutoff.2022-1',
        label: { key: KEY.scorePublishedCutoff, params: { period: cut.period } },
        value: cut.lowest,
        citation: p.publishedCutoff.cite,
        caveat: KEY.caveatPublishedCutoff,
      },
    ],
  };
  return {
    city: 'tianjin',
    asOf,
    status: 'scored',
    pack: packInfo(pack, inValidity),
    gates,
    lines,
    deductions,
    veto,
    total,
    threshold,
    verdict,
    eligible,
    scores: [score],
    notices: notices(ctx, chosen, inValidity),
    missing: ctx.missing,
    fixedDecimals: TIANJIN_DECIMALS,
  };
}
