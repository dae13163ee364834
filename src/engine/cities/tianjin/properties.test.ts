/**
 * Property tests for Tianjin: the accrual arithmetic (monthly accrual never decreases, the 36- and 60-month
 * switches are continuous, every value is a whole number of hundredths), invariants of the result trace over
 * arbitrary valid facts, and what the facts schema rejects. The generator respects the schema's cross-field checks.
 */
import { fc, it } from '@fast-check/vitest';
import { addYears, completedMonths, nextDay } from '../../core/dates';
import type { IsoDate, ScoreResult } from '../../core/types';
import { accrue, accruePhased, monthlyRate } from './accrual';
import { evaluateTianjin } from './evaluate';
import {
  checkTianjinFacts,
  insuranceMonthsFact,
  SI_CUMULATIVE_SINCE,
  tianjinAwards,
  tianjinDistricts,
  tianjinEducationLevels,
  tianjinFactsAt,
  tianjinFemalePostTypes,
  tianjinOccupationShortages,
  tianjinProfQualifications,
  tianjinSexes,
  tianjinSkillLevels,
  type TianjinFacts,
} from './facts';
import { tianjinPacks } from './packs';
import { availablePeriods, cutoffOf, formatPeriod, resolvePeriod } from './period';

const RUNS = { numRuns: 200 } as const;
const params = tianjinPacks[tianjinPacks.length - 1]!.params;

/** Every two-phase rate of the newest pack: five insurance types and the housing fund. */
const phasedRates = [
  ...Object.entries(params.socialInsurance.value.yearly).map(([type, r]) => ({
    name: type,
    threshold: params.socialInsurance.value.thresholdMonths,
    ...r,
  })),
  { name: 'housingFund', threshold: params.housingFund.value.thresholdMonths, ...params.housingFund.value.yearly },
];

// ---- arithmetic -------------------------------------------------------------------------------------------

describe('monthly accrual', () => {
  it('never decreases as months grow, for every rate, months 0 to 1200', () => {
    for (const r of phasedRates) {
      let previous = -1;
      for (let m = 0; m <= 1200; m++) {
        const points = accruePhased(m, r.threshold, r.phase1, r.phase2).points;
        expect(points, `${r.name} ${m}`).toBeGreaterThanOrEqual(previous);
        previous = points;
      }
    }
  });

  it('is continuous at the switch: the value at the threshold plus one phase-2 month is the value a month later', () => {
    for (const r of phasedRates) {
      const at = (m: number) => accruePhased(m, r.threshold, r.phase1, r.phase2).points;
      expect(at(r.threshold + 1), r.name).toBe(at(r.threshold) + monthlyRate(r.phase2 * 100));
      // At the threshold phase 1 holds whole years only.
      expect(at(r.threshold), r.name).toBe((r.threshold / 12) * r.phase1 * 100);
    }
    // The social-insurance switch is at 36 months: 36 → 37 adds 1.00 (pension) or 0.33 (each other type).
    expect(accruePhased(37, 36, 10, 12).points - accruePhased(36, 36, 10, 12).points).toBe(100);
    expect(accruePhased(37, 36, 3, 4).points - accruePhased(36, 36, 3, 4).points).toBe(33);
  });

  it.prop([fc.constantFrom(...phasedRates), fc.integer({ min: 0, max: 1200 })], RUNS)(
    'after the switch every month adds phase-2 points only',
    (r, k) => {
      const at = (m: number) => accruePhased(m, r.threshold, r.phase1, r.phase2).points;
      expect(at(r.threshold + k) - at(r.threshold)).toBe(accrue(k, r.phase2).points);
    },
  );

  it.prop([fc.constantFrom(...phasedRates), fc.integer({ min: 0, max: 1200 })], RUNS)(
    'is a whole number of hundredths and within 0.05 of exact monthly pro-rating',
    (r, m) => {
      const points = accruePhased(m, r.threshold, r.phase1, r.phase2).points;
      expect(Number.isInteger(points)).toBe(true);
      const exact = (Math.min(m, r.threshold) * r.phase1 * 100) / 12 + (Math.max(m - r.threshold, 0) * r.phase2 * 100) / 12;
      expect(Math.abs(points - exact)).toBeLessThan(5);
    },
  );

  it.prop([fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 1, max: 100 })], RUNS)(
    'full years always score the yearly value exactly',
    (years, yearly) => {
      expect(accrue(years * 12, yearly).points).toBe(years * yearly * 100);
    },
  );
});

