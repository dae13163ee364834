import { choosePack, packTimelineProblems, uncitedParams } from '../../core/packs';
import { GUANGZHOU_FIRST_MODELLED, guangzhouPacks, guangzhouRounds } from './packs';

describe('Guangzhou rule packs', () => {
  it('packs neither overlap nor leave gaps', () => {
    expect(packTimelineProblems(guangzhouPacks)).toEqual([]);
  });

  it('every parameter of every pack has a citation', () => {
    for (const pack of guangzhouPacks) {
      expect({ pack: pack.id, uncited: uncitedParams(pack.params) }).toEqual({ pack: pack.id, uncited: [] });
    }
  });

  it('every round fact has a citation', () => {
    expect(uncitedParams(guangzhouRounds, 'rounds')).toEqual([]);
  });

  it('every pack cites its validity dates', () => {
    for (const pack of guangzhouPacks) {
      expect(uncitedParams({ v: { value: null, cite: pack.validityCite } })).toEqual([]);
      expect(pack.city).toBe('guangzhou');
    }
  });

  it('ids and validity dates are those of the product decisions', () => {
    expect(guangzhouPacks.map((p) => [p.id, p.validFrom, p.validTo, p.validToAssumed ?? false])).toEqual([
      ['guangzhou-2018', '2018-07-01', '2021-11-15', true],
      ['guangzhou-2021', '2021-11-16', '2026-11-16', false],
    ]);
    expect(GUANGZHOU_FIRST_MODELLED).toBe('2018-07-01');
  });

  it('instruments name the documents of the spec, never the unconfirmed 穗府规〔2023〕1号', () => {
    expect(guangzhouPacks[0]!.instrument).toContain('试行');
    expect(guangzhouPacks[1]!.instrument).toContain('穗府规〔2021〕7号');
    expect(guangzhouRounds.subsetRule.cite.instrument).toContain('穗府办规〔2023〕1号');
    expect(guangzhouRounds.fullTableRule.cite.instrument).toContain('穗府办规〔2020〕11号');
    const everything = JSON.stringify({ guangzhouPacks, guangzhouRounds });
    expect(everything).not.toContain('穗府规〔2023〕1号');
  });

  it('choosing a pack by date', () => {
    expect(choosePack(guangzhouPacks, '2018-06-30').pack).toBeNull();
    expect(choosePack(guangzhouPacks, '2018-07-01').pack?.id).toBe('guangzhou-2018');
    expect(choosePack(guangzhouPacks, '2021-11-15').pack?.id).toBe('guangzhou-2018');
    expect(choosePack(guangzhouPacks, '2021-11-16').pack?.id).toBe('guangzhou-2021');
    expect(choosePack(guangzhouPacks, '2026-11-16')).toMatchObject({ pack: { id: 'guangzhou-2021' }, inValidity: true });
    expect(choosePack(guangzhouPacks, '2026-11-17')).toMatchObject({ pack: { id: 'guangzhou-2021' }, inValidity: false });
  });

  it('the 2018 → 2021 changes of spec §7', () => {
    const [old, current] = guangzhouPacks.map((p) => p.params) as [
      (typeof guangzhouPacks)[0]['params'],
      (typeof guangzhouPacks)[1]['params'],
    ];
    const pairs = {
      residencePermit: [old.residencePermit.value.pointsPerFullYear, current.residencePermit.value.pointsPerFullYear],
      property: [old.property.value, current.property.value],
      rental: [old.rental.value, current.rental.value],
      movedOut: [old.movedOut.value, current.movedOut.value],
      insurance: [old.insurance.value.pointsPerFullYearPerType, current.insurance.value.pointsPerFullYearPerType],
      housingFund: [old.housingFund.value, current.housingFund.value],
      education: [old.education.value, current.education.value],
      technical: [old.technicalAbility.value.tierPoints, current.technicalAbility.value.tierPoints],
      technicalBonus: [old.technicalAbility.value.workingInFieldBonus, current.technicalAbility.value.workingInFieldBonus],
      shortage: [old.shortageOccupation.value, current.shortageOccupation.value],
      frontLine: [old.frontLine.value, current.frontLine.value],
      badCredit: [old.badCredit.value.pointsEach, current.badCredit.value.pointsEach],
    };
    expect(pairs).toEqual({
      residencePermit: [3, 8],
      property: [{ points: 10, conghuaZengchengBonus: 5 }, { points: 20, conghuaZengchengBonus: 0 }],
      rental: [{ pointsPerFullYear: 2, cap: 10 }, { pointsPerFullYear: 5, cap: 20 }],
      movedOut: [{ pointsPerFullYear: 2, cap: 10 }, { pointsPerFullYear: 2, cap: 10 }],
      insurance: [1, 2],
      housingFund: [null, { pointsPerFullYear: 2, cap: null }],
      education: [
        { category: 'basic', points: { belowHighSchool: 0, highSchool: 20, juniorCollege: 35, bachelorOrHigher: 50 } },
        { category: 'bonus', points: { belowHighSchool: 0, highSchool: 10, juniorCollege: 20, bachelorOrHigher: 30 } },
      ],
      technical: [{ A: 30, B: 20, C: 10 }, { A: 20, B: 10, C: 5 }],
      technicalBonus: [10, 5],
      shortage: [20, 10],
      frontLine: [{ base: 10, pointsPerFullYear: 5, extraCap: 30 }, { base: 10, pointsPerFullYear: 5, extraCap: 20 }],
      badCredit: [5, 10],
    });
    expect(old.patents.value).toEqual({
      divisor: 'inventorsPlusOne',
      kinds: { invention: { perPatent: 20, cap: 40 }, utility: { perPatent: 10, cap: 20 }, design: { perPatent: 5, cap: 10 } },
      windowYears: 5,
    });
    expect(current.patents.value).toEqual({
      divisor: 'inventors',
      kinds: { invention: { perPatent: 20, cap: 40 }, utility: { perPatent: 10, cap: 20 }, design: null },
      windowYears: 5,
    });
    expect([old.bloodDonation.value.perCalendarYearCap, current.bloodDonation.value.perCalendarYearCap]).toEqual([2, null]);
    expect([old.volunteering.value.pointsPerUnit, current.volunteering.value.pointsPerUnit]).toEqual([1, 2]);
    expect(current.hukouSubset.value).toEqual({ excludedLineIds: ['technicalAbility', 'patent.utility'] });
    expect(old.hukouSubset.value).toBeNull();
  });

  it('the technical-ability tiers group the certificates of the table', () => {
    const { tierOf } = guangzhouPacks[1]!.params.technicalAbility.value;
    expect(tierOf).toEqual({
      none: null,
      skillIntermediate: 'C',
      workerTech4: 'C',
      skillSenior: 'B',
      workerTech3: 'B',
      juniorTitle: 'B',
      technician: 'A',
      intermediateTitle: 'A',
    });
  });

  it('uncertain rules are marked below high confidence', () => {
    const p = guangzhouPacks[1]!.params;
    expect(p.incomeTax.cite.confidence).toBe('low');
    expect(p.companyTax.cite.confidence).toBe('low');
    for (const cite of [p.age.cite, p.technicalAbility.cite, p.patents.cite, p.bloodDonation.cite, p.hukouSubset.cite]) {
      expect(cite.confidence).toBe('medium');
    }
    for (const line of guangzhouRounds.cutOffLines) expect(line.cite.confidence).toBe('low');
  });
});

