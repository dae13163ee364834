/**
 * Property tests over arbitrary valid Shanghai facts: invariants of the result trace and of the facts schema.
 * The generator is built from the schema's enums and ranges and respects its cross-field checks.
 */
import { fc, it } from '@fast-check/vitest';
import { addYears, completedMonths, daysInMonth } from '../../core/dates';
import type { IsoDate, ScoreResult } from '../../core/types';
import { parseDocument } from '../../document';
import { evaluateShanghai } from './evaluate';
import {
  shanghaiAwardLevels,
  shanghaiEducationLevels,
  shanghaiFactsAt,
  shanghaiRemoteAreas,
  shanghaiTitleLevels,
  type ShanghaiFacts,
} from './facts';

const RUNS = { numRuns: 200 } as const;

// ---- dates ------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayNumber = (iso: IsoDate) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOfDay = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** A real calendar date between two dates (inclusive). */
const dateBetween = (from: IsoDate, to: IsoDate) => fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(isoOfDay);

/** As-of dates across all packs and a little beyond the newest. */
const asOfArb = dateBetween('2015-07-01', '2029-12-31');

/** A point inside [lo, hi] chosen by a fraction in thousandths (lets one draw depend on another). */
const lerpDay = (lo: IsoDate, hi: IsoDate, permille: number) =>
  isoOfDay(dayNumber(lo) + Math.floor(((dayNumber(hi) - dayNumber(lo)) * permille) / 1000));

const permille = fc.integer({ min: 0, max: 1000 });

// ---- facts ------------------------------------------------------------------------------------------------

/** Mostly false, so that vetoes do not hide most totals. */
const rarely = fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 });

/** Raw draws; `build` turns them into facts that pass `shanghaiFactsAt(asOf)`. */
const rawArb = fc.record(
  {
    birth: permille,
    residencePermit: fc.boolean(),
    education: fc.constantFrom(...shanghaiEducationLevels),
    educationVerified: fc.boolean(),
    title: fc.constantFrom(...shanghaiTitleLevels),
    titleMatchesPost: fc.boolean(),
    titleBaseMonthsLast12: fc.integer({ min: 0, max: 12 }),
    shortageMajor: fc.boolean(),
    siMonthsLast12: fc.integer({ min: 0, max: 12 }),
    siPayingNow: fc.boolean(),
    siMonthsTotal: fc.integer({ min: 0, max: 600 }),
    bands: fc.tuple(fc.integer({ min: 0, max: 48 }), fc.integer({ min: 0, max: 48 }), fc.integer({ min: 0, max: 48 })),
    bandsGiven: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
    siBaseCeilingMonths: fc.integer({ min: 0, max: 36 }),
    sanitationMonths: fc.integer({ min: 0, max: 600 }),
    remoteArea: fc.constantFrom(...shanghaiRemoteAreas),
    remoteAreaMonths: fc.integer({ min: 0, max: 600 }),
    spouseShanghaiHukou: fc.boolean(),
    marriage: permille,
    freshGraduate: fc.boolean(),
    investTaxShareYuan: fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.double({ min: 0, max: 2e6, noNaN: true })),
    investHukouHires: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 200, noNaN: true })),
    entrepreneur: fc.boolean(),
    awards: fc.array(fc.constantFrom(...shanghaiAwardLevels), { maxLength: 4 }),
    falseMaterial: fc.array(permille, { maxLength: 3 }),
    detention: fc.array(permille, { maxLength: 3 }),
    crime: fc.array(permille, { maxLength: 3 }),
    familyPlanningViolation: rarely,
    seriousCrime: rarely,
  },
  { requiredKeys: [] },
);

type Raw = Readonly<Record<string, unknown>>;

/** Months since the 16th birthday (the schema's working-life bound), or null without a birth date. */
function workingLife(birthDate: IsoDate | undefined, asOf: IsoDate): number | null {
  return birthDate ? Math.max(0, completedMonths(addYears(birthDate, 16), asOf)) : null;
}

