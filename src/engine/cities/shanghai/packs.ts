/**
 * Shanghai rule packs: dated, cited parameters of 上海市居住证积分管理办法 (2015, 2017, 2022 versions).
 * Research and decisions: docs/rules/shanghai.md. Values are identical across the three packs except for the
 * eligibility gate (from 2018) and the Lingang waiting period (2019-11-20 and 2024-08-21).
 */
import type { Citation, Cited, Confidence, IsoDate, RulePack } from '../../core/types';
import type { ShanghaiAward, ShanghaiEducation, ShanghaiTitle } from './facts';

/** Source pages (see docs/rules/shanghai.md §Sources). */
const SRC = {
  m2015:
    'https://github.com/geek-plus/mirror-CN/blob/20a9096/23%E5%9F%8E%E5%B8%82%E4%BA%BA%E5%8F%A3%E6%94%BF%E7%AD%96%E6%95%B0%E6%8D%AE/0-%E5%90%84%E5%9F%8E%E5%B8%82%E6%94%BF%E7%AD%96-%E5%8E%9F%E5%A7%8B%E6%96%87%E4%BB%B6/%E4%B8%8A%E6%B4%A5%E5%BA%86/%E4%B8%8A%E6%B5%B7/%E4%B8%8A%E6%B5%B7%E5%B8%82%E5%B1%85%E4%BD%8F%E8%AF%81%E7%A7%AF%E5%88%86%E7%AE%A1%E7%90%86%E5%8A%9E%E6%B3%95.docx',
  e2017: 'https://english.shanghai.gov.cn/en-Bulletin/20240921/b1365d47af0c4ce395a4f6d6e2c1bb5c.html',
  s1: 'http://www.hwfdj.com/jifen/1481.html',
  s3: 'https://c-ibc.com/jifen/842.html',
  s4: 'http://hahafu.net.cn/html/shlhzx/jzz/67994.html',
  s5: 'http://m.92hukou.com/html/news/juzhuanhu/4143.html',
  s7: 'http://m.ddtbk.com/techan/123547.html',
  s8: 'http://www.wantom.net/jifen/1321.html',
  s9: 'https://shjzzjf.net/shjfx/11008.html',
  s10: 'http://www.fantu.net/html/juzhuzheng/faq/635.html',
  s11: 'https://www.jzzjf.com/news/show/2353',
  s13: 'http://news.dqsqz.com.cn/mrkx/202408/555203.html',
  s15: 'http://m.e3xbk.cn/jifen/1352.html',
  s17: 'https://wfek.com/jifen/806.html',
  s20: 'https://wfek.com/jifen/1507.html',
  s21: 'https://liuhubang.com/news/jifen_3045.html',
  s27: 'http://m.shenhus.com/html/yjs/zcfg/1219.html',
  s32: 'http://www.51luohu.com/news/181285.html',
} as const;

type Edition = '2015' | '2018' | '2023';

const INSTRUMENT: Record<Edition, string> = {
  '2015': '上海市居住证积分管理办法（2015）',
  '2018': '上海市居住证积分管理办法 沪府发〔2017〕98号',
  '2023': '上海市居住证积分管理办法 沪府规〔2022〕21号',
};

/**
 * One indicator's citation in each edition. The 2015 text was read verbatim, so its article numbers are given;
 * the Chinese texts of 2017 and 2022 could not be read, so their rows name the indicator-table item and the
 * secondary source that quotes the (unchanged) value.
 */