// ---- generator --------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayNumber = (iso: IsoDate) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOfDay = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);
const dateBetween = (from: IsoDate, to: IsoDate) => fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(isoOfDay);
const lerpDay = (lo: IsoDate, hi: IsoDate, permille: number) =>
  isoOfDay(dayNumber(lo) + Math.floor(((dayNumber(hi) - dayNumber(lo)) * permille) / 1000));
const permille = fc.integer({ min: 0, max: 1000 });
const months = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 400 }));

/** As-of dates across both packs and beyond the assumed end. */
const asOfArb = dateBetween('2022-01-01', '2028-12-31');

const rawArb = fc.record(
  {
    period: fc.constantFrom(0, 1),
    birth: permille,
    sex: fc.constantFrom(...tianjinSexes),
    femalePostType: fc.constantFrom(...tianjinFemalePostTypes),
    residencePermit: fc.boolean(),
    tianjinEmployer: fc.boolean(),
    siMonthsLast12: fc.integer({ min: 0, max: 12 }),
    siMonthsSince2014: months,
    siPayingNow: fc.boolean(),
    siPensionMonths: months,
    siMedicalMonths: months,
    siUnemploymentMonths: months,
    siInjuryMonths: months,
    siMaternityMonths: months,
    fundMonths: months,
    endorsements: fc.array(permille, { maxLength: 8 }),
    rentMonths: months,
    homes: fc.array(fc.record({ district: fc.constantFrom(...tianjinDistricts), from: permille, newCommodity: fc.boolean() }), { maxLength: 3 }),
    education: fc.constantFrom(...tianjinEducationLevels),
    profQualification: fc.constantFrom(...tianjinProfQualifications),
    skillLevel: fc.constantFrom(...tianjinSkillLevels),
    occupationShortage: fc.constantFrom(...tianjinOccupationShortages),
    award: fc.constantFrom(...tianjinAwards),
    married: fc.boolean(),
    marriage: permille,
    spouseSiMonths: months,
    spouseActiveMilitary: fc.boolean(),
    crimes: fc.array(permille, { maxLength: 3 }),
    falseInfo: fc.array(permille, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

type Raw = Readonly<Record<string, unknown>>;

const TYPE_FACTS = Object.values(insuranceMonthsFact);

/** Facts that pass `tianjinFactsAt(asOf)`, built from raw draws. */
function build(raw: Raw, asOf: IsoDate): TianjinFacts {
  const facts: Record<string, unknown> = {};
  if (raw.period !== undefined) facts.applicationPeriod = formatPeriod(availablePeriods(asOf)[raw.period as 0 | 1]);
  const cutoff = cutoffOf(resolvePeriod(facts.applicationPeriod as string | undefined, asOf).period);
  const countEnd = nextDay(cutoff);
  const birthDate = raw.birth !== undefined ? lerpDay('1950-01-01', asOf, raw.birth as number) : undefined;
  if (birthDate) facts.birthDate = birthDate;
  const life = birthDate ? Math.max(0, completedMonths(addYears(birthDate, 16), countEnd)) : Infinity;
  const earliest = birthDate ?? '1950-01-01';
  const dated = (list: unknown) => (list as number[]).map((p) => lerpDay(earliest, asOf, p));

  for (const key of [
    'sex', 'femalePostType', 'residencePermit', 'tianjinEmployer', 'siPayingNow', 'education', 'profQualification',
    'skillLevel', 'occupationShortage', 'award', 'married', 'spouseSiMonths', 'spouseActiveMilitary',
  ] as const) {
    if (raw[key] !== undefined) facts[key] = raw[key];
  }
  for (const key of [...TYPE_FACTS, 'fundMonths'] as const) {
    if (raw[key] !== undefined) facts[key] = Math.min(raw[key] as number, life);
  }
  const typeMonths = TYPE_FACTS.map((k) => facts[k]).filter((m): m is number => typeof m === 'number');
  const mostInsured = typeMonths.length > 0 ? Math.max(...typeMonths) : Infinity;
  if (raw.siMonthsLast12 !== undefined) facts.siMonthsLast12 = Math.min(raw.siMonthsLast12 as number, life, mostInsured);
  if (raw.siMonthsSince2014 !== undefined) {
    const since = Math.max(0, completedMonths(SI_CUMULATIVE_SINCE, countEnd));
    facts.siMonthsSince2014 = Math.min(raw.siMonthsSince2014 as number, life, since, mostInsured);
  }
  if (raw.homes !== undefined) {
    facts.homes = (raw.homes as { district: string; from: number; newCommodity: boolean }[]).map((h) => ({
      district: h.district,
      ownedFrom: lerpDay(earliest, asOf, h.from),
      ...(h.newCommodity ? { newCommodity: true } : {}),
    }));
  }
  if (raw.rentMonths !== undefined) {
    const starts = ((facts.homes as { ownedFrom: string }[] | undefined) ?? []).map((h) => h.ownedFrom).filter((d) => d <= cutoff).sort();
    const sixteen = birthDate ? addYears(birthDate, 16) : '1900-01-01';
    const from = starts[0] !== undefined && starts[0] > sixteen ? starts[0] : sixteen;
    const owned = starts.length > 0 ? Math.max(0, completedMonths(from, countEnd)) : 0;
    facts.rentMonths = Math.max(0, Math.min(raw.rentMonths as number, life - owned));
  }
  if (raw.endorsements !== undefined) facts.endorsementDates = dated(raw.endorsements);
  if (raw.marriage !== undefined) facts.marriageDate = lerpDay(earliest, asOf, raw.marriage as number);
  if (raw.crimes !== undefined) facts.crimeSentenceEndDates = dated(raw.crimes);
  if (raw.falseInfo !== undefined) facts.falseInfoDates = dated(raw.falseInfo);
  return facts as TianjinFacts;
}

const caseArb = fc.tuple(asOfArb, rawArb).map(([asOf, raw]) => ({ asOf, facts: build(raw as Raw, asOf) }));
const isValid = (facts: unknown, asOf: IsoDate) => tianjinFactsAt(asOf).safeParse(facts).success;
const allLines = (r: ScoreResult) => [...r.lines, ...r.deductions];
const isHundredths = (x: number) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-9;

describe('the generator', () => {
  it.prop([caseArb], RUNS)('produces facts the schema accepts', ({ asOf, facts }) => {
    const parsed = tianjinFactsAt(asOf).safeParse(facts);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('reaches every line, counted, and both deductions inside and outside their windows', () => {
    const seen = new Set<string>();
    for (const { asOf, facts } of fc.sample(caseArb, { numRuns: 1500, seed: 7 })) {
      for (const l of allLines(evaluateTianjin(facts, asOf))) if (l.counted || l.id.endsWith('.expired')) seen.add(l.id);
    }
    for (const id of [
      'socialInsurance.pension', 'housingFund', 'residence.endorsements', 'residence.rent', 'residence.ownedHome', 'age',
      'education', 'qualification', 'occupation', 'marriage', 'award', 'deduction.crime', 'deduction.crime.expired',
      'deduction.falseInfo', 'deduction.falseInfo.expired',
    ]) {
      expect(seen, id).toContain(id);
    }
  });
});

// ---- result invariants ------------------------------------------------------------------------------------

describe('every result', () => {
  it.prop([caseArb], RUNS)('has lines in whole hundredths and a total that is their exact sum', ({ asOf, facts }) => {
    const result = evaluateTianjin(facts, asOf);
    expect(result.status).toBe('scored');
    expect(result.fixedDecimals).toBe(2);
    for (const l of allLines(result)) expect(isHundredths(l.points), `${l.id} ${l.points}`).toBe(true);
    const hundredths = allLines(result)
      .filter((l) => l.counted)
      .reduce((s, l) => s + Math.round(l.points * 100), 0);
    expect(result.total).toBe(hundredths / 100);
    expect(result.total!.toFixed(2)).toBe((hundredths / 100).toFixed(2));
  });

  it.prop([caseArb], RUNS)('reaches the guidance score exactly when the total is at least 110', ({ asOf, facts }) => {
    const result = evaluateTianjin(facts, asOf);
    expect(result.threshold).toBe(110);
    expect(result.verdict).toBe(result.total! >= 110 ? 'reached' : 'notReached');
    expect(result.scores[0]?.verdict).toBe(result.verdict);
  });

  it.prop([caseArb], RUNS)('is not eligible when a gate fails, eligible when all pass', ({ asOf, facts }) => {
    const result = evaluateTianjin(facts, asOf);
    if (result.gates.some((g) => g.status === 'fail')) expect(result.eligible).toBe('no');
    else if (result.gates.every((g) => g.status === 'pass')) expect(result.eligible).toBe('yes');
    else expect(result.eligible).toBe('unknown');
  });

  it.prop([caseArb], RUNS)('is deterministic and leaves the facts untouched', ({ asOf, facts }) => {
    const before = structuredClone(facts);
    const first = evaluateTianjin(facts, asOf);
    expect(evaluateTianjin(structuredClone(facts), asOf)).toEqual(first);
    expect(facts).toEqual(before);
  });

  it.prop([caseArb], RUNS)('counts only one home and at most one endorsement per 11 months', ({ asOf, facts }) => {
    const result = evaluateTianjin(facts, asOf);
    expect(result.lines.filter((l) => l.id === 'residence.ownedHome' && l.counted).length).toBeLessThanOrEqual(1);
    const endorsements = result.lines.find((l) => l.id === 'residence.endorsements');
    if (endorsements) expect(endorsements.points).toBeLessThanOrEqual(6 * (facts.endorsementDates?.length ?? 0));
  });
});

describe('more months never lower a score', () => {
  const fields = [...TYPE_FACTS, 'fundMonths', 'rentMonths'] as const;
  const lineOf: Record<(typeof fields)[number], string> = {
    siPensionMonths: 'socialInsurance.pension',
    siMedicalMonths: 'socialInsurance.medical',
    siUnemploymentMonths: 'socialInsurance.unemployment',
    siInjuryMonths: 'socialInsurance.injury',
    siMaternityMonths: 'socialInsurance.maternity',
    fundMonths: 'housingFund',
    rentMonths: 'residence.rent',
  };

  it.prop([caseArb, fc.constantFrom(...fields), fc.integer({ min: 1, max: 60 })], RUNS)(
    'raising one month count keeps or raises its line and the total',
    ({ asOf, facts }, field, by) => {
      const more = { ...facts, [field]: (facts[field] ?? 0) + by };
      fc.pre(isValid(more, asOf));
      const before = evaluateTianjin(facts, asOf);
      const after = evaluateTianjin(more, asOf);
      const points = (r: ScoreResult) => r.lines.find((l) => l.id === lineOf[field] && l.counted)?.points ?? 0;
      expect(points(after)).toBeGreaterThanOrEqual(points(before));
      expect(after.total!).toBeGreaterThanOrEqual(before.total!);
    },
  );
});

// ---- the schema -------------------------------------------------------------------------------------------

describe('the schema rejects what it should', () => {
  const issuesFor = (facts: unknown, asOf: IsoDate) => {
    const parsed = tianjinFactsAt(asOf).safeParse(facts);
    return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  };
  const pathsFor = (facts: unknown, asOf: IsoDate) => issuesFor(facts, asOf).map((i) => i.path);
  const monthFields = [...TYPE_FACTS, 'fundMonths', 'rentMonths', 'siMonthsSince2014', 'spouseSiMonths'] as const;

  it.prop([caseArb, fc.constantFrom(...monthFields), fc.integer({ min: 1, max: 1000 })], RUNS)('negative months', ({ asOf, facts }, field, n) => {
    expect(pathsFor({ ...facts, [field]: -n }, asOf)).toContain(field);
  });

  it.prop([caseArb, fc.constantFrom(...monthFields), fc.integer({ min: 0, max: 11 })], RUNS)('non-integer months', ({ asOf, facts }, field, n) => {
    expect(pathsFor({ ...facts, [field]: n + 0.5 }, asOf)).toContain(field);
  });

  it.prop([caseArb, fc.integer({ min: 13, max: 100 })], RUNS)('more than 12 months in the last 12', ({ asOf, facts }, n) => {
    expect(issuesFor({ ...facts, siMonthsLast12: n }, asOf)).toContainEqual({ path: 'siMonthsLast12', message: 'errors.maxMonths12' });
  });

  it.prop([caseArb, fc.constantFrom('2026-3', '2026-0', '26-1', '2026/1', '2026-01', '', 'next')], RUNS)(
    'a period not written YYYY-1 or YYYY-2',
    ({ asOf, facts }, period) => {
      expect(issuesFor({ ...facts, applicationPeriod: period }, asOf)).toContainEqual({ path: 'applicationPeriod', message: 'errors.periodFormat' });
    },
  );

  it.prop([caseArb, fc.integer({ min: 2, max: 6 })], RUNS)('a period that is past or too far ahead', ({ asOf, facts }, ahead) => {
    const [first] = availablePeriods(asOf);
    const far = { year: first.year + Math.ceil(ahead / 2), half: first.half };
    const past = { year: first.year - 1, half: first.half };
    for (const p of [far, past]) {
      expect(issuesFor({ ...facts, applicationPeriod: formatPeriod(p) }, asOf)).toContainEqual({
        path: 'applicationPeriod',
        message: 'errors.periodNotAvailable',
      });
    }
  });

  it.prop([caseArb, fc.integer({ min: 1, max: 5000 })], RUNS)('dates after the as-of date, in every date fact', ({ asOf, facts }, days) => {
    const later = isoOfDay(dayNumber(asOf) + days);
    expect(issuesFor({ ...facts, marriageDate: later }, asOf)).toContainEqual({ path: 'marriageDate', message: 'errors.afterAsOf' });
    for (const key of ['endorsementDates', 'crimeSentenceEndDates', 'falseInfoDates'] as const) {
      const list = [...(facts[key] ?? []), later];
      expect(issuesFor({ ...facts, [key]: list }, asOf)).toContainEqual({ path: `${key}.${list.length - 1}`, message: 'errors.afterAsOf' });
    }
    const homes = [...(facts.homes ?? []), { district: 'hexi', ownedFrom: later }];
    expect(issuesFor({ ...facts, homes }, asOf)).toContainEqual({ path: `homes.${homes.length - 1}.ownedFrom`, message: 'errors.afterAsOf' });
  });

  it.prop([caseArb, fc.constantFrom(...TYPE_FACTS, 'fundMonths', 'rentMonths'), fc.integer({ min: 1, max: 100 })], RUNS)(
    'months above the months since the 16th birthday, counted to the cut-off',
    ({ asOf, facts }, field, over) => {
      const birthDate = facts.birthDate ?? addYears(asOf, -30);
      const cutoff = cutoffOf(resolvePeriod(facts.applicationPeriod, asOf).period);
      const life = Math.max(0, completedMonths(addYears(birthDate, 16), nextDay(cutoff)));
      fc.pre(life + over <= 1200);
      const { homes: _h, ...rest } = facts;
      expect(issuesFor({ ...rest, birthDate, [field]: life + over }, asOf)).toContainEqual({ path: field, message: 'errors.exceedsWorkingLife' });
    },
  );

  it('working life and the months since 2014 end on the cut-off day', () => {
    // 2026-1 counts to 2025-12-31: born 2000-01-01 → 16 on 2016-01-01 → 120 months; 2014 → 144 months.
    expect(pathsFor({ birthDate: '2000-01-01', fundMonths: 120 }, '2026-03-10')).toEqual([]);
    expect(pathsFor({ birthDate: '2000-01-01', fundMonths: 121 }, '2026-03-10')).toEqual(['fundMonths']);
    expect(issuesFor({ siMonthsSince2014: 144 }, '2026-03-10')).toEqual([]);
    expect(issuesFor({ siMonthsSince2014: 145 }, '2026-03-10')).toEqual([{ path: 'siMonthsSince2014', message: 'errors.moreThanSince2014' }]);
    // Period 2026-2 counts to 2026-06-30: six more months.
    expect(issuesFor({ applicationPeriod: '2026-2', siMonthsSince2014: 150 }, '2026-03-10')).toEqual([]);
  });

  it('the eligibility counts cannot exceed the insured months', () => {
    expect(issuesFor({ siPensionMonths: 10, siMedicalMonths: 11, siMonthsLast12: 12 }, '2026-03-10')).toEqual([
      { path: 'siMonthsLast12', message: 'errors.moreThanTotal' },
    ]);
    expect(issuesFor({ siPensionMonths: 30, siMonthsSince2014: 36 }, '2026-03-10')).toEqual([
      { path: 'siMonthsSince2014', message: 'errors.moreThanTotal' },
    ]);
  });

  it('rented months cannot overlap the months a home was owned', () => {
    // Born 2000-01-01: 120 months since 16 at 2025-12-31; a home from 2021-01-01 is owned 60 of them.
    const facts = { birthDate: '2000-01-01', homes: [{ district: 'nankai', ownedFrom: '2021-01-01' }] };
    expect(issuesFor({ ...facts, rentMonths: 60 }, '2026-03-10')).toEqual([]);
    expect(issuesFor({ ...facts, rentMonths: 61 }, '2026-03-10')).toEqual([{ path: 'rentMonths', message: 'errors.rentOverlapsOwned' }]);
  });

  it('homes need a known district and a real date, and nothing else', () => {
    expect(pathsFor({ homes: [{ district: 'pudong', ownedFrom: '2020-01-01' }] }, '2026-03-10')).toContain('homes.0.district');
    expect(pathsFor({ homes: [{ district: 'hexi', ownedFrom: '2020-02-30' }] }, '2026-03-10')).toContain('homes.0.ownedFrom');
    expect(pathsFor({ homes: [{ district: 'hexi', ownedFrom: '2020-01-01', area: 90 }] }, '2026-03-10')).not.toEqual([]);
  });

  it.prop([caseArb, fc.constantFrom('bogus', 'siMonths', 'Education', 'age', 'points')], RUNS)('unknown keys', ({ asOf, facts }, key) => {
    expect(issuesFor({ ...facts, [key]: 1 }, asOf)).not.toEqual([]);
  });

  it.prop([asOfArb, fc.anything()], RUNS)('the cross-field checks never throw on malformed input', (asOf, junk) => {
    expect(() => checkTianjinFacts(junk as TianjinFacts, asOf)).not.toThrow();
    expect(() => checkTianjinFacts({ homes: [junk], endorsementDates: [junk], birthDate: junk } as unknown as TianjinFacts, asOf)).not.toThrow();
  });
});