function build(raw: Raw, asOf: IsoDate): ShanghaiFacts {
  const facts: Record<string, unknown> = {};
  const birthDate = raw.birth !== undefined ? lerpDay('1950-01-01', asOf, raw.birth as number) : undefined;
  const life = workingLife(birthDate, asOf);
  const fit = (months: number) => (life === null ? months : Math.min(months, life));
  const earliest = birthDate ?? '1950-01-01';
  const dated = (list: unknown) => (list as number[]).map((p) => lerpDay(earliest, asOf, p));

  if (birthDate) facts.birthDate = birthDate;
  for (const key of [
    'residencePermit',
    'education',
    'educationVerified',
    'title',
    'titleMatchesPost',
    'shortageMajor',
    'siPayingNow',
    'remoteArea',
    'spouseShanghaiHukou',
    'freshGraduate',
    'investTaxShareYuan',
    'investHukouHires',
    'entrepreneur',
    'awards',
    'familyPlanningViolation',
    'seriousCrime',
  ] as const) {
    if (raw[key] !== undefined) facts[key] = raw[key];
  }
  for (const key of ['siMonthsTotal', 'sanitationMonths', 'remoteAreaMonths', 'siMonthsLast12', 'siBaseCeilingMonths'] as const) {
    if (raw[key] !== undefined) facts[key] = fit(raw[key] as number);
  }
  if (facts.siMonthsLast12 !== undefined && facts.siMonthsTotal !== undefined) {
    // The last 12 months are part of the total.
    facts.siMonthsLast12 = Math.min(facts.siMonthsLast12 as number, facts.siMonthsTotal as number);
  }
  if (raw.titleBaseMonthsLast12 !== undefined) {
    const cap = facts.siMonthsLast12 !== undefined ? (facts.siMonthsLast12 as number) : 12;
    facts.titleBaseMonthsLast12 = fit(Math.min(raw.titleBaseMonthsLast12 as number, cap));
  }
  if (raw.bands !== undefined) {
    // Nested "at least" counts: months ≥2W ≤ months ≥1W ≤ months ≥0.8W.
    const [b2, b1, b08] = [...(raw.bands as number[])].sort((a, b) => a - b).map(fit) as [number, number, number];
    const given = (raw.bandsGiven as boolean[] | undefined) ?? [true, true, true];
    if (given[0]) facts.siBase2Months = b2;
    if (given[1]) facts.siBase1Months = b1;
    if (given[2]) facts.siBase08Months = b08;
    // A month at the ceiling (last 36) is also a month at ≥2W (last 48).
    if (given[0] && facts.siBaseCeilingMonths !== undefined) {
      facts.siBaseCeilingMonths = Math.min(facts.siBaseCeilingMonths as number, b2);
    }
  }
  if (raw.marriage !== undefined) facts.marriageDate = lerpDay(earliest, asOf, raw.marriage as number);
  if (raw.falseMaterial !== undefined) facts.falseMaterialDates = dated(raw.falseMaterial);
  if (raw.detention !== undefined) facts.detentionDates = dated(raw.detention);
  if (raw.crime !== undefined) facts.crimeDates = dated(raw.crime);
  return facts as ShanghaiFacts;
}

/** Valid facts together with their as-of date. */
const caseArb = fc.tuple(asOfArb, rawArb).map(([asOf, raw]) => ({ asOf, facts: build(raw as Raw, asOf) }));

const isValid = (facts: unknown, asOf: IsoDate) => shanghaiFactsAt(asOf).safeParse(facts).success;

const allLines = (r: ScoreResult) => [...r.lines, ...r.deductions];

// ---- properties -------------------------------------------------------------------------------------------

