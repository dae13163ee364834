import type { Citation, Line } from './types';
import { countedLine, pushWindowedDeductionLines, scoreOver, totalOf, uncountedLine, windowedDeductionLines } from './result';

const cite: Citation = { instrument: 'I', article: 'A', url: 'https://example.org', confidence: 'high' };

describe('countedLine and uncountedLine', () => {
  it('copy the line with its keys in order and never touch it', () => {
    const draft = { id: 'age', category: 'basic', cap: 30, citation: cite, points: 30, message: { key: 'k' } } as const;
    const counted = countedLine(draft);
    expect(Object.keys(counted)).toEqual(['id', 'category', 'cap', 'citation', 'points', 'message', 'counted']);
    const uncounted = uncountedLine(draft, { key: 'r' });
    expect(Object.keys(uncounted)).toEqual([...Object.keys(draft), 'counted', 'notCountedReason']);
    expect(uncounted).toEqual({ ...draft, counted: false, notCountedReason: { key: 'r' } });
    expect(draft).not.toHaveProperty('counted');
  });

  it('keep an own __proto__ key as a plain key, as a spread does', () => {
    const draft = JSON.parse('{"id": "x", "__proto__": {"a": 1}}') as Omit<Line, 'counted'>;
    const counted = countedLine(draft);
    expect(Object.getPrototypeOf(counted)).toBe(Object.prototype);
    expect(Object.keys(counted)).toEqual(['id', '__proto__', 'counted']);
  });
});

describe('totals and scores', () => {
  const lines: Line[] = [
    { id: 'a', category: 'basic', points: 0.1, counted: true, message: { key: 'a' }, citation: cite },
    { id: 'b', category: 'basic', points: 50, counted: false, message: { key: 'b' }, citation: cite },
    { id: 'c', category: 'deduction', points: 0.2, counted: true, message: { key: 'c' }, citation: cite },
  ];

  it('adds the counted lines without drift and applies the floor', () => {
    expect(totalOf(lines, null)).toBe(0.3);
    expect(totalOf(lines, 1)).toBe(1);
  });

  it('lists every line id in order', () => {
    const score = scoreOver({ id: 's', label: { key: 'l' }, lines, floor: 0, threshold: 1, vetoed: false, citation: cite });
    expect(score).toEqual({ id: 's', label: { key: 'l' }, lineIds: ['a', 'b', 'c'], total: 0.3, threshold: 1, verdict: 'notReached', citation: cite });
  });
});

describe('windowed deductions', () => {
  it('pushes per kind what the list form gives', () => {
    const kinds = [
      { kind: 'detention', dates: ['2024-01-01', '2019-06-30', '2019-07-01'], pointsEach: 50, windowYears: 5, citation: cite, caveat: 'c' },
      { kind: 'crime', dates: undefined, pointsEach: 150, windowYears: 5, citation: cite },
      { kind: 'falseMaterial', dates: ['2020-01-01'], pointsEach: 150, windowYears: 3, citation: cite },
    ];
    const pushed: Line[] = [];
    for (const { dates, ...rule } of kinds) pushWindowedDeductionLines(pushed, 'ns:', '2024-06-30', rule, dates);
    const listed = windowedDeductionLines('ns:', '2024-06-30', kinds);
    expect(pushed).toEqual(listed);
    expect(listed.map((l) => [l.id, l.points, l.counted])).toEqual([
      ['deduction.detention', -100, true],
      ['deduction.detention.expired', -50, false],
      ['deduction.falseMaterial.expired', -150, false],
    ]);
    expect(Object.keys(listed[0]!)).toEqual(['category', 'citation', 'id', 'points', 'message', 'caveat', 'counted']);
  });
});
