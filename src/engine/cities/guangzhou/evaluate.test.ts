import type { Line, ScoreResult, ScoreSummary } from '../../core/types';
import { agePoints, evaluateGuangzhou, shown } from './evaluate';
import { guangzhouFactsAt, type GuangzhouFacts } from './facts';
import { guangzhouPacks } from './packs';
import { isBirthday, previousDay, roundContext } from './rounds';

const AS_OF = '2025-10-15';
const ROUND = 2025;
const CUTOFF = '2025-09-30';

const allInsurance = (months: number): GuangzhouFacts => ({
  pensionMonths: months,
  medicalMonths: months,
  unemploymentMonths: months,
  workInjuryMonths: months,
  maternityMonths: months,
});

/** Facts that pass every 入户 gate of the 2025 round. */
const gatesPass: GuangzhouFacts = {
  roundYear: ROUND,
  birthDate: '1990-01-01',
  residencePermit: true,
  employedInGuangzhou: true,
  ...allInsurance(60),
};

function allLines(result: ScoreResult): Line[] {
  return [...result.lines, ...result.deductions];
}

function line(result: ScoreResult, id: string): Line | undefined {
  return allLines(result).find((l) => l.id === id);
}

function mustLine(result: ScoreResult, id: string): Line {
  const found = line(result, id);
  if (!found) throw new Error(`no line ${id} in ${allLines(result).map((l) => l.id).join(', ')}`);
  return found;
}

function score(result: ScoreResult, id: string): ScoreSummary {
  const found = result.scores.find((s) => s.id === id);
  if (!found) throw new Error(`no score ${id}`);
  return found;
}

const at = (facts: GuangzhouFacts, asOf = AS_OF) => evaluateGuangzhou({ roundYear: ROUND, ...facts }, asOf);

describe('rule packs by date', () => {
  it('before 2018-07-01 nothing is modelled and there is no total', () => {
    const result = evaluateGuangzhou({ birthDate: '1990-01-01' }, '2018-06-30');
    expect(result).toMatchObject({ status: 'notModelled', pack: null, total: null, verdict: 'notModelled', scores: [], lines: [] });
    expect(result.notices).toEqual([
      { level: 'warning', message: { key: 'guangzhou:notice.notModelled', params: { first: '2018-07-01' } } },
    ]);
  });

  it('picks the table in force on the as-of date', () => {
    const pack = (asOf: string) => evaluateGuangzhou({}, asOf).pack?.id;
    expect(pack('2018-07-01')).toBe('guangzhou-2018');
    expect(pack('2021-11-15')).toBe('guangzhou-2018');
    expect(pack('2021-11-16')).toBe('guangzhou-2021');
    expect(pack('2026-11-16')).toBe('guangzhou-2021');
  });

  it('on 2026-11-16 the 2021 table is still in force; the day after it says plainly that it expired', () => {
    const keys = (asOf: string) => evaluateGuangzhou({}, asOf).notices.map((n) => n.message.key);
    expect(keys('2026-11-16')).not.toContain('guangzhou:notice.noNewerTable');
    const after = evaluateGuangzhou({ birthDate: '1990-01-01' }, '2026-11-17');
    expect(after.status).toBe('scored');
    expect(after.pack).toMatchObject({ id: 'guangzhou-2021', asOfInValidity: false, validTo: '2026-11-16' });
    const warnings = after.notices.filter((n) => n.level === 'warning').map((n) => n.message);
    // One plain notice: the table expired and no newer one is included.
    expect(warnings).toEqual([{ key: 'guangzhou:notice.noNewerTable', params: { validTo: '2026-11-16' } }]);
    expect(mustLine(after, 'age').points).toBe(30);
  });

  it('cites the instrument of the table in force', () => {
    expect(mustLine(evaluateGuangzhou({ birthDate: '1990-01-01' }, '2020-01-01'), 'age').citation.instrument).toContain('试行');
    expect(mustLine(at({ birthDate: '1990-01-01' }), 'age').citation.instrument).toContain('穗府规〔2021〕7号');
  });
});

