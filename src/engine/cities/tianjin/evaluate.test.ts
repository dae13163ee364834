import { addYears } from '../../core/dates';
import type { Line, ScoreResult } from '../../core/types';
import { evaluateTianjin } from './evaluate';
import { tianjinFactsAt, type TianjinFacts } from './facts';

const AS_OF = '2026-03-10';

/** Gate facts that pass for a young applicant. */
const gatesPass: TianjinFacts = {
  birthDate: '1995-06-15',
  residencePermit: true,
  tianjinEmployer: true,
  siMonthsLast12: 12,
  siPayingNow: true,
};

const allTypes = (months: number): TianjinFacts => ({
  siPensionMonths: months,
  siMedicalMonths: months,
  siUnemploymentMonths: months,
  siInjuryMonths: months,
  siMaternityMonths: months,
});

function line(result: ScoreResult, id: string): Line | undefined {
  return [...result.lines, ...result.deductions].find((l) => l.id === id);
}

function mustLine(result: ScoreResult, id: string): Line {
  const found = line(result, id);
  if (!found) throw new Error(`no line ${id} in ${[...result.lines, ...result.deductions].map((l) => l.id).join(', ')}`);
  return found;
}

const gate = (result: ScoreResult, id: string) => result.gates.find((g) => g.id === id)!;
const noticeKeys = (result: ScoreResult) => result.notices.map((n) => n.message.key);

describe('rule packs by date', () => {
  it('as-of date before 2022-01-01 is not modelled and gives no total', () => {
    const result = evaluateTianjin({ ...gatesPass, education: 'bachelorOrAbove' }, '2021-12-31');
    expect(result).toMatchObject({ status: 'notModelled', pack: null, total: null, verdict: 'notModelled', fixedDecimals: 2 });
    expect(result.lines).toEqual([]);
    expect(result.notices).toContainEqual({
      level: 'warning',
      message: { key: 'tianjin:notice.notModelled', params: { first: '2022-01-01' } },
    });
  });

  it('picks the pack in force on the as-of date (the submission date)', () => {
    const at = (asOf: string) => evaluateTianjin({}, asOf).pack?.id;
    expect(at('2022-01-01')).toBe('tianjin-2022');
    expect(at('2022-12-31')).toBe('tianjin-2022');
    expect(at('2023-01-01')).toBe('tianjin-2023');
    expect(at('2026-12-31')).toBe('tianjin-2023');
  });

  it('after 2026-12-31 uses the newest pack and says its end date was assumed', () => {
    const result = evaluateTianjin(gatesPass, '2027-01-05');
    expect(result.pack).toMatchObject({ id: 'tianjin-2023', asOfInValidity: false, validToAssumed: true });
    const warnings = result.notices.filter((n) => n.level === 'warning').map((n) => n.message);
    expect(warnings).toContainEqual({ key: 'rules:notice.packExpired', params: { validTo: '2026-12-31' } });
    expect(warnings).toContainEqual({ key: 'tianjin:notice.validityAssumed', params: { validTo: '2026-12-31' } });
  });

  it('does not warn about validity inside it', () => {
    const keys = noticeKeys(evaluateTianjin(gatesPass, '2026-12-31'));
    expect(keys).not.toContain('rules:notice.packExpired');
    expect(keys).not.toContain('tianjin:notice.validityAssumed');
  });

  it('the same home scores 11 a year in a ring district in 2022 and 12 from 2023', () => {
    const facts: TianjinFacts = { ...gatesPass, homes: [{ district: 'beichen', ownedFrom: '2015-01-01' }] };
    // 2022-1 counts to 2021-12-31: 7 full years; 2023-1 counts to 2022-12-31: 8 full years.
    expect(mustLine(evaluateTianjin(facts, '2022-03-01'), 'residence.ownedHome').points).toBe(77);
    expect(mustLine(evaluateTianjin(facts, '2023-03-01'), 'residence.ownedHome').points).toBe(96);
  });
});

