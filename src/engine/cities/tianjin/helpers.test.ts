/** The Tianjin helpers on their own: periods and cut-offs, the national retirement schedule, hundredths accrual. */
import { accrue, accruePhased, formatHundredths, monthlyRate } from './accrual';
import { districtGroupOf, tianjinDistricts } from './districts';
import {
  applicationWindow,
  availablePeriods,
  cutoffOf,
  defaultPeriod,
  formatPeriod,
  isAvailablePeriod,
  parsePeriod,
  resolvePeriod,
} from './period';
import { addMonths, statutoryRetirement, type RetirementCategory } from './retirement';

describe('application periods (decision 1)', () => {
  it('maps each month to the next period: Jan–Apr → period 1, May–Oct → period 2, Nov–Dec → next year’s period 1', () => {
    const byMonth = Array.from({ length: 12 }, (_, i) => formatPeriod(defaultPeriod(`2026-${String(i + 1).padStart(2, '0')}-15`)));
    expect(byMonth).toEqual([
      '2026-1', '2026-1', '2026-1', '2026-1',
      '2026-2', '2026-2', '2026-2', '2026-2', '2026-2', '2026-2',
      '2027-1', '2027-1',
    ]);
    expect(formatPeriod(defaultPeriod('2026-04-30'))).toBe('2026-1');
    expect(formatPeriod(defaultPeriod('2026-05-01'))).toBe('2026-2');
    expect(formatPeriod(defaultPeriod('2026-10-31'))).toBe('2026-2');
    expect(formatPeriod(defaultPeriod('2026-11-01'))).toBe('2027-1');
  });

  it('counts period 1 to December 31 of the previous year and period 2 to June 30', () => {
    expect(cutoffOf({ year: 2026, half: 1 })).toBe('2025-12-31');
    expect(cutoffOf({ year: 2026, half: 2 })).toBe('2026-06-30');
  });

  it('takes applications January–April and July–October', () => {
    expect(applicationWindow({ year: 2026, half: 1 })).toEqual({ from: '2026-01-01', to: '2026-04-30' });
    expect(applicationWindow({ year: 2026, half: 2 })).toEqual({ from: '2026-07-01', to: '2026-10-31' });
  });

  it('offers the next period and the one after it', () => {
    expect(availablePeriods('2026-03-10').map(formatPeriod)).toEqual(['2026-1', '2026-2']);
    expect(availablePeriods('2026-05-10').map(formatPeriod)).toEqual(['2026-2', '2027-1']);
    expect(availablePeriods('2026-12-10').map(formatPeriod)).toEqual(['2027-1', '2027-2']);
    expect(isAvailablePeriod('2026-2', '2026-03-10')).toBe(true);
    expect(isAvailablePeriod('2025-2', '2026-03-10')).toBe(false);
    expect(isAvailablePeriod('2027-1', '2026-03-10')).toBe(false);
  });

  it('parses only YYYY-1 and YYYY-2', () => {
    expect(parsePeriod('2026-1')).toEqual({ year: 2026, half: 1 });
    expect(parsePeriod('2026-2')).toEqual({ year: 2026, half: 2 });
    for (const bad of ['2026-3', '2026-0', '26-1', '2026/1', '2026-01', '', '2026-1 ']) expect(parsePeriod(bad), bad).toBeNull();
  });

  it('falls back to the default period when the chosen one is not available', () => {
    expect(resolvePeriod(undefined, '2026-03-10')).toEqual({ period: { year: 2026, half: 1 }, chosen: false });
    expect(resolvePeriod('2026-2', '2026-03-10')).toEqual({ period: { year: 2026, half: 2 }, chosen: true });
    expect(resolvePeriod('2024-1', '2026-03-10')).toEqual({ period: { year: 2026, half: 1 }, chosen: false });
  });
});