describe('the round and its material cut-off date', () => {
  it('defaults to the year of the as-of date and says so', () => {
    const result = evaluateGuangzhou({ birthDate: '1990-01-01' }, '2025-06-01');
    expect(result.notices.map((n) => n.message)).toEqual([
      { key: 'guangzhou:notice.referenceDate', params: { round: 2025, date: CUTOFF } },
      { key: 'guangzhou:notice.roundFromAsOf', params: { round: 2025 } },
    ]);
  });

  it('uses the published cut-off date where known, otherwise the earlier of the as-of date and 31 December', () => {
    expect(roundContext(2022, '2023-02-15', 5, 3).reference).toBe('2022-12-31');
    expect(roundContext(2023, '2023-10-20', 5, 3).reference).toBe('2023-09-30');
    expect(roundContext(2025, '2025-06-01', 5, 3).reference).toBe(CUTOFF);
    expect(roundContext(2024, '2024-10-20', 5, 3)).toMatchObject({ reference: '2024-10-20', referenceCite: null });
    expect(roundContext(2024, '2026-03-01', 5, 3).reference).toBe('2024-12-31');
    expect(roundContext(2026, '2026-12-01', 5, 3).reference).toBe('2026-12-01');
  });

  it('published windows and tax years where known; otherwise 5 years and 3 completed calendar years back', () => {
    expect(roundContext(2025, AS_OF, 5, 3)).toMatchObject({
      serviceWindow: { from: '2020-09-30', to: CUTOFF, published: true },
      taxYears: { fromYear: 2022, toYear: 2024, published: true },
    });
    expect(roundContext(2024, '2024-10-20', 5, 3)).toMatchObject({
      serviceWindow: { from: '2019-10-21', to: '2024-10-20', published: false },
      taxYears: { fromYear: 2021, toYear: 2023, published: false },
    });
    // The formula reproduces the published tax years of every round that has them.
    expect(roundContext(2024, '2024-12-31', 5, 3).taxYears).toMatchObject({ fromYear: 2022, toYear: 2024 });
  });

  it('the subset rule applies from the 2022 round', () => {
    expect(roundContext(2021, '2021-12-01', 5, 3).subsetRule).toBe(false);
    expect(roundContext(2022, '2023-02-15', 5, 3).subsetRule).toBe(true);
  });

  it('the birth-date cut-off: published for 2022–2024, inferred afterwards', () => {
    expect(roundContext(2024, '2024-10-20', 5, 3).birthCutoff).toMatchObject({ date: '1978-01-01', published: true });
    expect(roundContext(2025, AS_OF, 5, 3).birthCutoff).toMatchObject({ date: '1979-01-01', published: false });
  });

  it('the schema rejects a round after the as-of year or before 2018', () => {
    const issues = (facts: GuangzhouFacts, asOf: string) => {
      const parsed = guangzhouFactsAt(asOf).safeParse(facts);
      return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
    };
    expect(issues({ roundYear: 2026 }, '2025-12-31')).toEqual([['roundYear', 'errors.roundYear']]);
    expect(issues({ roundYear: 2017 }, '2025-12-31')).toEqual([['roundYear', 'errors.roundYear']]);
    expect(issues({ roundYear: 2025 }, '2025-01-01')).toEqual([]);
  });
});

describe('age (decisions 1 and 5)', () => {
  const rule2021 = guangzhouPacks[1]!.params.age.value;
  const rule2018 = guangzhouPacks[0]!.params.age.value;

  it('2021: 30 up to the 40th birthday; then 2 fewer for each started year; floor 0', () => {
    const cases: [string, number][] = [
      ['2007-09-30', 30], // 18 on the day
      ['1985-09-30', 30], // 40th birthday on the cut-off
      ['1985-09-29', 28], // 40 and a day
      ['1984-10-01', 28], // 40 years 364 days
      ['1984-09-30', 28], // 41st birthday: 1 full year over 40
      ['1984-09-29', 26], // 41 and a day
      ['1982-07-30', 22], // 43 years 2 months (T4)
      ['1982-09-30', 24], // exactly 43
      ['1971-09-30', 2], // exactly 54
      ['1971-09-29', 0], // 54 and a day
      ['1960-01-01', 0],
    ];
    for (const [birth, points] of cases) expect(agePoints(birth, CUTOFF, rule2021).points, birth).toBe(points);
  });

  it('2021: under 18 gets no age points', () => {
    expect(agePoints('2007-10-01', CUTOFF, rule2021)).toMatchObject({ age: 17, points: 0 });
    expect(mustLine(at({ birthDate: '2008-01-01' }), 'age').message.key).toBe('guangzhou:line.ageUnder');
  });

  it('a 29 February birthday is reached on 1 March in common years', () => {
    expect(isBirthday('1984-02-29', '2025-03-01')).toBe(true);
    expect(isBirthday('1984-02-29', '2025-02-28')).toBe(false);
    expect(isBirthday('1984-02-29', '2024-02-29')).toBe(true);
    expect(agePoints('1984-02-29', '2024-02-29', rule2021).points).toBe(30);
    expect(agePoints('1984-02-29', '2025-02-28', rule2021).points).toBe(28);
    expect(agePoints('1984-02-29', '2025-03-01', rule2021).points).toBe(28);
    expect(agePoints('1984-02-29', '2025-03-02', rule2021).points).toBe(26);
    expect(previousDay('2025-03-01')).toBe('2025-02-28');
    expect(previousDay('2024-01-01')).toBe('2023-12-31');
  });

  it('2018: completed-year brackets 18–30 → 30, 31–40 → 20, 41–45 → 10, otherwise 0', () => {
    const on = '2020-10-01';
    const born = (age: number) => `${2020 - age}-10-01`;
    const table: [number, number][] = [[17, 0], [18, 30], [30, 30], [31, 20], [40, 20], [41, 10], [45, 10], [46, 0]];
    for (const [age, points] of table) expect(agePoints(born(age), on, rule2018).points, `age ${age}`).toBe(points);
    // The day before the 31st birthday is still 30.
    expect(agePoints('1989-10-02', on, rule2018).points).toBe(30);
  });

  it('age is taken on the cut-off date, not the as-of date', () => {
    // 39 on the as-of date 2025-06-01, 40 and 3 months on 2025-09-30.
    expect(mustLine(evaluateGuangzhou({ birthDate: '1985-07-01' }, '2025-06-01'), 'age').points).toBe(28);
    expect(mustLine(evaluateGuangzhou({ roundYear: 2024, birthDate: '1985-07-01' }, '2025-06-01'), 'age').points).toBe(30);
  });
});

