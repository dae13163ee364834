import { addYears } from '../../core/dates';
import type { Line, ScoreResult } from '../../core/types';
import { evaluateShanghai } from './evaluate';
import { shanghaiFactsAt, type ShanghaiFacts } from './facts';

const AS_OF = '2025-06-30';

/** Gate facts that pass in every pack. */
const gatesPass: ShanghaiFacts = { residencePermit: true, siMonthsLast12: 12, siPayingNow: true };

function line(result: ScoreResult, id: string): Line | undefined {
  return [...result.lines, ...result.deductions].find((l) => l.id === id);
}

function mustLine(result: ScoreResult, id: string): Line {
  const found = line(result, id);
  if (!found) throw new Error(`no line ${id} in ${[...result.lines, ...result.deductions].map((l) => l.id).join(', ')}`);
  return found;
}

/** Birth date that makes a person exactly `age` in completed years on `asOf`. */
const bornAged = (age: number, asOf = AS_OF) => addYears(asOf, -age);

describe('education and title (decisions 2 and 3)', () => {
  it('counts only the higher of education and title', () => {
    const cases: [ShanghaiFacts['education'], ShanghaiFacts['title'], number, 'education' | 'title'][] = [
      ['juniorCollege', 'intermediateTitle', 100, 'title'],
      ['doctorate', 'intermediateTitle', 110, 'education'],
      ['bachelorDegree', 'skill3', 90, 'education'],
      ['bachelor', 'skill4', 60, 'education'],
      ['none', 'skill5', 15, 'title'],
      ['master', 'seniorTitle', 140, 'title'],
      ['master', 'skill1', 140, 'title'],
    ];
    for (const [education, title, points, winner] of cases) {
      const result = evaluateShanghai(
        { ...gatesPass, birthDate: bornAged(30), education, title, titleMatchesPost: true, titleBaseMonthsLast12: 12 },
        AS_OF,
      );
      const counted = ['education', 'title'].map((id) => mustLine(result, id)).filter((l) => l.counted);
      expect(counted.map((l) => [l.id, l.points]), `${education} vs ${title}`).toEqual([[winner, points]]);
      expect(result.total).toBe(30 + points);
    }
  });

  it('shows the losing side as not counted with its would-be value and the pick-one reason', () => {
    const result = evaluateShanghai(
      { ...gatesPass, birthDate: bornAged(30), education: 'juniorCollege', title: 'seniorTitle', titleMatchesPost: true, titleBaseMonthsLast12: 6 },
      AS_OF,
    );
    const education = mustLine(result, 'education');
    expect(education).toMatchObject({ counted: false, points: 50 });
    expect(education.notCountedReason?.key).toMatch(/pickOne/);
  });

  it('counts one of the two when they are equal, never both', () => {
    const result = evaluateShanghai(
      { ...gatesPass, birthDate: bornAged(30), education: 'master', title: 'intermediateTitle', titleMatchesPost: true, titleBaseMonthsLast12: 12 },
      AS_OF,
    );
    const counted = [mustLine(result, 'education'), mustLine(result, 'title')].filter((l) => l.counted);
    expect(counted).toHaveLength(1);
    expect(counted[0]!.points).toBe(100);
    expect(result.total).toBe(130);
  });

  it('scores the 100 and 140 title tiers only with 6 of the last 12 months at the average wage', () => {
    const facts = (months: number): ShanghaiFacts => ({
      ...gatesPass,
      birthDate: bornAged(30),
      education: 'bachelor',
      title: 'intermediateTitle',
      titleMatchesPost: true,
      titleBaseMonthsLast12: months,
    });
    const six = evaluateShanghai(facts(6), AS_OF);
    expect(mustLine(six, 'title').counted).toBe(true);
    expect(six.total).toBe(130);

    const five = evaluateShanghai(facts(5), AS_OF);
    const title = mustLine(five, 'title');
    expect(title.counted).toBe(false);
    expect(title.notCountedReason?.key).toMatch(/titleGate/);
    expect(mustLine(five, 'education')).toMatchObject({ counted: true, points: 60 });
    expect(five.total).toBe(90);
  });

  it('does not apply the wage gate to the tiers below 100', () => {
    const result = evaluateShanghai(
      { ...gatesPass, birthDate: bornAged(30), title: 'skill3', titleMatchesPost: true, titleBaseMonthsLast12: 0 },
      AS_OF,
    );
    expect(mustLine(result, 'title')).toMatchObject({ counted: true, points: 60 });
  });

  it('gives a junior title no points', () => {
    const result = evaluateShanghai({ ...gatesPass, birthDate: bornAged(30), title: 'juniorTitle', titleMatchesPost: true }, AS_OF);
    expect(mustLine(result, 'title')).toMatchObject({ counted: false, points: 0 });
    expect(result.total).toBe(30);
  });

  it('does not count a title that does not match the appointed post', () => {
    const result = evaluateShanghai(
      { ...gatesPass, birthDate: bornAged(30), education: 'juniorCollege', title: 'skill4', titleMatchesPost: false },
      AS_OF,
    );
    expect(mustLine(result, 'title').counted).toBe(false);
    expect(mustLine(result, 'education')).toMatchObject({ counted: true, points: 50 });
    expect(result.total).toBe(80);
  });

  it('does not count education that is not verifiable', () => {
    const result = evaluateShanghai(
      { ...gatesPass, birthDate: bornAged(30), education: 'master', educationVerified: false },
      AS_OF,
    );
    expect(mustLine(result, 'education').counted).toBe(false);
    expect(result.total).toBe(30);
  });

  it('asks for the wage-gate months when a 100/140 title is given without them', () => {
    const result = evaluateShanghai(
      { ...gatesPass, birthDate: bornAged(30), education: 'bachelor', title: 'seniorTitle', titleMatchesPost: true },
      AS_OF,
    );
    expect(mustLine(result, 'title').counted).toBe(false);
    expect(result.missing).toContain('titleBaseMonthsLast12');
    expect(result.total).toBe(90);
  });
});