describe('the result as a whole', () => {
  const full: TianjinFacts = {
    ...gatesPass,
    ...allTypes(40),
    fundMonths: 70,
    rentMonths: 30,
    endorsementDates: ['2023-01-10', '2024-01-10', '2025-01-10'],
    education: 'bachelorOrAbove',
    crimeSentenceEndDates: ['2024-01-01'],
  };

  it('reports 2 fixed decimals and a total equal to the sum of counted lines', () => {
    const result = evaluateTianjin(full, AS_OF);
    expect(result.fixedDecimals).toBe(2);
    const hundredths = [...result.lines, ...result.deductions]
      .filter((l) => l.counted)
      .reduce((s, l) => s + Math.round(l.points * 100), 0);
    expect(result.total).toBe(hundredths / 100);
    expect(result.scores).toHaveLength(1);
    expect(result.scores[0]).toMatchObject({ id: 'residencePermitPoints', total: result.total, threshold: 110, eligible: 'yes' });
  });

  it('compares the score with the published 2022 period-1 line, labelled and cited', () => {
    const [score] = evaluateTianjin(full, AS_OF).scores;
    expect(score!.comparisons).toEqual([
      expect.objectContaining({
        id: 'cutoff.2022-1',
        value: 110,
        label: { key: 'tianjin:score.publishedCutoff', params: { period: '2022-1' } },
        caveat: 'tianjin:caveat.publishedCutoff',
        citation: expect.objectContaining({ url: 'http://www.021shhk.com/html/zixunneirong/bszn/67363.html' }),
      }),
    ]);
  });

  it('explains that there is no quota and later lines were not found', () => {
    const notice = evaluateTianjin(full, AS_OF).notices.find((n) => n.message.key === 'tianjin:notice.noQuota');
    expect(notice?.message.params).toEqual({ guidance: 110, period: '2022-1', lowest: '110.00', highest: '843.66' });
  });

  it('verdict is reached at exactly 110.00 and not at 109.99-level totals', () => {
    const base: TianjinFacts = { ...gatesPass, ...allTypes(36), fundMonths: 0, education: 'bachelorOrAbove' };
    // 66 + 0 + 10 + 20 = 96; rent 28 mo = 14 → 110.
    expect(evaluateTianjin({ ...base, rentMonths: 28 }, AS_OF)).toMatchObject({ total: 110, verdict: 'reached' });
    // rent 27 mo = 13.50 → 109.50.
    expect(evaluateTianjin({ ...base, rentMonths: 27 }, AS_OF)).toMatchObject({ total: 109.5, verdict: 'notReached' });
  });

  it('never changes the facts it is given and is deterministic', () => {
    const facts = structuredClone(full);
    const first = evaluateTianjin(facts, AS_OF);
    expect(evaluateTianjin(facts, AS_OF)).toEqual(first);
    expect(facts).toEqual(full);
  });

  it('lines carry citations and the monthly lines a rounding caveat', () => {
    const result = evaluateTianjin(full, AS_OF);
    for (const l of [...result.lines, ...result.deductions]) expect(l.citation.url, l.id).toMatch(/^https?:\/\//);
    expect(mustLine(result, 'socialInsurance.pension').caveat).toBe('tianjin:caveat.monthlyRounding');
    expect(mustLine(result, 'housingFund').caveat).toBe('tianjin:caveat.monthlyRounding');
    expect(mustLine(result, 'deduction.crime').caveat).toBe('tianjin:caveat.crime');
  });

  it('explains a two-phase line with the points of each phase', () => {
    const message = mustLine(evaluateTianjin(full, AS_OF), 'socialInsurance.medical').message;
    expect(message).toEqual({
      key: 'tianjin:line.accrualPhased',
      params: {
        months: 40,
        threshold: 36,
        yearly1: 3,
        points1: '9.00',
        months2: 4,
        yearly2: 4,
        years2: 0,
        rest2: 4,
        monthly2: '0.33',
        points2: '1.32',
        points: '10.32',
      },
    });
  });
});

describe('eligibility gates (decision 8)', () => {
  it('lists the five conditions in order', () => {
    expect(evaluateTianjin(gatesPass, AS_OF).gates.map((g) => g.id)).toEqual([
      'residencePermit',
      'tianjinEmployer',
      'siHistory',
      'siPayingNow',
      'retirement',
    ]);
    expect(evaluateTianjin(gatesPass, AS_OF).eligible).toBe('yes');
  });

  it('a no on any answer makes the person not eligible, without hiding the points', () => {
    for (const key of ['residencePermit', 'tianjinEmployer', 'siPayingNow'] as const) {
      const result = evaluateTianjin({ ...gatesPass, [key]: false, education: 'bachelorOrAbove' }, AS_OF);
      expect(result.eligible, key).toBe('no');
      expect(gate(result, key).status).toBe('fail');
      expect(result.total).toBe(30);
    }
  });

  it('social insurance: all 12 of the last 12 months, or 36 since 2014', () => {
    const si = (last12: number | undefined, since: number | undefined) =>
      gate(evaluateTianjin({ ...gatesPass, ...allTypes(60), siMonthsLast12: last12, siMonthsSince2014: since }, AS_OF), 'siHistory');
    expect(si(12, undefined)).toMatchObject({ status: 'pass', reason: { key: 'tianjin:gate.siHistoryContinuous' } });
    expect(si(8, 36)).toMatchObject({ status: 'pass', reason: { key: 'tianjin:gate.siHistoryCumulative' } });
    expect(si(8, 35)).toMatchObject({ status: 'fail', reason: { key: 'tianjin:gate.siHistoryShort' } });
    expect(si(11, undefined)).toMatchObject({ status: 'unknown', reason: { key: 'tianjin:gate.siHistoryNeedCumulative' } });
    expect(si(undefined, 40)).toMatchObject({ status: 'pass' });
    expect(si(undefined, 20)).toMatchObject({ status: 'unknown', reason: { key: 'rules:gate.notAnswered' } });
  });

  it('asks for the months since 2014 only when the last year is not complete', () => {
    const missingOf = (facts: TianjinFacts) => evaluateTianjin(facts, AS_OF).missing;
    expect(missingOf({ ...gatesPass, siMonthsLast12: 11 })).toContain('siMonthsSince2014');
    expect(missingOf({ ...gatesPass, siMonthsLast12: 12 })).not.toContain('siMonthsSince2014');
  });

  it('retirement: under 50 passes without asking sex; the gate is measured on the as-of date', () => {
    const young = evaluateTianjin({ ...gatesPass, birthDate: addYears(AS_OF, -49) }, AS_OF);
    expect(gate(young, 'retirement')).toMatchObject({ status: 'pass', caveat: 'tianjin:caveat.retirementNational' });
    expect(young.missing).not.toContain('sex');
    // At 50 a woman in a production post born in March 1976 retires at 50 years 8 months: still below.
    expect(gate(evaluateTianjin({ ...gatesPass, birthDate: addYears(AS_OF, -50) }, AS_OF), 'retirement').status).toBe('pass');
    // Born 1974-06: 50 for a production post (before the reform), 60 for a man → depends on sex.
    const fiftyOne = evaluateTianjin({ ...gatesPass, birthDate: '1974-06-01' }, AS_OF);
    expect(gate(fiftyOne, 'retirement')).toMatchObject({ status: 'unknown', reason: { key: 'tianjin:gate.retirementNeedSex' } });
    expect(fiftyOne.missing).toContain('sex');
  });

  it('retirement: a man over 63 fails whatever the schedule, a woman of 57 depends on her post', () => {
    expect(gate(evaluateTianjin({ ...gatesPass, birthDate: '1960-01-01', sex: 'male' }, AS_OF), 'retirement').status).toBe('fail');
    expect(gate(evaluateTianjin({ ...gatesPass, birthDate: '1960-01-01' }, AS_OF), 'retirement')).toMatchObject({
      status: 'fail',
      reason: { key: 'tianjin:gate.retirementReachedAll' },
    });
    const woman = { ...gatesPass, birthDate: '1969-01-01', sex: 'female' } as const;
    // Cadre: born 1969, original date 2024 → 55, reached 2024-01-01. Worker: 50, reached 2019.
    expect(gate(evaluateTianjin({ ...woman, femalePostType: 'cadre' }, AS_OF), 'retirement').status).toBe('fail');
    const born1972 = { ...gatesPass, birthDate: '1972-06-01', sex: 'female' } as const;
    // Cadre: original 2027-06 → 30 months after 2025-01 → +8 months → 55y8m, reached 2028-02-01 → below.
    expect(gate(evaluateTianjin({ ...born1972, femalePostType: 'cadre' }, AS_OF), 'retirement')).toMatchObject({
      status: 'pass',
      reason: { key: 'tianjin:gate.retirementBelow', params: { years: 55, months: 8, date: '2028-02-01' } },
    });
    expect(gate(evaluateTianjin(born1972, AS_OF), 'retirement')).toMatchObject({
      status: 'unknown',
      reason: { key: 'tianjin:gate.retirementNeedPostType' },
    });
  });
});

describe('indicators', () => {
  it('age is taken on the submission date: 35 → 10, 36 → 5, 45 → 5, 46 → 0', () => {
    const ageOn = (age: number, birthdayToday: boolean) => {
      const birthDate = birthdayToday ? addYears(AS_OF, -age) : addYears('2026-03-11', -(age + 1));
      return mustLine(evaluateTianjin({ ...gatesPass, birthDate }, AS_OF), 'age').points;
    };
    expect([35, 36, 45, 46].map((a) => ageOn(a, true))).toEqual([10, 5, 5, 0]);
    // One day before the 36th birthday the person is still 35.
    expect(ageOn(35, false)).toBe(10);
  });

  it('education: master’s and doctorate are not offered; bachelor’s or above 20, junior college 10', () => {
    const edu = (education: TianjinFacts['education']) => mustLine(evaluateTianjin({ ...gatesPass, education }, AS_OF), 'education').points;
    expect([edu('none'), edu('juniorCollege'), edu('advancedTechnicalClass'), edu('bachelorOrAbove')]).toEqual([0, 10, 10, 20]);
  });

  it('qualification and skill level form one line with the higher value', () => {
    const q = (profQualification: TianjinFacts['profQualification'], skillLevel: TianjinFacts['skillLevel']) =>
      line(evaluateTianjin({ ...gatesPass, profQualification, skillLevel }, AS_OF), 'qualification');
    expect(q('junior', 'seniorTechnician')?.points).toBe(30);
    expect(q('senior', 'juniorWorker')?.points).toBe(30);
    expect(q('none', 'juniorWorker')?.points).toBe(5);
    expect(q('none', 'none')).toBeUndefined();
    expect(q(undefined, undefined)).toBeUndefined();
    expect(q('intermediate', 'seniorWorker')?.message.key).toBe('tianjin:line.qualificationBoth');
  });

  it('a home bought after the cut-off shows but does not count yet', () => {
    const result = evaluateTianjin({ ...gatesPass, homes: [{ district: 'hexi', ownedFrom: '2026-01-20', newCommodity: true }] }, AS_OF);
    expect(mustLine(result, 'residence.ownedHome')).toMatchObject({
      counted: false,
      points: 0,
      notCountedReason: { key: 'tianjin:reason.afterCutoff', params: { cutoff: '2025-12-31' } },
    });
  });

  it('the new-home bonus is 15/25/25/30 by district group and only for new commodity housing', () => {
    const bonus = (district: 'heping' | 'jinnan' | 'baodi' | 'binhai', newCommodity: boolean) =>
      mustLine(evaluateTianjin({ ...gatesPass, homes: [{ district, ownedFrom: '2025-06-01', newCommodity }] }, AS_OF), 'residence.ownedHome').points;
    expect([bonus('heping', true), bonus('jinnan', true), bonus('baodi', true), bonus('binhai', true)]).toEqual([15, 25, 25, 30]);
    expect([bonus('heping', false), bonus('binhai', false)]).toEqual([0, 0]);
  });

  it('criminal records count from the submission date, not the cut-off', () => {
    // Sentence ended 2021-02-01: inside 5 years of the cut-off 2025-12-31 but not of the as-of date 2026-03-10.
    const result = evaluateTianjin({ ...gatesPass, crimeSentenceEndDates: ['2021-02-01'] }, AS_OF);
    expect(mustLine(result, 'deduction.crime.expired')).toMatchObject({ counted: false, points: -100 });
    expect(line(result, 'deduction.crime')).toBeUndefined();
  });

  it('negative points accumulate per record', () => {
    const result = evaluateTianjin(
      { ...gatesPass, crimeSentenceEndDates: ['2024-01-01', '2025-01-01'], falseInfoDates: ['2023-01-01', '2025-06-01'] },
      AS_OF,
    );
    expect(mustLine(result, 'deduction.crime').points).toBe(-200);
    expect(mustLine(result, 'deduction.falseInfo')).toMatchObject({ points: -60, caveat: 'tianjin:caveat.falseInfo' });
  });

  it('the marriage line asks for the date and the spouse’s months', () => {
    expect(evaluateTianjin({ ...gatesPass, married: true }, AS_OF).missing).toContain('marriageDate');
    expect(evaluateTianjin({ ...gatesPass, married: true, marriageDate: '2020-01-01' }, AS_OF).missing).toContain('spouseSiMonths');
    expect(mustLine(evaluateTianjin({ ...gatesPass, married: true, marriageDate: '2020-01-01', spouseSiMonths: 24 }, AS_OF), 'marriage').counted).toBe(true);
    expect(line(evaluateTianjin({ ...gatesPass, married: false, spouseSiMonths: 50 }, AS_OF), 'marriage')).toBeUndefined();
  });

  it('an unavailable period passed directly falls back to the default one', () => {
    const result = evaluateTianjin({ ...gatesPass, applicationPeriod: '2020-1' }, AS_OF);
    expect(noticeKeys(result)).toContain('tianjin:notice.periodDefault');
    expect(tianjinFactsAt(AS_OF).safeParse({ applicationPeriod: '2020-1' }).success).toBe(false);
  });
});