describe('housing (decision 10)', () => {
  it('property or rental, the higher counts; a tie counts the property', () => {
    const tie = at({ ownsProperty: true, rentalMonths: 60 });
    expect(mustLine(tie, 'housing.property')).toMatchObject({ counted: true, points: 20 });
    expect(mustLine(tie, 'housing.rental')).toMatchObject({ counted: false, points: 20 });
    expect(mustLine(tie, 'housing.rental').notCountedReason).toEqual({
      key: 'guangzhou:reason.housingPickOne',
      params: { other: 20, otherId: 'housing.property' },
    });
  });

  it('2018: rental can beat a plain property only when it is higher; the outer-district property adds 5', () => {
    const plain = evaluateGuangzhou({ ownsProperty: true, rentalMonths: 72 }, '2020-01-01');
    expect(mustLine(plain, 'housing.property')).toMatchObject({ counted: true, points: 10 });
    expect(mustLine(plain, 'housing.rental')).toMatchObject({ counted: false, points: 10 });
    const outer = evaluateGuangzhou({ ownsProperty: true, propertyInConghuaOrZengcheng: true }, '2020-01-01');
    expect(mustLine(outer, 'housing.property')).toMatchObject({ counted: true, points: 15 });
    // No district bonus from 2021.
    expect(mustLine(at({ ownsProperty: true, propertyInConghuaOrZengcheng: true }), 'housing.property').points).toBe(20);
    const rentalWins = evaluateGuangzhou({ ownsProperty: true, rentalMonths: 72 }, '2020-01-01');
    expect(rentalWins.lines.filter((l) => l.id.startsWith('housing.') && l.counted)).toHaveLength(1);
  });

  it('moving out of the central districts adds to housing, 2 per full year, cap 10', () => {
    const pts = (months: number) => mustLine(at({ ownsProperty: true, movedOutMonths: months }), 'movedOut').points;
    expect([pts(11), pts(12), pts(59), pts(60), pts(200)]).toEqual([0, 2, 8, 10, 10]);
    expect(line(at({ movedOutMonths: 0 }), 'movedOut')).toBeUndefined();
  });

  it('rental: 5 per full year, cap 20', () => {
    const pts = (months: number) => mustLine(at({ ownsProperty: false, rentalMonths: months }), 'housing.rental').points;
    expect([pts(0), pts(11), pts(12), pts(47), pts(48), pts(120)]).toEqual([0, 0, 5, 15, 20, 20]);
  });
});

describe('basic indicators', () => {
  it('residence permit: 8 per full year without a cap (2018: 3)', () => {
    expect(mustLine(at({ residencePermitMonths: 240 }), 'residencePermit').points).toBe(160);
    expect(mustLine(evaluateGuangzhou({ residencePermitMonths: 240 }, '2020-01-01'), 'residencePermit').points).toBe(60);
  });

  it('social insurance: 2 per full year of each type, summed; unknown types count 0 and are listed', () => {
    const partial = at({ pensionMonths: 30, medicalMonths: 25 });
    expect(mustLine(partial, 'insurance')).toMatchObject({ counted: true, points: 8 });
    expect(mustLine(partial, 'insurance').message.key).toBe('guangzhou:line.insurancePartial');
    expect(partial.missing).toEqual(expect.arrayContaining(['unemploymentMonths', 'workInjuryMonths', 'maternityMonths']));
    expect(mustLine(at({ ...allInsurance(100) }), 'insurance').points).toBe(80);
  });

  it('housing fund: 2 per full year from 2021; not scored in 2018', () => {
    expect(mustLine(at({ housingFundMonths: 95 }), 'housingFund').points).toBe(14);
    const old = evaluateGuangzhou({ housingFundMonths: 95 }, '2020-01-01');
    expect(mustLine(old, 'housingFund')).toMatchObject({ counted: false, points: 0 });
    expect(line(evaluateGuangzhou({}, '2020-01-01'), 'housingFund')).toBeUndefined();
    expect(evaluateGuangzhou({}, '2020-01-01').missing).not.toContain('housingFundMonths');
  });

  it('education: basic in 2018 (50/35/20), bonus in 2021 (30/20/10)', () => {
    const edu = (asOf: string, level: GuangzhouFacts['education']) => mustLine(evaluateGuangzhou({ education: level }, asOf), 'education');
    expect(['bachelorOrHigher', 'juniorCollege', 'highSchool', 'belowHighSchool'].map((l) => edu('2020-01-01', l as never).points)).toEqual([50, 35, 20, 0]);
    expect(['bachelorOrHigher', 'juniorCollege', 'highSchool', 'belowHighSchool'].map((l) => edu(AS_OF, l as never).points)).toEqual([30, 20, 10, 0]);
    expect(edu('2020-01-01', 'highSchool').category).toBe('basic');
    expect(edu(AS_OF, 'highSchool').category).toBe('bonus');
  });
});