describe('rule packs by date', () => {
  it('as-of date before 2015-07-01 is not modelled and gives no total', () => {
    const result = evaluateShanghai({ ...gatesPass, birthDate: '1990-01-01', education: 'doctorate' }, '2015-06-30');
    expect(result.status).toBe('notModelled');
    expect(result.pack).toBeNull();
    expect(result.total).toBeNull();
    expect(result.verdict).toBe('notModelled');
    expect(result.lines).toEqual([]);
    expect(result.deductions).toEqual([]);
    expect(result.notices).toContainEqual({
      level: 'warning',
      message: { key: 'shanghai:notice.notModelled', params: { first: '2015-07-01' } },
    });
  });

  it('the first modelled day is 2015-07-01', () => {
    const result = evaluateShanghai({ ...gatesPass, birthDate: '1990-01-01' }, '2015-07-01');
    expect(result.status).toBe('scored');
    expect(result.pack?.id).toBe('shanghai-2015');
  });

  it('picks the pack in force on the as-of date', () => {
    const at = (asOf: string) => evaluateShanghai({ birthDate: '1990-01-01' }, asOf).pack?.id;
    expect(at('2017-12-31')).toBe('shanghai-2015');
    expect(at('2018-01-01')).toBe('shanghai-2018');
    expect(at('2022-12-31')).toBe('shanghai-2018');
    expect(at('2023-01-01')).toBe('shanghai-2023');
    expect(at('2027-12-31')).toBe('shanghai-2023');
  });

  it('after 2027-12-31 uses the newest pack and warns', () => {
    const result = evaluateShanghai({ ...gatesPass, birthDate: '1995-01-01', education: 'bachelorDegree' }, '2028-01-01');
    expect(result.status).toBe('scored');
    expect(result.pack).toMatchObject({ id: 'shanghai-2023', asOfInValidity: false });
    expect(result.total).toBe(120);
    const warning = result.notices.find((n) => n.level === 'warning' && n.message.key === 'rules:notice.packExpired');
    expect(warning?.message.params).toEqual({ validTo: '2027-12-31' });
  });

  it('does not warn inside a pack validity', () => {
    const result = evaluateShanghai({ ...gatesPass, birthDate: '1995-01-01' }, '2027-12-31');
    expect(result.pack?.asOfInValidity).toBe(true);
    expect(result.notices.filter((n) => n.message.key === 'rules:notice.packExpired')).toEqual([]);
  });
});

