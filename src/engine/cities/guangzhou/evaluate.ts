/**
 * Guangzhou 来穗人员积分 and 积分制入户: applies the table in force on the as-of date to a person's facts, counted on
 * the material cut-off date of the chosen round, and reports one set of lines with four scores: 积分制入户 (first),
 * its ranking key, 来穗积分 for services and 积分入学. Each function below implements one indicator and names the
 * decision it follows (docs/rules/guangzhou.md).
 */
import { completedYears, withinYears } from '../../core/dates';
import { choosePack, packInfo } from '../../core/packs';
import { capped, sumPoints } from '../../core/points';
import { countedLine, eligibilityOf, msg, notModelledResult, scoreOver, uncountedLine } from '../../core/result';
import type { Cited, Comparison, Gate, IsoDate, Line, Message, Notice, ScoreResult, ScoreSummary, Veto } from '../../core/types';
import {
  guangzhouAwardLevels,
  guangzhouInsuranceTypes,
  guangzhouPatentKinds,
  insuranceMonthsFact,
  type GuangzhouFacts,
} from './facts';
import {
  GUANGZHOU_FIRST_MODELLED,
  GUANGZHOU_SCHOOL_SOURCE,
  guangzhouPacks,
  guangzhouRounds,
  type GuangzhouParams,
  type PerYear,
  type TaxTier,
} from './packs';
import { exceeds, fraction, minWithCap, sumFractions, toNumber } from './fraction';
import { inWindow, isBirthday, roundContext, windowEndingOn, type RoundContext } from './rounds';

const NS = 'guangzhou:';

interface Context {
  readonly facts: GuangzhouFacts;
  readonly p: GuangzhouParams;
  readonly r: RoundContext;
  readonly missing: Set<string>;
}

const NO_VETO: Veto = { vetoed: false, reasons: [] };

function fullYears(months: number | undefined): number {
  return Math.floor((months ?? 0) / 12);
}

/** A point value for a message: whole numbers as they are, anything else (a patent share) with 2 decimals. */
export function shown(value: number): number | string {
  return Number.isInteger(value) ? value : value.toFixed(2);
}

/** Rate × full years of `months`, capped (residence permit, rental, moving out, housing fund, high-tech work). */
function perYearLine(options: {
  id: string;
  category: Line['category'];
  months: number;
  rule: Cited<PerYear>;
  messageKey: string;
  caveat?: string;
}): Line {
  const { pointsPerFullYear: perYear, cap } = options.rule.value;
  const years = fullYears(options.months);
  const points = capped(perYear * years, cap);
  return countedLine({
    id: options.id,
    category: options.category,
    points,
    ...(cap !== null ? { cap } : {}),
    message: msg(options.messageKey, { months: options.months, years, perYear, points }),
    citation: options.rule.cite,
    ...(options.caveat ? { caveat: options.caveat } : {}),
  });
}

/** Residence permit (§2.1 B1): 8 (2018: 3) per full year of counted permit months, no cap. */
function residencePermitLine({ facts, p, missing }: Context): Line {
  const months = facts.residencePermitMonths;
  const caveat = `${NS}caveat.permitCounting`;
  if (months === undefined) {
    missing.add('residencePermitMonths');
    return uncountedLine(
      {
        id: 'residencePermit',
        category: 'basic',
        points: 0,
        message: msg(`${NS}line.residencePermitUnknown`, { perYear: p.residencePermit.value.pointsPerFullYear }),
        citation: p.residencePermit.cite,
        caveat,
      },
      msg('rules:reason.missing'),
    );
  }
  return perYearLine({ id: 'residencePermit', category: 'basic', months, rule: p.residencePermit, messageKey: `${NS}line.residencePermit`, caveat });
}