describe('technical ability (decision 3)', () => {
  it('the highest certificate tier plus the working-in-field bonus', () => {
    const tech = (facts: GuangzhouFacts, asOf = AS_OF) => line(evaluateGuangzhou({ roundYear: Number(asOf.slice(0, 4)), ...facts }, asOf), 'technicalAbility');
    expect(tech({ technicalLevel: 'intermediateTitle', worksInCertifiedOccupation: true })?.points).toBe(25);
    expect(tech({ technicalLevel: 'technician' })?.points).toBe(20);
    expect(tech({ technicalLevel: 'juniorTitle', worksInCertifiedOccupation: true })?.points).toBe(15);
    expect(tech({ technicalLevel: 'workerTech4' })?.points).toBe(5);
    expect(tech({ technicalLevel: 'none' })).toBeUndefined();
    expect(tech({ technicalLevel: 'none', worksInCertifiedOccupation: true })).toMatchObject({ counted: false, points: 0 });
    expect(tech({ technicalLevel: 'skillIntermediate', worksInCertifiedOccupation: true }, '2019-10-01')?.points).toBe(20);
    expect(tech({ technicalLevel: 'skillSenior', worksInCertifiedOccupation: true }, '2019-10-01')?.points).toBe(30);
    expect(tech({ technicalLevel: 'intermediateTitle', worksInCertifiedOccupation: true }, '2019-10-01')?.points).toBe(40);
  });
});

describe('patents (decision 2)', () => {
  const patent = (inventors: number, grantDate = '2023-01-01', kind: 'invention' | 'utility' | 'design' = 'invention', firstInventor?: boolean) => ({
    kind,
    inventors,
    grantDate,
    ...(firstInventor !== undefined ? { firstInventor } : {}),
  });

  it('2021: 20/n per invention, exact fractions, shown with 2 decimals', () => {
    const result = at({ patents: [patent(3)] });
    const invention = mustLine(result, 'patent.invention');
    expect(invention.points).toBe(20 / 3);
    expect(invention.message).toEqual({ key: 'guangzhou:line.patentOne', params: { points: '6.67' } });
    const two = mustLine(at({ patents: [patent(3), patent(3), patent(3)] }), 'patent.invention');
    expect(two.points).toBe(20);
    expect(two.message.params).toMatchObject({ parts: '6.67 + 6.67 + 6.67', points: 20 });
  });

  it('the first-inventor share exists only in 2018', () => {
    expect(mustLine(at({ patents: [patent(4, '2023-01-01', 'invention', true)] }), 'patent.invention').points).toBe(5);
    const old = evaluateGuangzhou({ patents: [patent(4, '2019-01-01', 'invention', true)] }, '2020-10-01');
    expect(mustLine(old, 'patent.invention').points).toBe(8);
    const notFirst = evaluateGuangzhou({ patents: [patent(4, '2019-01-01', 'invention', false)] }, '2020-10-01');
    expect(mustLine(notFirst, 'patent.invention').points).toBe(4);
  });

  it('caps apply after summing: invention 40, utility 20', () => {
    const many = at({ patents: [patent(1), patent(1), patent(2), patent(1, '2023-01-01', 'utility'), patent(1, '2023-01-01', 'utility'), patent(3, '2023-01-01', 'utility')] });
    expect(mustLine(many, 'patent.invention')).toMatchObject({ points: 40, cap: 40 });
    expect(mustLine(many, 'patent.invention').message).toEqual({
      key: 'guangzhou:line.patentsCapped',
      params: { count: 3, parts: '20 + 20 + 10', sum: 50, points: 40 },
    });
    expect(mustLine(many, 'patent.utility')).toMatchObject({ points: 20, cap: 20 });
  });

  it('only patents granted inside the round window count', () => {
    const result = at({ patents: [patent(1, '2020-09-29'), patent(1, '2020-09-30'), patent(1, '2025-09-30')] });
    expect(mustLine(result, 'patent.invention').points).toBe(40);
    const none = mustLine(at({ patents: [patent(1, '2020-09-29')] }), 'patent.invention');
    expect(none).toMatchObject({ counted: false, points: 0 });
    expect(none.notCountedReason).toEqual({ key: 'guangzhou:reason.outsideWindow', params: { from: '2020-09-30', to: CUTOFF } });
    // Granted after the cut-off date: not in this round's materials.
    expect(mustLine(at({ patents: [patent(1, '2025-10-01')] }), 'patent.invention').counted).toBe(false);
  });

  it('design patents: 5/(n+1) in 2018; removed in 2021', () => {
    expect(mustLine(evaluateGuangzhou({ patents: [patent(1, '2019-01-01', 'design')] }, '2020-10-01'), 'patent.design').points).toBe(2.5);
    const removed = mustLine(at({ patents: [patent(1, '2023-01-01', 'design')] }), 'patent.design');
    expect(removed).toMatchObject({ counted: false, points: 0 });
    expect(removed.notCountedReason?.key).toBe('guangzhou:reason.designRemoved');
  });

  it('shown() keeps whole numbers and rounds the rest to 2 decimals', () => {
    expect([shown(20), shown(20 / 3), shown(2.5), shown(50 / 3)]).toEqual([20, '6.67', '2.50', '16.67']);
  });
});

