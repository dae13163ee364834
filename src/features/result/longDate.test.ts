/** The print header's date, written by hand for the app's two languages, is what Intl writes. */
import { describe, expect, test } from 'vitest';
import { longDate } from './ResultView';

describe('longDate', () => {
  const days = Array.from({ length: 400 }, (_, i) => new Date(2024, 0, 1 + i * 3));
  test.each(['zh-CN', 'en', 'fr'])('%s: as Intl.DateTimeFormat(…, { dateStyle: "long" }) writes it', (language) => {
    const intl = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
    for (const day of days) expect(longDate(language, day)).toBe(intl.format(day));
  });
});
