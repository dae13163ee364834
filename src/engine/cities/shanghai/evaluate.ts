/**
 * Shanghai 居住证积分: applies the rule pack in force on the as-of date to a person's facts.
 * Each function below implements one indicator and names the rule it follows (docs/rules/shanghai.md).
 *
 * Scoring runs on every keystroke and in bulk, so this module builds each object of the result once, in its final
 * shape (no copies through spreads), reads every date once, and takes what depends only on the rule pack (messages
 * without per-person values, caps, band rules) from a per-pack cache. Objects shared between results are frozen.
 * The key order of every object is part of the output (JSON, CLI) and is kept as documented on each builder.
 */
import { completedYears } from '../../core/dates';
import { oncePer } from '../../core/memo';
import { choosePack, packInfo } from '../../core/packs';
import { capped } from '../../core/points';
import { eligibilityOf, notModelledResult, pushWindowedDeductionLines, scoreOver, type WindowedDeductionRule } from '../../core/result';
import type { Citation, Gate, IsoDate, Line, LineCategory, Message, Notice, PackInfo, ScoreResult, Veto } from '../../core/types';
import type { ShanghaiAward, ShanghaiFacts } from './facts';
import { SHANGHAI_FIRST_MODELLED, shanghaiPacks, type ShanghaiPack, type ShanghaiParams, type SiBaseTier } from './packs';

const NS = 'shanghai:';

/** A message shared by every result that shows it; frozen, since results are read and never edited. */
function sharedMsg(key: string, params?: Message['params']): Message {
  return params ? Object.freeze({ key, params: Object.freeze(params) }) : Object.freeze({ key });
}

/** Messages without per-person values. */
const FIXED = {
  gateResidencePermit: sharedMsg(`${NS}gate.residencePermit`),
  gateSiPayingNow: sharedMsg(`${NS}gate.siPayingNow`),
  notAnswered: sharedMsg('rules:gate.notAnswered'),
  yes: sharedMsg('rules:gate.yes'),
  no: sharedMsg('rules:gate.no'),
  missing: sharedMsg('rules:reason.missing'),
  ageUnknown: sharedMsg(`${NS}line.ageUnknown`),
  educationNotVerified: sharedMsg(`${NS}reason.educationNotVerified`),
  titleNotMatched: sharedMsg(`${NS}reason.titleNotMatched`),
  titleZero: sharedMsg(`${NS}reason.titleZero`),
  siBaseNone: sharedMsg(`${NS}line.siBaseNone`),
  spouseUnknown: sharedMsg(`${NS}line.spouseUnknown`),
  spouseUnderYear: sharedMsg(`${NS}reason.spouseUnderYear`),
  scoreMain: sharedMsg(`${NS}score.main`),
  notModelled: sharedMsg(`${NS}notice.notModelled`, { first: SHANGHAI_FIRST_MODELLED }),
} as const;

const UNDER_18: Notice = Object.freeze({ level: 'warning', message: sharedMsg(`${NS}notice.under18`) });

/** Keys of messages that carry per-person values (built once here rather than on every call). */
const KEY = {
  siMonthsLast12Reason: `${NS}gate.siMonthsLast12Reason`,
  ageOver: `${NS}line.ageOver`,
  agePlateau: `${NS}line.agePlateau`,
  ageFull: `${NS}line.ageFull`,
  ageSliding: `${NS}line.ageSliding`,
  titleGate: `${NS}reason.titleGate`,
  pickOne: `${NS}reason.pickOne`,
  education: `${NS}line.education`,
  title: `${NS}line.title`,
  siYears: `${NS}line.siYears`,
  siBase: `${NS}line.siBase`,
  siBaseShort: `${NS}reason.siBaseShort`,
  investment: `${NS}line.investment`,
  investmentTax: `${NS}line.investmentTax`,
  investmentHires: `${NS}line.investmentHires`,
  sanitation: `${NS}line.sanitation`,
  remoteArea: `${NS}line.remoteArea`,
  lingang: `${NS}line.lingang`,
  waiting: `${NS}reason.waiting`,
  awardsOne: `${NS}line.awardsOne`,
  awards: `${NS}line.awards`,
  spouse: `${NS}line.spouse`,
} as const;