describe('eligibility gates (decision 12)', () => {
  it('2015 has only the residence-permit gate', () => {
    const result = evaluateShanghai({ residencePermit: true, siMonthsLast12: 0, siPayingNow: false }, '2016-01-01');
    expect(result.gates.map((g) => g.id)).toEqual(['residencePermit']);
    expect(result.eligible).toBe('yes');
  });

  it('from 2018 also needs 6 of the last 12 months and paying now', () => {
    const ids = evaluateShanghai(gatesPass, '2018-01-01').gates.map((g) => g.id);
    expect(ids).toEqual(['residencePermit', 'siMonthsLast12', 'siPayingNow']);
    expect(evaluateShanghai({ ...gatesPass, siMonthsLast12: 6 }, AS_OF).eligible).toBe('yes');
    expect(evaluateShanghai({ ...gatesPass, siMonthsLast12: 5 }, AS_OF).eligible).toBe('no');
    expect(evaluateShanghai({ ...gatesPass, siPayingNow: false }, AS_OF).eligible).toBe('no');
    expect(evaluateShanghai({ ...gatesPass, residencePermit: false }, AS_OF).eligible).toBe('no');
  });

  it('an unanswered gate makes eligibility unknown, a failing one makes it no', () => {
    expect(evaluateShanghai({ residencePermit: true, siMonthsLast12: 12 }, AS_OF).eligible).toBe('unknown');
    expect(evaluateShanghai({ residencePermit: false }, AS_OF).eligible).toBe('no');
  });

  it('a failing gate does not hide the points', () => {
    const result = evaluateShanghai({ ...gatesPass, siMonthsLast12: 3, birthDate: bornAged(30), education: 'bachelorDegree' }, AS_OF);
    expect(result.eligible).toBe('no');
    expect(result.total).toBe(120);
    expect(result.verdict).toBe('reached');
  });
});

describe('veto and total (decisions 10 and 11)', () => {
  it.each(['familyPlanningViolation', 'seriousCrime'] as const)('%s vetoes: no total, not eligible', (key) => {
    const result = evaluateShanghai({ ...gatesPass, birthDate: bornAged(30), education: 'doctorate', [key]: true }, AS_OF);
    expect(result.veto.vetoed).toBe(true);
    expect(result.veto.reasons.map((r) => r.id)).toEqual([key]);
    expect(result.total).toBeNull();
    expect(result.verdict).toBe('vetoed');
    expect(result.eligible).toBe('no');
    expect(result.scores[0]?.total).toBeNull();
  });

  it('floors the total at 0', () => {
    const result = evaluateShanghai(
      { ...gatesPass, birthDate: bornAged(30), education: 'bachelor', crimeDates: ['2024-01-01'] },
      AS_OF,
    );
    expect(mustLine(result, 'deduction.crime')).toMatchObject({ counted: true, points: -150 });
    expect(result.total).toBe(0);
    expect(result.verdict).toBe('notReached');
  });

  it('the standard score is 120: 119 is not reached, 120 is', () => {
    // 30 (age ≤ 43) + 90 (bachelor with degree) = 120; at 44 the same person has 29 + 90 = 119.
    const reached = evaluateShanghai({ ...gatesPass, birthDate: bornAged(30), education: 'bachelorDegree' }, AS_OF);
    expect(reached.threshold).toBe(120);
    expect(reached.verdict).toBe('reached');
    const notReached = evaluateShanghai({ ...gatesPass, birthDate: bornAged(44), education: 'bachelorDegree' }, AS_OF);
    expect(notReached.total).toBe(119);
    expect(notReached.verdict).toBe('notReached');
  });

  it('deductions accumulate per record', () => {
    const result = evaluateShanghai(
      { ...gatesPass, birthDate: bornAged(30), education: 'doctorate', siMonthsTotal: 120, detentionDates: ['2024-01-01', '2023-01-01', '2022-01-01'] },
      AS_OF,
    );
    expect(mustLine(result, 'deduction.detention')).toMatchObject({ counted: true, points: -150 });
    expect(result.total).toBe(30 + 110 + 30 - 150);
  });
});

