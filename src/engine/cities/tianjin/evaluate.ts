/**
 * Tianjin 居住证积分: applies the rule pack in force on the as-of date (the submission date) to a person's facts.
 * Facts are counted to the period's cut-off date; age and the retirement check use the as-of date. Every line is
 * built in integer hundredths of a point, so each is an exact multiple of 0.01 and the total is their exact sum.
 * Each function below implements one indicator and names the decision it follows (docs/rules/tianjin.md).
 */
import { completedMonths, completedYears, isIsoDate, nextDay } from '../../core/dates';
import { choosePack, packInfo } from '../../core/packs';
import { countedLine, eligibilityOf, msg, notModelledResult, uncountedLine, windowedDeductionLines } from '../../core/result';
import type {
  Comparison,
  Gate,
  IsoDate,
  Line,
  Message,
  Notice,
  ScoreResult,
  ScoreSummary,
  Veto,
} from '../../core/types';
import { accrue, accruePhased, formatHundredths, fromHundredths, toHundredths, type PhaseAccrual, type PhasedAccrual } from './accrual';
import { districtGroupOf } from './districts';
import { insuranceMonthsFact, tianjinInsuranceTypes, type TianjinFacts, type TianjinHome } from './facts';
import { TIANJIN_FIRST_MODELLED, tianjinPacks, type TianjinPack, type TianjinParams } from './packs';
import { applicationWindow, cutoffOf, resolvePeriod, type ApplicationPeriod } from './period';
import { retirementCategory, statutoryRetirement, type RetirementCategory } from './retirement';

const NS = 'tianjin:';

/** Results show every point value with 2 decimals. */
export const TIANJIN_DECIMALS = 2;

interface Context {
  readonly facts: TianjinFacts;
  readonly asOf: IsoDate;
  readonly pack: TianjinPack;
  readonly p: TianjinParams;
  readonly period: ApplicationPeriod;
  /** Facts are counted up to and including this day. */
  readonly cutoff: IsoDate;
  readonly missing: Set<string>;
}

const fmt = formatHundredths;

// ---- gates ------------------------------------------------------------------------------------------------

function answerGate(ctx: Context, id: 'residencePermit' | 'tianjinEmployer' | 'siPayingNow'): Gate {
  const value = ctx.facts[id];
  if (value === undefined) ctx.missing.add(id);
  return {
    id,
    status: value === undefined ? 'unknown' : value ? 'pass' : 'fail',
    message: msg(`${NS}gate.${id}`),
    reason: msg(value === undefined ? 'rules:gate.notAnswered' : value ? 'rules:gate.yes' : 'rules:gate.no'),
    citation: ctx.p.conditions.cite,
  };
}

/** Social insurance (decision 8): all 12 months up to the cut-off, or 36 months since 2014-01-01. */
function siHistoryGate({ facts, p, cutoff, missing }: Context): Gate {
  const rule = p.conditions.value;
  const last12 = facts.siMonthsLast12;
  const since = facts.siMonthsSince2014;
  const base = {
    id: 'siHistory',
    message: msg(`${NS}gate.siHistory`, {
      continuous: rule.siContinuousMonths,
      cumulative: rule.siCumulativeMonths,
      since: rule.siCumulativeSince,
      cutoff,
    }),
    citation: p.conditions.cite,
    caveat: `${NS}caveat.siContinuous`,
  } as const;
  if (last12 !== undefined && last12 >= rule.siContinuousMonths) {
    return { ...base, status: 'pass', reason: msg(`${NS}gate.siHistoryContinuous`, { months: last12 }) };
  }
  if (since !== undefined && since >= rule.siCumulativeMonths) {
    return { ...base, status: 'pass', reason: msg(`${NS}gate.siHistoryCumulative`, { months: since, since: rule.siCumulativeSince }) };
  }
  if (last12 !== undefined && since !== undefined) {
    return {
      ...base,
      status: 'fail',
      reason: msg(`${NS}gate.siHistoryShort`, {
        last12,
        since2014: since,
        continuous: rule.siContinuousMonths,
        cumulative: rule.siCumulativeMonths,
      }),
    };
  }
  if (last12 === undefined) missing.add('siMonthsLast12');
  if (since === undefined && last12 !== undefined) {
    missing.add('siMonthsSince2014');
    return {
      ...base,
      status: 'unknown',
      reason: msg(`${NS}gate.siHistoryNeedCumulative`, { last12, continuous: rule.siContinuousMonths }),
    };
  }
  return { ...base, status: 'unknown', reason: msg('rules:gate.notAnswered') };
}

