import { choosePack, packInfo, packTimelineProblems, uncitedParams } from './packs';
import type { Citation, RulePackMeta } from './types';

const cite: Citation = {
  instrument: 'Test instrument 〔2020〕1号',
  article: '第一条',
  url: 'https://example.org/rules',
  confidence: 'high',
};

function pack(id: string, validFrom: string, validTo: string): RulePackMeta {
  return { id, city: 'shanghai', instrument: 'Test', validFrom, validTo, validityCite: cite };
}

const packs = [
  pack('p2015', '2015-07-01', '2017-12-31'),
  pack('p2018', '2018-01-01', '2022-12-31'),
  pack('p2023', '2023-01-01', '2027-12-31'),
];

describe('choosePack', () => {
  it('picks the pack whose validity contains the date, boundaries included', () => {
    expect(choosePack(packs, '2016-03-01')).toEqual({ pack: packs[0], inValidity: true });
    expect(choosePack(packs, '2015-07-01').pack?.id).toBe('p2015');
    expect(choosePack(packs, '2017-12-31').pack?.id).toBe('p2015');
    expect(choosePack(packs, '2018-01-01').pack?.id).toBe('p2018');
    expect(choosePack(packs, '2022-12-31').pack?.id).toBe('p2018');
    expect(choosePack(packs, '2023-01-01').pack?.id).toBe('p2023');
    expect(choosePack(packs, '2027-12-31')).toEqual({ pack: packs[2], inValidity: true });
  });

  it('after the newest pack returns the newest pack, marked out of validity', () => {
    expect(choosePack(packs, '2028-01-01')).toEqual({ pack: packs[2], inValidity: false });
    expect(choosePack(packs, '2040-06-30')).toEqual({ pack: packs[2], inValidity: false });
  });

  it('before the oldest pack returns no pack', () => {
    expect(choosePack(packs, '2015-06-30')).toEqual({ pack: null, inValidity: false });
    expect(choosePack(packs, '2013-07-01')).toEqual({ pack: null, inValidity: false });
  });

  it('returns no pack from an empty list', () => {
    expect(choosePack([], '2025-01-01')).toEqual({ pack: null, inValidity: false });
  });
});

describe('packTimelineProblems', () => {
  it('is empty for contiguous packs', () => {
    expect(packTimelineProblems(packs)).toEqual([]);
    expect(packTimelineProblems([])).toEqual([]);
    expect(packTimelineProblems([packs[0]!])).toEqual([]);
  });

  it('detects an overlap', () => {
    const problems = packTimelineProblems([pack('a', '2015-01-01', '2018-01-01'), pack('b', '2018-01-01', '2020-12-31')]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/overlap/);
    expect(problems[0]).toContain('a');
  });

  it('detects a gap', () => {
    const problems = packTimelineProblems([pack('a', '2015-01-01', '2017-12-30'), pack('b', '2018-01-01', '2020-12-31')]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/gap/);
  });

  it('detects an inverted validity range', () => {
    const problems = packTimelineProblems([pack('bad', '2020-01-01', '2019-12-31')]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/bad/);
  });

  it('accepts a year-end boundary and a leap-day boundary', () => {
    expect(packTimelineProblems([pack('a', '2020-01-01', '2024-02-28'), pack('b', '2024-02-29', '2025-01-01')])).toEqual([]);
    expect(packTimelineProblems([pack('a', '2020-01-01', '2024-02-28'), pack('b', '2024-03-01', '2025-01-01')])).toHaveLength(1);
  });
});

describe('uncitedParams', () => {
  it('accepts fully cited leaves, nested in records and arrays', () => {
    const params = {
      a: { value: 1, cite },
      b: [{ value: 2, cite }, { value: 3, cite }],
      c: { inner: { value: { x: 1 }, cite } },
    };
    expect(uncitedParams(params)).toEqual([]);
  });

  it('flags a citation without a URL', () => {
    expect(uncitedParams({ a: { value: 1, cite: { ...cite, url: '' } } })).toEqual(['params.a']);
  });

  it('flags a URL that is not http(s)', () => {
    expect(uncitedParams({ a: { value: 1, cite: { ...cite, url: 'see the docs' } } })).toEqual(['params.a']);
  });

  it('flags a citation without an article', () => {
    expect(uncitedParams({ a: { value: 1, cite: { ...cite, article: '' } } })).toEqual(['params.a']);
  });

  it('flags a citation without an instrument', () => {
    expect(uncitedParams({ a: { value: 1, cite: { ...cite, instrument: '' } } })).toEqual(['params.a']);
  });

  it('flags a bare value and names its path', () => {
    expect(uncitedParams({ a: { value: 1, cite }, b: 5, c: [{ value: 1, cite }, 7] })).toEqual([
      'params.b',
      'params.c[1]',
    ]);
  });
});

describe('packInfo', () => {
  it('summarises a pack for the result', () => {
    expect(packInfo(packs[1]!, true)).toEqual({
      id: 'p2018',
      instrument: 'Test',
      validFrom: '2018-01-01',
      validTo: '2022-12-31',
      validToAssumed: false,
      asOfInValidity: true,
    });
  });
});
