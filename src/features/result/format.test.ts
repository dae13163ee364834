import { describe, expect, it } from 'vitest';
import { formatPoints, formatSigned } from './format';

describe('formatPoints', () => {
  it('shows whole numbers as they are and fractions with 2 decimals', () => {
    expect(formatPoints(120)).toBe('120');
    expect(formatPoints(20 / 3)).toBe('6.67');
  });
  it('uses fixed decimals when the city reports them', () => {
    expect(formatPoints(110, 2)).toBe('110.00');
    expect(formatPoints(42.99, 2)).toBe('42.99');
  });
  it('signs values with a true minus sign', () => {
    expect(formatSigned(30)).toBe('+30');
    expect(formatSigned(-50)).toBe('−50');
    expect(formatSigned(0, 2)).toBe('0.00');
  });
});
