/**
 * Shanghai average wage W (本市上年度职工社会平均工资, 元/月) and social-insurance base limits, per effective
 * month range. The SI-base indicator compares each month's contribution base with the W in force for that month:
 * 0.8W, 1W, 2W, and "at the ceiling" (3W rounded to whole yuan) for the 120-point tier (decision 13).
 *
 * Shanghai's SI year ran April–March until 2019, switched inside 2019 (month not confirmed), and has run July–June
 * since 2020. Since 2019 W is the 全口径城镇单位就业人员月平均工资. Research and confidence per row:
 * docs/rules/shanghai.md §Average wage.
 *
 * These are data for helping a user derive the band of a month; the facts themselves stay months per band.
 */
import type { Confidence } from '../../core/types';

/** A calendar month `YYYY-MM`. */
export type YearMonth = string;

export interface AverageWageRow {
  /** First month in force (inclusive), `YYYY-MM`. */
  readonly from: YearMonth;
  /** Last month in force (inclusive), `YYYY-MM`. */
  readonly to: YearMonth;
  /** W, yuan per month. */
  readonly wage: number;
  /** SI-base ceiling (3W rounded to whole yuan), yuan per month. */
  readonly ceiling: number;
  /** SI-base floor, yuan per month; null where no source gives it. Context only: no band uses it. */
  readonly floor: number | null;
  /** How sure we are of W and the ceiling for this range. */
  readonly confidence: Confidence;
  /** How sure we are of the first month, when less sure than the figures (the 2019 switch). */
  readonly fromConfidence?: Confidence;
  /** How sure we are of the last month, when less sure than the figures (the 2019 switch). */
  readonly toConfidence?: Confidence;
  readonly source: {
    /** A page or repository where the figures can be read; null when the only source has no public address. */
    readonly url: string | null;
    readonly note: string;
  };
}

const CHINA_BRIEFING =
  'https://www.china-briefing.com/news/shanghais-social-insurance-contribution-base-upper-lower-limits-updated/';
const RSA_TAX = 'https://www.rsa-tax.com/single-post/shanghai-new-social-contributions-limits';