const CAVEAT = {
  ageAsOf: `${NS}caveat.ageAsOf`,
  masterWithoutDegree: `${NS}caveat.masterWithoutDegree`,
  titleExtraConditions: `${NS}caveat.titleExtraConditions`,
  siBaseBands: `${NS}caveat.siBaseBands`,
  investShare: `${NS}caveat.investShare`,
  sanitationNoCap: `${NS}caveat.sanitationNoCap`,
  lingangDates: `${NS}caveat.lingangDates`,
  remoteAreaLive: `${NS}caveat.remoteAreaLive`,
  freshGradWindow: `${NS}caveat.freshGradWindow`,
  entrepreneurDeclared: `${NS}caveat.entrepreneurDeclared`,
  falseMaterialWindow: `${NS}caveat.falseMaterialWindow`,
} as const;

// ---- per-pack constants ------------------------------------------------------------------------------------

/** An SI-base tier with the bands whose months count towards it (decision 5), worked out once per pack. */
interface TierRule {
  readonly tier: SiBaseTier;
  /** Higher bands count for lower ones; only the ceiling band is counted over a window shorter than 48 months. */
  readonly ceiling: boolean;
  readonly from2: boolean;
  readonly from1: boolean;
  readonly from08: boolean;
}

/** What depends only on the pack: shared by every result scored with it. */
interface PackConstants {
  readonly info: PackInfo;
  readonly infoOutOfValidity: PackInfo;
  readonly expiredNotice: Notice;
  readonly siGate: Message | null;
  readonly ageFullUpTo: number;
  readonly titleGateUnknown: Message;
  readonly siYearsUnknown: Message;
  readonly investBelowThreshold: Message;
  readonly siBaseCap: number;
  readonly tiers: readonly TierRule[];
  readonly flags: Readonly<Record<FlagId, Message>>;
  readonly falseMaterial: WindowedDeductionRule;
  readonly detention: WindowedDeductionRule;
  readonly crime: WindowedDeductionRule;
  readonly veto: Readonly<Record<string, Message>>;
}

type FlagId = 'shortageMajor' | 'freshGraduate' | 'entrepreneur';

const constantsOf = oncePer(packConstantsOf);

function packConstantsOf(pack: ShanghaiPack): PackConstants {
  const p = pack.params;
  const age = p.age.value;
  const titleGate = p.titleGate.value;
  const invest = p.investment.value;
  const siGate = p.siGate.value;
  const deduction = (kind: string, param: ShanghaiParams['detention'], caveat?: string): WindowedDeductionRule =>
    Object.freeze({
      kind,
      pointsEach: param.value.points,
      windowYears: param.value.windowYears,
      citation: param.cite,
      ...(caveat ? { caveat } : {}),
    });
  const flag = (id: FlagId) => sharedMsg(`${NS}line.${id}`, { points: p[id].value });
  const constants: PackConstants = {
    info: Object.freeze(packInfo(pack, true)),
    infoOutOfValidity: Object.freeze(packInfo(pack, false)),
    expiredNotice: Object.freeze({ level: 'warning', message: sharedMsg('rules:notice.packExpired', { validTo: pack.validTo }) }),
    siGate: siGate ? sharedMsg(`${NS}gate.siMonthsLast12`, { min: siGate.minMonths, window: siGate.windowMonths }) : null,
    ageFullUpTo: Math.floor(age.plateauFrom - (age.cap - age.plateauPoints) / age.perYearYounger),
    titleGateUnknown: sharedMsg(`${NS}reason.titleGateUnknown`, {
      min: titleGate.minMonths,
      window: titleGate.windowMonths,
      fromPoints: titleGate.fromPoints,
    }),
    siYearsUnknown: sharedMsg(`${NS}line.siYearsUnknown`, { perYear: p.siYears.value.pointsPerFullYear }),
    investBelowThreshold: sharedMsg(`${NS}reason.investBelowThreshold`, {
      taxUnit: invest.taxUnitYuan,
      hiresUnit: invest.hiresUnit,
      perUnit: invest.pointsPerUnit,
    }),
    siBaseCap: Math.max(...p.siBase.value.map((t) => t.points)),
    tiers: p.siBase.value.map((tier) => {
      // Ceiling months are counted over the last 36 months, which lie inside any 48-month window.
      const wide = tier.windowMonths >= 48;
      return {
        tier,
        ceiling: 3 >= tier.multiple,
        from2: 2 >= tier.multiple && wide,
        from1: 1 >= tier.multiple && wide,
        from08: 0.8 >= tier.multiple && wide,
      };
    }),
    flags: { shortageMajor: flag('shortageMajor'), freshGraduate: flag('freshGraduate'), entrepreneur: flag('entrepreneur') },
    falseMaterial: deduction('falseMaterial', p.falseMaterial, CAVEAT.falseMaterialWindow),
    detention: deduction('detention', p.detention),
    crime: deduction('crime', p.crime),
    veto: Object.fromEntries(p.veto.value.map((id) => [id, sharedMsg(`${NS}veto.${id}`)])),
  };
  return constants;
}