describe('bonus indicators', () => {
  it('counts SI years as 3 per full 12 months, without a cap', () => {
    const at = (months: number) =>
      mustLine(evaluateShanghai({ ...gatesPass, birthDate: '1960-01-01', siMonthsTotal: months }, AS_OF), 'siYears').points;
    expect([at(0), at(11), at(12), at(23), at(24), at(480)]).toEqual([0, 0, 3, 3, 6, 120]);
  });

  it('SI base: the highest tier reached counts, higher-band months count for lower bands', () => {
    const at = (facts: ShanghaiFacts) => line(evaluateShanghai({ ...gatesPass, birthDate: '1980-01-01', ...facts }, AS_OF), 'siBase');
    expect(at({})).toBeUndefined();
    expect(at({ siBase08Months: 35 })).toMatchObject({ points: 0, counted: false });
    expect(at({ siBase08Months: 36 })).toMatchObject({ points: 25, counted: true });
    expect(at({ siBase08Months: 48, siBase1Months: 36 })).toMatchObject({ points: 50, counted: true });
    expect(at({ siBase08Months: 48, siBase1Months: 48, siBase2Months: 36 })).toMatchObject({ points: 100, counted: true });
    expect(at({ siBase08Months: 48, siBase1Months: 48, siBase2Months: 35 })).toMatchObject({ points: 50, counted: true });
    expect(at({ siBaseCeilingMonths: 24 })).toMatchObject({ points: 120, counted: true });
    expect(at({ siBaseCeilingMonths: 23, siBase2Months: 36, siBase1Months: 36, siBase08Months: 36 })).toMatchObject({ points: 100 });
    expect(at({ siBaseCeilingMonths: 36, siBase2Months: 36, siBase1Months: 36, siBase08Months: 36 })).toMatchObject({ points: 120 });
  });

  it('investment: the larger of tax and hires, 10 per full unit, cap 120', () => {
    const at = (tax: number, hires: number) =>
      line(evaluateShanghai({ birthDate: '1980-01-01', investTaxShareYuan: tax, investHukouHires: hires }, AS_OF), 'investment');
    expect(at(0, 0)).toBeUndefined();
    expect(at(99_999, 9.9)).toMatchObject({ points: 0, counted: false });
    expect(at(100_000, 0)).toMatchObject({ points: 10, counted: true });
    expect(at(350_000, 25)).toMatchObject({ points: 30 });
    expect(at(150_000, 35)).toMatchObject({ points: 30 });
    expect(at(0, 19.5)).toMatchObject({ points: 10 });
    expect(at(5_000_000, 0)).toMatchObject({ points: 120, cap: 120 });
    expect(at(0, 1000)).toMatchObject({ points: 120 });
  });

  it('awards: the highest single award only', () => {
    const at = (awards: ShanghaiFacts['awards']) => line(evaluateShanghai({ birthDate: '1980-01-01', awards }, AS_OF), 'awards');
    expect(at([])).toBeUndefined();
    expect(at(['municipalSpecial'])?.points).toBe(30);
    expect(at(['municipalSpecial', 'municipalComprehensive'])?.points).toBe(60);
    expect(at(['provincialOrHigher', 'municipalSpecial', 'provincialOrHigher'])?.points).toBe(110);
  });

  it('spouse: 4 per full year of marriage, cap 40', () => {
    const at = (marriageDate: string) =>
      mustLine(evaluateShanghai({ birthDate: '1980-01-01', spouseShanghaiHukou: true, marriageDate }, AS_OF), 'spouse');
    expect(at('2025-01-01')).toMatchObject({ points: 0, counted: false });
    expect(at('2024-06-30')).toMatchObject({ points: 4, counted: true });
    expect(at('2024-07-01')).toMatchObject({ points: 0, counted: false });
    expect(at('2016-06-30')).toMatchObject({ points: 36 });
    expect(at('2015-06-30')).toMatchObject({ points: 40 });
    expect(at('2000-01-01')).toMatchObject({ points: 40, cap: 40 });
  });

  it('no spouse line without a Shanghai-hukou spouse', () => {
    expect(line(evaluateShanghai({ birthDate: '1980-01-01', spouseShanghaiHukou: false, marriageDate: '2000-01-01' }, AS_OF), 'spouse')).toBeUndefined();
  });

  it('sanitation: 4 per full year once 5 full years are reached, no cap', () => {
    const at = (months: number) =>
      line(evaluateShanghai({ birthDate: '1960-01-01', sanitationMonths: months }, AS_OF), 'sanitation');
    expect(at(0)).toBeUndefined();
    expect(at(59)).toMatchObject({ counted: false });
    expect(at(60)).toMatchObject({ points: 20, counted: true });
    expect(at(144)).toMatchObject({ points: 48, counted: true });
    expect(at(360)).toMatchObject({ points: 120, counted: true });
    expect(at(360)?.cap).toBeUndefined();
  });

  it('remote key area: 2 per full year once 5 full years are reached, cap 20', () => {
    const at = (months: number, asOf = AS_OF) =>
      line(evaluateShanghai({ birthDate: '1960-01-01', remoteArea: 'remoteKeyArea', remoteAreaMonths: months }, asOf), 'remoteArea');
    expect(at(59)).toMatchObject({ counted: false });
    expect(at(60)).toMatchObject({ points: 10, counted: true });
    expect(at(240)).toMatchObject({ points: 20, counted: true, cap: 20 });
    expect(line(evaluateShanghai({ birthDate: '1960-01-01', remoteArea: 'none', remoteAreaMonths: 120 }, AS_OF), 'remoteArea')).toBeUndefined();
  });

  it('Lingang: 5-year wait before 2019-11-20, 3 years until 2024-08-20, from year 1 on 2024-08-21', () => {
    const at = (months: number, asOf: string) =>
      line(evaluateShanghai({ birthDate: '1960-01-01', remoteArea: 'lingangNewArea', remoteAreaMonths: months }, asOf), 'remoteArea');
    expect(at(36, '2019-11-19')).toMatchObject({ points: 6, counted: false });
    expect(at(36, '2019-11-20')).toMatchObject({ points: 6, counted: true });
    expect(at(35, '2019-11-20')).toMatchObject({ points: 4, counted: false });
    expect(at(24, '2024-08-20')).toMatchObject({ points: 4, counted: false });
    expect(at(24, '2024-08-21')).toMatchObject({ points: 4, counted: true });
    expect(at(12, '2024-08-21')).toMatchObject({ points: 2, counted: true });
    expect(at(240, '2025-06-30')).toMatchObject({ points: 20, counted: true });
    expect(at(48, '2017-06-30')).toMatchObject({ points: 8, counted: false });
  });

  it('flags add their fixed value: shortage 30, fresh graduate 10, entrepreneur 120', () => {
    const result = evaluateShanghai(
      { birthDate: '1999-01-01', shortageMajor: true, freshGraduate: true, entrepreneur: true },
      AS_OF,
    );
    expect(mustLine(result, 'shortageMajor')).toMatchObject({ points: 30, counted: true });
    expect(mustLine(result, 'freshGraduate')).toMatchObject({ points: 10, counted: true });
    expect(mustLine(result, 'entrepreneur')).toMatchObject({ points: 120, counted: true });
    const none = evaluateShanghai({ birthDate: '1999-01-01', shortageMajor: false, freshGraduate: false, entrepreneur: false }, AS_OF);
    expect(['shortageMajor', 'freshGraduate', 'entrepreneur'].map((id) => line(none, id))).toEqual([undefined, undefined, undefined]);
  });
});

