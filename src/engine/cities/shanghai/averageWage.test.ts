import { describe, expect, it } from 'vitest';
import { averageWageFor, bandOf, isYearMonth, shanghaiAverageWages } from './averageWage';

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

describe('Shanghai average-wage table', () => {
  it('runs from 2016-04 to 2027-06', () => {
    expect(shanghaiAverageWages[0]?.from).toBe('2016-04');
    expect(shanghaiAverageWages.at(-1)?.to).toBe('2027-06');
  });

  it('has well-formed rows with from ≤ to', () => {
    for (const row of shanghaiAverageWages) {
      expect(isYearMonth(row.from), row.from).toBe(true);
      expect(isYearMonth(row.to), row.to).toBe(true);
      expect(row.from <= row.to).toBe(true);
    }
  });

  it('is contiguous with no overlap', () => {
    shanghaiAverageWages.forEach((row, i) => {
      const next = shanghaiAverageWages[i + 1];
      if (next) expect(next.from, `${row.from}→${row.to} then ${next.from}`).toBe(nextMonth(row.to));
    });
  });

  it('has ceilings equal to 3W rounded to whole yuan', () => {
    for (const row of shanghaiAverageWages) {
      expect(Number.isInteger(row.wage)).toBe(true);
      expect(row.ceiling, row.from).toBe(Math.round(3 * row.wage));
    }
  });

  it('has floors below W where known, and null only where unverified', () => {
    for (const row of shanghaiAverageWages) {
      if (row.floor !== null) expect(row.floor).toBeLessThan(row.wage);
    }
    expect(averageWageFor('2020-07')?.floor).toBeNull();
  });

  it('gives every row a source note, and rows below high confidence say why', () => {
    for (const row of shanghaiAverageWages) {
      expect(row.source.note.length).toBeGreaterThan(10);
      if (row.source.url !== null) expect(row.source.url).toMatch(/^https?:\/\//);
    }
  });

  it('splits 2019 and marks the switch month low confidence', () => {
    expect(averageWageFor('2019-10')?.wage).toBe(7832);
    expect(averageWageFor('2019-11')?.wage).toBe(8211);
    expect(averageWageFor('2019-11')?.fromConfidence).toBe('low');
    expect(averageWageFor('2019-10')?.toConfidence).toBe('low');
  });

  it('finds the row in force in a month, including range edges', () => {
    expect(averageWageFor('2016-04')?.wage).toBe(5939);
    expect(averageWageFor('2024-06')?.wage).toBe(12183);
    expect(averageWageFor('2024-07')?.wage).toBe(12307);
    expect(averageWageFor('2027-06')?.wage).toBe(12577);
  });

  it('returns null outside the table or for a malformed month', () => {
    expect(averageWageFor('2016-03')).toBeNull();
    expect(averageWageFor('2027-07')).toBeNull();
    expect(averageWageFor('2024-13')).toBeNull();
    expect(averageWageFor('2024-7')).toBeNull();
    expect(averageWageFor('2024-07-01')).toBeNull();
  });
});

describe('bandOf', () => {
  // 2025-07 → 2026-06: W 12,434; 0.8W 9,947.2; 2W 24,868; ceiling 37,302.
  const month = '2025-09';

  it('puts a base exactly at 0.8W in from08 and just below it in below08', () => {
    expect(bandOf(9947.2, month)).toBe('from08');
    expect(bandOf(9947.19, month)).toBe('below08');
    expect(bandOf(9947, month)).toBe('below08');
    expect(bandOf(9948, month)).toBe('from08');
  });

  it('is exact where 0.8W is not exact in floating point', () => {
    // 0.8 × 12,307 = 9,845.6 (2024-07 → 2025-06).
    expect(bandOf(9845.6, '2025-01')).toBe('from08');
    expect(bandOf(9845.59, '2025-01')).toBe('below08');
  });

  it('puts a base exactly at 1W in from1', () => {
    expect(bandOf(12434, month)).toBe('from1');
    expect(bandOf(12433.99, month)).toBe('from08');
  });

  it('puts a base exactly at 2W in from2', () => {
    expect(bandOf(24868, month)).toBe('from2');
    expect(bandOf(24867.99, month)).toBe('from1');
  });

  it('treats the published ceiling (not 3W in floating point) as the top band', () => {
    expect(bandOf(37302, month)).toBe('ceiling');
    expect(bandOf(40000, month)).toBe('ceiling');
    expect(bandOf(37301.99, month)).toBe('from2');
    expect(bandOf(37301, month)).toBe('from2');
  });

  it('uses the W of the month given', () => {
    // 10,000 is ≥ 1W (9,339) in 2020-07 but only ≥ 0.8W in 2023-07 (W 12,183).
    expect(bandOf(10000, '2020-07')).toBe('from1');
    expect(bandOf(10000, '2023-07')).toBe('from08');
    // 8,000 in 2019: ≥ 1W before the switch (7,832), ≥ 0.8W after it (8,211).
    expect(bandOf(8000, '2019-10')).toBe('from1');
    expect(bandOf(8000, '2019-11')).toBe('from08');
  });

  it('returns below08 for a zero base', () => {
    expect(bandOf(0, month)).toBe('below08');
  });

  it('returns null outside the table or for an invalid base', () => {
    expect(bandOf(10000, '2016-03')).toBeNull();
    expect(bandOf(10000, '2027-07')).toBeNull();
    expect(bandOf(-1, month)).toBeNull();
    expect(bandOf(Number.NaN, month)).toBeNull();
    expect(bandOf(Number.POSITIVE_INFINITY, month)).toBeNull();
  });
});