/**
 * Below the statutory retirement age on the submission date (decision 8), by the national gradual schedule. Sex
 * and post type are only needed when the answer depends on them.
 */
function retirementGate({ facts, asOf, p, missing }: Context): Gate {
  const base = {
    id: 'retirement',
    message: msg(`${NS}gate.retirement`),
    citation: p.retirement.cite,
    caveat: `${NS}caveat.retirementNational`,
  } as const;
  if (!facts.birthDate) {
    missing.add('birthDate');
    return { ...base, status: 'unknown', reason: msg('rules:gate.notAnswered') };
  }
  const birthDate = facts.birthDate;
  const known = facts.sex ? retirementCategory(facts.sex, facts.femalePostType) : null;
  const possible: readonly RetirementCategory[] = known
    ? [known]
    : facts.sex === 'female'
      ? ['femaleCadre', 'femaleWorker']
      : ['male', 'femaleCadre', 'femaleWorker'];
  const outcomes = possible.map((category) => statutoryRetirement(birthDate, category, p.retirement.value));
  const below = outcomes.filter((o) => asOf < o.date);
  const age = completedYears(birthDate, asOf);
  if (below.length === outcomes.length) {
    const only = outcomes.length === 1 ? outcomes[0]! : null;
    return {
      ...base,
      status: 'pass',
      reason: only
        ? msg(`${NS}gate.retirementBelow`, { years: only.ageYears, months: only.ageMonths, date: only.date })
        : msg(`${NS}gate.retirementBelowAll`, { age }),
    };
  }
  if (below.length === 0) {
    const only = outcomes.length === 1 ? outcomes[0]! : null;
    return {
      ...base,
      status: 'fail',
      reason: only
        ? msg(`${NS}gate.retirementReached`, { years: only.ageYears, months: only.ageMonths, date: only.date })
        : msg(`${NS}gate.retirementReachedAll`, { age }),
    };
  }
  const need = facts.sex === undefined ? 'sex' : 'femalePostType';
  missing.add(need);
  return {
    ...base,
    status: 'unknown',
    reason: msg(need === 'sex' ? `${NS}gate.retirementNeedSex` : `${NS}gate.retirementNeedPostType`, { age }),
  };
}

// ---- monthly indicators -----------------------------------------------------------------------------------

function phaseParams(phase: PhaseAccrual) {
  return {
    months: phase.months,
    yearly: fromHundredths(phase.yearly),
    years: phase.fullYears,
    rest: phase.restMonths,
    monthly: fmt(phase.monthly),
    points: fmt(phase.points),
  };
}

/** How a two-phase accrual was reached (decision 2). */
function accrualMessage(acc: PhasedAccrual): Message {
  if (acc.second.months === 0) return msg(`${NS}line.accrual`, phaseParams(acc.first));
  return msg(`${NS}line.accrualPhased`, {
    months: acc.months,
    threshold: acc.threshold,
    yearly1: fromHundredths(acc.first.yearly),
    points1: fmt(acc.first.points),
    months2: acc.second.months,
    yearly2: fromHundredths(acc.second.yearly),
    years2: acc.second.fullYears,
    rest2: acc.second.restMonths,
    monthly2: fmt(acc.second.monthly),
    points2: fmt(acc.second.points),
    points: fmt(acc.points),
  });
}