describe('trace quality', () => {
  /** Every indicator present, with one deduction of each kind inside and one outside its window. */
  const richAt = (asOf: string): ShanghaiFacts => ({
    ...gatesPass,
    birthDate: '1985-01-01',
    education: 'master',
    title: 'seniorTitle',
    titleMatchesPost: true,
    titleBaseMonthsLast12: 8,
    shortageMajor: true,
    siMonthsTotal: 100,
    siBaseCeilingMonths: 24,
    siBase2Months: 40,
    siBase1Months: 40,
    siBase08Months: 40,
    sanitationMonths: 70,
    remoteArea: 'lingangNewArea',
    remoteAreaMonths: 30,
    spouseShanghaiHukou: true,
    marriageDate: '2012-01-01',
    freshGraduate: true,
    investTaxShareYuan: 250_000,
    investHukouHires: 12,
    entrepreneur: true,
    awards: ['municipalSpecial'],
    falseMaterialDates: [addYears(asOf, -1), addYears(asOf, -6)],
    detentionDates: [addYears(asOf, -1), addYears(asOf, -6)],
    crimeDates: [addYears(asOf, -1), addYears(asOf, -6)],
  });
  const rich = richAt(AS_OF);

  it('the rich persona is valid on every date used', () => {
    for (const asOf of ['2016-06-30', '2020-06-30', AS_OF]) {
      expect(shanghaiFactsAt(asOf).safeParse(richAt(asOf)).success, asOf).toBe(true);
    }
  });

  it('every line carries a citation with instrument, article and URL', () => {
    for (const asOf of ['2016-06-30', '2020-06-30', AS_OF]) {
      const result = evaluateShanghai(richAt(asOf), asOf);
      const all = [...result.lines, ...result.deductions];
      expect(all.length, asOf).toBe(19);
      for (const l of all) {
        expect(l.citation.instrument, l.id).toMatch(/\S/);
        expect(l.citation.article, l.id).toMatch(/\S/);
        expect(l.citation.url, l.id).toMatch(/^https?:\/\/\S+$/);
        expect(['high', 'medium', 'low'], l.id).toContain(l.citation.confidence);
        expect(l.message.key, l.id).toMatch(/^(shanghai|rules):/);
        if (!l.counted) expect(l.notCountedReason?.key, l.id).toMatch(/^(shanghai|rules):/);
      }
      for (const g of result.gates) {
        expect(g.citation.instrument, g.id).toMatch(/\S/);
        expect(g.citation.url, g.id).toMatch(/^https?:\/\//);
      }
      expect(result.scores[0]?.citation.url).toMatch(/^https?:\/\//);
    }
  });

  it('cites the instrument of the pack in force', () => {
    expect(mustLine(evaluateShanghai(richAt('2020-06-30'), '2020-06-30'), 'age').citation.instrument).toContain('沪府发〔2017〕98号');
    expect(mustLine(evaluateShanghai(rich, AS_OF), 'age').citation.instrument).toContain('沪府规〔2022〕21号');
  });

  it('uncertain rules carry a caveat key', () => {
    const result = evaluateShanghai(rich, AS_OF);
    for (const id of ['age', 'siBase', 'sanitation', 'investment', 'freshGraduate', 'entrepreneur', 'remoteArea']) {
      expect(mustLine(result, id).caveat, id).toMatch(/^shanghai:caveat\.\w+/);
    }
    const keys = new Set(
      ['age', 'siBase', 'sanitation', 'investment', 'freshGraduate', 'entrepreneur', 'remoteArea'].map(
        (id) => mustLine(result, id).caveat,
      ),
    );
    expect(keys.size).toBe(7);
  });

  it('the Lingang caveat differs from the generic remote-area one', () => {
    const lingang = evaluateShanghai({ remoteArea: 'lingangNewArea', remoteAreaMonths: 70, birthDate: '1980-01-01' }, AS_OF);
    const generic = evaluateShanghai({ remoteArea: 'remoteKeyArea', remoteAreaMonths: 70, birthDate: '1980-01-01' }, AS_OF);
    expect(mustLine(lingang, 'remoteArea').caveat).toMatch(/lingang/i);
    expect(mustLine(lingang, 'remoteArea').caveat).not.toBe(mustLine(generic, 'remoteArea').caveat);
  });

  it('line ids are unique and the primary score lists them all', () => {
    const result = evaluateShanghai(rich, AS_OF);
    const ids = [...result.lines, ...result.deductions].map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...result.scores[0]!.lineIds].sort()).toEqual([...ids].sort());
    expect(result.scores[0]!.total).toBe(result.total);
  });

  it('deductions outside their windows are shown but not counted', () => {
    const result = evaluateShanghai(rich, AS_OF);
    for (const kind of ['falseMaterial', 'detention', 'crime']) {
      expect(mustLine(result, `deduction.${kind}`).counted).toBe(true);
      const expired = mustLine(result, `deduction.${kind}.expired`);
      expect(expired.counted).toBe(false);
      expect(expired.notCountedReason?.key).toBe('rules:reason.windowPassed');
      expect(expired.category).toBe('deduction');
    }
  });
});