// ---- line builders -----------------------------------------------------------------------------------------

/**
 * A line with its keys in the order id, category, points, cap?, message, citation, caveat?, counted,
 * notCountedReason? (a `reason` means the line does not count).
 */
function line(
  id: string,
  category: LineCategory,
  points: number,
  cap: number | undefined,
  message: Message,
  citation: Citation,
  caveat: string | undefined,
  reason: Message | null,
): Line {
  if (cap === undefined) {
    if (caveat === undefined) {
      return reason === null
        ? { id, category, points, message, citation, counted: true }
        : { id, category, points, message, citation, counted: false, notCountedReason: reason };
    }
    return reason === null
      ? { id, category, points, message, citation, caveat, counted: true }
      : { id, category, points, message, citation, caveat, counted: false, notCountedReason: reason };
  }
  if (caveat === undefined) {
    return reason === null
      ? { id, category, points, cap, message, citation, counted: true }
      : { id, category, points, cap, message, citation, counted: false, notCountedReason: reason };
  }
  return reason === null
    ? { id, category, points, cap, message, citation, caveat, counted: true }
    : { id, category, points, cap, message, citation, caveat, counted: false, notCountedReason: reason };
}

/** A line with its keys in the order id, category, cap, citation, caveat?, points, message, counted, notCountedReason?. */
function capFirstLine(
  id: string,
  category: LineCategory,
  cap: number,
  citation: Citation,
  caveat: string | undefined,
  points: number,
  message: Message,
  reason: Message | null,
): Line {
  if (caveat === undefined) {
    return reason === null
      ? { id, category, cap, citation, points, message, counted: true }
      : { id, category, cap, citation, points, message, counted: false, notCountedReason: reason };
  }
  return reason === null
    ? { id, category, cap, citation, caveat, points, message, counted: true }
    : { id, category, cap, citation, caveat, points, message, counted: false, notCountedReason: reason };
}

// ---- indicators --------------------------------------------------------------------------------------------

interface Context {
  readonly facts: ShanghaiFacts;
  readonly asOf: IsoDate;
  readonly p: ShanghaiParams;
  readonly k: PackConstants;
  /** Completed years on the as-of date, when the birth date is given. */
  readonly age: number | null;
  /** Facts not provided that change the result, in the order they are met (each is added at most once). */
  readonly missing: string[];
}

function fullYears(months: number | undefined): number {
  return Math.floor((months ?? 0) / 12);
}

function yesNoReason(answer: boolean | undefined): Message {
  return answer === undefined ? FIXED.notAnswered : answer ? FIXED.yes : FIXED.no;
}

/** Eligibility gates (decision 12): residence permit; from 2018 also 6 of the last 12 months of SI, paying now. */
function gates({ facts, p, k, missing }: Context): Gate[] {
  const citation = p.siGate.cite;
  const permit = facts.residencePermit;
  if (permit === undefined) missing.push('residencePermit');
  const result: Gate[] = [
    {
      id: 'residencePermit',
      status: permit === undefined ? 'unknown' : permit ? 'pass' : 'fail',
      message: FIXED.gateResidencePermit,
      reason: yesNoReason(permit),
      citation,
    },
  ];
  const siGate = p.siGate.value;
  if (siGate && k.siGate) {
    const months = facts.siMonthsLast12;
    if (months === undefined) missing.push('siMonthsLast12');
    result.push({
      id: 'siMonthsLast12',
      status: months === undefined ? 'unknown' : months >= siGate.minMonths ? 'pass' : 'fail',
      message: k.siGate,
      reason:
        months === undefined
          ? FIXED.notAnswered
          : { key: KEY.siMonthsLast12Reason, params: { months, min: siGate.minMonths } },
      citation,
    });
    const paying = facts.siPayingNow;
    if (paying === undefined) missing.push('siPayingNow');
    result.push({
      id: 'siPayingNow',
      status: paying === undefined ? 'unknown' : paying ? 'pass' : 'fail',
      message: FIXED.gateSiPayingNow,
      reason: yesNoReason(paying),
      citation,
    });
  }
  return result;
}