describe('occupation, social service, tax and awards', () => {
  it('front line: 10 + 5 per full year, extra cap 20 (2018: 30); shortage list 10 (2018: 20)', () => {
    const front = (months: number, asOf = AS_OF) => mustLine(evaluateGuangzhou({ frontLineMonths: months }, asOf), 'frontLine').points;
    expect([front(1), front(12), front(48), front(60), front(240)]).toEqual([10, 15, 30, 30, 30]);
    expect([front(60, '2020-01-01'), front(72, '2020-01-01'), front(240, '2020-01-01')]).toEqual([35, 40, 40]);
    expect(mustLine(at({ shortageOccupation: true }), 'shortageOccupation').points).toBe(10);
    expect(line(at({ shortageOccupation: false }), 'shortageOccupation')).toBeUndefined();
  });

  it('blood: 2 each in the window, cap 10, no yearly limit in 2021; 2 a year in 2018', () => {
    const sameYear = ['2024-01-01', '2024-05-01', '2024-09-01'];
    expect(mustLine(at({ bloodDonationDates: sameYear }), 'bloodDonation').points).toBe(6);
    expect(mustLine(at({ bloodDonationDates: [...sameYear, '2023-01-01', '2023-05-01', '2022-01-01'] }), 'bloodDonation').points).toBe(10);
    const old = evaluateGuangzhou({ bloodDonationDates: ['2019-01-01', '2019-05-01', '2019-09-01'] }, '2020-10-01');
    expect(mustLine(old, 'bloodDonation').points).toBe(2);
    const outside = mustLine(at({ bloodDonationDates: ['2019-01-01'] }), 'bloodDonation');
    expect(outside).toMatchObject({ counted: false, points: 0 });
  });

  it('volunteering: per calendar year 2 per full 50 hours, at most 2 a year, cap 10', () => {
    const vol = (hours: number) => mustLine(at({ volunteerHours: [{ year: 2024, hours }] }), 'volunteering').points;
    expect([vol(49), vol(50), vol(99.5), vol(200)]).toEqual([0, 2, 2, 2]);
    const split = at({ volunteerHours: [{ year: 2024, hours: 30 }, { year: 2024, hours: 30 }] });
    expect(mustLine(split, 'volunteering').points).toBe(2);
    const old = (hours: number) =>
      mustLine(evaluateGuangzhou({ volunteerHours: [{ year: 2019, hours }] }, '2020-10-01'), 'volunteering').points;
    expect([old(49), old(50), old(100), old(150)]).toEqual([0, 1, 2, 2]);
    const outside = mustLine(at({ volunteerHours: [{ year: 2019, hours: 500 }] }), 'volunteering');
    expect(outside.notCountedReason).toEqual({ key: 'guangzhou:reason.outsideYears', params: { fromYear: 2020, toYear: 2025 } });
  });

  it('tax tiers: lower bounds inclusive; income and company tax add up; provisional caveat in 2021', () => {
    const income = (yuan: number) => mustLine(at({ incomeTax: [{ year: 2023, yuan }] }), 'tax.income');
    expect(income(9_999)).toMatchObject({ counted: false, points: 0 });
    expect(income(9_999).notCountedReason?.key).toBe('guangzhou:reason.taxBelow');
    expect([10_000, 29_999, 30_000, 59_999, 60_000, 1e6].map((y) => income(y).points)).toEqual([4, 4, 8, 8, 12, 12]);
    const company = (yuan: number) => mustLine(at({ companyTax: [{ year: 2022, yuan }] }), 'tax.company').points;
    expect([50_000, 100_000, 200_000].map(company)).toEqual([4, 8, 12]);
    expect(income(60_000).caveat).toBe('guangzhou:caveat.taxProvisional');
    const both = at({ incomeTax: [{ year: 2022, yuan: 60_000 }], companyTax: [{ year: 2024, yuan: 200_000 }] });
    expect(score(both, 'services').total! - mustLine(both, 'age').points).toBe(24);
  });

  it('awards: different awards add up; merits 20+5, 10+2, 5+1; military merits not scored in 2018', () => {
    const awards = (list: GuangzhouFacts['awards'], asOf = AS_OF) => mustLine(evaluateGuangzhou({ awards: list }, asOf), 'awards');
    expect(awards(['national', 'provincial', 'municipal', 'district']).points).toBe(65);
    expect(awards(['meritFirstClass', 'meritFirstClass', 'meritFirstClass']).points).toBe(30);
    expect(awards(['meritSecondClass', 'meritSecondClass']).points).toBe(12);
    expect(awards(['militaryHonour']).points).toBe(30);
    expect(awards(['municipal', 'meritFirstClass'], '2020-01-01')).toMatchObject({ counted: true, points: 10 });
    expect(awards(['meritFirstClass'], '2020-01-01')).toMatchObject({ counted: false, points: 0 });
  });
});