interface Source {
  readonly article2015: string;
  readonly item: string;
  readonly url2015?: string;
  readonly url: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

function citeFor(edition: Edition, source: Source): Citation {
  const verbatim = edition === '2015';
  return {
    instrument: INSTRUMENT[edition],
    article: verbatim ? source.article2015 : source.item,
    url: verbatim ? (source.url2015 ?? SRC.m2015) : source.url,
    confidence: source.confidence,
    ...(source.note ? { note: source.note } : {}),
  };
}

const SOURCES = {
  standard: { article2015: '标准分值', item: '标准分值', url: SRC.s8, confidence: 'high' },
  eligibility: {
    article2015: '第二条',
    item: '第二条（适用范围）',
    url: SRC.e2017,
    confidence: 'high',
    note: 'The 6-of-12-months clause is new in the 2017 text (official English); the 2015 Art. 2 has none.',
  },
  age: {
    article2015: '第六条第（一）项',
    item: '基础指标·年龄',
    url: SRC.s1,
    confidence: 'high',
    note: 'Table derived from the formula; matches the published age table (S32).',
  },
  education: { article2015: '第六条第（二）项', item: '基础指标·教育背景', url: SRC.s1, confidence: 'high',
    note: 'Item number of the 2015 text inferred from the order of its items.' },
  title: { article2015: '第六条第（三）项', item: '基础指标·专业技术职称和技能等级', url: SRC.s5, confidence: 'high',
    note: 'Item number of the 2015 text inferred from the order of its items.' },
  titleGate: {
    article2015: '第六条第（三）项',
    item: '基础指标·专业技术职称和技能等级（社保基数条件）',
    url: SRC.s5,
    confidence: 'high',
  },
  pickOne: { article2015: '第十条', item: '教育背景与职称技能二选一', url: SRC.s8, confidence: 'high' },
  siYears: { article2015: '第六条第（四）项', item: '基础指标·社会保险年限', url: SRC.s7, confidence: 'high',
    note: 'Item number of the 2015 text inferred from the order of its items.' },
  shortageMajor: { article2015: '第七条', item: '加分指标·紧缺急需专业', url: SRC.s3, confidence: 'high' },
  investment: {
    article2015: '第七条第（四）项；第十一条',
    item: '加分指标·投资纳税或带动本地就业',
    url: SRC.s10,
    confidence: 'high',
    note: 'Tax or hires, whichever is larger (2015 Art. 11). Whether the personal share also scales hires is unclear.',
  },
  siBase: {
    article2015: '第七条第（五）项',
    item: '加分指标·缴纳职工社会保险费基数',
    url: SRC.s4,
    confidence: 'high',
    note: 'Months are counted at or above each band’s lower bound; the highest tier reached counts (decision 5).',
  },
  sanitation: {
    article2015: '第七条第（六）项',
    item: '加分指标·特定的公共服务领域',
    url: SRC.s10,
    confidence: 'medium',
    note: 'No cap in the text, unlike the next item (远郊, max 20).',
  },
  remoteArea: { article2015: '第七条第（七）项', item: '加分指标·远郊重点区域', url: SRC.s10, confidence: 'high',
    note: 'Item number of the 2015 text inferred from the order of its items.' },
  lingang2019: {
    article2015: '—',
    item: '临港新片区支持人才发展若干措施（2019-11-20）·居住证积分专项加分',
    url: SRC.s11,
    confidence: 'medium',
    note: 'The clause is attributed to the 2019 Lingang talent measures by secondary pages; its own date is not confirmed.',
  },
  lingang2024: {
    article2015: '—',
    item: '临港新片区人才新政（2024-08-21）·居住证积分专项加分当年计入',
    url: SRC.s13,
    confidence: 'medium',
  },
  freshGraduate: {
    article2015: '第七条第（八）项',
    item: '加分指标·全日制应届高校毕业生',
    url: SRC.s27,
    confidence: 'high',
  },
  awards: { article2015: '第七条第（九）项；第十条', item: '加分指标·表彰奖励', url: SRC.s21, confidence: 'high' },
  spouse: { article2015: '第七条', item: '加分指标·配偶为本市户籍人员', url: SRC.s10, confidence: 'high' },
  entrepreneur: {
    article2015: '第七条',
    item: '加分指标·创业人才／创新创业中介服务人才',
    url: SRC.s20,
    confidence: 'medium',
  },
  falseMaterial: { article2015: '第八条第（一）项', item: '减分指标·提供虚假材料', url: SRC.s15, confidence: 'medium' },
  detention: { article2015: '第八条', item: '减分指标·行政拘留', url: SRC.s15, confidence: 'high' },
  crime: { article2015: '第八条', item: '减分指标·一般刑事犯罪', url: SRC.s15, confidence: 'high' },
  veto: { article2015: '一票否决指标', item: '一票否决指标', url: SRC.s17, confidence: 'high' },
  floor: { article2015: '第十一条', item: '总积分最低为0分', url: SRC.m2015, confidence: 'high' },
} as const satisfies Record<string, Source>;

type SourceId = keyof typeof SOURCES;

/** A dated step inside a pack (e.g. the Lingang waiting period changes on a given day). */
export interface DatedValue<T> {
  readonly from: IsoDate;
  readonly value: T;
}

export interface SiBaseTier {
  /** Points for this tier. */
  readonly points: number;
  /** Lower bound as a multiple of the average wage W (3 = at the ceiling). */
  readonly multiple: 0.8 | 1 | 2 | 3;
  /** Months needed at or above the bound … */
  readonly months: number;
  /** … within this many most recent months. */
  readonly windowMonths: number;
}

export interface ShanghaiParams {
  readonly standardScore: Cited<number>;
  /** Eligibility gate (null before 2018): months of employee SI needed in the last `windowMonths`. */
  readonly siGate: Cited<{ readonly minMonths: number; readonly windowMonths: number } | null>;
  readonly age: Cited<{ readonly cap: number; readonly plateauFrom: number; readonly plateauTo: number; readonly plateauPoints: number; readonly perYearYounger: number }>;
  readonly education: Cited<Readonly<Record<ShanghaiEducation, number>>>;
  readonly title: Cited<Readonly<Record<ShanghaiTitle, number>>>;
  /** Tiers from `fromPoints` up need `minMonths` of the last 12 at a base ≥ 1W. */
  readonly titleGate: Cited<{ readonly fromPoints: number; readonly minMonths: number; readonly windowMonths: number }>;
  readonly pickOne: Cited<'higher'>;
  readonly siYears: Cited<{ readonly pointsPerFullYear: number }>;
  readonly shortageMajor: Cited<number>;
  readonly investment: Cited<{ readonly pointsPerUnit: number; readonly taxUnitYuan: number; readonly hiresUnit: number; readonly cap: number }>;
  readonly siBase: Cited<readonly SiBaseTier[]>;
  readonly sanitation: Cited<{ readonly pointsPerFullYear: number; readonly minYears: number; readonly cap: null }>;
  readonly remoteArea: Cited<{ readonly pointsPerFullYear: number; readonly minYears: number; readonly cap: number }>;
  /** Waiting period (full years) for Lingang new-area workers and residents, by application date. */
  readonly lingangMinYears: readonly Cited<DatedValue<number>>[];
  readonly freshGraduate: Cited<number>;
  readonly awards: Cited<Readonly<Record<ShanghaiAward, number>>>;
  readonly spouse: Cited<{ readonly pointsPerFullYear: number; readonly cap: number }>;
  readonly entrepreneur: Cited<number>;
  readonly falseMaterial: Cited<{ readonly points: number; readonly windowYears: number }>;
  readonly detention: Cited<{ readonly points: number; readonly windowYears: number }>;
  readonly crime: Cited<{ readonly points: number; readonly windowYears: number }>;
  readonly veto: Cited<readonly ('familyPlanningViolation' | 'seriousCrime')[]>;
  readonly floor: Cited<number>;
}

export type ShanghaiPack = RulePack<ShanghaiParams>;

function params(edition: Edition): ShanghaiParams {
  const cited = <T>(value: T, source: SourceId): Cited<T> => ({ value, cite: citeFor(edition, SOURCES[source]) });
  return {
    standardScore: cited(120, 'standard'),
    siGate: cited(edition === '2015' ? null : { minMonths: 6, windowMonths: 12 }, 'eligibility'),
    age: cited({ cap: 30, plateauFrom: 56, plateauTo: 60, plateauPoints: 5, perYearYounger: 2 }, 'age'),
    education: cited(
      { none: 0, juniorCollege: 50, bachelor: 60, bachelorDegree: 90, master: 100, doctorate: 110 },
      'education',
    ),
    title: cited(
      {
        none: 0,
        juniorTitle: 0,
        skill5: 15,
        skill4: 30,
        skill3: 60,
        skill2: 100,
        intermediateTitle: 100,
        skill1: 140,
        seniorTitle: 140,
      },
      'title',
    ),
    titleGate: cited({ fromPoints: 100, minMonths: 6, windowMonths: 12 }, 'titleGate'),
    pickOne: cited('higher', 'pickOne'),
    siYears: cited({ pointsPerFullYear: 3 }, 'siYears'),
    shortageMajor: cited(30, 'shortageMajor'),
    investment: cited({ pointsPerUnit: 10, taxUnitYuan: 100_000, hiresUnit: 10, cap: 120 }, 'investment'),
    siBase: cited(
      [
        { points: 120, multiple: 3, months: 24, windowMonths: 36 },
        { points: 100, multiple: 2, months: 36, windowMonths: 48 },
        { points: 50, multiple: 1, months: 36, windowMonths: 48 },
        { points: 25, multiple: 0.8, months: 36, windowMonths: 48 },
      ],
      'siBase',
    ),
    sanitation: cited({ pointsPerFullYear: 4, minYears: 5, cap: null }, 'sanitation'),
    remoteArea: cited({ pointsPerFullYear: 2, minYears: 5, cap: 20 }, 'remoteArea'),
    lingangMinYears:
      edition === '2015'
        ? []
        : [cited({ from: '2019-11-20', value: 3 }, 'lingang2019'), cited({ from: '2024-08-21', value: 0 }, 'lingang2024')],
    freshGraduate: cited(10, 'freshGraduate'),
    awards: cited({ municipalSpecial: 30, municipalComprehensive: 60, provincialOrHigher: 110 }, 'awards'),
    spouse: cited({ pointsPerFullYear: 4, cap: 40 }, 'spouse'),
    entrepreneur: cited(120, 'entrepreneur'),
    falseMaterial: cited({ points: 150, windowYears: 3 }, 'falseMaterial'),
    detention: cited({ points: 50, windowYears: 5 }, 'detention'),
    crime: cited({ points: 150, windowYears: 5 }, 'crime'),
    veto: cited(['familyPlanningViolation', 'seriousCrime'], 'veto'),
    floor: cited(0, 'floor'),
  };
}

/** Shanghai packs, oldest first. The 2013 trial version is not modelled (docs/rules/shanghai.md). */
export const shanghaiPacks: readonly ShanghaiPack[] = [
  {
    id: 'shanghai-2015',
    city: 'shanghai',
    instrument: INSTRUMENT['2015'],
    validFrom: '2015-07-01',
    validTo: '2017-12-31',
    validityCite: {
      instrument: INSTRUMENT['2015'],
      article: '施行日期',
      url: SRC.m2015,
      confidence: 'high',
      note: 'Stated validity 2015-07-01 → 2018-06-30; replaced by the 2017 Procedures from 2018-01-01.',
    },
    params: params('2015'),
  },
  {
    id: 'shanghai-2018',
    city: 'shanghai',
    instrument: INSTRUMENT['2018'],
    validFrom: '2018-01-01',
    validTo: '2022-12-31',
    validityCite: {
      instrument: INSTRUMENT['2018'],
      article: '施行日期',
      url: SRC.e2017,
      confidence: 'medium',
      note: 'Dated 2017-12-28; effective 2018-01-01 inferred from the parent 上海市居住证管理办法 (Order No. 58).',
    },
    params: params('2018'),
  },
  {
    id: 'shanghai-2023',
    city: 'shanghai',
    instrument: INSTRUMENT['2023'],
    validFrom: '2023-01-01',
    validTo: '2027-12-31',
    validityCite: { instrument: INSTRUMENT['2023'], article: '有效期', url: SRC.s1, confidence: 'high' },
    params: params('2023'),
  },
];

/** First date any modelled Shanghai rules apply. */
export const SHANGHAI_FIRST_MODELLED: IsoDate = '2015-07-01';