/** A monthly two-phase indicator (social-insurance type or housing fund). */
function phasedLine(options: {
  ctx: Context;
  id: string;
  fact: keyof TianjinFacts;
  months: number | undefined;
  threshold: number;
  phase1: number;
  phase2: number;
  citation: Line['citation'];
}): Line {
  const base = {
    id: options.id,
    category: 'basic',
    citation: options.citation,
    caveat: `${NS}caveat.monthlyRounding`,
  } as const;
  if (options.months === undefined) {
    options.ctx.missing.add(options.fact);
    return uncountedLine(
      {
        ...base,
        points: 0,
        message: msg(`${NS}line.accrualUnknown`, { phase1: options.phase1, phase2: options.phase2, threshold: options.threshold }),
      },
      msg('rules:reason.missing'),
    );
  }
  const acc = accruePhased(options.months, options.threshold, options.phase1, options.phase2);
  return countedLine({ ...base, points: fromHundredths(acc.points), message: accrualMessage(acc) });
}

/** Social insurance per insurance type (decision 2): months 1–36 at the phase-1 value, later months at phase 2. */
function socialInsuranceLines(ctx: Context): Line[] {
  const rule = ctx.p.socialInsurance.value;
  return tianjinInsuranceTypes.map((type) => {
    const fact = insuranceMonthsFact[type];
    return phasedLine({
      ctx,
      id: `socialInsurance.${type}`,
      fact,
      months: ctx.facts[fact],
      threshold: rule.thresholdMonths,
      phase1: rule.yearly[type].phase1,
      phase2: rule.yearly[type].phase2,
      citation: ctx.p.socialInsurance.cite,
    });
  });
}

/** Housing fund (decision 2): 3 a year to month 60, 4 a year after. */
function housingFundLine(ctx: Context): Line {
  const rule = ctx.p.housingFund.value;
  return phasedLine({
    ctx,
    id: 'housingFund',
    fact: 'fundMonths',
    months: ctx.facts.fundMonths,
    threshold: rule.thresholdMonths,
    phase1: rule.yearly.phase1,
    phase2: rule.yearly.phase2,
    citation: ctx.p.housingFund.cite,
  });
}

// ---- residence --------------------------------------------------------------------------------------------

/**
 * Permit endorsements (decision 2): 6 each up to the cut-off, at most one per endorsement year. The yearly
 * endorsement is applied for in the month before each full year, so counted endorsements lie at least 11 full
 * months apart; one closer to the last counted endorsement is a second one in the same year.
 */
function endorsementLines({ facts, p, cutoff }: Context): Line[] {
  const dates = [...(facts.endorsementDates ?? [])].filter((d) => isIsoDate(d)).sort();
  if (dates.length === 0) return [];
  const rule = p.endorsement.value;
  const counted: IsoDate[] = [];
  const sameYear: IsoDate[] = [];
  for (const date of dates.filter((d) => d <= cutoff)) {
    const last = counted[counted.length - 1];
    if (last === undefined || completedMonths(last, date) >= rule.minMonthsBetween) counted.push(date);
    else sameYear.push(date);
  }
  const after = dates.filter((d) => d > cutoff);
  const base = { category: 'basic', citation: p.endorsement.cite } as const;
  const lines: Line[] = [];
  if (counted.length > 0) {
    const points = rule.pointsEach * counted.length * 100;
    lines.push(
      countedLine({
        ...base,
        id: 'residence.endorsements',
        points: fromHundredths(points),
        message: msg(`${NS}line.endorsements`, { count: counted.length, each: rule.pointsEach, points: fmt(points) }),
        caveat: `${NS}caveat.endorsements`,
      }),
    );
  }
  if (sameYear.length > 0) {
    lines.push(
      uncountedLine(
        {
          ...base,
          id: 'residence.endorsementsSameYear',
          points: rule.pointsEach * sameYear.length,
          message: msg(`${NS}line.endorsementsSameYear`, { count: sameYear.length, dates: sameYear.join(', ') }),
        },
        msg(`${NS}reason.endorsementSpacing`, { months: rule.minMonthsBetween }),
      ),
    );
  }
  if (after.length > 0) {
    lines.push(
      uncountedLine(
        {
          ...base,
          id: 'residence.endorsementsAfterCutoff',
          points: rule.pointsEach * after.length,
          message: msg(`${NS}line.endorsementsAfterCutoff`, { count: after.length, dates: after.join(', ') }),
        },
        msg(`${NS}reason.afterCutoff`, { cutoff }),
      ),
    );
  }
  return lines;
}

