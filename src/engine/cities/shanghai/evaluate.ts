/**
 * Shanghai 居住证积分: applies the rule pack in force on the as-of date to a person's facts.
 * Each function below implements one indicator and names the rule it follows (docs/rules/shanghai.md).
 */
import { completedYears } from '../../core/dates';
import { choosePack, packInfo } from '../../core/packs';
import { capped } from '../../core/points';
import {
  countedLine,
  eligibilityOf,
  msg,
  notModelledResult,
  scoreOver,
  uncountedLine,
  windowedDeductionLines,
} from '../../core/result';
import type { Gate, IsoDate, Line, Notice, ScoreResult, Veto } from '../../core/types';
import type { ShanghaiFacts } from './facts';
import { SHANGHAI_FIRST_MODELLED, shanghaiPacks, type ShanghaiParams } from './packs';

const NS = 'shanghai:';

interface Context {
  readonly facts: ShanghaiFacts;
  readonly asOf: IsoDate;
  readonly p: ShanghaiParams;
  readonly missing: Set<string>;
}

function fullYears(months: number | undefined): number {
  return Math.floor((months ?? 0) / 12);
}

/** Eligibility gates (decision 12): residence permit; from 2018 also 6 of the last 12 months of SI, paying now. */
function gates({ facts, p, missing }: Context): Gate[] {
  const result: Gate[] = [];
  const permit = facts.residencePermit;
  if (permit === undefined) missing.add('residencePermit');
  result.push({
    id: 'residencePermit',
    status: permit === undefined ? 'unknown' : permit ? 'pass' : 'fail',
    message: msg(`${NS}gate.residencePermit`),
    reason: msg(permit === undefined ? 'rules:gate.notAnswered' : permit ? 'rules:gate.yes' : 'rules:gate.no'),
    citation: p.siGate.cite,
  });
  const siGate = p.siGate.value;
  if (siGate) {
    const months = facts.siMonthsLast12;
    if (months === undefined) missing.add('siMonthsLast12');
    result.push({
      id: 'siMonthsLast12',
      status: months === undefined ? 'unknown' : months >= siGate.minMonths ? 'pass' : 'fail',
      message: msg(`${NS}gate.siMonthsLast12`, { min: siGate.minMonths, window: siGate.windowMonths }),
      reason:
        months === undefined
          ? msg('rules:gate.notAnswered')
          : msg(`${NS}gate.siMonthsLast12Reason`, { months, min: siGate.minMonths }),
      citation: p.siGate.cite,
    });
    const paying = facts.siPayingNow;
    if (paying === undefined) missing.add('siPayingNow');
    result.push({
      id: 'siPayingNow',
      status: paying === undefined ? 'unknown' : paying ? 'pass' : 'fail',
      message: msg(`${NS}gate.siPayingNow`),
      reason: msg(paying === undefined ? 'rules:gate.notAnswered' : paying ? 'rules:gate.yes' : 'rules:gate.no'),
      citation: p.siGate.cite,
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

function ageLine({ facts, asOf, p, missing }: Context): Line {
  const base = { id: 'age', category: 'basic', cap: p.age.value.cap, citation: p.age.cite, caveat: `${NS}caveat.ageAsOf` } as const;
  if (!facts.birthDate) {
    missing.add('birthDate');
    return uncountedLine({ ...base, points: 0, message: msg(`${NS}line.ageUnknown`) }, msg('rules:reason.missing'));
  }
  const age = completedYears(facts.birthDate, asOf);
  const rule = p.age.value;
  const points = agePoints(age, rule);
  const fullUpTo = Math.floor(rule.plateauFrom - (rule.cap - rule.plateauPoints) / rule.perYearYounger);
  const message =
    age > rule.plateauTo
      ? msg(`${NS}line.ageOver`, { age, points, plateauTo: rule.plateauTo })
      : age >= rule.plateauFrom
        ? msg(`${NS}line.agePlateau`, { age, points, plateauFrom: rule.plateauFrom, plateauTo: rule.plateauTo })
        : age <= fullUpTo
          ? msg(`${NS}line.ageFull`, { age, points, fullUpTo })
          : msg(`${NS}line.ageSliding`, {
              age,
              points,
              plateauFrom: rule.plateauFrom,
              plateauPoints: rule.plateauPoints,
              perYear: rule.perYearYounger,
            });
  return countedLine({ ...base, points, message });
}

/** Education and title (decisions 2 and 3): the higher counts; title tiers ≥100 need the SI-base gate. */
function educationAndTitleLines({ facts, p, missing }: Context): Line[] {
  const education = facts.education;
  const title = facts.title;
  if (education === undefined && title === undefined) missing.add('education');

  let eduPoints = education ? p.education.value[education] : 0;
  let eduBlocked: ReturnType<typeof msg> | null = null;
  if (education && education !== 'none' && facts.educationVerified === false) {
    eduBlocked = msg(`${NS}reason.educationNotVerified`);
    eduPoints = 0;
  }

  const titleTable = title ? p.title.value[title] : 0;
  let titleBlocked: ReturnType<typeof msg> | null = null;
  const gate = p.titleGate.value;
  if (title && titleTable > 0 && facts.titleMatchesPost === false) {
    titleBlocked = msg(`${NS}reason.titleNotMatched`);
  } else if (title && titleTable >= gate.fromPoints) {
    const months = facts.titleBaseMonthsLast12;
    if (months === undefined) {
      missing.add('titleBaseMonthsLast12');
      titleBlocked = msg(`${NS}reason.titleGateUnknown`, {
        min: gate.minMonths,
        window: gate.windowMonths,
        fromPoints: gate.fromPoints,
      });
    } else if (months < gate.minMonths) {
      titleBlocked = msg(`${NS}reason.titleGate`, {
        months,
        min: gate.minMonths,
        window: gate.windowMonths,
        fromPoints: gate.fromPoints,
      });
    }
  }
  const titleEffective = titleBlocked ? 0 : titleTable;

  const lines: Line[] = [];
  const titleWins = titleEffective > eduPoints;
  if (education !== undefined) {
    const line = {
      id: 'education',
      category: 'basic',
      // The would-be value; whether it counts is decided below.
      points: p.education.value[education],
      cap: p.education.value.doctorate,
      message: msg(`${NS}line.education`, { level: education, points: p.education.value[education] }),
      citation: p.education.cite,
      ...(education === 'master' || education === 'doctorate' ? { caveat: `${NS}caveat.masterWithoutDegree` } : {}),
    } as const;
    if (eduBlocked) lines.push(uncountedLine(line, eduBlocked));
    else if (titleWins) lines.push(uncountedLine(line, msg(`${NS}reason.pickOne`, { other: titleEffective, otherId: 'title' })));
    else lines.push(countedLine(line));
  }
  if (title !== undefined) {
    const line = {
      id: 'title',
      category: 'basic',
      points: titleTable,
      cap: p.title.value.seniorTitle,
      message: msg(`${NS}line.title`, { level: title, points: titleTable }),
      citation: titleTable >= gate.fromPoints ? p.titleGate.cite : p.title.cite,
      ...(titleTable >= gate.fromPoints ? { caveat: `${NS}caveat.titleExtraConditions` } : {}),
    } as const;
    if (titleBlocked) lines.push(uncountedLine(line, titleBlocked));
    else if (titleTable === 0) lines.push(uncountedLine(line, msg(`${NS}reason.titleZero`)));
    else if (!titleWins) lines.push(uncountedLine(line, msg(`${NS}reason.pickOne`, { other: eduPoints, otherId: 'education' })));
    else lines.push(countedLine(line));
  }
  return lines;
}

/** SI years (decision 4): 3 × full years of cumulative qualifying months, no cap. */
function siYearsLine({ facts, p, missing }: Context): Line {
  const months = facts.siMonthsTotal;
  const years = fullYears(months);
  const points = p.siYears.value.pointsPerFullYear * years;
  const perYear = p.siYears.value.pointsPerFullYear;
  const line = {
    id: 'siYears',
    category: 'basic',
    points,
    message:
      months === undefined
        ? msg(`${NS}line.siYearsUnknown`, { perYear })
        : msg(`${NS}line.siYears`, { months, years, perYear, points }),
    citation: p.siYears.cite,
  } as const;
  if (months === undefined) {
    missing.add('siMonthsTotal');
    return uncountedLine(line, msg('rules:reason.missing'));
  }
  return countedLine(line);
}

/** SI base (decision 5): months at or above each bound (higher bands count for lower ones); highest tier reached. */
function siBaseLine({ facts, p }: Context): Line | null {
  const byMultiple = {
    3: facts.siBaseCeilingMonths ?? 0,
    2: facts.siBase2Months ?? 0,
    1: facts.siBase1Months ?? 0,
    0.8: facts.siBase08Months ?? 0,
  } as const;
  const anyGiven = [facts.siBaseCeilingMonths, facts.siBase2Months, facts.siBase1Months, facts.siBase08Months].some(
    (v) => v !== undefined && v > 0,
  );
  if (!anyGiven) return null;
  const tiers = p.siBase.value;
  const monthsAtLeast = (multiple: number, windowMonths: number) =>
    Math.max(
      ...Object.entries(byMultiple)
        .filter(([m]) => Number(m) >= multiple)
        // Ceiling months are counted over the last 36 months, which lie inside any 48-month window.
        .filter(([m]) => Number(m) === 3 || windowMonths >= 48)
        .map(([, months]) => months),
    );
  const reached = tiers.find((t) => monthsAtLeast(t.multiple, t.windowMonths) >= t.months);
  const base = {
    id: 'siBase',
    category: 'bonus',
    cap: Math.max(...tiers.map((t) => t.points)),
    citation: p.siBase.cite,
    caveat: `${NS}caveat.siBaseBands`,
  } as const;
  if (!reached) {
    const lowest = tiers[tiers.length - 1]!;
    return uncountedLine(
      { ...base, points: 0, message: msg(`${NS}line.siBaseNone`) },
      msg(`${NS}reason.siBaseShort`, {
        months: monthsAtLeast(lowest.multiple, lowest.windowMonths),
        need: lowest.months,
        window: lowest.windowMonths,
        multiple: lowest.multiple,
      }),
    );
  }
  return countedLine({
    ...base,
    points: reached.points,
    message: msg(`${NS}line.siBase`, {
      points: reached.points,
      multiple: reached.multiple,
      months: monthsAtLeast(reached.multiple, reached.windowMonths),
      need: reached.months,
      window: reached.windowMonths,
    }),
  });
}

/** Investment (decision 7): 10 per full ¥100k of tax share or per full 10 hukou hires, the larger; cap 120. */
function investmentLine({ facts, p }: Context): Line | null {
  const tax = facts.investTaxShareYuan ?? 0;
  const hires = facts.investHukouHires ?? 0;
  if (tax <= 0 && hires <= 0) return null;
  const rule = p.investment.value;
  const taxPoints = rule.pointsPerUnit * Math.floor(tax / rule.taxUnitYuan);
  const hirePoints = rule.pointsPerUnit * Math.floor(hires / rule.hiresUnit);
  const points = capped(Math.max(taxPoints, hirePoints), rule.cap);
  const units = { taxUnit: rule.taxUnitYuan, hiresUnit: rule.hiresUnit, perUnit: rule.pointsPerUnit };
  const key = hires <= 0 ? 'investmentTax' : tax <= 0 ? 'investmentHires' : 'investment';
  const line = {
    id: 'investment',
    category: 'bonus',
    points,
    cap: rule.cap,
    message: msg(`${NS}line.${key}`, { tax, hires, taxPoints, hirePoints, points, ...units }),
    citation: p.investment.cite,
    caveat: `${NS}caveat.investShare`,
  } as const;
  return points > 0 ? countedLine(line) : uncountedLine(line, msg(`${NS}reason.investBelowThreshold`, units));
}

/** Waiting-period indicators (decision 6): rate × full years, counted only once full years ≥ the threshold. */
function waitingLine(options: {
  id: 'sanitation' | 'remoteArea';
  months: number | undefined;
  perYear: number;
  minYears: number;
  cap: number | null;
  messageKey: string;
  citation: Line['citation'];
  caveat: string;
}): Line | null {
  const years = fullYears(options.months);
  if (!options.months) return null;
  const points = capped(options.perYear * years, options.cap);
  const line = {
    id: options.id,
    category: 'bonus',
    points,
    ...(options.cap !== null ? { cap: options.cap } : {}),
    message: msg(options.messageKey, { years, perYear: options.perYear, minYears: options.minYears, points }),
    citation: options.citation,
    caveat: options.caveat,
  } as const;
  return years >= options.minYears
    ? countedLine(line)
    : uncountedLine(line, msg(`${NS}reason.waiting`, { years, minYears: options.minYears }));
}

function sanitationLine({ facts, p }: Context): Line | null {
  const rule = p.sanitation.value;
  return waitingLine({
    id: 'sanitation',
    months: facts.sanitationMonths,
    perYear: rule.pointsPerFullYear,
    minYears: rule.minYears,
    cap: rule.cap,
    messageKey: `${NS}line.sanitation`,
    citation: p.sanitation.cite,
    caveat: `${NS}caveat.sanitationNoCap`,
  });
}

/** Remote key area / Lingang (decision 6): Lingang waits 3 years from 2019-11-20 and none from 2024-08-21. */
function remoteAreaLine({ facts, asOf, p, missing }: Context): Line | null {
  if (!facts.remoteArea || facts.remoteArea === 'none') return null;
  if (facts.remoteAreaMonths === undefined) missing.add('remoteAreaMonths');
  const rule = p.remoteArea.value;
  const lingangStep =
    facts.remoteArea === 'lingangNewArea'
      ? [...p.lingangMinYears].reverse().find((step) => step.value.from <= asOf)
      : undefined;
  return waitingLine({
    id: 'remoteArea',
    months: facts.remoteAreaMonths,
    perYear: rule.pointsPerFullYear,
    minYears: lingangStep ? lingangStep.value.value : rule.minYears,
    cap: rule.cap,
    messageKey: lingangStep ? `${NS}line.lingang` : `${NS}line.remoteArea`,
    citation: lingangStep ? lingangStep.cite : p.remoteArea.cite,
    caveat: facts.remoteArea === 'lingangNewArea' ? `${NS}caveat.lingangDates` : `${NS}caveat.remoteAreaLive`,
  });
}

function flagLine(
  ctx: Context,
  id: 'shortageMajor' | 'freshGraduate' | 'entrepreneur',
  caveat?: string,
): Line | null {
  if (!ctx.facts[id]) return null;
  const param = ctx.p[id];
  return countedLine({
    id,
    category: 'bonus',
    points: param.value,
    cap: param.value,
    message: msg(`${NS}line.${id}`, { points: param.value }),
    citation: param.cite,
    ...(caveat ? { caveat } : {}),
  });
}

/** Awards (decision 8): the highest single award only. */
function awardsLine({ facts, p }: Context): Line | null {
  const awards = facts.awards ?? [];
  if (awards.length === 0) return null;
  const table = p.awards.value;
  const best = awards.reduce((a, b) => (table[b] > table[a] ? b : a));
  return countedLine({
    id: 'awards',
    category: 'bonus',
    points: table[best],
    cap: table.provincialOrHigher,
    message:
      awards.length === 1
        ? msg(`${NS}line.awardsOne`, { level: best, points: table[best] })
        : msg(`${NS}line.awards`, { level: best, count: awards.length, points: table[best] }),
    citation: p.awards.cite,
  });
}

/** Spouse with Shanghai hukou: 4 per full year of marriage, cap 40. */
function spouseLine({ facts, asOf, p, missing }: Context): Line | null {
  if (!facts.spouseShanghaiHukou) return null;
  const rule = p.spouse.value;
  const base = { id: 'spouse', category: 'bonus', cap: rule.cap, citation: p.spouse.cite } as const;
  if (!facts.marriageDate) {
    missing.add('marriageDate');
    return uncountedLine({ ...base, points: 0, message: msg(`${NS}line.spouseUnknown`) }, msg('rules:reason.missing'));
  }
  const years = Math.max(0, completedYears(facts.marriageDate, asOf));
  const points = capped(rule.pointsPerFullYear * years, rule.cap);
  const line = {
    ...base,
    points,
    message: msg(`${NS}line.spouse`, { years, points, perYear: rule.pointsPerFullYear }),
  };
  return points > 0 ? countedLine(line) : uncountedLine(line, msg(`${NS}reason.spouseUnderYear`));
}

/** Deductions (decision 10): per record inside the window; records outside it are shown as not counted. */
function deductionLines({ facts, asOf, p }: Context): Line[] {
  const kind = (kind: string, dates: readonly IsoDate[] | undefined, param: ShanghaiParams['detention'], caveat?: string) => ({
    kind,
    dates,
    pointsEach: param.value.points,
    windowYears: param.value.windowYears,
    citation: param.cite,
    ...(caveat ? { caveat } : {}),
  });
  return windowedDeductionLines(NS, asOf, [
    kind('falseMaterial', facts.falseMaterialDates, p.falseMaterial, `${NS}caveat.falseMaterialWindow`),
    kind('detention', facts.detentionDates, p.detention),
    kind('crime', facts.crimeDates, p.crime),
  ]);
}

function vetoOf({ facts, p }: Context): Veto {
  const reasons = p.veto.value
    .filter((id) => facts[id] === true)
    .map((id) => ({ id, message: msg(`${NS}veto.${id}`), citation: p.veto.cite }));
  return { vetoed: reasons.length > 0, reasons };
}

/** Score Shanghai facts on `asOf` with the pack in force that day. Pure and deterministic. */
export function evaluateShanghai(facts: ShanghaiFacts, asOf: IsoDate): ScoreResult {
  const { pack, inValidity } = choosePack(shanghaiPacks, asOf);
  if (!pack) return notModelledResult('shanghai', asOf, msg(`${NS}notice.notModelled`, { first: SHANGHAI_FIRST_MODELLED }));
  const ctx: Context = { facts, asOf, p: pack.params, missing: new Set() };
  const gateList = gates(ctx);
  const lines = [
    ageLine(ctx),
    ...educationAndTitleLines(ctx),
    siYearsLine(ctx),
    flagLine(ctx, 'shortageMajor'),
    investmentLine(ctx),
    siBaseLine(ctx),
    sanitationLine(ctx),
    remoteAreaLine(ctx),
    flagLine(ctx, 'freshGraduate', `${NS}caveat.freshGradWindow`),
    awardsLine(ctx),
    spouseLine(ctx),
    flagLine(ctx, 'entrepreneur', `${NS}caveat.entrepreneurDeclared`),
  ].filter((l): l is Line => l !== null);
  const deductions = deductionLines(ctx);
  const veto = vetoOf(ctx);
  const threshold = pack.params.standardScore.value;
  const score = scoreOver({
    id: 'residencePermitPoints',
    label: msg(`${NS}score.main`),
    lines: [...lines, ...deductions],
    floor: pack.params.floor.value,
    threshold,
    vetoed: veto.vetoed,
    citation: pack.params.standardScore.cite,
  });
  const notices: Notice[] = [];
  if (!inValidity) notices.push({ level: 'warning', message: msg('rules:notice.packExpired', { validTo: pack.validTo }) });
  if (facts.birthDate && facts.birthDate <= asOf && completedYears(facts.birthDate, asOf) < 18) {
    notices.push({ level: 'warning', message: msg(`${NS}notice.under18`) });
  }
  return {
    city: 'shanghai',
    asOf,
    status: 'scored',
    pack: packInfo(pack, inValidity),
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
    missing: [...ctx.missing],
  };
}