describe('age (decision 1)', () => {
  // The age table of the spec, §3.1.
  const table: Record<number, number> = { 44: 29, 45: 27, 46: 25, 47: 23, 48: 21, 49: 19, 50: 17, 51: 15, 52: 13, 53: 11, 54: 9, 55: 7 };
  const expectedPoints = (age: number) => (age <= 43 ? 30 : age <= 55 ? table[age]! : age <= 60 ? 5 : 0);
  const ages = Array.from({ length: 48 }, (_, i) => 18 + i);

  it.each(ages)('age %i scores as in the spec table', (age) => {
    const result = evaluateShanghai({ birthDate: bornAged(age) }, AS_OF);
    expect(mustLine(result, 'age')).toMatchObject({ points: expectedPoints(age), counted: true, cap: 30 });
  });

  it('spot checks of the table', () => {
    expect([43, 44, 45, 50, 55, 56, 60, 61].map(expectedPoints)).toEqual([30, 29, 27, 17, 7, 5, 5, 0]);
  });

  it('counts completed years: the day before a birthday is still the younger age', () => {
    const on = evaluateShanghai({ birthDate: '1981-07-01' }, '2025-07-01');
    const before = evaluateShanghai({ birthDate: '1981-07-01' }, '2025-06-30');
    expect(mustLine(on, 'age').points).toBe(29);
    expect(mustLine(before, 'age').points).toBe(30);
  });

  it('a 29 February birthday is reached on 1 March in common years', () => {
    expect(mustLine(evaluateShanghai({ birthDate: '1980-02-29' }, '2024-02-28'), 'age').points).toBe(30);
    expect(mustLine(evaluateShanghai({ birthDate: '1980-02-29' }, '2024-02-29'), 'age').points).toBe(29);
    expect(mustLine(evaluateShanghai({ birthDate: '1980-02-29' }, '2025-02-28'), 'age').points).toBe(29);
    expect(mustLine(evaluateShanghai({ birthDate: '1980-02-29' }, '2025-03-01'), 'age').points).toBe(27);
  });

  it('warns about people under 18', () => {
    const young = evaluateShanghai({ birthDate: bornAged(17) }, AS_OF);
    expect(young.notices.map((n) => n.message.key)).toContain('shanghai:notice.under18');
    const adult = evaluateShanghai({ birthDate: bornAged(18) }, AS_OF);
    expect(adult.notices.map((n) => n.message.key)).not.toContain('shanghai:notice.under18');
  });
});