describe('statutory retirement ages (national schedule from 2025-01-01)', () => {
  const ageOf = (birth: string, category: RetirementCategory) => {
    const r = statutoryRetirement(birth, category);
    return `${r.ageYears}y${r.ageMonths}m`;
  };

  it('men: 60 before 1965, +1 month every 4 birth months from January 1965, 63 from September 1976', () => {
    expect(ageOf('1964-12-15', 'male')).toBe('60y0m');
    expect(ageOf('1965-01-15', 'male')).toBe('60y1m');
    expect(ageOf('1965-04-15', 'male')).toBe('60y1m');
    expect(ageOf('1965-05-15', 'male')).toBe('60y2m');
    expect(ageOf('1970-01-15', 'male')).toBe('61y4m');
    expect(ageOf('1976-08-15', 'male')).toBe('62y11m');
    expect(ageOf('1976-09-15', 'male')).toBe('63y0m');
    expect(ageOf('1995-01-01', 'male')).toBe('63y0m');
  });

  it('women in cadre posts: 55 before 1970, 58 from September 1981', () => {
    expect(ageOf('1969-12-01', 'femaleCadre')).toBe('55y0m');
    expect(ageOf('1970-01-01', 'femaleCadre')).toBe('55y1m');
    expect(ageOf('1970-05-01', 'femaleCadre')).toBe('55y2m');
    expect(ageOf('1981-08-01', 'femaleCadre')).toBe('57y11m');
    expect(ageOf('1981-09-01', 'femaleCadre')).toBe('58y0m');
  });

  it('women in worker posts: 50 before 1975, +1 month every 2 birth months, 55 from November 1984', () => {
    expect(ageOf('1974-12-01', 'femaleWorker')).toBe('50y0m');
    expect(ageOf('1975-01-01', 'femaleWorker')).toBe('50y1m');
    expect(ageOf('1975-02-01', 'femaleWorker')).toBe('50y1m');
    expect(ageOf('1975-03-01', 'femaleWorker')).toBe('50y2m');
    expect(ageOf('1976-02-10', 'femaleWorker')).toBe('50y7m');
    expect(ageOf('1984-10-01', 'femaleWorker')).toBe('54y11m');
    expect(ageOf('1984-11-01', 'femaleWorker')).toBe('55y0m');
  });

  it('dates the statutory age from the birthday, clamping to the month end', () => {
    expect(statutoryRetirement('1965-03-15', 'male').date).toBe('2025-04-15');
    expect(statutoryRetirement('1965-01-31', 'male').date).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(addMonths('2024-03-15', -3)).toBe('2023-12-15');
  });
});

describe('accrual in hundredths (decision 2)', () => {
  it('rounds the monthly rate half-up to 0.01', () => {
    expect([10, 12, 3, 4, 6, 11, 15].map((y) => monthlyRate(y * 100))).toEqual([83, 100, 25, 33, 50, 92, 125]);
  });

  it('follows the official example: 4 a year, 1 month 0.33, 3 months 0.99, a full year 4', () => {
    expect(accrue(1, 4).points).toBe(33);
    expect(accrue(3, 4).points).toBe(99);
    expect(accrue(12, 4).points).toBe(400);
  });

  it('scores the months after the threshold at the phase-2 value, with their own full years', () => {
    expect(accruePhased(40, 36, 10, 12).points).toBe(3400);
    expect(accruePhased(40, 36, 3, 4).points).toBe(1032);
    expect(accruePhased(70, 36, 10, 12).points).toBe(6400);
    expect(accruePhased(70, 36, 3, 4).points).toBe(2030);
    expect(accruePhased(70, 60, 3, 4).points).toBe(1830);
    expect(accruePhased(0, 36, 10, 12).points).toBe(0);
  });

  it('formats hundredths with 2 decimals', () => {
    expect([4432, 1830, 0, 5, -3000, 84366].map(formatHundredths)).toEqual(['44.32', '18.30', '0.00', '0.05', '-30.00', '843.66']);
  });
});

describe('districts', () => {
  it('puts the 16 districts into the four groups of the table (6 / 4 / 5 / 1)', () => {
    expect(tianjinDistricts).toHaveLength(16);
    const count = (g: string) => tianjinDistricts.filter((d) => districtGroupOf[d] === g).length;
    expect([count('central6'), count('ring4'), count('outer5'), count('binhai')]).toEqual([6, 4, 5, 1]);
    expect(districtGroupOf.xiqing).toBe('ring4');
    expect(districtGroupOf.jizhou).toBe('outer5');
    expect(districtGroupOf.hebei).toBe('central6');
  });
});