describe('deductions and the floor (decision 9)', () => {
  it('5-year windows end on the cut-off date; the exact anniversary is outside', () => {
    const result = at({ birthDate: '1990-01-01', publicSecurityPenaltyDates: ['2020-09-30', '2020-10-01'] });
    expect(mustLine(result, 'deduction.publicSecurity')).toMatchObject({ counted: true, points: -10 });
    expect(mustLine(result, 'deduction.publicSecurity.expired')).toMatchObject({ counted: false, points: -10 });
    expect(mustLine(result, 'deduction.publicSecurity.expired').notCountedReason).toEqual({
      key: 'rules:reason.windowPassed',
      params: { years: 5 },
    });
  });

  it('a record after the cut-off date is not in this round', () => {
    const result = evaluateGuangzhou({ roundYear: 2022, taxEvasionDates: ['2023-01-10'] }, '2023-02-15');
    expect(line(result, 'deduction.taxEvasion')).toBeUndefined();
    expect(mustLine(result, 'deduction.taxEvasion.expired').notCountedReason).toEqual({
      key: 'guangzhou:reason.outsideWindow',
      params: { from: '2018-01-01', to: '2022-12-31' },
    });
  });

  it('deductions are uncapped, totals floored at 0, and school places ignore them', () => {
    const result = at({ birthDate: '1990-01-01', badCreditCases: 10 });
    expect(mustLine(result, 'deduction.badCredit').points).toBe(-100);
    expect(score(result, 'services').total).toBe(0);
    expect(score(result, 'hukou').total).toBe(0);
    expect(score(result, 'school').total).toBe(30);
    expect(score(result, 'school').lineIds).not.toContain('deduction.badCredit');
    expect(evaluateGuangzhou({ badCreditCases: 1 }, '2020-01-01').deductions[0]!.points).toBe(-5);
  });
});

