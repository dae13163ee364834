/**
 * Property tests over arbitrary valid Guangzhou facts: invariants of the four scores and of the result trace, and
 * what the facts schema rejects. The generator is built from the schema's enums and ranges and respects its
 * cross-field checks (nothing after the as-of date or before birth, employment within working life).
 */
import { fc, it } from '@fast-check/vitest';
import { addYears, completedMonths } from '../../core/dates';
import type { IsoDate, Line, ScoreResult } from '../../core/types';
import { evaluateGuangzhou } from './evaluate';
import { roundContext } from './rounds';
import {
  guangzhouAwardLevels,
  guangzhouEducationLevels,
  guangzhouFactsAt,
  guangzhouPatentKinds,
  guangzhouTechnicalLevels,
  type GuangzhouFacts,
} from './facts';

const RUNS = { numRuns: 200 } as const;

// ---- dates ------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayNumber = (iso: IsoDate) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOfDay = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);
const dateBetween = (from: IsoDate, to: IsoDate) => fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(isoOfDay);
const lerpDay = (lo: IsoDate, hi: IsoDate, permille: number) =>
  isoOfDay(dayNumber(lo) + Math.floor(((dayNumber(hi) - dayNumber(lo)) * permille) / 1000));
const permille = fc.integer({ min: 0, max: 1000 });
const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

/** As-of dates across both packs and a little beyond the newest. */
const asOfArb = dateBetween('2018-07-01', '2027-12-31');

// ---- facts ------------------------------------------------------------------------------------------------