/** Housing (decision 10): owned property or rental/dormitory, the higher counts; 2018 adds 5 in Conghua/Zengcheng. */
function housingLines({ facts, p, missing }: Context): Line[] {
  const property = p.property.value;
  const own = facts.ownsProperty;
  const rentMonths = facts.rentalMonths;
  const bonusApplies = property.conghuaZengchengBonus > 0 && facts.propertyInConghuaOrZengcheng === true;
  const propertyPoints = own === true ? property.points + (bonusApplies ? property.conghuaZengchengBonus : 0) : null;
  const rental = p.rental.value;
  const rentalYears = fullYears(rentMonths);
  const rentalPoints = rentMonths !== undefined ? capped(rental.pointsPerFullYear * rentalYears, rental.cap) : null;

  if (own === undefined && (rentalPoints ?? 0) < property.points + property.conghuaZengchengBonus) missing.add('ownsProperty');
  if (own !== true && rentMonths === undefined) missing.add('rentalMonths');

  const propertyWins = propertyPoints !== null && (rentalPoints === null || propertyPoints >= rentalPoints);
  const lines: Line[] = [];
  if (propertyPoints !== null) {
    const line = {
      id: 'housing.property',
      category: 'basic',
      points: propertyPoints,
      cap: property.points + property.conghuaZengchengBonus,
      message: bonusApplies
        ? msg(`${NS}line.propertyOuterDistrict`, { base: property.points, bonus: property.conghuaZengchengBonus, points: propertyPoints })
        : msg(`${NS}line.property`, { points: propertyPoints }),
      citation: p.property.cite,
    } as const;
    lines.push(
      propertyWins
        ? countedLine(line)
        : uncountedLine(line, msg(`${NS}reason.housingPickOne`, { other: rentalPoints ?? 0, otherId: 'housing.rental' })),
    );
  }
  if (rentalPoints !== null && rentMonths !== undefined) {
    const line = {
      id: 'housing.rental',
      category: 'basic',
      points: rentalPoints,
      ...(rental.cap !== null ? { cap: rental.cap } : {}),
      message: msg(`${NS}line.rental`, { months: rentMonths, years: rentalYears, perYear: rental.pointsPerFullYear, points: rentalPoints }),
      citation: p.rental.cite,
    } as const;
    lines.push(
      propertyWins
        ? uncountedLine(line, msg(`${NS}reason.housingPickOne`, { other: propertyPoints ?? 0, otherId: 'housing.property' }))
        : countedLine(line),
    );
  }
  return lines;
}

/** Moving out of Yuexiu, Haizhu, Liwan or Tianhe (§2.1 B3): 2 per full year, cap 10, on top of housing. */
function movedOutLine({ facts, p }: Context): Line | null {
  const months = facts.movedOutMonths;
  if (!months) return null;
  return perYearLine({ id: 'movedOut', category: 'basic', months, rule: p.movedOut, messageKey: `${NS}line.movedOut` });
}

/** Social insurance (§2.1 B4): 2 (2018: 1) per full year of each of the five types, summed. */
function insuranceLine({ facts, p, missing }: Context): Line {
  const perYear = p.insurance.value.pointsPerFullYearPerType;
  const yearsByType: Record<string, number | string> = {};
  let totalYears = 0;
  let notGiven = 0;
  for (const type of guangzhouInsuranceTypes) {
    const months = facts[insuranceMonthsFact[type]];
    if (months === undefined) {
      missing.add(insuranceMonthsFact[type]);
      notGiven += 1;
      yearsByType[type] = '—';
    } else {
      yearsByType[type] = fullYears(months);
      totalYears += fullYears(months);
    }
  }
  const points = perYear * totalYears;
  const base = { id: 'insurance', category: 'basic', citation: p.insurance.cite } as const;
  if (notGiven === guangzhouInsuranceTypes.length) {
    return uncountedLine({ ...base, points: 0, message: msg(`${NS}line.insuranceUnknown`, { perYear }) }, msg('rules:reason.missing'));
  }
  const params = { ...yearsByType, years: totalYears, perYear, points };
  return countedLine({
    ...base,
    points,
    message: notGiven > 0 ? msg(`${NS}line.insurancePartial`, { ...params, notGiven }) : msg(`${NS}line.insurance`, params),
  });
}

/** Housing fund (§2.1 B5): 2 per full year from 2021; not an indicator of the 2018 table. */
function housingFundLine({ facts, p, missing }: Context): Line | null {
  const months = facts.housingFundMonths;
  const rule = p.housingFund.value;
  if (rule === null) {
    if (!months) return null;
    return uncountedLine(
      { id: 'housingFund', category: 'basic', points: 0, message: msg(`${NS}line.housingFundNotScored`, { months }), citation: p.housingFund.cite },
      msg(`${NS}reason.notInTable2018`),
    );
  }
  if (months === undefined) {
    missing.add('housingFundMonths');
    return uncountedLine(
      {
        id: 'housingFund',
        category: 'basic',
        points: 0,
        message: msg(`${NS}line.housingFundUnknown`, { perYear: rule.pointsPerFullYear }),
        citation: p.housingFund.cite,
      },
      msg('rules:reason.missing'),
    );
  }
  return perYearLine({ id: 'housingFund', category: 'basic', months, rule: { value: rule, cite: p.housingFund.cite }, messageKey: `${NS}line.housingFund` });
}