/** Age (decision 1): completed years on the as-of date; 56–60 → 5, +2 per year younger, cap 30, over 60 → 0. */
export function agePoints(age: number, rule: ShanghaiParams['age']['value']): number {
  if (age > rule.plateauTo) return 0;
  if (age >= rule.plateauFrom) return rule.plateauPoints;
  return Math.min(rule.cap, rule.plateauPoints + rule.perYearYounger * (rule.plateauFrom - age));
}

function ageLine({ age, p, k, missing }: Context): Line {
  const rule = p.age.value;
  if (age === null) {
    missing.push('birthDate');
    return capFirstLine('age', 'basic', rule.cap, p.age.cite, CAVEAT.ageAsOf, 0, FIXED.ageUnknown, FIXED.missing);
  }
  const points = agePoints(age, rule);
  const fullUpTo = k.ageFullUpTo;
  const message: Message =
    age > rule.plateauTo
      ? { key: KEY.ageOver, params: { age, points, plateauTo: rule.plateauTo } }
      : age >= rule.plateauFrom
        ? { key: KEY.agePlateau, params: { age, points, plateauFrom: rule.plateauFrom, plateauTo: rule.plateauTo } }
        : age <= fullUpTo
          ? { key: KEY.ageFull, params: { age, points, fullUpTo } }
          : {
              key: KEY.ageSliding,
              params: {
                age,
                points,
                plateauFrom: rule.plateauFrom,
                plateauPoints: rule.plateauPoints,
                perYear: rule.perYearYounger,
              },
            };
  return capFirstLine('age', 'basic', rule.cap, p.age.cite, CAVEAT.ageAsOf, points, message, null);
}

/** Education and title (decisions 2 and 3): the higher counts; title tiers ≥100 need the SI-base gate. */
function pushEducationAndTitleLines(lines: Line[], { facts, p, k, missing }: Context): void {
  const education = facts.education;
  const title = facts.title;
  if (education === undefined && title === undefined) missing.push('education');

  let eduPoints = education ? p.education.value[education] : 0;
  let eduBlocked: Message | null = null;
  if (education && education !== 'none' && facts.educationVerified === false) {
    eduBlocked = FIXED.educationNotVerified;
    eduPoints = 0;
  }

  const titleTable = title ? p.title.value[title] : 0;
  let titleBlocked: Message | null = null;
  const gate = p.titleGate.value;
  if (title && titleTable > 0 && facts.titleMatchesPost === false) {
    titleBlocked = FIXED.titleNotMatched;
  } else if (title && titleTable >= gate.fromPoints) {
    const months = facts.titleBaseMonthsLast12;
    if (months === undefined) {
      missing.push('titleBaseMonthsLast12');
      titleBlocked = k.titleGateUnknown;
    } else if (months < gate.minMonths) {
      titleBlocked = {
        key: KEY.titleGate,
        params: { months, min: gate.minMonths, window: gate.windowMonths, fromPoints: gate.fromPoints },
      };
    }
  }
  const titleEffective = titleBlocked ? 0 : titleTable;

  const titleWins = titleEffective > eduPoints;
  if (education !== undefined) {
    // The would-be value; whether it counts is decided by the reason.
    const points = p.education.value[education];
    lines.push(
      line(
        'education',
        'basic',
        points,
        p.education.value.doctorate,
        { key: KEY.education, params: { level: education, points } },
        p.education.cite,
        education === 'master' || education === 'doctorate' ? CAVEAT.masterWithoutDegree : undefined,
        eduBlocked ?? (titleWins ? { key: KEY.pickOne, params: { other: titleEffective, otherId: 'title' } } : null),
      ),
    );
  }
  if (title !== undefined) {
    const gated = titleTable >= gate.fromPoints;
    lines.push(
      line(
        'title',
        'basic',
        titleTable,
        p.title.value.seniorTitle,
        { key: KEY.title, params: { level: title, points: titleTable } },
        gated ? p.titleGate.cite : p.title.cite,
        gated ? CAVEAT.titleExtraConditions : undefined,
        titleBlocked ??
          (titleTable === 0
            ? FIXED.titleZero
            : !titleWins
              ? { key: KEY.pickOne, params: { other: eduPoints, otherId: 'education' } }
              : null),
      ),
    );
  }
}