describe('Guangzhou round facts (§3.1, §3.3, §3.4)', () => {
  const byRound = <T extends { round: number }>(list: readonly { value: T }[]) =>
    Object.fromEntries(list.map((x) => [x.value.round, x.value]));

  it('the subset rule starts with the 2022 round at 150; earlier rounds need 100 on the full table', () => {
    expect(guangzhouRounds.subsetRule.value).toEqual({ subsetFromRound: 2022, subsetThreshold: 150 });
    expect(guangzhouRounds.fullTableRule.value).toEqual({ threshold: 100 });
    expect(guangzhouRounds.insuranceGate.value).toEqual({ minMonths: 48 });
  });

  it('published birth-date cut-offs fit the rule “1 January of round − 46”', () => {
    const { yearsBeforeRound } = guangzhouRounds.ageGate.value;
    for (const { value } of guangzhouRounds.birthCutoffs) expect(value.date).toBe(`${value.round - yearsBeforeRound}-01-01`);
    expect(byRound(guangzhouRounds.birthCutoffs)).toEqual({
      2022: { round: 2022, date: '1976-01-01' },
      2023: { round: 2023, date: '1977-01-01' },
      2024: { round: 2024, date: '1978-01-01' },
    });
  });

  it('material cut-off dates, windows and tax years per round', () => {
    expect(Object.values(byRound(guangzhouRounds.materialCutoffs)).map((c) => c.date)).toEqual([
      '2022-12-31',
      '2023-09-30',
      '2025-09-30',
    ]);
    expect(byRound(guangzhouRounds.serviceWindows)[2025]).toEqual({ round: 2025, from: '2020-09-30', to: '2025-09-30' });
    expect(byRound(guangzhouRounds.serviceWindows)[2022]).toEqual({ round: 2022, from: '2018-01-01', to: '2022-12-31' });
    expect(Object.values(byRound(guangzhouRounds.taxYears)).map((t) => [t.round, t.fromYear, t.toYear])).toEqual([
      [2022, 2020, 2022],
      [2023, 2020, 2022],
      [2025, 2022, 2024],
    ]);
    // Every published window ends on the round's cut-off date.
    const cutoffs = byRound(guangzhouRounds.materialCutoffs);
    for (const { value } of guangzhouRounds.serviceWindows) expect(value.to).toBe(cutoffs[value.round]?.date);
  });

  it('cut-off lines carry their scale: totals up to 2021, basic score from 2023', () => {
    expect(guangzhouRounds.cutOffLines.map((l) => [l.value.round, l.value.value, l.value.scale])).toEqual([
      [2018, 169, 'total'],
      [2019, 166, 'total'],
      [2020, 179, 'total'],
      [2021, 184, 'total'],
      [2023, 208, 'basic'],
    ]);
  });
});