/**
 * Age on the reference date. 2021 (decision 1): 30 up to the 40th birthday; after it, 2 fewer for every started year
 * over 40 (a part-year counts as a year), floor 0. 2018: completed-year brackets 18–30 → 30, 31–40 → 20, 41–45 → 10.
 */
export function agePoints(birthDate: IsoDate, reference: IsoDate, rule: GuangzhouParams['age']['value']): { age: number; points: number; over: number } {
  const age = completedYears(birthDate, reference);
  if (rule.kind === 'brackets') {
    const bracket = rule.brackets.find((b) => age >= b.from && age <= b.to);
    return { age, points: bracket ? bracket.points : 0, over: 0 };
  }
  if (age < rule.minAge) return { age, points: 0, over: 0 };
  const startedYearsOver =
    age < rule.fullUpTo ? 0 : age - rule.fullUpTo + (isBirthday(birthDate, reference) ? 0 : 1);
  return { age, points: Math.max(0, rule.fullPoints - rule.minusPerStartedYear * startedYearsOver), over: startedYearsOver };
}

function ageLine({ facts, p, r, missing }: Context): Line {
  const rule = p.age.value;
  const base = {
    id: 'age',
    category: 'basic',
    cap: rule.kind === 'brackets' ? Math.max(...rule.brackets.map((b) => b.points)) : rule.fullPoints,
    citation: p.age.cite,
    caveat: rule.kind === 'brackets' ? `${NS}caveat.ageOnCutoff` : `${NS}caveat.ageExact`,
  } as const;
  if (!facts.birthDate) {
    missing.add('birthDate');
    return uncountedLine({ ...base, points: 0, message: msg(`${NS}line.ageUnknown`) }, msg('rules:reason.missing'));
  }
  const { age, points, over } = agePoints(facts.birthDate, r.reference, rule);
  const date = r.reference;
  let message: Message;
  if (rule.kind === 'brackets') {
    const bracket = rule.brackets.find((b) => age >= b.from && age <= b.to);
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
  return countedLine({ ...base, points, message });
}

/** Education (§2.2 P1): highest level only; a basic indicator in 2018 (50/35/20), a bonus one in 2021 (30/20/10). */
function educationLine({ facts, p, missing }: Context): Line {
  const rule = p.education.value;
  const base = { id: 'education', category: rule.category, cap: rule.points.bachelorOrHigher, citation: p.education.cite } as const;
  const level = facts.education;
  if (level === undefined) {
    missing.add('education');
    return uncountedLine({ ...base, points: 0, message: msg(`${NS}line.educationUnknown`) }, msg('rules:reason.missing'));
  }
  const points = rule.points[level];
  return countedLine({ ...base, points, message: msg(`${NS}line.education`, { level, points }) });
}

/** Technical ability (decision 3): the highest certificate's tier, plus the bonus for working in that occupation. */
function technicalLine({ facts, p }: Context): Line | null {
  const level = facts.technicalLevel;
  const working = facts.worksInCertifiedOccupation === true;
  if ((level === undefined || level === 'none') && !working) return null;
  const rule = p.technicalAbility.value;
  const base = {
    id: 'technicalAbility',
    category: 'bonus',
    cap: rule.tierPoints.A + rule.workingInFieldBonus,
    citation: p.technicalAbility.cite,
    caveat: `${NS}caveat.technicalBonusAdds`,
  } as const;
  const tier = level ? rule.tierOf[level] : null;
  if (!level || tier === null) {
    return uncountedLine(
      { ...base, points: 0, message: msg(`${NS}line.technicalBonusOnly`, { bonus: rule.workingInFieldBonus }) },
      msg(`${NS}reason.bonusNeedsCertificate`),
    );
  }
  const certificate = rule.tierPoints[tier];
  const bonus = working ? rule.workingInFieldBonus : 0;
  const points = certificate + bonus;
  return countedLine({
    ...base,
    points,
    message: working
      ? msg(`${NS}line.technicalWithBonus`, { level, certificate, bonus, points })
      : msg(`${NS}line.technical`, { level, points }),
  });
}

/**
 * Patents (decision 2): per kind, each patent granted inside the window gives its share (2021: value ÷ inventors;
 * 2018: value ÷ (inventors + 1), twice for the first inventor), kept exact; the cap applies to the sum.
 */
function patentLines({ facts, p, r }: Context): Line[] {
  const patents = facts.patents ?? [];
  const rule = p.patents.value;
  const period = r.serviceWindow;
  const lines: Line[] = [];
  for (const kind of guangzhouPatentKinds) {
    const ofKind = patents.filter((patent) => patent.kind === kind);
    if (ofKind.length === 0) continue;
    const id = `patent.${kind}`;
    const kindRule = rule.kinds[kind];
    if (kindRule === null) {
      lines.push(
        uncountedLine(
          { id, category: 'bonus', points: 0, message: msg(`${NS}line.patentNotScored`, { count: ofKind.length }), citation: p.patents.cite },
          msg(`${NS}reason.designRemoved`),
        ),
      );
      continue;
    }
    const base = {
      id,
      category: 'bonus',
      cap: kindRule.cap,
      citation: p.patents.cite,
      caveat: rule.divisor === 'inventors' ? `${NS}caveat.patentShares` : `${NS}caveat.patentRounding`,
    } as const;
    const inside = ofKind.filter((patent) => inWindow(patent.grantDate, period));
    if (inside.length === 0) {
      lines.push(
        uncountedLine(
          { ...base, points: 0, message: msg(`${NS}line.patentsNone`, { count: ofKind.length }) },
          msg(`${NS}reason.outsideWindow`, { from: period.from, to: period.to }),
        ),
      );
      continue;
    }
    const shares = inside.map((patent) =>
      rule.divisor === 'inventors'
        ? fraction(kindRule.perPatent, patent.inventors)
        : fraction(kindRule.perPatent * (patent.firstInventor ? 2 : 1), patent.inventors + 1),
    );
    const sum = sumFractions(shares);
    const points = toNumber(minWithCap(sum, kindRule.cap));
    const parts = shares.map((s) => String(shown(toNumber(s)))).join(' + ');
    lines.push(
      countedLine({
        ...base,
        points,
        message: exceeds(sum, kindRule.cap)
          ? msg(`${NS}line.patentsCapped`, { count: inside.length, parts, sum: shown(toNumber(sum)), points: shown(points) })
          : inside.length === 1
            ? msg(`${NS}line.patentOne`, { points: shown(points) })
            : msg(`${NS}line.patents`, { count: inside.length, parts, points: shown(points) }),
      }),
    );
  }
  return lines;
}

/** Technical work at a high-tech enterprise or new R&D institution (§2.2 P3c): 2 per full year, cap 10. */
function highTechLine({ facts, p }: Context): Line | null {
  const months = facts.highTechMonths;
  if (!months) return null;
  return perYearLine({ id: 'highTech', category: 'bonus', months, rule: p.highTech, messageKey: `${NS}line.highTech` });
}

/** Occupation on the year's shortage list (§2.2 P4a): 10 (2018: 20). */
function shortageLine({ facts, p }: Context): Line | null {
  if (facts.shortageOccupation !== true) return null;
  const points = p.shortageOccupation.value;
  return countedLine({
    id: 'shortageOccupation',
    category: 'bonus',
    points,
    cap: points,
    message: msg(`${NS}line.shortageOccupation`, { points }),
    citation: p.shortageOccupation.cite,
    caveat: `${NS}caveat.shortageList`,
  });
}

/** Current front-line work in a hardship sector (§2.2 P4b): 10 plus 5 per full year, the extra capped at 20 (2018: 30). */
function frontLineLine({ facts, p }: Context): Line | null {
  const months = facts.frontLineMonths;
  if (!months) return null;
  const rule = p.frontLine.value;
  const years = fullYears(months);
  const extra = Math.min(rule.pointsPerFullYear * years, rule.extraCap);
  const points = rule.base + extra;
  return countedLine({
    id: 'frontLine',
    category: 'bonus',
    points,
    cap: rule.base + rule.extraCap,
    message: msg(`${NS}line.frontLine`, { months, years, base: rule.base, perYear: rule.pointsPerFullYear, extra, points }),
    citation: p.frontLine.cite,
    caveat: `${NS}caveat.frontLineCertificate`,
  });
}

/** Blood donation (decision 4): 2 per donation in the window, cap 10; 2018 also at most 2 a calendar year. */
function bloodLine({ facts, p, r }: Context): Line | null {
  const dates = facts.bloodDonationDates ?? [];
  if (dates.length === 0) return null;
  const rule = p.bloodDonation.value;
  const period = r.serviceWindow;
  const inside = dates.filter((d) => inWindow(d, period));
  const perYearCap = rule.perCalendarYearCap;
  const base = {
    id: 'bloodDonation',
    category: 'bonus',
    cap: rule.cap,
    citation: p.bloodDonation.cite,
    caveat: perYearCap === null ? `${NS}caveat.bloodNoYearLimit` : `${NS}caveat.perCalendarYear`,
  } as const;
  if (inside.length === 0) {
    return uncountedLine(
      { ...base, points: 0, message: msg(`${NS}line.bloodDonationNone`, { count: dates.length }) },
      msg(`${NS}reason.outsideWindow`, { from: period.from, to: period.to }),
    );
  }
  if (perYearCap === null) {
    const points = Math.min(rule.pointsEach * inside.length, rule.cap);
    return countedLine({ ...base, points, message: msg(`${NS}line.bloodDonation`, { count: inside.length, each: rule.pointsEach, points }) });
  }
  const byYear = new Map<string, number>();
  for (const d of inside) byYear.set(d.slice(0, 4), (byYear.get(d.slice(0, 4)) ?? 0) + 1);
  const raw = [...byYear.values()].reduce((acc, n) => acc + Math.min(rule.pointsEach * n, perYearCap), 0);
  const points = Math.min(raw, rule.cap);
  return countedLine({
    ...base,
    points,
    message: msg(`${NS}line.bloodDonationPerYear`, { count: inside.length, years: byYear.size, each: rule.pointsEach, perYearCap, points }),
  });
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

/**
 * Volunteering (decision 4): per calendar year of the window, 2 (2018: 1) per full 50 hours, at most 2 a year;
 * cap 10. Years overlapping the window count; hours are entered per calendar year.
 */
function volunteerLine({ facts, p, r }: Context): Line | null {
  const entries = facts.volunteerHours ?? [];
  if (entries.length === 0) return null;
  const rule = p.volunteering.value;
  const fromYear = yearOf(r.serviceWindow.from);
  const toYear = yearOf(r.serviceWindow.to);
  const hoursByYear = new Map<number, number>();
  for (const e of entries) {
    if (e.year >= fromYear && e.year <= toYear) hoursByYear.set(e.year, (hoursByYear.get(e.year) ?? 0) + e.hours);
  }
  const base = {
    id: 'volunteering',
    category: 'bonus',
    cap: rule.cap,
    citation: p.volunteering.cite,
    caveat: `${NS}caveat.volunteerYears`,
  } as const;
  if (hoursByYear.size === 0) {
    return uncountedLine(
      { ...base, points: 0, message: msg(`${NS}line.volunteeringNone`, { count: entries.length }) },
      msg(`${NS}reason.outsideYears`, { fromYear, toYear }),
    );
  }
  const perYear = [...hoursByYear.values()].map((h) =>
    Math.min(Math.floor(h / rule.hoursPerUnit) * rule.pointsPerUnit, rule.perCalendarYearCap),
  );
  const points = Math.min(sumPoints(perYear), rule.cap);
  const hours = sumPoints([...hoursByYear.values()]);
  return countedLine({
    ...base,
    points,
    message: msg(`${NS}line.volunteering`, {
      hours: shown(hours),
      years: hoursByYear.size,
      fromYear,
      toYear,
      unit: rule.hoursPerUnit,
      perUnit: rule.pointsPerUnit,
      perYearCap: rule.perCalendarYearCap,
      points,
    }),
  });
}

/** Tax (decision 5): yuan summed over the round's three tax years; tiers 4/8/12, income and company tax add up. */
function taxLine(ctx: Context, kind: 'income' | 'company'): Line | null {
  const { facts, p, r } = ctx;
  const entries = (kind === 'income' ? facts.incomeTax : facts.companyTax) ?? [];
  if (entries.length === 0) return null;
  const param = kind === 'income' ? p.incomeTax : p.companyTax;
  const tiers: readonly TaxTier[] = param.value.tiers;
  const { fromYear, toYear } = r.taxYears;
  const inside = entries.filter((e) => e.year >= fromYear && e.year <= toYear);
  const caveat =
    param.cite.confidence === 'low' ? `${NS}caveat.taxProvisional` : !r.taxYears.published ? `${NS}caveat.taxYears` : undefined;
  const base = {
    id: `tax.${kind}`,
    category: 'bonus',
    cap: Math.max(...tiers.map((t) => t.points)),
    citation: param.cite,
    ...(caveat ? { caveat } : {}),
  } as const;
  const messageKey = kind === 'income' ? `${NS}line.taxIncome` : `${NS}line.taxCompany`;
  if (inside.length === 0) {
    return uncountedLine(
      { ...base, points: 0, message: msg(messageKey, { yuan: 0, fromYear, toYear, points: 0 }) },
      msg(`${NS}reason.outsideYears`, { fromYear, toYear }),
    );
  }
  const yuan = sumPoints(inside.map((e) => e.yuan));
  const tier = [...tiers].reverse().find((t) => yuan >= t.fromYuan);
  const points = tier ? tier.points : 0;
  const line = { ...base, points, message: msg(messageKey, { yuan, fromYear, toYear, points }) };
  return tier ? countedLine(line) : uncountedLine(line, msg(`${NS}reason.taxBelow`, { min: tiers[0]!.fromYuan }));
}

/** Awards (§2.2 P7): different awards add up; military merits: the first of a class, then a smaller value each. */
function awardsLine({ facts, p }: Context): Line | null {
  const awards = facts.awards ?? [];
  if (awards.length === 0) return null;
  const table = p.awards.value;
  const values: number[] = [];
  let notScored = 0;
  for (const level of guangzhouAwardLevels) {
    const n = awards.filter((a) => a === level).length;
    if (n === 0) continue;
    const rule = table[level];
    if (rule === null) {
      notScored += n;
      continue;
    }
    values.push(rule.first, ...Array.from({ length: n - 1 }, () => rule.further));
  }
  const base = { id: 'awards', category: 'bonus', citation: p.awards.cite, caveat: `${NS}caveat.awards` } as const;
  if (values.length === 0) {
    return uncountedLine(
      { ...base, points: 0, message: msg(`${NS}line.awardsNotScored`, { count: notScored }) },
      msg(`${NS}reason.notInTable2018`),
    );
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
  return countedLine({ ...base, points, message });
}

/** Deductions (decision 9): bad credit per record; tax evasion and public-security penalties per record in 5 years. */
function deductionLines({ facts, p, r }: Context): Line[] {
  const lines: Line[] = [];
  const cases = facts.badCreditCases ?? 0;
  if (cases > 0) {
    const each = p.badCredit.value.pointsEach;
    lines.push(
      countedLine({
        id: 'deduction.badCredit',
        category: 'deduction',
        points: -each * cases,
        message: msg(`${NS}line.deduction.badCredit`, { count: cases, each }),
        citation: p.badCredit.cite,
        caveat: `${NS}caveat.badCreditScope`,
      }),
    );
  }
  const dated = [
    ['taxEvasion', facts.taxEvasionDates, p.taxEvasion],
    ['publicSecurity', facts.publicSecurityPenaltyDates, p.publicSecurity],
  ] as const;
  for (const [kind, dates, param] of dated) {
    if (!dates || dates.length === 0) continue;
    const { pointsEach: each, windowYears: years } = param.value;
    const inside = dates.filter((d) => withinYears(d, r.reference, years));
    const after = dates.filter((d) => d > r.reference);
    const outside = dates.length - inside.length;
    const base = { category: 'deduction', citation: param.cite } as const;
    if (inside.length > 0) {
      lines.push(
        countedLine({
          ...base,
          id: `deduction.${kind}`,
          points: -each * inside.length,
          message: msg(`${NS}line.deduction.${kind}`, { count: inside.length, each, years, date: r.reference }),
        }),
      );
    }
    if (outside > 0) {
      const period = windowEndingOn(r.reference, years);
      lines.push(
        uncountedLine(
          {
            ...base,
            id: `deduction.${kind}.expired`,
            points: -each * outside,
            message: msg(`${NS}line.deductionOutside.${kind}`, { count: outside, each }),
          },
          after.length > 0
            ? msg(`${NS}reason.outsideWindow`, { from: period.from, to: period.to })
            : msg('rules:reason.windowPassed', { years }),
        ),
      );
    }
  }
  return lines;
}

const answered = (value: boolean | undefined) =>
  msg(value === undefined ? 'rules:gate.notAnswered' : value ? 'rules:gate.yes' : 'rules:gate.no');
const statusOf = (value: boolean | undefined): Gate['status'] => (value === undefined ? 'unknown' : value ? 'pass' : 'fail');

/** No criminal punishment in the 5 years before the reference date (§3.1 E6; 2018 table: 不得申请积分制入户). */
function criminalGate({ facts, p, r }: Context, caveat?: string): Gate {
  const years = p.criminal.value.windowYears;
  const dates = facts.criminalPunishmentDates ?? [];
  const inside = dates.filter((d) => withinYears(d, r.reference, years)).sort();
  const latest = inside[inside.length - 1];
  return {
    id: 'criminalPunishment',
    status: latest ? 'fail' : 'pass',
    message: msg(`${NS}gate.criminalPunishment`, { years, date: r.reference }),
    reason: latest
      ? msg(`${NS}gate.criminalFound`, { date: latest })
      : dates.length > 0
        ? msg(`${NS}gate.criminalOutside`, { years })
        : msg(`${NS}gate.criminalNone`),
    citation: p.criminal.cite,
    ...(caveat ? { caveat } : {}),
  };
}

/**
 * 积分制入户 conditions. From the 2022 round (§3.1): employed in Guangzhou, age by the round's birth-date cut-off
 * (decision 8), Guangzhou residence permit, each insurance type ≥ 48 months (decision 7), no criminal punishment
 * in 5 years. Before it only the criminal bar of the table is checked.
 */
function gates(ctx: Context): Gate[] {
  const { facts, r, missing } = ctx;
  const rounds = guangzhouRounds;
  if (!r.subsetRule) return [criminalGate(ctx, `${NS}caveat.earlyRoundConditions`)];

  if (facts.employedInGuangzhou === undefined) missing.add('employedInGuangzhou');
  if (facts.residencePermit === undefined) missing.add('residencePermit');
  if (facts.birthDate === undefined) missing.add('birthDate');

  const birth = facts.birthDate;
  const cutoff = r.birthCutoff;
  const ageGate: Gate = {
    id: 'age',
    status: birth === undefined ? 'unknown' : birth >= cutoff.date ? 'pass' : 'fail',
    message: msg(`${NS}gate.age`, { date: cutoff.date, round: r.round, maxAge: rounds.ageGate.value.maxAge }),
    reason: birth === undefined ? msg('rules:gate.notAnswered') : msg(`${NS}gate.ageBorn`, { birthDate: birth }),
    citation: cutoff.cite,
    ...(cutoff.published ? {} : { caveat: `${NS}caveat.birthCutoffInferred` }),
  };

  const min = rounds.insuranceGate.value.minMonths;
  const given = guangzhouInsuranceTypes
    .map((type) => ({ type, months: facts[insuranceMonthsFact[type]] }))
    .filter((x): x is { type: (typeof guangzhouInsuranceTypes)[number]; months: number } => x.months !== undefined);
  const short = given.filter((x) => x.months < min).sort((a, b) => a.months - b.months);
  const notGiven = guangzhouInsuranceTypes.length - given.length;
  const shortest = [...given].sort((a, b) => a.months - b.months)[0];
  const insuranceGate: Gate = {
    id: 'insurance',
    status: short.length > 0 ? 'fail' : notGiven > 0 ? 'unknown' : 'pass',
    message: msg(`${NS}gate.insurance`, { min }),
    reason:
      short.length > 0
        ? msg(`${NS}gate.insuranceShort`, { count: short.length, type: short[0]!.type, months: short[0]!.months, min })
        : notGiven > 0
          ? msg(`${NS}gate.insuranceUnknown`, { count: notGiven })
          : msg(`${NS}gate.insuranceAll`, { months: shortest!.months, min }),
    citation: rounds.insuranceGate.cite,
    caveat: `${NS}caveat.insuranceEachType`,
  };

  return [
    {
      id: 'employedInGuangzhou',
      status: statusOf(facts.employedInGuangzhou),
      message: msg(`${NS}gate.employedInGuangzhou`),
      reason: answered(facts.employedInGuangzhou),
      citation: rounds.employedGate.cite,
    },
    ageGate,
    {
      id: 'residencePermit',
      status: statusOf(facts.residencePermit),
      message: msg(`${NS}gate.residencePermit`),
      reason: answered(facts.residencePermit),
      citation: rounds.residencePermitGate.cite,
    },
    insuranceGate,
    criminalGate(ctx),
  ];
}

function cutOffComparisons(): Comparison[] {
  return guangzhouRounds.cutOffLines.map((line) => ({
    id: `cutOff${line.value.round}`,
    label: msg(`${NS}comparison.cutOffLine`, { round: line.value.round, scale: line.value.scale }),
    value: line.value.value,
    citation: line.cite,
    caveat: `${NS}caveat.cutOffLines`,
  }));
}

/** The four scores over one set of lines; 积分制入户 first (the result's primary total mirrors it). */
function scores(ctx: Context, lines: readonly Line[], deductions: readonly Line[], gateList: readonly Gate[]): ScoreSummary[] {
  const { p, r } = ctx;
  const rounds = guangzhouRounds;
  const floor = p.floor.value;
  const all = [...lines, ...deductions];
  const subset = r.subsetRule && p.hukouSubset.value !== null;
  const excluded = new Set(p.hukouSubset.value?.excludedLineIds ?? []);
  const threshold = subset ? rounds.subsetRule.value.subsetThreshold : rounds.fullTableRule.value.threshold;
  const hukouLines = subset ? all.filter((l) => !excluded.has(l.id.replace(/\.expired$/, ''))) : all;

  const hukou: ScoreSummary = {
    ...scoreOver({
      id: 'hukou',
      label: msg(`${NS}score.hukou`),
      lines: hukouLines,
      floor,
      threshold,
      vetoed: false,
      citation: subset ? rounds.subsetRule.cite : rounds.fullTableRule.cite,
    }),
    description: subset
      ? msg(`${NS}score.hukouSubsetDescription`, { threshold, round: r.round })
      : msg(`${NS}score.hukouFullDescription`, { threshold, round: r.round }),
    gateIds: gateList.map((g) => g.id),
    eligible: eligibilityOf(gateList, NO_VETO),
  };

  const rankingLines = subset ? lines.filter((l) => l.category === 'basic') : hukouLines;
  const ranking: ScoreSummary = {
    ...scoreOver({
      id: 'ranking',
      label: msg(subset ? `${NS}score.ranking` : `${NS}score.rankingTotal`),
      lines: rankingLines,
      floor,
      threshold: null,
      vetoed: false,
      citation: subset ? rounds.ranking.cite : rounds.fullTableRule.cite,
    }),
    description: subset
      ? msg(`${NS}score.rankingDescription`, { round: r.round })
      : msg(`${NS}score.rankingTotalDescription`, { round: r.round }),
    gateIds: [],
    comparisons: cutOffComparisons(),
  };

  const services: ScoreSummary = {
    ...scoreOver({ id: 'services', label: msg(`${NS}score.services`), lines: all, floor, threshold: null, vetoed: false, citation: p.floor.cite }),
    description: msg(`${NS}score.servicesDescription`),
    gateIds: [],
  };

  const school: ScoreSummary = {
    ...scoreOver({
      id: 'school',
      label: msg(`${NS}score.school`),
      lines,
      floor,
      threshold: null,
      vetoed: false,
      citation: p.schoolWithoutDeductions.cite,
    }),
    description: msg(`${NS}score.schoolDescription`),
    gateIds: [],
  };

  return [hukou, ranking, services, school];
}

/** Score Guangzhou facts on `asOf` with the table in force that day, for the chosen round. Pure and deterministic. */
export function evaluateGuangzhou(facts: GuangzhouFacts, asOf: IsoDate): ScoreResult {
  const { pack, inValidity } = choosePack(guangzhouPacks, asOf);
  if (!pack) return notModelledResult('guangzhou', asOf, msg(`${NS}notice.notModelled`, { first: GUANGZHOU_FIRST_MODELLED }));
  const p = pack.params;
  const r = roundContext(facts.roundYear, asOf, p.patents.value.windowYears, p.incomeTax.value.taxYears);
  const ctx: Context = { facts, p, r, missing: new Set() };

  const gateList = gates(ctx);
  const lines = [
    residencePermitLine(ctx),
    ...housingLines(ctx),
    movedOutLine(ctx),
    insuranceLine(ctx),
    housingFundLine(ctx),
    ageLine(ctx),
    educationLine(ctx),
    technicalLine(ctx),
    ...patentLines(ctx),
    highTechLine(ctx),
    shortageLine(ctx),
    frontLineLine(ctx),
    bloodLine(ctx),
    volunteerLine(ctx),
    taxLine(ctx, 'income'),
    taxLine(ctx, 'company'),
    awardsLine(ctx),
  ].filter((l): l is Line => l !== null);
  const deductions = deductionLines(ctx);
  const scoreList = scores(ctx, lines, deductions, gateList);
  const hukou = scoreList[0]!;

  const notices: Notice[] = [];
  if (!inValidity) {
    // One notice says both: the table expired, and no newer one is included (the generic one would repeat it).
    notices.push({ level: 'warning', message: msg(`${NS}notice.noNewerTable`, { validTo: pack.validTo }) });
  }
  notices.push({
    level: 'info',
    message: r.referenceCite
      ? msg(`${NS}notice.referenceDate`, { round: r.round, date: r.reference })
      : msg(`${NS}notice.referenceDateUnknown`, { round: r.round, date: r.reference }),
  });
  if (!r.roundGiven) notices.push({ level: 'info', message: msg(`${NS}notice.roundFromAsOf`, { round: r.round }) });

  return {
    city: 'guangzhou',
    asOf,
    status: 'scored',
    pack: packInfo(pack, inValidity),
    gates: gateList,
    lines,
    deductions,
    veto: NO_VETO,
    total: hukou.total,
    threshold: hukou.threshold,
    verdict: hukou.verdict,
    eligible: hukou.eligible ?? 'unknown',
    scores: scoreList,
    notices,
    missing: [...ctx.missing],
  };
}