/** W and SI-base limits, oldest first, contiguous from 2016-04 to 2027-06. */
export const shanghaiAverageWages: readonly AverageWageRow[] = [
  {
    from: '2016-04',
    to: '2017-03',
    wage: 5939,
    ceiling: 17817,
    floor: 3563,
    confidence: 'low',
    source: {
      url: 'http://m.92hukou.com/html/news/juzhuanhu/4143.html',
      note: 'W quoted as an example by a consultancy page; ceiling (3W) and floor (60 % W) derived, not seen.',
    },
  },
  {
    from: '2017-04',
    to: '2018-03',
    wage: 6504,
    ceiling: 19512,
    floor: 3902,
    confidence: 'high',
    source: {
      url: 'https://github.com/zhaiyz/salarycalculator',
      note: 'README history (commit 9cf65b5, 2018-02-26): 参数有效时间从2017年4月1日至2018年3月31日…社保基数上限19512元，下限3902元.',
    },
  },
  {
    from: '2018-04',
    to: '2019-03',
    wage: 7132,
    ceiling: 21396,
    floor: 4279,
    confidence: 'high',
    source: {
      url: CHINA_BRIEFING,
      note: 'Limits 4,279 / 21,396 (China Briefing, "last year"; also zhaiyz/salarycalculator commit ed7f375, 2018-04-01); W 7,132 per calculator notes.',
    },
  },
  {
    from: '2019-04',
    to: '2019-10',
    wage: 7832,
    ceiling: 23496,
    floor: 4699,
    confidence: 'high',
    toConfidence: 'low',
    source: {
      url: CHINA_BRIEFING,
      note: 'Announced 2019-03-20: from 2019-04-01 limits 4,699 / 23,496, W ≈ 7,832. The end month (switch to the 全口径 W) is not confirmed.',
    },
  },
  {
    from: '2019-11',
    to: '2020-06',
    wage: 8211,
    ceiling: 24633,
    floor: 4927,
    confidence: 'medium',
    fromConfidence: 'low',
    source: {
      url: null,
      note: 'Open-source points calculator note 「2019年7832元（2019年11月起8211元）」 (repository not identified). Switch month low confidence; limits derived as 3W and 60 % W.',
    },
  },
  {
    from: '2020-07',
    to: '2021-06',
    wage: 9339,
    ceiling: 28017,
    floor: null,
    confidence: 'medium',
    source: {
      url: null,
      note: 'Same calculator note 「2020年7月9339元」; ceiling 3W. Floor unverified (possibly kept at 4,927).',
    },
  },
  {
    from: '2021-07',
    to: '2022-06',
    wage: 10338,
    ceiling: 31014,
    floor: 5975,
    confidence: 'high',
    source: { url: RSA_TAX, note: 'W 10,338; upper limit 31,014; lower limit 5,975 (the 2021 values, as the previous ones).' },
  },
  {
    from: '2022-07',
    to: '2023-06',
    wage: 11396,
    ceiling: 34188,
    floor: 6520,
    confidence: 'high',
    source: { url: RSA_TAX, note: 'From 1 July 2022: W 11,396; limits 6,520 / 34,188.' },
  },
  {
    from: '2023-07',
    to: '2024-06',
    wage: 12183,
    ceiling: 36549,
    floor: 7310,
    confidence: 'medium',
    source: {
      url: null,
      note: 'Seen only in open-source code (constants "Shanghai 2023-2024" 7,310 / 36,549; W 12,183 in a pension table). Consistent with 3W and 60 % W.',
    },
  },
  {
    from: '2024-07',
    to: '2025-06',
    wage: 12307,
    ceiling: 36921,
    floor: 7384,
    confidence: 'high',
    source: {
      url: 'http://acbcshanghai.com/p-127/id-502.html',
      note: 'Citing 市人社局: from 1 July 2024 limits 7,384 / 36,921; full-caliber 2023 average wage 12,307.',
    },
  },
  {
    from: '2025-07',
    to: '2026-06',
    wage: 12434,
    ceiling: 37302,
    floor: 7460,
    confidence: 'medium',
    source: {
      url: null,
      note: 'Seen only in open-source calculator constants (37,302 / 7,460; W 12,434); a 2025 公积金 notice also gives the 37,302 cap.',
    },
  },
  {
    from: '2026-07',
    to: '2027-06',
    wage: 12577,
    ceiling: 37731,
    floor: 7546,
    confidence: 'medium',
    source: {
      url: 'https://rsj.sh.gov.cn/tdjjf_17554/20260824/t0035_1443297.html',
      note: '市人社局 Q&A as quoted by a public dataset (page not read directly): from 2026-07-01 limits 7,546 / 37,731. W derived as 37,731 ÷ 3.',
    },
  },
];

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether a string is a calendar month `YYYY-MM`. */
export function isYearMonth(value: string): value is YearMonth {
  return YEAR_MONTH.test(value);
}

/** The row in force in `month` (`YYYY-MM`), or null outside the table (or for a malformed month). */
export function averageWageFor(month: YearMonth): AverageWageRow | null {
  if (!isYearMonth(month)) return null;
  return shanghaiAverageWages.find((row) => row.from <= month && month <= row.to) ?? null;
}

/**
 * Band of a monthly contribution base, for the SI-base indicator:
 * - `below08`: base < 0.8W
 * - `from08`: 0.8W ≤ base < 1W
 * - `from1`: 1W ≤ base < 2W
 * - `from2`: 2W ≤ base < ceiling
 * - `ceiling`: base ≥ the period's published ceiling (the 120-point tier, "equal to 3W")
 *
 * Lower bounds are inclusive. Comparisons are exact: the base is taken in whole fen and compared with integer
 * multiples of W, and the ceiling is compared as the published whole-yuan figure, never as `3 * W` in floating
 * point. Returns null when the month is outside the table or the base is not a finite non-negative number.
 */
export function bandOf(
  base: number,
  month: YearMonth,
): 'below08' | 'from08' | 'from1' | 'from2' | 'ceiling' | null {
  const row = averageWageFor(month);
  if (!row || !Number.isFinite(base) || base < 0) return null;
  const fen = Math.round(base * 100);
  if (fen >= row.ceiling * 100) return 'ceiling';
  if (fen >= row.wage * 200) return 'from2';
  if (fen >= row.wage * 100) return 'from1';
  // 0.8W in fen is W × 80.
  if (fen >= row.wage * 80) return 'from08';
  return 'below08';
}