/** SI years (decision 4): 3 × full years of cumulative qualifying months, no cap. */
function siYearsLine({ facts, p, k, missing }: Context): Line {
  const months = facts.siMonthsTotal;
  const years = fullYears(months);
  const perYear = p.siYears.value.pointsPerFullYear;
  const points = perYear * years;
  if (months === undefined) {
    missing.push('siMonthsTotal');
    return line('siYears', 'basic', points, undefined, k.siYearsUnknown, p.siYears.cite, undefined, FIXED.missing);
  }
  const message: Message = { key: KEY.siYears, params: { months, years, perYear, points } };
  return line('siYears', 'basic', points, undefined, message, p.siYears.cite, undefined, null);
}

/** Months at or above a tier's bound within its window: the most months of any band that counts for it. */
function monthsAtLeast(rule: TierRule, ceiling: number, from2: number, from1: number, from08: number): number {
  // Math.max of no values is −Infinity; folded pairwise it gives what Math.max of them all gives (NaN, ±0).
  let months = -Infinity;
  if (rule.from1) months = Math.max(months, from1);
  if (rule.from2) months = Math.max(months, from2);
  if (rule.ceiling) months = Math.max(months, ceiling);
  if (rule.from08) months = Math.max(months, from08);
  return months;
}

/** SI base (decision 5): months at or above each bound (higher bands count for lower ones); highest tier reached. */
function siBaseLine({ facts, p, k }: Context): Line | null {
  const anyGiven =
    (facts.siBaseCeilingMonths !== undefined && facts.siBaseCeilingMonths > 0) ||
    (facts.siBase2Months !== undefined && facts.siBase2Months > 0) ||
    (facts.siBase1Months !== undefined && facts.siBase1Months > 0) ||
    (facts.siBase08Months !== undefined && facts.siBase08Months > 0);
  if (!anyGiven) return null;
  const ceiling = facts.siBaseCeilingMonths ?? 0;
  const from2 = facts.siBase2Months ?? 0;
  const from1 = facts.siBase1Months ?? 0;
  const from08 = facts.siBase08Months ?? 0;
  for (const rule of k.tiers) {
    const months = monthsAtLeast(rule, ceiling, from2, from1, from08);
    const t = rule.tier;
    if (months >= t.months) {
      const message: Message = {
        key: KEY.siBase,
        params: { points: t.points, multiple: t.multiple, months, need: t.months, window: t.windowMonths },
      };
      return capFirstLine('siBase', 'bonus', k.siBaseCap, p.siBase.cite, CAVEAT.siBaseBands, t.points, message, null);
    }
  }
  const lowest = k.tiers[k.tiers.length - 1]!;
  const reason: Message = {
    key: KEY.siBaseShort,
    params: {
      months: monthsAtLeast(lowest, ceiling, from2, from1, from08),
      need: lowest.tier.months,
      window: lowest.tier.windowMonths,
      multiple: lowest.tier.multiple,
    },
  };
  return capFirstLine('siBase', 'bonus', k.siBaseCap, p.siBase.cite, CAVEAT.siBaseBands, 0, FIXED.siBaseNone, reason);
}