describe('积分制入户 gates (§3.1, decisions 7 and 8)', () => {
  it('from the 2022 round: employment, age, permit, insurance, criminal punishment', () => {
    const result = at(gatesPass);
    expect(result.gates.map((g) => [g.id, g.status])).toEqual([
      ['employedInGuangzhou', 'pass'],
      ['age', 'pass'],
      ['residencePermit', 'pass'],
      ['insurance', 'pass'],
      ['criminalPunishment', 'pass'],
    ]);
    expect(result.eligible).toBe('yes');
    expect(score(result, 'hukou').gateIds).toEqual(result.gates.map((g) => g.id));
    for (const id of ['ranking', 'services', 'school']) expect(score(result, id).gateIds).toEqual([]);
  });

  it('each insurance type needs 48 months; one short fails, one unknown leaves it unknown', () => {
    expect(at({ ...gatesPass, maternityMonths: 47 }).gates.find((g) => g.id === 'insurance')).toMatchObject({
      status: 'fail',
      reason: { key: 'guangzhou:gate.insuranceShort', params: { count: 1, type: 'maternity', months: 47, min: 48 } },
    });
    const { medicalMonths: _m, ...withoutMedical } = gatesPass;
    expect(at(withoutMedical).gates.find((g) => g.id === 'insurance')?.status).toBe('unknown');
    expect(at(withoutMedical).eligible).toBe('unknown');
    expect(at({ ...gatesPass, ...allInsurance(48) }).eligible).toBe('yes');
  });

  it('age: born on or after 1 January of round − 46; the inferred cut-off carries a caveat', () => {
    const age = (birthDate: string, roundYear = ROUND) => at({ ...gatesPass, roundYear, birthDate }).gates.find((g) => g.id === 'age')!;
    expect(age('1979-01-01').status).toBe('pass');
    expect(age('1978-12-31').status).toBe('fail');
    expect(age('1979-01-01').caveat).toBe('guangzhou:caveat.birthCutoffInferred');
    expect(age('1978-01-01', 2024)).toMatchObject({ status: 'pass' });
    expect(age('1978-01-01', 2024).caveat).toBeUndefined();
  });

  it('a criminal punishment in the 5 years before the cut-off fails; older ones do not', () => {
    const gate = (dates: string[]) => at({ ...gatesPass, criminalPunishmentDates: dates }).gates.find((g) => g.id === 'criminalPunishment')!;
    expect(gate(['2023-01-01'])).toMatchObject({ status: 'fail', reason: { key: 'guangzhou:gate.criminalFound', params: { date: '2023-01-01' } } });
    expect(gate(['2020-09-30'])).toMatchObject({ status: 'pass', reason: { key: 'guangzhou:gate.criminalOutside' } });
    expect(gate([])).toMatchObject({ status: 'pass', reason: { key: 'guangzhou:gate.criminalNone' } });
  });

  it('a failing gate does not hide the points', () => {
    const result = at({ ...gatesPass, employedInGuangzhou: false, education: 'bachelorOrHigher' });
    expect(result.eligible).toBe('no');
    expect(result.total).toBe(30 + 30 + 50);
  });

  it('before the 2022 round only the criminal bar of the table is checked', () => {
    const result = evaluateGuangzhou({ roundYear: 2021, criminalPunishmentDates: ['2020-01-01'] }, '2021-12-10');
    expect(result.gates.map((g) => [g.id, g.status])).toEqual([['criminalPunishment', 'fail']]);
    expect(result.gates[0]!.caveat).toBe('guangzhou:caveat.earlyRoundConditions');
    expect(result.eligible).toBe('no');
    expect(result.missing).not.toContain('employedInGuangzhou');
  });
});