/** Registered rent (decision 2): 6 a year by the month; the months entered exclude owned months. */
function rentLine({ facts, p }: Context): Line | null {
  if (facts.rentMonths === undefined) return null;
  const acc = accrue(facts.rentMonths, p.rent.value.yearly);
  return countedLine({
    id: 'residence.rent',
    category: 'basic',
    points: fromHundredths(acc.points),
    message: msg(`${NS}line.rent`, phaseParams(acc)),
    citation: p.rent.cite,
    caveat: `${NS}caveat.rentMonthly`,
  });
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

function scoreHome(home: TianjinHome, { p, cutoff }: Context): HomeScore {
  const rule = p.ownedHome.value;
  const group = districtGroupOf[home.district];
  const eligible = home.ownedFrom <= cutoff;
  // Full years of ownership through the cut-off day (decision 3).
  const years = eligible ? Math.max(0, completedYears(home.ownedFrom, nextDay(cutoff))) : 0;
  const perYear = rule.perFullYear[group];
  const bonus = eligible && home.newCommodity === true && rule.newHomeBonus ? rule.newHomeBonus[group] : 0;
  return { home, eligible, years, perYear, bonus, points: years * perYear + bonus };
}

/** Owned home (decision 3): full years by district group, the new-home bonus from 2023, best single home only. */
function ownedHomeLines(ctx: Context): Line[] {
  const homes = ctx.facts.homes ?? [];
  if (homes.length === 0) return [];
  const { p, cutoff } = ctx;
  const scored = homes.map((home) => scoreHome(home, ctx));
  const eligible = scored.filter((s) => s.eligible);
  const base = { category: 'basic', citation: p.ownedHome.cite } as const;
  if (eligible.length === 0) {
    const first = scored[0]!;
    return [
      uncountedLine(
        {
          ...base,
          id: 'residence.ownedHome',
          points: 0,
          message: msg(`${NS}line.ownedHomeAfterCutoff`, { district: first.home.district, date: first.home.ownedFrom }),
        },
        msg(`${NS}reason.afterCutoff`, { cutoff }),
      ),
    ];
  }
  const best = eligible.reduce((a, b) => (b.points > a.points ? b : a));
  const hasBonusRule = p.ownedHome.value.newHomeBonus !== null;
  const isNew = best.home.newCommodity === true;
  const key = hasBonusRule ? (isNew ? 'ownedHomeNew' : 'ownedHomeSecondHand') : isNew ? 'ownedHomeNoBonusYet' : 'ownedHome';
  const caveat = hasBonusRule ? (isNew ? 'ownedNewHome' : 'ownedFullYears') : 'ownedFullYears2022';
  const lines: Line[] = [
    countedLine({
      ...base,
      id: 'residence.ownedHome',
      points: best.points,
      message: msg(`${NS}line.${key}`, {
        district: best.home.district,
        group: districtGroupOf[best.home.district],
        date: best.home.ownedFrom,
        years: best.years,
        perYear: best.perYear,
        bonus: best.bonus,
        points: fmt(best.points * 100),
      }),
      caveat: `${NS}caveat.${caveat}`,
    }),
  ];
  const others = scored.filter((s) => s !== best);
  if (others.length > 0) {
    const runnerUp = others.reduce((a, b) => (b.points > a.points ? b : a));
    lines.push(
      uncountedLine(
        {
          ...base,
          id: 'residence.otherHomes',
          points: runnerUp.points,
          message: msg(`${NS}line.otherHomes`, { count: others.length, points: fmt(runnerUp.points * 100) }),
        },
        msg(`${NS}reason.oneHomeOnly`, { district: best.home.district }),
      ),
    );
  }
  return lines;
}

// ---- person -----------------------------------------------------------------------------------------------

/** Age (decision 1): completed years on the submission date; ≤35 → 10, 36–45 → 5, older → 0. */
export function agePoints(age: number, bands: TianjinParams['age']['value']): number {
  const band = bands.find((b) => b.upTo === null || age <= b.upTo);
  return band ? band.points : 0;
}

function ageLine({ facts, asOf, p, missing }: Context): Line {
  const base = { id: 'age', category: 'basic', citation: p.age.cite } as const;
  if (!facts.birthDate) {
    missing.add('birthDate');
    return uncountedLine({ ...base, points: 0, message: msg(`${NS}line.ageUnknown`) }, msg('rules:reason.missing'));
  }
  const bands = p.age.value;
  const age = completedYears(facts.birthDate, asOf);
  const points = agePoints(age, bands);
  return countedLine({
    ...base,
    points,
    message: msg(`${NS}line.age`, {
      age,
      asOf,
      points: fmt(points * 100),
      youngMax: bands[0]?.upTo ?? 0,
      youngPoints: bands[0]?.points ?? 0,
      midMax: bands[1]?.upTo ?? 0,
      midPoints: bands[1]?.points ?? 0,
    }),
  });
}

/** Education (decision 5): bachelor's or above 20, junior college 10, nothing extra for higher degrees. */
function educationLine({ facts, p, missing }: Context): Line {
  const base = { id: 'education', category: 'basic', citation: p.education.cite } as const;
  if (facts.education === undefined) {
    missing.add('education');
    return uncountedLine({ ...base, points: 0, message: msg(`${NS}line.educationUnknown`) }, msg('rules:reason.missing'));
  }
  const points = p.education.value[facts.education];
  return countedLine({ ...base, points, message: msg(`${NS}line.education`, { level: facts.education, points: fmt(points * 100) }) });
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
function qualificationLine(ctx: Context): Line | null {
  const { prof, skill, profPoints, skillPoints, best } = qualificationPoints(ctx);
  if (best === 0) return null;
  const { p } = ctx;
  const profWins = profPoints >= skillPoints;
  const message =
    profPoints > 0 && skillPoints > 0
      ? msg(`${NS}line.qualificationBoth`, {
          prof: prof!,
          profPoints,
          skill: skill!,
          skillPoints,
          points: fmt(best * 100),
        })
      : msg(`${NS}line.qualificationOne`, {
          kind: profWins ? 'profQualification' : 'skillLevel',
          level: (profWins ? prof : skill)!,
          points: fmt(best * 100),
        });
  return countedLine({
    id: 'qualification',
    category: 'basic',
    points: best,
    message,
    citation: profPoints > 0 && skillPoints > 0 ? p.pickHighest.cite : profWins ? p.profQualification.cite : p.skillLevel.cite,
    caveat: `${NS}caveat.qualification`,
  });
}

/** Shortage occupation (decision 4): on top of the qualification line, for the occupation of a certificate held. */
function occupationLine(ctx: Context): Line | null {
  const level = ctx.facts.occupationShortage;
  if (level === undefined || level === 'none') return null;
  const points = ctx.p.occupation.value[level];
  const line = {
    id: 'occupation',
    category: 'guidance',
    points,
    message: msg(`${NS}line.occupation`, { level, points: fmt(points * 100) }),
    citation: ctx.p.occupation.cite,
    caveat: `${NS}caveat.occupation`,
  } as const;
  if (qualificationPoints(ctx).best > 0) return countedLine(line);
  if (ctx.facts.profQualification === undefined && ctx.facts.skillLevel === undefined) ctx.missing.add('skillLevel');
  return uncountedLine(line, msg(`${NS}reason.occupationNeedsCertificate`));
}

/** Marriage: 20 when married by the cut-off and the spouse has 24 months of Tianjin SI or serves in the military. */
function marriageLine({ facts, p, cutoff, missing }: Context): Line | null {
  if (!facts.married) return null;
  const rule = p.marriage.value;
  const base = { id: 'marriage', category: 'additional', points: rule.points, citation: p.marriage.cite } as const;
  const pointsText = fmt(rule.points * 100);
  if (!facts.marriageDate) {
    missing.add('marriageDate');
    return uncountedLine({ ...base, message: msg(`${NS}line.marriageUnknown`, { points: pointsText, min: rule.spouseMinSiMonths }) }, msg('rules:reason.missing'));
  }
  if (facts.marriageDate > cutoff) {
    return uncountedLine(
      { ...base, message: msg(`${NS}line.marriageUnknown`, { points: pointsText, min: rule.spouseMinSiMonths }) },
      msg(`${NS}reason.afterCutoff`, { cutoff }),
    );
  }
  if (facts.spouseActiveMilitary) {
    return countedLine({ ...base, message: msg(`${NS}line.marriageMilitary`, { points: pointsText }) });
  }
  const months = facts.spouseSiMonths;
  if (months === undefined) {
    missing.add('spouseSiMonths');
    return uncountedLine({ ...base, message: msg(`${NS}line.marriageUnknown`, { points: pointsText, min: rule.spouseMinSiMonths }) }, msg('rules:reason.missing'));
  }
  const line = { ...base, message: msg(`${NS}line.marriage`, { months, min: rule.spouseMinSiMonths, points: pointsText }) };
  return months >= rule.spouseMinSiMonths
    ? countedLine(line)
    : uncountedLine(line, msg(`${NS}reason.spouseShort`, { months, min: rule.spouseMinSiMonths }));
}

/** Awards: skills competitions only, national 30 or provincial 20. */
function awardLine({ facts, p }: Context): Line | null {
  const award = facts.award;
  if (award === undefined || award === 'none') return null;
  const points = p.award.value[award];
  return countedLine({
    id: 'award',
    category: 'additional',
    points,
    message: msg(`${NS}line.award`, { level: award, points: fmt(points * 100) }),
    citation: p.award.cite,
    caveat: `${NS}caveat.award`,
  });
}

/** Negative points (decision 6): per record inside 5 years before the submission date; they accumulate. */
function deductionLines({ facts, asOf, p }: Context): Line[] {
  const kind = (kind: string, dates: readonly IsoDate[] | undefined, param: TianjinParams['crime']) => ({
    kind,
    dates,
    pointsEach: param.value.pointsEach,
    windowYears: param.value.windowYears,
    citation: param.cite,
    caveat: `${NS}caveat.${kind}`,
  });
  return windowedDeductionLines(NS, asOf, [
    kind('crime', facts.crimeSentenceEndDates, p.crime),
    kind('falseInfo', facts.falseInfoDates, p.falseInfo),
  ]);
}

// ---- result -----------------------------------------------------------------------------------------------

function notices(ctx: Context, chosen: boolean, inValidity: boolean): Notice[] {
  const { asOf, period, cutoff, pack, p } = ctx;
  const applyWindow = applicationWindow(period, p.timetable.value);
  const list: Notice[] = [
    {
      level: 'info',
      message: msg(`${NS}notice.${chosen ? 'period' : 'periodDefault'}`, {
        year: period.year,
        half: period.half,
        from: applyWindow.from,
        to: applyWindow.to,
        cutoff,
      }),
    },
  ];
  if (asOf < applyWindow.from || asOf > applyWindow.to) {
    list.push({ level: 'warning', message: msg(`${NS}notice.asOfOutsideWindow`, { asOf, from: applyWindow.from, to: applyWindow.to }) });
  }
  if (!inValidity) {
    list.push({ level: 'warning', message: msg('rules:notice.packExpired', { validTo: pack.validTo }) });
    if (pack.validToAssumed) list.push({ level: 'warning', message: msg(`${NS}notice.validityAssumed`, { validTo: pack.validTo }) });
  }
  const cut = p.publishedCutoff.value;
  list.push({
    level: 'info',
    message: msg(`${NS}notice.noQuota`, {
      guidance: p.guidanceScore.value,
      period: cut.period,
      lowest: fmt(toHundredths(cut.lowest)),
      highest: fmt(toHundredths(cut.highest)),
    }),
  });
  return list;
}

/** Score Tianjin facts on `asOf` (the submission date) with the pack in force that day. Pure and deterministic. */
export function evaluateTianjin(facts: TianjinFacts, asOf: IsoDate): ScoreResult {
  const { pack, inValidity } = choosePack(tianjinPacks, asOf);
  if (!pack) {
    const notice = msg(`${NS}notice.notModelled`, { first: TIANJIN_FIRST_MODELLED });
    return { ...notModelledResult('tianjin', asOf, notice), fixedDecimals: TIANJIN_DECIMALS };
  }
  const p = pack.params;
  const { period, chosen } = resolvePeriod(facts.applicationPeriod, asOf, p.timetable.value);
  const ctx: Context = {
    facts,
    asOf,
    pack,
    p,
    period,
    cutoff: cutoffOf(period, p.timetable.value),
    missing: new Set(),
  };
  const gates: Gate[] = [
    answerGate(ctx, 'residencePermit'),
    answerGate(ctx, 'tianjinEmployer'),
    siHistoryGate(ctx),
    answerGate(ctx, 'siPayingNow'),
    retirementGate(ctx),
  ];
  const lines = [
    ...socialInsuranceLines(ctx),
    housingFundLine(ctx),
    ...endorsementLines(ctx),
    rentLine(ctx),
    ...ownedHomeLines(ctx),
    ageLine(ctx),
    educationLine(ctx),
    qualificationLine(ctx),
    occupationLine(ctx),
    marriageLine(ctx),
    awardLine(ctx),
  ].filter((l): l is Line => l !== null);
  const deductions = deductionLines(ctx);
  const veto: Veto = { vetoed: false, reasons: [] };
  const all = [...lines, ...deductions];
  // Every line is an exact multiple of 0.01 (decision 7): add them as integers.
  const totalHundredths = all.filter((l) => l.counted).reduce((sum, l) => sum + toHundredths(l.points), 0);
  const total = fromHundredths(totalHundredths);
  const threshold = p.guidanceScore.value;
  const eligible = eligibilityOf(gates, veto);
  const verdict = total >= threshold ? 'reached' : 'notReached';
  const cut = p.publishedCutoff.value;
  const comparisons: Comparison[] = [
    {
      id: 'cutoff.2022-1',
      label: msg(`${NS}score.publishedCutoff`, { period: cut.period }),
      value: cut.lowest,
      citation: p.publishedCutoff.cite,
      caveat: `${NS}caveat.publishedCutoff`,
    },
  ];
  const score: ScoreSummary = {
    id: 'residencePermitPoints',
    label: msg(`${NS}score.main`),
    description: msg(`${NS}score.description`, { guidance: threshold }),
    lineIds: all.map((l) => l.id),
    total,
    threshold,
    verdict,
    citation: p.guidanceScore.cite,
    eligible,
    comparisons,
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
    missing: [...ctx.missing],
    fixedDecimals: TIANJIN_DECIMALS,
  };
}
