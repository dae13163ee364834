import { describe, expect, it } from 'vitest';
import { oncePer } from './memo';

describe('oncePer', () => {
  it('builds once per key object and gives the same value after', () => {
    const calls: object[] = [];
    const derived = oncePer((key: { n: number }) => {
      calls.push(key);
      return { double: key.n * 2 };
    });
    const a = { n: 1 };
    const b = { n: 1 };
    expect(derived(a)).toBe(derived(a));
    expect(derived(b)).toEqual({ double: 2 });
    expect(derived(b)).not.toBe(derived(a));
    expect(calls).toEqual([a, b]);
  });

  it('remembers undefined and other falsy values too', () => {
    let count = 0;
    const derived = oncePer((_: object) => {
      count += 1;
      return undefined;
    });
    const key = {};
    derived(key);
    derived(key);
    expect(count).toBe(1);
  });
});
