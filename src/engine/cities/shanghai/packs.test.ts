import { choosePack, packTimelineProblems, uncitedParams } from '../../core/packs';
import { SHANGHAI_FIRST_MODELLED, shanghaiPacks } from './packs';

describe('Shanghai rule packs', () => {
  it('Shanghai packs neither overlap nor leave gaps', () => {
    expect(packTimelineProblems(shanghaiPacks)).toEqual([]);
  });

  it('every parameter of every pack has a citation', () => {
    for (const pack of shanghaiPacks) {
      expect({ pack: pack.id, uncited: uncitedParams(pack.params) }).toEqual({ pack: pack.id, uncited: [] });
    }
  });

  it('every pack cites its validity dates', () => {
    for (const pack of shanghaiPacks) {
      expect(uncitedParams({ v: { value: null, cite: pack.validityCite } })).toEqual([]);
      expect(pack.city).toBe('shanghai');
      expect(pack.instrument).not.toBe('');
    }
  });

  it('ids and validity dates are those of the spec', () => {
    expect(shanghaiPacks.map((p) => [p.id, p.validFrom, p.validTo])).toEqual([
      ['shanghai-2015', '2015-07-01', '2017-12-31'],
      ['shanghai-2018', '2018-01-01', '2022-12-31'],
      ['shanghai-2023', '2023-01-01', '2027-12-31'],
    ]);
    expect(SHANGHAI_FIRST_MODELLED).toBe('2015-07-01');
  });

  it('instruments name the documents of the spec', () => {
    expect(shanghaiPacks[1]!.instrument).toContain('沪府发〔2017〕98号');
    expect(shanghaiPacks[2]!.instrument).toContain('沪府规〔2022〕21号');
  });

  it('only the 2015 pack lacks the 6-of-12-months SI gate', () => {
    expect(shanghaiPacks.map((p) => p.params.siGate.value)).toEqual([
      null,
      { minMonths: 6, windowMonths: 12 },
      { minMonths: 6, windowMonths: 12 },
    ]);
  });

  it('Lingang waiting periods change on 2019-11-20 and 2024-08-21', () => {
    const steps = shanghaiPacks.map((p) => p.params.lingangMinYears.map((s) => s.value));
    expect(steps).toEqual([
      [],
      [
        { from: '2019-11-20', value: 3 },
        { from: '2024-08-21', value: 0 },
      ],
      [
        { from: '2019-11-20', value: 3 },
        { from: '2024-08-21', value: 0 },
      ],
    ]);
  });

  it('indicator values are the same in all three packs', () => {
    const strip = (p: (typeof shanghaiPacks)[number]) => {
      const { siGate: _g, lingangMinYears: _l, ...rest } = p.params;
      return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.value]));
    };
    const [a, b, c] = shanghaiPacks.map(strip);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a).toMatchObject({
      standardScore: 120,
      investment: { cap: 120 },
      spouse: { pointsPerFullYear: 4, cap: 40 },
      sanitation: { pointsPerFullYear: 4, minYears: 5, cap: null },
      remoteArea: { pointsPerFullYear: 2, minYears: 5, cap: 20 },
      falseMaterial: { points: 150, windowYears: 3 },
      detention: { points: 50, windowYears: 5 },
      crime: { points: 150, windowYears: 5 },
      floor: 0,
    });
  });

  it('choosing a pack by date follows the table of the spec', () => {
    expect(choosePack(shanghaiPacks, '2015-06-30').pack).toBeNull();
    expect(choosePack(shanghaiPacks, '2015-07-01').pack?.id).toBe('shanghai-2015');
    expect(choosePack(shanghaiPacks, '2018-01-01').pack?.id).toBe('shanghai-2018');
    expect(choosePack(shanghaiPacks, '2024-07-01').pack?.id).toBe('shanghai-2023');
    expect(choosePack(shanghaiPacks, '2028-01-01')).toMatchObject({ pack: { id: 'shanghai-2023' }, inValidity: false });
  });
});