describe('missing facts', () => {
  it('missing facts listed in result.missing', () => {
    const result = evaluateShanghai({}, AS_OF);
    expect([...result.missing].sort()).toEqual(
      ['birthDate', 'education', 'residencePermit', 'siMonthsLast12', 'siMonthsTotal', 'siPayingNow'].sort(),
    );
    expect(result.eligible).toBe('unknown');
    expect(mustLine(result, 'age')).toMatchObject({ counted: false, points: 0 });
    expect(mustLine(result, 'siYears')).toMatchObject({ counted: false, points: 0 });
    expect(result.total).toBe(0);
  });

  it('2015 does not ask for the SI gate facts', () => {
    const result = evaluateShanghai({}, '2016-06-30');
    expect([...result.missing].sort()).toEqual(['birthDate', 'education', 'residencePermit', 'siMonthsTotal']);
  });

  it('nothing is missing for a complete persona', () => {
    const result = evaluateShanghai(
      { ...gatesPass, birthDate: bornAged(30), education: 'bachelor', siMonthsTotal: 24, spouseShanghaiHukou: true, marriageDate: '2020-01-01' },
      AS_OF,
    );
    expect(result.missing).toEqual([]);
  });

  it('a spouse without a marriage date asks for it', () => {
    const result = evaluateShanghai({ ...gatesPass, birthDate: bornAged(30), spouseShanghaiHukou: true }, AS_OF);
    expect(result.missing).toContain('marriageDate');
    expect(mustLine(result, 'spouse')).toMatchObject({ counted: false, points: 0 });
  });

  it('a title alone answers the education question', () => {
    const result = evaluateShanghai({ ...gatesPass, birthDate: bornAged(30), title: 'skill4', titleMatchesPost: true, siMonthsTotal: 0 }, AS_OF);
    expect(result.missing).toEqual([]);
  });
});
