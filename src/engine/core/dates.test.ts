import { addYears, completedMonths, completedYears, daysInMonth, isIsoDate, nextDay, windowStart, withinYears, ymdNumber } from './dates';

describe('completedYears (周岁)', () => {
  it('counts a year only once the birthday is reached', () => {
    expect(completedYears('1990-06-15', '2025-06-15')).toBe(35);
    expect(completedYears('1990-06-15', '2025-06-14')).toBe(34);
    expect(completedYears('1990-06-15', '2025-06-16')).toBe(35);
  });

  it('is 0 on the birth date and in the first year', () => {
    expect(completedYears('2000-01-01', '2000-01-01')).toBe(0);
    expect(completedYears('2000-01-01', '2000-12-31')).toBe(0);
    expect(completedYears('2000-01-01', '2001-01-01')).toBe(1);
  });

  it('reaches a 29 February anniversary on 1 March in common years', () => {
    expect(completedYears('2000-02-29', '2001-02-28')).toBe(0);
    expect(completedYears('2000-02-29', '2001-03-01')).toBe(1);
    expect(completedYears('2000-02-29', '2025-02-28')).toBe(24);
    expect(completedYears('2000-02-29', '2025-03-01')).toBe(25);
  });

  it('reaches a 29 February anniversary on the day in leap years', () => {
    expect(completedYears('2000-02-29', '2004-02-28')).toBe(3);
    expect(completedYears('2000-02-29', '2004-02-29')).toBe(4);
  });

  it('handles the day before a birthday across a year end', () => {
    expect(completedYears('1985-01-01', '2024-12-31')).toBe(39);
    expect(completedYears('1985-01-01', '2025-01-01')).toBe(40);
  });
});

describe('completedMonths', () => {
  it('completes a month on the same day number', () => {
    expect(completedMonths('2024-01-15', '2024-02-15')).toBe(1);
    expect(completedMonths('2024-01-15', '2024-02-14')).toBe(0);
    expect(completedMonths('2024-01-15', '2025-01-15')).toBe(12);
    expect(completedMonths('2024-01-15', '2025-01-14')).toBe(11);
  });

  it('completes a month at the end of a shorter month', () => {
    expect(completedMonths('2024-01-31', '2024-02-29')).toBe(1);
    expect(completedMonths('2023-01-31', '2023-02-28')).toBe(1);
    expect(completedMonths('2024-01-31', '2024-02-28')).toBe(0);
    expect(completedMonths('2024-03-31', '2024-04-30')).toBe(1);
  });

  it('is 0 for the same day', () => {
    expect(completedMonths('2020-05-05', '2020-05-05')).toBe(0);
  });
});

describe('addYears', () => {
  it('keeps the calendar day', () => {
    expect(addYears('2020-06-15', 5)).toBe('2025-06-15');
    expect(addYears('2025-06-15', -3)).toBe('2022-06-15');
  });

  it('maps 29 February to 28 February in common years', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('pads years below 1000', () => {
    expect(addYears('2000-01-01', -1500)).toBe('0500-01-01');
  });
});

describe('nextDay', () => {
  it('moves inside a month', () => {
    expect(nextDay('2025-06-14')).toBe('2025-06-15');
  });

  it('rolls over month ends', () => {
    expect(nextDay('2025-04-30')).toBe('2025-05-01');
    expect(nextDay('2025-01-31')).toBe('2025-02-01');
  });

  it('rolls over the year end', () => {
    expect(nextDay('2017-12-31')).toBe('2018-01-01');
  });

  it('knows leap years (including the century rules)', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2024-02-29')).toBe('2024-03-01');
    expect(nextDay('2023-02-28')).toBe('2023-03-01');
    expect(nextDay('1900-02-28')).toBe('1900-03-01');
    expect(nextDay('2000-02-28')).toBe('2000-02-29');
  });

  it('agrees with daysInMonth', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2025, 9)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });
});

describe('isIsoDate', () => {
  it('accepts real dates', () => {
    expect(isIsoDate('2023-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-12-31')).toBe(true);
  });

  it('rejects impossible dates', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2023-04-31')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-00-10')).toBe(false);
    expect(isIsoDate('2023-01-00')).toBe(false);
  });

  it('rejects other formats', () => {
    expect(isIsoDate('2023-1-1')).toBe(false);
    expect(isIsoDate('2023/01/01')).toBe(false);
    expect(isIsoDate('20230101')).toBe(false);
    expect(isIsoDate('2023-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2023-01-01')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('withinYears', () => {
  it('includes events inside the window and the as-of day itself', () => {
    expect(withinYears('2023-06-01', '2025-06-30', 3)).toBe(true);
    expect(withinYears('2025-06-30', '2025-06-30', 3)).toBe(true);
    expect(withinYears('2022-07-01', '2025-06-30', 3)).toBe(true);
  });

  it('treats the exact anniversary as outside', () => {
    expect(withinYears('2022-06-30', '2025-06-30', 3)).toBe(false);
    expect(withinYears('2020-06-30', '2025-06-30', 5)).toBe(false);
    expect(withinYears('2020-07-01', '2025-06-30', 5)).toBe(true);
  });

  it('excludes events after the as-of date', () => {
    expect(withinYears('2025-07-01', '2025-06-30', 3)).toBe(false);
  });
});

describe('ymdNumber', () => {
  it('reads YYYY-MM-DD as YYYYMMDD, calendar check or not', () => {
    expect(ymdNumber('2024-02-29')).toBe(20240229);
    expect(ymdNumber('0500-01-01')).toBe(5000101);
    expect(ymdNumber('2023-02-30')).toBe(20230230);
  });

  it('gives -1 for anything else', () => {
    for (const value of ['2023-1-01', '2023-01-1', '2023/01/01', ' 2023-01-01', '2023-01-01 ', '2023-01-01\n', '２０２３-01-01', '2023-01-0a', '']) {
      expect(ymdNumber(value), value).toBe(-1);
    }
  });

  it('makes the date helpers throw on malformed dates', () => {
    expect(() => completedYears('2023-1-01', '2025-01-01')).toThrow(RangeError);
    expect(() => addYears('not a date', 1)).toThrow('not a YYYY-MM-DD date: not a date');
  });
});

describe('windowStart', () => {
  it('is the as-of date moved back by the window, remembered across calls', () => {
    expect(windowStart('2025-06-30', 3)).toBe('2022-06-30');
    expect(windowStart('2025-06-30', 3)).toBe('2022-06-30');
    expect(windowStart('2025-06-30', 5)).toBe('2020-06-30');
    expect(windowStart('2024-02-29', 1)).toBe('2023-02-28');
    expect(withinYears('2022-06-30', '2025-06-30', 3)).toBe(false);
    expect(withinYears('2022-06-30', '2025-06-30', 2)).toBe(false);
    expect(withinYears('2022-06-30', '2025-06-30', 4)).toBe(true);
  });
});