const months = fc.integer({ min: 0, max: 400 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

const rawArb = fc.record({
  round: maybe(permille),
  birth: maybe(permille),
  residencePermit: maybe(fc.boolean()),
  employedInGuangzhou: maybe(fc.boolean()),
  residencePermitMonths: maybe(months),
  ownsProperty: maybe(fc.boolean()),
  propertyInConghuaOrZengcheng: maybe(fc.boolean()),
  rentalMonths: maybe(months),
  movedOutMonths: maybe(months),
  pensionMonths: maybe(months),
  medicalMonths: maybe(months),
  unemploymentMonths: maybe(months),
  workInjuryMonths: maybe(months),
  maternityMonths: maybe(months),
  housingFundMonths: maybe(months),
  education: maybe(fc.constantFrom(...guangzhouEducationLevels)),
  technicalLevel: maybe(fc.constantFrom(...guangzhouTechnicalLevels)),
  worksInCertifiedOccupation: maybe(fc.boolean()),
  patents: maybe(
    fc.array(
      fc.record({
        kind: fc.constantFrom(...guangzhouPatentKinds),
        inventors: fc.integer({ min: 1, max: 12 }),
        firstInventor: maybe(fc.boolean()),
        grant: permille,
      }),
      { maxLength: 6 },
    ),
  ),
  highTechMonths: maybe(months),
  shortageOccupation: maybe(fc.boolean()),
  frontLineMonths: maybe(months),
  blood: maybe(fc.array(permille, { maxLength: 8 })),
  volunteer: maybe(fc.array(fc.record({ year: permille, hours: fc.integer({ min: 0, max: 400 }) }), { maxLength: 8 })),
  incomeTax: maybe(fc.array(fc.record({ year: permille, yuan: fc.integer({ min: 0, max: 100_000 }) }), { maxLength: 5 })),
  companyTax: maybe(fc.array(fc.record({ year: permille, yuan: fc.integer({ min: 0, max: 300_000 }) }), { maxLength: 5 })),
  awards: maybe(fc.array(fc.constantFrom(...guangzhouAwardLevels), { maxLength: 5 })),
  badCreditCases: maybe(fc.integer({ min: 0, max: 6 })),
  taxEvasion: maybe(fc.array(permille, { maxLength: 3 })),
  publicSecurity: maybe(fc.array(permille, { maxLength: 3 })),
  criminal: maybe(fc.array(permille, { maxLength: 2 })),
});

type Raw = typeof rawArb extends fc.Arbitrary<infer R> ? R : never;

const EMPLOYMENT = [
  'pensionMonths',
  'medicalMonths',
  'unemploymentMonths',
  'workInjuryMonths',
  'maternityMonths',
  'housingFundMonths',
  'highTechMonths',
  'frontLineMonths',
] as const;

/** Months since the 16th birthday (the schema's working-life bound), or null without a birth date. */
function workingLife(birthDate: IsoDate | undefined, asOf: IsoDate): number | null {
  return birthDate ? Math.max(0, completedMonths(addYears(birthDate, 16), asOf)) : null;
}

function build(raw: Raw, asOf: IsoDate): GuangzhouFacts {
  const facts: GuangzhouFacts = {};
  const asOfYear = yearOf(asOf);
  if (raw.round !== undefined) facts.roundYear = 2018 + Math.floor(((asOfYear - 2018) * raw.round) / 1000);
  const birthDate = raw.birth !== undefined ? lerpDay('1955-01-01', asOf, raw.birth) : undefined;
  if (birthDate) facts.birthDate = birthDate;
  const life = workingLife(birthDate, asOf);
  const earliest = birthDate ?? '1955-01-01';
  const day = (p: number) => lerpDay(earliest, asOf, p);
  const year = (p: number) => {
    const from = Math.max(1950, yearOf(earliest));
    return from + Math.floor(((asOfYear - from) * p) / 1000);
  };

  for (const key of [
    'residencePermit',
    'employedInGuangzhou',
    'residencePermitMonths',
    'ownsProperty',
    'propertyInConghuaOrZengcheng',
    'rentalMonths',
    'movedOutMonths',
    'education',
    'technicalLevel',
    'worksInCertifiedOccupation',
    'shortageOccupation',
    'awards',
    'badCreditCases',
  ] as const) {
    if (raw[key] !== undefined) (facts as Record<string, unknown>)[key] = raw[key];
  }
  for (const key of EMPLOYMENT) {
    const value = raw[key];
    if (value !== undefined) facts[key] = life === null ? value : Math.min(value, life);
  }
  if (raw.patents) {
    facts.patents = raw.patents.map((p) => ({
      kind: p.kind,
      inventors: p.inventors,
      grantDate: day(p.grant),
      ...(p.firstInventor !== undefined ? { firstInventor: p.firstInventor } : {}),
    }));
  }
  if (raw.blood) facts.bloodDonationDates = raw.blood.map(day);
  if (raw.volunteer) facts.volunteerHours = raw.volunteer.map((v) => ({ year: year(v.year), hours: v.hours }));
  if (raw.incomeTax) facts.incomeTax = raw.incomeTax.map((t) => ({ year: year(t.year), yuan: t.yuan }));
  if (raw.companyTax) facts.companyTax = raw.companyTax.map((t) => ({ year: year(t.year), yuan: t.yuan }));
  if (raw.taxEvasion) facts.taxEvasionDates = raw.taxEvasion.map(day);
  if (raw.publicSecurity) facts.publicSecurityPenaltyDates = raw.publicSecurity.map(day);
  if (raw.criminal) facts.criminalPunishmentDates = raw.criminal.map(day);
  return facts;
}

const caseArb = fc.tuple(asOfArb, rawArb).map(([asOf, raw]) => ({ asOf, facts: build(raw, asOf) }));

const isValid = (facts: unknown, asOf: IsoDate) => guangzhouFactsAt(asOf).safeParse(facts).success;
const allLines = (r: ScoreResult): Line[] => [...r.lines, ...r.deductions];
const sumCounted = (lines: readonly Line[]) => lines.filter((l) => l.counted).reduce((acc, l) => acc + l.points, 0);
const scoreOf = (r: ScoreResult, id: string) => r.scores.find((s) => s.id === id)!;

// ---- properties -------------------------------------------------------------------------------------------

describe('the generator', () => {
  it.prop([caseArb], RUNS)('produces facts the schema accepts', ({ asOf, facts }) => {
    const parsed = guangzhouFactsAt(asOf).safeParse(facts);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('reaches every line, counted, and both deduction windows', () => {
    const seen = new Set<string>();
    for (const { asOf, facts } of fc.sample(caseArb, { numRuns: 2000, seed: 7 })) {
      for (const l of allLines(evaluateGuangzhou(facts, asOf))) if (l.counted || l.category === 'deduction') seen.add(l.id);
    }
    expect([...seen].sort()).toEqual(
      [
        'residencePermit', 'housing.property', 'housing.rental', 'movedOut', 'insurance', 'housingFund', 'age', 'education',
        'technicalAbility', 'patent.invention', 'patent.utility', 'patent.design', 'highTech', 'shortageOccupation',
        'frontLine', 'bloodDonation', 'volunteering', 'tax.income', 'tax.company', 'awards',
        'deduction.badCredit', 'deduction.taxEvasion', 'deduction.taxEvasion.expired',
        'deduction.publicSecurity', 'deduction.publicSecurity.expired',
      ].sort(),
    );
  });
});

describe('score invariants', () => {
  it.prop([caseArb], RUNS)('services = max(0, all counted lines); school = counted lines without deductions', ({ asOf, facts }) => {
    const r = evaluateGuangzhou(facts, asOf);
    expect(scoreOf(r, 'services').total).toBeCloseTo(Math.max(0, sumCounted(allLines(r))), 6);
    expect(scoreOf(r, 'school').total).toBeCloseTo(Math.max(0, sumCounted(r.lines)), 6);
  });

  it.prop([caseArb], RUNS)('each score is the floored sum of its own counted lines', ({ asOf, facts }) => {
    const r = evaluateGuangzhou(facts, asOf);
    const byId = new Map(allLines(r).map((l) => [l.id, l]));
    for (const s of r.scores) {
      const lines = s.lineIds.map((id) => byId.get(id)!);
      expect(lines.every(Boolean), s.id).toBe(true);
      expect(s.total, s.id).toBeCloseTo(Math.max(0, sumCounted(lines)), 6);
    }
  });

  it.prop([caseArb], RUNS)('ranking ≤ hukou + deductions, hukou ≤ services ≤ school', ({ asOf, facts }) => {
    const r = evaluateGuangzhou(facts, asOf);
    const [hukou, ranking, services, school] = ['hukou', 'ranking', 'services', 'school'].map((id) => scoreOf(r, id).total!);
    expect(hukou).toBeLessThanOrEqual(services! + 1e-9);
    expect(services).toBeLessThanOrEqual(school! + 1e-9);
    expect(ranking).toBeLessThanOrEqual(school! + 1e-9);
    for (const total of [hukou, ranking, services, school]) expect(total).toBeGreaterThanOrEqual(0);
  });

  it.prop([caseArb], RUNS)('the top-level total, threshold, verdict and eligibility mirror the hukou score', ({ asOf, facts }) => {
    const r = evaluateGuangzhou(facts, asOf);
    const hukou = r.scores[0]!;
    expect(hukou.id).toBe('hukou');
    expect([r.total, r.threshold, r.verdict, r.eligible]).toEqual([hukou.total, hukou.threshold, hukou.verdict, hukou.eligible]);
    expect(r.verdict).toBe(hukou.total! >= hukou.threshold! ? 'reached' : 'notReached');
    const round = facts.roundYear ?? yearOf(asOf);
    expect(r.threshold).toBe(round >= 2022 ? 150 : 100);
  });

  it.prop([caseArb], RUNS)('from the 2022 round the hukou table never holds technical ability or utility models', ({ asOf, facts }) => {
    const r = evaluateGuangzhou(facts, asOf);
    const round = facts.roundYear ?? yearOf(asOf);
    const hukou = scoreOf(r, 'hukou');
    if (round >= 2022) {
      expect(hukou.lineIds).not.toContain('technicalAbility');
      expect(hukou.lineIds).not.toContain('patent.utility');
      expect(r.gates.map((g) => g.id)).toEqual(['employedInGuangzhou', 'age', 'residencePermit', 'insurance', 'criminalPunishment']);
      const basic = r.lines.filter((l) => l.category === 'basic').map((l) => l.id);
      expect([...scoreOf(r, 'ranking').lineIds].sort()).toEqual([...basic].sort());
    } else {
      expect(hukou.lineIds).toEqual(scoreOf(r, 'services').lineIds);
      expect(r.gates.map((g) => g.id)).toEqual(['criminalPunishment']);
      expect(scoreOf(r, 'ranking').total).toBe(hukou.total);
    }
  });
});

describe('line invariants', () => {
  it.prop([caseArb], RUNS)('caps hold, points are non-negative, deductions negative, ids unique', ({ asOf, facts }) => {
    const r = evaluateGuangzhou(facts, asOf);
    for (const l of r.lines) {
      if (l.cap !== undefined) expect(l.points, l.id).toBeLessThanOrEqual(l.cap);
      expect(l.points, l.id).toBeGreaterThanOrEqual(0);
    }
    for (const l of r.deductions) expect(l.points, l.id).toBeLessThan(0);
    const ids = allLines(r).map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.prop([caseArb], RUNS)('age points follow the table in force', ({ asOf, facts }) => {
    const r = evaluateGuangzhou(facts, asOf);
    const age = r.lines.find((l) => l.id === 'age')!;
    if (r.pack?.id === 'guangzhou-2018') expect([0, 10, 20, 30]).toContain(age.points);
    else expect(age.points % 2).toBe(0);
  });

  it.prop([caseArb], RUNS)('patent lines are the capped sum of the formula over patents in the window', ({ asOf, facts }) => {
    const r = evaluateGuangzhou(facts, asOf);
    const old = r.pack?.id === 'guangzhou-2018';
    const { serviceWindow } = roundContext(facts.roundYear, asOf, 5, 3);
    const values = { invention: [20, 40], utility: [10, 20], design: [5, 10] } as const;
    for (const kind of ['invention', 'utility', 'design'] as const) {
      const ofKind = (facts.patents ?? []).filter((p) => p.kind === kind);
      const l = r.lines.find((x) => x.id === `patent.${kind}`);
      if (ofKind.length === 0) {
        expect(l).toBeUndefined();
        continue;
      }
      const inside = ofKind.filter((p) => p.grantDate >= serviceWindow.from && p.grantDate <= serviceWindow.to);
      const [value, cap] = values[kind];
      const shares = inside.map((p) => (old ? (value / (p.inventors + 1)) * (p.firstInventor ? 2 : 1) : value / p.inventors));
      const expected = !old && kind === 'design' ? 0 : Math.min(cap, shares.reduce((a, b) => a + b, 0));
      expect(l?.points, kind).toBeCloseTo(expected, 9);
      expect(l?.counted, kind).toBe(expected > 0 || (inside.length > 0 && !(kind === 'design' && !old)));
    }
  });

  it.prop([caseArb], RUNS)('same input twice gives deep-equal results and leaves the facts untouched', ({ asOf, facts }) => {
    const before = structuredClone(facts);
    expect(evaluateGuangzhou(structuredClone(facts), asOf)).toEqual(evaluateGuangzhou(facts, asOf));
    expect(facts).toEqual(before);
  });

  it.prop([caseArb], RUNS)('a failing gate makes the person not eligible; all passing makes them eligible', ({ asOf, facts }) => {
    const r = evaluateGuangzhou(facts, asOf);
    if (r.gates.some((g) => g.status === 'fail')) expect(r.eligible).toBe('no');
    else if (r.gates.every((g) => g.status === 'pass')) expect(r.eligible).toBe('yes');
    else expect(r.eligible).toBe('unknown');
  });
});

describe('monotonicity', () => {
  const fields = ['residencePermitMonths', 'rentalMonths', 'movedOutMonths', ...EMPLOYMENT] as const;

  it.prop([caseArb, fc.constantFrom(...fields), fc.integer({ min: 1, max: 120 })], RUNS)(
    'more months never lower any score',
    ({ asOf, facts }, field, by) => {
      const life = EMPLOYMENT.includes(field as (typeof EMPLOYMENT)[number]) ? (workingLife(facts.birthDate, asOf) ?? 1200) : 1200;
      const more: GuangzhouFacts = { ...facts, [field]: Math.min(life, (facts[field] ?? 0) + by) };
      expect(isValid(more, asOf)).toBe(true);
      const before = evaluateGuangzhou(facts, asOf);
      const after = evaluateGuangzhou(more, asOf);
      for (const id of ['hukou', 'ranking', 'services', 'school']) {
        expect(scoreOf(after, id).total!, id).toBeGreaterThanOrEqual(scoreOf(before, id).total! - 1e-9);
      }
    },
  );

  it.prop([caseArb, fc.constantFrom('taxEvasionDates', 'publicSecurityPenaltyDates'), permille], RUNS)(
    'one more deduction record never raises a score and never changes the school score',
    ({ asOf, facts }, field, p) => {
      const date = lerpDay(facts.birthDate ?? '1955-01-01', asOf, p);
      const more: GuangzhouFacts = { ...facts, [field]: [...(facts[field] ?? []), date] };
      const before = evaluateGuangzhou(facts, asOf);
      const after = evaluateGuangzhou(more, asOf);
      for (const id of ['hukou', 'services']) expect(scoreOf(after, id).total!).toBeLessThanOrEqual(scoreOf(before, id).total!);
      expect(scoreOf(after, 'school').total).toBe(scoreOf(before, 'school').total);
      expect(scoreOf(after, 'ranking').total!).toBeLessThanOrEqual(scoreOf(before, 'ranking').total!);
    },
  );

  it.prop([caseArb, permille], RUNS)('a criminal punishment never changes any score, only eligibility', ({ asOf, facts }, p) => {
    const date = lerpDay(facts.birthDate ?? '1955-01-01', asOf, p);
    const before = evaluateGuangzhou(facts, asOf);
    const after = evaluateGuangzhou({ ...facts, criminalPunishmentDates: [...(facts.criminalPunishmentDates ?? []), date] }, asOf);
    expect(after.scores.map((s) => s.total)).toEqual(before.scores.map((s) => s.total));
    if (before.eligible === 'no') expect(after.eligible).toBe('no');
  });
});

describe('the schema rejects what it should', () => {
  const issuesFor = (facts: unknown, asOf: IsoDate) => {
    const parsed = guangzhouFactsAt(asOf).safeParse(facts);
    return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  };
  const numeric = ['residencePermitMonths', 'rentalMonths', 'movedOutMonths', ...EMPLOYMENT, 'badCreditCases'] as const;

  it.prop([caseArb, fc.constantFrom(...numeric), fc.integer({ min: 1, max: 1000 })], RUNS)('negative numbers', ({ asOf, facts }, field, n) => {
    expect(issuesFor({ ...facts, [field]: -n }, asOf)).toContainEqual({ path: field, message: 'errors.negative' });
  });

  it.prop([caseArb, fc.constantFrom(...numeric), fc.integer({ min: 0, max: 50 })], RUNS)('non-integer months and counts', ({ asOf, facts }, field, n) => {
    expect(issuesFor({ ...facts, [field]: n + 0.5 }, asOf)).toContainEqual({ path: field, message: 'errors.integer' });
  });

  it.prop([caseArb, fc.integer({ min: 1, max: 5000 })], RUNS)('dates after the as-of date, in lists and in patents', ({ asOf, facts }, days) => {
    const later = isoOfDay(dayNumber(asOf) + days);
    expect(issuesFor({ ...facts, bloodDonationDates: [later] }, asOf)).toContainEqual({ path: 'bloodDonationDates.0', message: 'errors.afterAsOf' });
    expect(issuesFor({ ...facts, criminalPunishmentDates: [later] }, asOf)).toContainEqual({
      path: 'criminalPunishmentDates.0',
      message: 'errors.afterAsOf',
    });
    expect(issuesFor({ ...facts, patents: [{ kind: 'invention', inventors: 1, grantDate: later }] }, asOf)).toContainEqual({
      path: 'patents.0.grantDate',
      message: 'errors.afterAsOf',
    });
    expect(issuesFor({ ...facts, birthDate: later }, asOf)).toContainEqual({ path: 'birthDate', message: 'errors.futureBirth' });
  });

  it.prop([caseArb, fc.integer({ min: 1, max: 5 })], RUNS)('years and rounds after the as-of year', ({ asOf, facts }, ahead) => {
    const year = yearOf(asOf) + ahead;
    expect(issuesFor({ ...facts, volunteerHours: [{ year, hours: 10 }] }, asOf)).toContainEqual({
      path: 'volunteerHours.0.year',
      message: 'errors.yearAfterAsOf',
    });
    expect(issuesFor({ ...facts, incomeTax: [{ year, yuan: 10 }] }, asOf)).toContainEqual({ path: 'incomeTax.0.year', message: 'errors.yearAfterAsOf' });
    expect(issuesFor({ ...facts, roundYear: year }, asOf)).toContainEqual({ path: 'roundYear', message: 'errors.roundYear' });
  });

  it.prop([caseArb, fc.integer({ min: 1, max: 100 })], RUNS)('employment months beyond working life', ({ asOf, facts }, over) => {
    const birthDate = facts.birthDate ?? addYears(asOf, -30);
    const life = workingLife(birthDate, asOf)!;
    fc.pre(life + over <= 1200);
    expect(issuesFor({ ...facts, birthDate, pensionMonths: life + over }, asOf)).toContainEqual({
      path: 'pensionMonths',
      message: 'errors.exceedsWorkingLife',
    });
  });

  it('patents need at least one inventor and a known kind; rows are strict', () => {
    const asOf = '2025-10-15';
    expect(issuesFor({ patents: [{ kind: 'invention', inventors: 0, grantDate: '2024-01-01' }] }, asOf)).toEqual([
      { path: 'patents.0.inventors', message: 'errors.minOne' },
    ]);
    expect(issuesFor({ patents: [{ kind: 'software', inventors: 1, grantDate: '2024-01-01' }] }, asOf)).toEqual([
      { path: 'patents.0.kind', message: 'errors.choice' },
    ]);
    expect(issuesFor({ patents: [{ kind: 'invention', inventors: 1 }] }, asOf)).toEqual([
      { path: 'patents.0.grantDate', message: 'errors.date' },
    ]);
    expect(issuesFor({ patents: [{ kind: 'invention', inventors: 1, grantDate: '2024-01-01', share: 1 }] }, asOf)).not.toEqual([]);
  });

  it.prop([caseArb, fc.constantFrom('education', 'technicalLevel'), fc.constantFrom('phd', 'Bachelor', '', 'senior')], RUNS)(
    'values outside the enums',
    ({ asOf, facts }, field, value) => {
      expect(issuesFor({ ...facts, [field]: value }, asOf)).toContainEqual({ path: field, message: 'errors.choice' });
    },
  );

  it.prop([caseArb, fc.constantFrom('bogus', 'age', 'points', 'insuranceMonths')], RUNS)('unknown keys', ({ asOf, facts }, key) => {
    expect(issuesFor({ ...facts, [key]: 1 }, asOf)).not.toEqual([]);
  });
});