/** Investment (decision 7): 10 per full ¥100k of tax share or per full 10 hukou hires, the larger; cap 120. */
function investmentLine({ facts, p, k }: Context): Line | null {
  const tax = facts.investTaxShareYuan ?? 0;
  const hires = facts.investHukouHires ?? 0;
  if (tax <= 0 && hires <= 0) return null;
  const rule = p.investment.value;
  const taxPoints = rule.pointsPerUnit * Math.floor(tax / rule.taxUnitYuan);
  const hirePoints = rule.pointsPerUnit * Math.floor(hires / rule.hiresUnit);
  const points = capped(Math.max(taxPoints, hirePoints), rule.cap);
  const key = hires <= 0 ? KEY.investmentTax : tax <= 0 ? KEY.investmentHires : KEY.investment;
  const message: Message = {
    key,
    params: {
      tax,
      hires,
      taxPoints,
      hirePoints,
      points,
      taxUnit: rule.taxUnitYuan,
      hiresUnit: rule.hiresUnit,
      perUnit: rule.pointsPerUnit,
    },
  };
  return line(
    'investment',
    'bonus',
    points,
    rule.cap,
    message,
    p.investment.cite,
    CAVEAT.investShare,
    points > 0 ? null : k.investBelowThreshold,
  );
}

/** Waiting-period indicators (decision 6): rate × full years, counted only once full years ≥ the threshold. */
function waitingLine(
  id: 'sanitation' | 'remoteArea',
  months: number | undefined,
  perYear: number,
  minYears: number,
  cap: number | null,
  messageKey: string,
  citation: Citation,
  caveat: string,
): Line | null {
  const years = fullYears(months);
  if (!months) return null;
  const points = capped(perYear * years, cap);
  return line(
    id,
    'bonus',
    points,
    cap !== null ? cap : undefined,
    { key: messageKey, params: { years, perYear, minYears, points } },
    citation,
    caveat,
    years >= minYears ? null : { key: KEY.waiting, params: { years, minYears } },
  );
}

function sanitationLine({ facts, p }: Context): Line | null {
  const rule = p.sanitation.value;
  return waitingLine(
    'sanitation',
    facts.sanitationMonths,
    rule.pointsPerFullYear,
    rule.minYears,
    rule.cap,
    KEY.sanitation,
    p.sanitation.cite,
    CAVEAT.sanitationNoCap,
  );
}

/** Remote key area / Lingang (decision 6): Lingang waits 3 years from 2019-11-20 and none from 2024-08-21. */
function remoteAreaLine({ facts, asOf, p, missing }: Context): Line | null {
  if (!facts.remoteArea || facts.remoteArea === 'none') return null;
  if (facts.remoteAreaMonths === undefined) missing.push('remoteAreaMonths');
  const rule = p.remoteArea.value;
  const lingang = facts.remoteArea === 'lingangNewArea';
  // The latest step in force on the as-of date.
  let lingangStep: ShanghaiParams['lingangMinYears'][number] | undefined;
  if (lingang) {
    for (let i = p.lingangMinYears.length - 1; i >= 0; i--) {
      const step = p.lingangMinYears[i]!;
      if (step.value.from <= asOf) {
        lingangStep = step;
        break;
      }
    }
  }
  return waitingLine(
    'remoteArea',
    facts.remoteAreaMonths,
    rule.pointsPerFullYear,
    lingangStep ? lingangStep.value.value : rule.minYears,
    rule.cap,
    lingangStep ? KEY.lingang : KEY.remoteArea,
    lingangStep ? lingangStep.cite : p.remoteArea.cite,
    lingang ? CAVEAT.lingangDates : CAVEAT.remoteAreaLive,
  );
}

function flagLine({ facts, p, k }: Context, id: FlagId, caveat?: string): Line | null {
  if (!facts[id]) return null;
  const param = p[id];
  return line(id, 'bonus', param.value, param.value, k.flags[id], param.cite, caveat, null);
}

const NO_AWARDS: readonly ShanghaiAward[] = Object.freeze([]);

/** Awards (decision 8): the highest single award only. */
function awardsLine({ facts, p }: Context): Line | null {
  const awards = facts.awards ?? NO_AWARDS;
  if (awards.length === 0) return null;
  const table = p.awards.value;
  let best = awards[0]!;
  for (let i = 1; i < awards.length; i++) {
    const award = awards[i]!;
    if (table[award] > table[best]) best = award;
  }
  const points = table[best];
  const message: Message =
    awards.length === 1
      ? { key: KEY.awardsOne, params: { level: best, points } }
      : { key: KEY.awards, params: { level: best, count: awards.length, points } };
  return line('awards', 'bonus', points, table.provincialOrHigher, message, p.awards.cite, undefined, null);
}

