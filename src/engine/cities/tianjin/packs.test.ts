import { choosePack, packTimelineProblems, uncitedParams } from '../../core/packs';
import { TIANJIN_FIRST_MODELLED, tianjinPacks } from './packs';

describe('Tianjin rule packs', () => {
  it('Tianjin packs neither overlap nor leave gaps', () => {
    expect(packTimelineProblems(tianjinPacks)).toEqual([]);
  });

  it('every parameter of every pack has a citation', () => {
    for (const pack of tianjinPacks) {
      expect({ pack: pack.id, uncited: uncitedParams(pack.params) }).toEqual({ pack: pack.id, uncited: [] });
    }
  });

  it('every pack cites its validity dates', () => {
    for (const pack of tianjinPacks) {
      expect(uncitedParams({ v: { value: null, cite: pack.validityCite } })).toEqual([]);
      expect(pack.city).toBe('tianjin');
      expect(pack.instrument).not.toBe('');
    }
  });

  it('ids and validity dates are those of the spec; the 2023 end date is flagged as assumed', () => {
    expect(tianjinPacks.map((p) => [p.id, p.validFrom, p.validTo, p.validToAssumed ?? false])).toEqual([
      ['tianjin-2022', '2022-01-01', '2022-12-31', false],
      ['tianjin-2023', '2023-01-01', '2026-12-31', true],
    ]);
    expect(TIANJIN_FIRST_MODELLED).toBe('2022-01-01');
  });

  it('instruments name the documents of the spec', () => {
    for (const pack of tianjinPacks) {
      expect(pack.instrument).toContain('津政规〔2021〕6号');
      expect(pack.instrument).toContain('津发改社会规〔2021〕13号');
    }
    expect(tianjinPacks[0]!.instrument).not.toContain('津发改社会规〔2022〕4号');
    expect(tianjinPacks[1]!.instrument).toContain('津发改社会规〔2022〕4号');
    expect(tianjinPacks[1]!.params.ownedHome.cite.instrument).toContain('津发改社会规〔2022〕4号');
    expect(tianjinPacks[1]!.params.ownedHome.cite.url).toMatch(/^https:\/\/fzgg\.tj\.gov\.cn\//);
  });

  it('owned housing: 10/11/12/15 a year in 2022; 10/12/12/15 a full year plus 15/25/25/30 once from 2023', () => {
    expect(tianjinPacks.map((p) => p.params.ownedHome.value)).toEqual([
      { perFullYear: { central6: 10, ring4: 11, outer5: 12, binhai: 15 }, newHomeBonus: null },
      {
        perFullYear: { central6: 10, ring4: 12, outer5: 12, binhai: 15 },
        newHomeBonus: { central6: 15, ring4: 25, outer5: 25, binhai: 30 },
      },
    ]);
  });

  it('every other value is the same in both packs and matches the spec', () => {
    const strip = (p: (typeof tianjinPacks)[number]) => {
      const { ownedHome: _o, ...rest } = p.params;
      return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.value]));
    };
    const [a, b] = tianjinPacks.map(strip);
    expect(b).toEqual(a);
    expect(a).toMatchObject({
      guidanceScore: 110,
      conditions: { siContinuousMonths: 12, siCumulativeMonths: 36, siCumulativeSince: '2014-01-01' },
      socialInsurance: {
        thresholdMonths: 36,
        yearly: {
          pension: { phase1: 10, phase2: 12 },
          medical: { phase1: 3, phase2: 4 },
          unemployment: { phase1: 3, phase2: 4 },
          injury: { phase1: 3, phase2: 4 },
          maternity: { phase1: 3, phase2: 4 },
        },
      },
      housingFund: { thresholdMonths: 60, yearly: { phase1: 3, phase2: 4 } },
      endorsement: { pointsEach: 6, minMonthsBetween: 11 },
      rent: { yearly: 6 },
      age: [
        { upTo: 35, points: 10 },
        { upTo: 45, points: 5 },
        { upTo: null, points: 0 },
      ],
      education: { none: 0, juniorCollege: 10, advancedTechnicalClass: 10, bachelorOrAbove: 20 },
      profQualification: { none: 0, junior: 15, intermediate: 20, senior: 30 },
      skillLevel: { none: 0, juniorWorker: 5, intermediateWorker: 10, seniorWorker: 15, technician: 20, seniorTechnician: 30 },
      occupation: { none: 0, general: 10, scarce: 15, veryScarce: 25 },
      marriage: { points: 20, spouseMinSiMonths: 24 },
      award: { none: 0, provincialCompetition: 20, nationalCompetition: 30 },
      crime: { pointsEach: 100, windowYears: 5 },
      falseInfo: { pointsEach: 30, windowYears: 5 },
      publishedCutoff: { period: '2022-1', lowest: 110, highest: 843.66 },
    });
  });

  it('social insurance tops out at 22 a year (phase 1) and 28 a year (phase 2) across the five types', () => {
    const yearly = Object.values(tianjinPacks[1]!.params.socialInsurance.value.yearly);
    expect(yearly.reduce((s, r) => s + r.phase1, 0)).toBe(22);
    expect(yearly.reduce((s, r) => s + r.phase2, 0)).toBe(28);
  });

  it('uncertain values carry a confidence below high', () => {
    const p = tianjinPacks[1]!.params;
    expect(p.falseInfo.cite.confidence).not.toBe('high');
    expect(p.award.cite.confidence).not.toBe('high');
    expect(p.retirement.cite.confidence).not.toBe('high');
    expect(p.endorsement.cite.confidence).not.toBe('high');
    expect(p.publishedCutoff.cite.confidence).not.toBe('high');
    expect(tianjinPacks[1]!.validityCite.confidence).not.toBe('high');
  });

  it('choosing a pack by date follows the table of the spec', () => {
    expect(choosePack(tianjinPacks, '2021-12-31').pack).toBeNull();
    expect(choosePack(tianjinPacks, '2022-01-01').pack?.id).toBe('tianjin-2022');
    expect(choosePack(tianjinPacks, '2022-12-31').pack?.id).toBe('tianjin-2022');
    expect(choosePack(tianjinPacks, '2023-01-01').pack?.id).toBe('tianjin-2023');
    expect(choosePack(tianjinPacks, '2026-12-31')).toMatchObject({ pack: { id: 'tianjin-2023' }, inValidity: true });
    expect(choosePack(tianjinPacks, '2027-01-01')).toMatchObject({ pack: { id: 'tianjin-2023' }, inValidity: false });
  });
});