describe('the generator', () => {
  it.prop([caseArb], RUNS)('produces facts the schema accepts', ({ asOf, facts }) => {
    const parsed = shanghaiFactsAt(asOf).safeParse(facts);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});

describe('the generator reaches', () => {
  it('every indicator, counted, and every deduction kind, inside and outside its window', () => {
    const seen = new Set<string>();
    for (const { asOf, facts } of fc.sample(caseArb, { numRuns: 1000, seed: 42 })) {
      for (const line of allLines(evaluateShanghai(facts, asOf))) if (line.counted || line.category === 'deduction') seen.add(line.id);
    }
    const expected = [
      'age', 'education', 'title', 'siYears', 'shortageMajor', 'investment', 'siBase', 'sanitation', 'remoteArea',
      'freshGraduate', 'awards', 'spouse', 'entrepreneur',
      'deduction.falseMaterial', 'deduction.detention', 'deduction.crime',
      'deduction.falseMaterial.expired', 'deduction.detention.expired', 'deduction.crime.expired',
    ];
    expect([...seen].sort()).toEqual(expected.sort());
  });
});

describe('result invariants', () => {
  it.prop([caseArb], RUNS)('total = max(0, sum of counted lines and deductions) unless vetoed', ({ asOf, facts }) => {
    const result = evaluateShanghai(facts, asOf);
    if (result.veto.vetoed) {
      expect(result.total).toBeNull();
      expect(result.verdict).toBe('vetoed');
      expect(result.eligible).toBe('no');
      return;
    }
    const sum = allLines(result)
      .filter((l) => l.counted)
      .reduce((acc, l) => acc + l.points, 0);
    expect(result.total).toBeCloseTo(Math.max(0, sum), 9);
    expect(result.verdict).toBe(result.total! >= 120 ? 'reached' : 'notReached');
    expect(result.scores[0]?.total).toBe(result.total);
  });

  it.prop([caseArb], RUNS)('caps hold', ({ asOf, facts }) => {
    const result = evaluateShanghai(facts, asOf);
    for (const line of result.lines) {
      if (line.cap !== undefined) expect(line.points, line.id).toBeLessThanOrEqual(line.cap);
      expect(line.points, line.id).toBeGreaterThanOrEqual(0);
    }
    for (const line of result.deductions) expect(line.points, line.id).toBeLessThan(0);
    const age = result.lines.find((l) => l.id === 'age');
    expect(age?.points).toBeGreaterThanOrEqual(0);
    expect(age?.points).toBeLessThanOrEqual(30);
    const siBase = result.lines.find((l) => l.id === 'siBase');
    if (siBase) expect([0, 25, 50, 100, 120]).toContain(siBase.points);
    const byId = Object.fromEntries(result.lines.map((l) => [l.id, l.points]));
    if (byId.remoteArea !== undefined) expect(byId.remoteArea).toBeLessThanOrEqual(20);
    if (byId.spouse !== undefined) expect(byId.spouse).toBeLessThanOrEqual(40);
    if (byId.investment !== undefined) expect(byId.investment).toBeLessThanOrEqual(120);
    if (byId.awards !== undefined) expect([30, 60, 110]).toContain(byId.awards);
  });

  it.prop([caseArb], RUNS)('every line id is unique', ({ asOf, facts }) => {
    const result = evaluateShanghai(facts, asOf);
    const ids = allLines(result).map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    const counted = allLines(result)
      .filter((l) => l.counted)
      .map((l) => l.id);
    expect(new Set(counted).size).toBe(counted.length);
  });

  it.prop([caseArb], RUNS)('at most one of education and title counts', ({ asOf, facts }) => {
    const result = evaluateShanghai(facts, asOf);
    const counted = result.lines.filter((l) => (l.id === 'education' || l.id === 'title') && l.counted);
    expect(counted.length).toBeLessThanOrEqual(1);
  });

  it.prop([caseArb], RUNS)('same input twice gives deep-equal results and leaves the facts untouched', ({ asOf, facts }) => {
    const before = structuredClone(facts);
    const first = evaluateShanghai(facts, asOf);
    const second = evaluateShanghai(structuredClone(facts), asOf);
    expect(second).toEqual(first);
    expect(facts).toEqual(before);
  });

  it.prop([caseArb], RUNS)('a failing gate makes the person not eligible', ({ asOf, facts }) => {
    const result = evaluateShanghai(facts, asOf);
    if (result.gates.some((g) => g.status === 'fail')) expect(result.eligible).toBe('no');
    else if (result.gates.every((g) => g.status === 'pass') && !result.veto.vetoed) expect(result.eligible).toBe('yes');
  });
});

describe('more months never lower a score', () => {
  type Field = 'siMonthsTotal' | 'sanitationMonths' | 'remoteAreaMonths' | 'siBase08Months' | 'siBase1Months' | 'siBase2Months' | 'siBaseCeilingMonths';
  const fields: readonly Field[] = [
    'siMonthsTotal',
    'sanitationMonths',
    'remoteAreaMonths',
    'siBase08Months',
    'siBase1Months',
    'siBase2Months',
    'siBaseCeilingMonths',
  ];
  const windowOf: Record<Field, number> = {
    siMonthsTotal: 1200,
    sanitationMonths: 1200,
    remoteAreaMonths: 1200,
    siBase08Months: 48,
    siBase1Months: 48,
    siBase2Months: 48,
    siBaseCeilingMonths: 36,
  };
  /** A band raised to n months means every lower band (listed from higher to lower) has at least n months too. */
  const lowerBands: Record<Field, readonly Field[]> = {
    siMonthsTotal: [],
    sanitationMonths: [],
    remoteAreaMonths: [],
    siBase08Months: [],
    siBase1Months: ['siBase08Months'],
    siBase2Months: ['siBase1Months', 'siBase08Months'],
    siBaseCeilingMonths: ['siBase2Months', 'siBase1Months', 'siBase08Months'],
  };

  const higherBands: Record<Field, readonly Field[]> = {
    siMonthsTotal: [],
    sanitationMonths: [],
    remoteAreaMonths: [],
    siBase08Months: ['siBase1Months', 'siBase2Months'],
    siBase1Months: ['siBase2Months'],
    siBase2Months: ['siBaseCeilingMonths'],
    siBaseCeilingMonths: [],
  };

  function bump(facts: ShanghaiFacts, asOf: IsoDate, field: Field, by: number): ShanghaiFacts {
    const life = workingLife(facts.birthDate, asOf) ?? Infinity;
    const limit = Math.min(windowOf[field], life);
    // A lower band can never hold fewer months than a higher one that is already given.
    const higher = Math.max(
      0,
      ...higherBands[field].map((h) => facts[h] ?? 0),
      // The last 12 months are part of the total.
      field === 'siMonthsTotal' ? (facts.siMonthsLast12 ?? 0) : 0,
    );
    const next = Math.max(higher, Math.min(limit, (facts[field] ?? 0) + by));
    const bumped: ShanghaiFacts = { ...facts, [field]: next };
    let floor = next;
    for (const lower of lowerBands[field]) {
      floor = Math.max(bumped[lower] ?? 0, floor);
      bumped[lower] = floor;
    }
    return bumped;
  }

  it.prop([caseArb, fc.constantFrom(...fields), fc.integer({ min: 1, max: 120 })], RUNS)(
    'raising one month count keeps or raises the total',
    ({ asOf, facts }, field, by) => {
      const more = bump(facts, asOf, field, by);
      expect(isValid(more, asOf)).toBe(true);
      const before = evaluateShanghai(facts, asOf);
      const after = evaluateShanghai(more, asOf);
      if (before.veto.vetoed) return;
      expect(after.total!).toBeGreaterThanOrEqual(before.total!);
      const lineOf = (r: ScoreResult, id: string) => r.lines.find((l) => l.id === id && l.counted)?.points ?? 0;
      for (const id of ['siYears', 'sanitation', 'remoteArea', 'siBase']) {
        expect(lineOf(after, id), id).toBeGreaterThanOrEqual(lineOf(before, id));
      }
    },
  );

  it.prop([caseArb, fc.integer({ min: 1, max: 36 })], RUNS)('a later as-of date never lowers the Lingang line', ({ asOf, facts }, days) => {
    fc.pre(facts.remoteArea === 'lingangNewArea' && (facts.remoteAreaMonths ?? 0) > 0);
    const later = isoOfDay(dayNumber(asOf) + days);
    const lineOf = (r: ScoreResult) => r.lines.find((l) => l.id === 'remoteArea' && l.counted)?.points ?? 0;
    expect(lineOf(evaluateShanghai(facts, later))).toBeGreaterThanOrEqual(lineOf(evaluateShanghai(facts, asOf)));
  });
});

describe('the schema rejects what it should', () => {
  const issuesFor = (facts: unknown, asOf: IsoDate) => {
    const parsed = parseDocument({ city: 'shanghai', asOf, facts });
    return parsed.ok ? [] : parsed.issues;
  };
  const pathsFor = (facts: unknown, asOf: IsoDate) => issuesFor(facts, asOf).map((i) => i.path);

  const numericFields = [
    'titleBaseMonthsLast12',
    'siMonthsLast12',
    'siMonthsTotal',
    'siBase08Months',
    'siBase1Months',
    'siBase2Months',
    'siBaseCeilingMonths',
    'sanitationMonths',
    'remoteAreaMonths',
    'investTaxShareYuan',
    'investHukouHires',
  ] as const;
  const monthFields = numericFields.filter((f) => f !== 'investTaxShareYuan' && f !== 'investHukouHires');

  it.prop([caseArb, fc.constantFrom(...numericFields), fc.integer({ min: 1, max: 1000 })], RUNS)(
    'negative numbers',
    ({ asOf, facts }, field, n) => {
      expect(pathsFor({ ...facts, [field]: -n }, asOf)).toContain(`facts.${field}`);
    },
  );

  it.prop([caseArb, fc.constantFrom(...monthFields), fc.integer({ min: 0, max: 11 })], RUNS)(
    'non-integer months',
    ({ asOf, facts }, field, n) => {
      expect(pathsFor({ ...facts, [field]: n + 0.5 }, asOf)).toContain(`facts.${field}`);
    },
  );

  it.prop(
    [
      caseArb,
      fc.constantFrom(
        ['siMonthsLast12', 12],
        ['titleBaseMonthsLast12', 12],
        ['siBase08Months', 48],
        ['siBase1Months', 48],
        ['siBase2Months', 48],
        ['siBaseCeilingMonths', 36],
      ),
      fc.integer({ min: 1, max: 100 }),
    ],
    RUNS,
  )('months above the window', ({ asOf, facts }, [field, window], over) => {
    const issues = issuesFor({ ...facts, [field]: window + over }, asOf);
    expect(issues).toContainEqual({ path: `facts.${field}`, message: `errors.maxMonths${window}` });
  });

  it('siMonthsLast12 13 is rejected with the window in the message', () => {
    expect(issuesFor({ siMonthsLast12: 13 }, '2025-06-30')).toEqual([
      { path: 'facts.siMonthsLast12', message: 'errors.maxMonths12' },
    ]);
  });

  it.prop([caseArb, fc.integer({ min: 1, max: 20_000 })], RUNS)('birth date after the as-of date', ({ asOf, facts }, days) => {
    const birthDate = isoOfDay(dayNumber(asOf) + days);
    expect(issuesFor({ ...facts, birthDate }, asOf)).toContainEqual({ path: 'facts.birthDate', message: 'errors.futureBirth' });
  });

  it.prop(
    [
      caseArb,
      fc.constantFrom('birthDate', 'marriageDate'),
      fc.oneof(
        fc.constantFrom('2023-02-29', '2023-02-30', '2023-04-31', '2023-13-01', '2023-00-10', '2023-1-1', '01/02/2023', ''),
        fc.integer({ min: 1950, max: 2020 }).map((y) => `${y}-${String(1 + (y % 12)).padStart(2, '0')}-${daysInMonth(y, 1 + (y % 12)) + 1}`),
      ),
    ],
    RUNS,
  )('impossible dates', ({ asOf, facts }, field, value) => {
    expect(issuesFor({ ...facts, [field]: value }, asOf)).toContainEqual({ path: `facts.${field}`, message: 'errors.date' });
  });

  it.prop([caseArb, fc.constantFrom('falseMaterialDates', 'detentionDates', 'crimeDates')], RUNS)(
    'impossible dates inside a record list name the index',
    ({ asOf, facts }, field) => {
      const list = [...(facts[field] ?? []), '2023-02-30'];
      expect(pathsFor({ ...facts, [field]: list }, asOf)).toContain(`facts.${field}.${list.length - 1}`);
    },
  );

  it.prop([caseArb, fc.constantFrom('bogus', 'siMonths', 'Education', 'age', 'points')], RUNS)(
    'unknown keys are rejected',
    ({ asOf, facts }, key) => {
      expect(issuesFor({ ...facts, [key]: 1 }, asOf)).not.toEqual([]);
    },
  );

  it('an unknown key is named in the rejection', () => {
    // Every other rejection names its field and carries an errors.* key; an unknown key should too.
    const issues = issuesFor({ birthDate: '1990-01-01', bogus: 1 }, '2025-06-30');
    expect(issues).toContainEqual({ path: 'facts.bogus', message: expect.stringMatching(/^errors\./) });
  });

  it.prop([caseArb, fc.constantFrom('siMonthsTotal', 'sanitationMonths', 'remoteAreaMonths'), fc.integer({ min: 1, max: 100 })], RUNS)(
    'months above working life (months since the 16th birthday)',
    ({ asOf, facts }, field, over) => {
      const birthDate = facts.birthDate ?? addYears(asOf, -30);
      const life = workingLife(birthDate, asOf)!;
      fc.pre(life + over <= 1200);
      const issues = issuesFor({ ...facts, birthDate, [field]: life + over }, asOf);
      expect(issues).toContainEqual({ path: `facts.${field}`, message: 'errors.exceedsWorkingLife' });
      expect(pathsFor({ ...facts, birthDate, [field]: life }, asOf)).not.toContain(`facts.${field}`);
    },
  );

  it('working life starts at the 16th birthday', () => {
    const asOf = '2025-06-30';
    expect(pathsFor({ birthDate: '2000-06-30', siMonthsTotal: 108 }, asOf)).toEqual([]);
    expect(pathsFor({ birthDate: '2000-06-30', siMonthsTotal: 109 }, asOf)).toEqual(['facts.siMonthsTotal']);
    expect(pathsFor({ birthDate: '2010-01-01', siMonthsTotal: 1 }, asOf)).toEqual(['facts.siMonthsTotal']);
  });

  it.prop([caseArb, fc.integer({ min: 1, max: 5000 })], RUNS)('marriage after the as-of date', ({ asOf, facts }, days) => {
    const marriageDate = isoOfDay(dayNumber(asOf) + days);
    expect(issuesFor({ ...facts, marriageDate }, asOf)).toContainEqual({ path: 'facts.marriageDate', message: 'errors.afterAsOf' });
  });

  it.prop([caseArb, fc.constantFrom('falseMaterialDates', 'detentionDates', 'crimeDates'), fc.integer({ min: 1, max: 5000 })], RUNS)(
    'records after the as-of date',
    ({ asOf, facts }, field, days) => {
      const list = [...(facts[field] ?? []), isoOfDay(dayNumber(asOf) + days)];
      expect(issuesFor({ ...facts, [field]: list }, asOf)).toContainEqual({
        path: `facts.${field}.${list.length - 1}`,
        message: 'errors.afterAsOf',
      });
    },
  );

  it.prop([caseArb, fc.integer({ min: 1, max: 48 })], RUNS)('band counts that are not nested', ({ asOf, facts }, extra) => {
    const b1 = Math.min(47, facts.siBase1Months ?? 0);
    const b2 = Math.min(48, b1 + extra);
    const life = workingLife(facts.birthDate, asOf);
    fc.pre(life === null || b2 <= life);
    expect(pathsFor({ ...facts, siBase1Months: b1, siBase2Months: b2, siBase08Months: 48 }, asOf)).toContain('facts.siBase2Months');
  });

  it.prop(
    [caseArb, fc.constantFrom('education', 'title', 'remoteArea'), fc.constantFrom('phd', 'Bachelor', '', 'senior')],
    RUNS,
  )('values outside the enums', ({ asOf, facts }, field, value) => {
    expect(issuesFor({ ...facts, [field]: value }, asOf)).toContainEqual({ path: `facts.${field}`, message: 'errors.choice' });
  });

  it.prop([caseArb, fc.constantFrom('residencePermit', 'shortageMajor', 'seriousCrime'), fc.constantFrom('yes', 1, null)], RUNS)(
    'non-boolean flags',
    ({ asOf, facts }, field, value) => {
      expect(pathsFor({ ...facts, [field]: value }, asOf)).toContain(`facts.${field}`);
    },
  );
});