/** Spouse with Shanghai hukou: 4 per full year of marriage, cap 40. */
function spouseLine({ facts, asOf, p, missing }: Context): Line | null {
  if (!facts.spouseShanghaiHukou) return null;
  const rule = p.spouse.value;
  if (!facts.marriageDate) {
    missing.push('marriageDate');
    return capFirstLine('spouse', 'bonus', rule.cap, p.spouse.cite, undefined, 0, FIXED.spouseUnknown, FIXED.missing);
  }
  const years = Math.max(0, completedYears(facts.marriageDate, asOf));
  const points = capped(rule.pointsPerFullYear * years, rule.cap);
  const message: Message = { key: KEY.spouse, params: { years, points, perYear: rule.pointsPerFullYear } };
  return capFirstLine('spouse', 'bonus', rule.cap, p.spouse.cite, undefined, points, message, points > 0 ? null : FIXED.spouseUnderYear);
}

/** Deductions (decision 10): per record inside the window; records outside it are shown as not counted. */
function deductionLines({ facts, asOf, k }: Context): Line[] {
  const lines: Line[] = [];
  pushWindowedDeductionLines(lines, NS, asOf, k.falseMaterial, facts.falseMaterialDates);
  pushWindowedDeductionLines(lines, NS, asOf, k.detention, facts.detentionDates);
  pushWindowedDeductionLines(lines, NS, asOf, k.crime, facts.crimeDates);
  return lines;
}

function vetoOf({ facts, p, k }: Context): Veto {
  const reasons: Veto['reasons'][number][] = [];
  for (const id of p.veto.value) {
    if (facts[id] === true) reasons.push({ id, message: k.veto[id]!, citation: p.veto.cite });
  }
  return { vetoed: reasons.length > 0, reasons };
}

function pushLine(lines: Line[], line: Line | null): void {
  if (line !== null) lines.push(line);
}

/** Score Shanghai facts on `asOf` with the pack in force that day. Pure and deterministic. */
export function evaluateShanghai(facts: ShanghaiFacts, asOf: IsoDate): ScoreResult {
  const { pack, inValidity } = choosePack(shanghaiPacks, asOf);
  if (!pack) return notModelledResult('shanghai', asOf, FIXED.notModelled);
  const p = pack.params;
  const k = constantsOf(pack);
  const ctx: Context = {
    facts,
    asOf,
    p,
    k,
    age: facts.birthDate ? completedYears(facts.birthDate, asOf) : null,
    missing: [],
  };
  const gateList = gates(ctx);
  const lines: Line[] = [ageLine(ctx)];
  pushEducationAndTitleLines(lines, ctx);
  lines.push(siYearsLine(ctx));
  pushLine(lines, flagLine(ctx, 'shortageMajor'));
  pushLine(lines, investmentLine(ctx));
  pushLine(lines, siBaseLine(ctx));
  pushLine(lines, sanitationLine(ctx));
  pushLine(lines, remoteAreaLine(ctx));
  pushLine(lines, flagLine(ctx, 'freshGraduate', CAVEAT.freshGradWindow));
  pushLine(lines, awardsLine(ctx));
  pushLine(lines, spouseLine(ctx));
  pushLine(lines, flagLine(ctx, 'entrepreneur', CAVEAT.entrepreneurDeclared));
  const deductions = deductionLines(ctx);
  const veto = vetoOf(ctx);
  const threshold = p.standardScore.value;
  const score = scoreOver({
    id: 'residencePermitPoints',
    label: FIXED.scoreMain,
    lines: deductions.length === 0 ? lines : lines.concat(deductions),
    floor: p.floor.value,
    threshold,
    vetoed: veto.vetoed,
    citation: p.standardScore.cite,
  });
  const notices: Notice[] = [];
  if (!inValidity) notices.push(k.expiredNotice);
  if (ctx.age !== null && facts.birthDate! <= asOf && ctx.age < 18) notices.push(UNDER_18);
  return {
    city: 'shanghai',
    asOf,
    status: 'scored',
    pack: inValidity ? k.info : k.infoOutOfValidity,
    gates: gateList,
    lines,
    deductions,
    veto,
    total: score.total,
    threshold,
    verdict: score.verdict,
    eligible: eligibilityOf(gateList, veto),
    scores: [score],
    notices,
    missing: ctx.missing,
  };
}