describe('the four scores', () => {
  const rich: GuangzhouFacts = {
    ...gatesPass,
    residencePermitMonths: 60,
    ownsProperty: true,
    housingFundMonths: 60,
    education: 'bachelorOrHigher',
    technicalLevel: 'intermediateTitle',
    worksInCertifiedOccupation: true,
    patents: [
      { kind: 'invention', inventors: 3, grantDate: '2023-01-01' },
      { kind: 'utility', inventors: 1, grantDate: '2023-01-01' },
    ],
    publicSecurityPenaltyDates: ['2024-01-01'],
  };

  it('hukou first (the top-level total mirrors it), then ranking, services, school', () => {
    const result = at(rich);
    expect(result.scores.map((s) => s.id)).toEqual(['hukou', 'ranking', 'services', 'school']);
    const hukou = score(result, 'hukou');
    expect([result.total, result.threshold, result.verdict, result.eligible]).toEqual([hukou.total, 150, hukou.verdict, hukou.eligible]);
  });

  it('from the 2022 round the hukou table leaves out technical ability and utility-model patents', () => {
    const result = at(rich);
    const hukou = score(result, 'hukou');
    expect(hukou.lineIds).not.toContain('technicalAbility');
    expect(hukou.lineIds).not.toContain('patent.utility');
    expect(hukou.lineIds).toContain('patent.invention');
    expect(hukou.lineIds).toContain('deduction.publicSecurity');
    // basic 40 + 20 + 50 + 10 + 30 = 150; + education 30 + invention 20/3 − 10.
    expect(score(result, 'ranking').total).toBe(150);
    expect(hukou.total).toBeCloseTo(170 + 20 / 3, 9);
    expect(score(result, 'services').total).toBeCloseTo(170 + 20 / 3 + 25 + 10, 9);
    expect(score(result, 'school').total).toBeCloseTo(180 + 20 / 3 + 25 + 10, 9);
    expect(hukou.description?.key).toBe('guangzhou:score.hukouSubsetDescription');
  });

  it('before the 2022 round: full table ≥ 100, ranked by total', () => {
    const result = evaluateGuangzhou({ ...rich, roundYear: 2021, patents: [] }, '2021-12-10');
    const hukou = score(result, 'hukou');
    expect(hukou.threshold).toBe(100);
    expect(hukou.lineIds).toContain('technicalAbility');
    expect(hukou.description?.key).toBe('guangzhou:score.hukouFullDescription');
    const ranking = score(result, 'ranking');
    expect(ranking.label.key).toBe('guangzhou:score.rankingTotal');
    expect(ranking.total).toBe(hukou.total);
  });

  it('the ranking key is compared with the reported cut-off lines, each with year, scale and source', () => {
    const ranking = score(at(rich), 'ranking');
    expect(ranking.threshold).toBeNull();
    expect(ranking.comparisons?.map((c) => [c.label.params?.round, c.label.params?.scale, c.value])).toEqual([
      [2018, 'total', 169],
      [2019, 'total', 166],
      [2020, 'total', 179],
      [2021, 'total', 184],
      [2023, 'basic', 208],
    ]);
    for (const c of ranking.comparisons ?? []) {
      expect(c.citation.url).toMatch(/^https?:\/\//);
      expect(c.caveat).toBe('guangzhou:caveat.cutOffLines');
    }
  });

  it('services and school have no threshold; every score explains itself', () => {
    const result = at(rich);
    for (const s of result.scores) expect(s.description?.key, s.id).toMatch(/^guangzhou:score\.\w+Description$/);
    expect(score(result, 'services').threshold).toBeNull();
    expect(score(result, 'school').threshold).toBeNull();
    expect(score(result, 'school').description?.key).toBe('guangzhou:score.schoolDescription');
  });
});

describe('trace quality', () => {
  const everything: GuangzhouFacts = {
    ...gatesPass,
    residencePermitMonths: 100,
    ownsProperty: true,
    rentalMonths: 30,
    movedOutMonths: 40,
    housingFundMonths: 70,
    education: 'bachelorOrHigher',
    technicalLevel: 'intermediateTitle',
    worksInCertifiedOccupation: true,
    patents: [
      { kind: 'invention', inventors: 3, grantDate: '2022-03-01' },
      { kind: 'utility', inventors: 2, grantDate: '2023-03-01' },
    ],
    highTechMonths: 30,
    shortageOccupation: true,
    frontLineMonths: 70,
    bloodDonationDates: ['2021-05-01'],
    volunteerHours: [{ year: 2023, hours: 120 }],
    incomeTax: [{ year: 2022, yuan: 12_000 }],
    companyTax: [{ year: 2024, yuan: 250_000 }],
    awards: ['municipal'],
    badCreditCases: 1,
    taxEvasionDates: ['2024-01-01', '2015-01-01'],
    publicSecurityPenaltyDates: ['2023-05-05'],
  };

  it('the persona is valid', () => {
    const parsed = guangzhouFactsAt(AS_OF).safeParse(everything);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('every line, gate and score cites instrument, article and URL; message keys are namespaced', () => {
    for (const asOf of ['2020-10-01', AS_OF]) {
      const result = evaluateGuangzhou({ ...everything, roundYear: Number(asOf.slice(0, 4)) }, asOf);
      for (const l of allLines(result)) {
        expect(l.citation.instrument, l.id).toMatch(/\S/);
        expect(l.citation.article, l.id).toMatch(/\S/);
        expect(l.citation.url, l.id).toMatch(/^https?:\/\/\S+$/);
        expect(l.message.key, l.id).toMatch(/^(guangzhou|rules):/);
        if (!l.counted) expect(l.notCountedReason?.key, l.id).toMatch(/^(guangzhou|rules):/);
      }
      for (const g of result.gates) expect(g.citation.url, g.id).toMatch(/^https?:\/\//);
      for (const s of result.scores) expect(s.citation.url, s.id).toMatch(/^https?:\/\//);
    }
  });

  it('lines resting on uncertain rules carry a caveat', () => {
    const result = at(everything);
    for (const id of ['residencePermit', 'age', 'technicalAbility', 'patent.invention', 'patent.utility', 'shortageOccupation', 'frontLine', 'bloodDonation', 'volunteering', 'tax.income', 'tax.company', 'awards', 'deduction.badCredit']) {
      expect(mustLine(result, id).caveat, id).toMatch(/^guangzhou:caveat\.\w+$/);
    }
    expect(result.gates.find((g) => g.id === 'insurance')?.caveat).toBe('guangzhou:caveat.insuranceEachType');
    expect(result.gates.find((g) => g.id === 'age')?.caveat).toBe('guangzhou:caveat.birthCutoffInferred');
  });

  it('line ids are unique; the services score lists them all', () => {
    const result = at(everything);
    const ids = allLines(result).map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...score(result, 'services').lineIds].sort()).toEqual([...ids].sort());
  });

  it('nothing is missing for a complete persona; an empty one lists the core facts', () => {
    expect(at(everything).missing).toEqual([]);
    expect([...at({}).missing].sort()).toEqual(
      [
        'birthDate', 'education', 'employedInGuangzhou', 'housingFundMonths', 'maternityMonths', 'medicalMonths',
        'ownsProperty', 'pensionMonths', 'rentalMonths', 'residencePermit', 'residencePermitMonths',
        'unemploymentMonths', 'workInjuryMonths',
      ].sort(),
    );
  });
});
