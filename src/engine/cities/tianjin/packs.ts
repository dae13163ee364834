/**
 * Tianjin rule packs: dated, cited parameters of 天津市居住证积分 (津政规〔2021〕6号 + 津发改社会规〔2021〕13号 from
 * 2022-01-01, with the housing amendment 津发改社会规〔2022〕4号 from 2023-01-01). Research and decisions:
 * docs/rules/tianjin.md. The two packs differ only in the owned-housing rates and the new-home bonus.
 * The 2018 table (津发改社会〔2018〕26号) and the 2020 revision are not modelled (too many values unknown).
 */
import type { Citation, Cited, Confidence, IsoDate, RulePack } from '../../core/types';
import type { TianjinDistrictGroup } from './districts';
import type {
  TianjinAward,
  TianjinEducation,
  TianjinInsuranceType,
  TianjinOccupationShortage,
  TianjinProfQualification,
  TianjinSkillLevel,
} from './facts';
import { TIANJIN_TIMETABLE, type Timetable } from './period';
import { RETIREMENT_SCHEDULE, type RetirementSchedule } from './retirement';

/** Source pages (see docs/rules/tianjin.md §Sources). */
const SRC = {
  amendment2022: 'https://fzgg.tj.gov.cn/zwgk_47325/zcfg_47338/zcwjx/fgwj/202211/t20221128_6044298.html',
  measures2021: 'http://www.tjjfrh.com/tjlhzc/4461.html',
  conditions: 'http://m.hunanyuer.com/baike/techan/204518.html',
  siWording: 'http://m.shbk.net/techan/48913.html',
  siMonthly: 'https://riaoao5l.cn/html/shnews/shebao/46507.html',
  fund: 'https://www.tjjfrh.com/lhfzb/6080.html',
  residence: 'https://juke.outofmemory.cn/read/1132017.html',
  endorsementTiming: 'http://tjjfrh.com/tjjzz/2562.html',
  age: 'https://www.okjobl.com.cn/asks/13737.html',
  education: 'https://www.tjjfrh.com/lhfzb/5662.html',
  qualification: 'http://wap.kuyiso.com/tianjin/news/9923e2g8b676.html',
  pickHighest: 'https://www.tjjfrh.com/lhfzb/6406.html',
  occupation: 'http://www.pyt3.net/html/shnews/jifenluohu/55389.html',
  marriage: 'http://m.021shhk.com/html/zixunneirong/rddd/25503.html',
  negative: 'https://www.tjjfrh.com/lhfzb/6406.html',
  falseInfoValue: 'https://github.com/topie/score-server',
  guidance: 'http://hellyhansennz.com/banshizhinan/hukou/23162.html',
  cutoff2022: 'http://www.021shhk.com/html/zixunneirong/bszn/67363.html',
  rounding: 'https://www.bkkpb.com/jybk/rne840.html',
} as const;

type Edition = '2022' | '2023';

const MEASURES = '天津市居住证管理办法 津政规〔2021〕6号';
const TABLE = '天津市居住证积分指标及分值表 津发改社会规〔2021〕13号';
const AMENDMENT = '关于调整《天津市居住证积分指标及分值表》“居住”指标的通知 津发改社会规〔2022〕4号';

const INSTRUMENT: Record<Edition, string> = {
  '2022': `${MEASURES}；${TABLE}`,
  '2023': `${MEASURES}；${TABLE}；${AMENDMENT}`,
};

interface Source {
  readonly instrument: string;
  readonly article: string;
  readonly url: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

const SOURCES = {
  conditions: {
    instrument: MEASURES,
    article: '积分落户申请条件（居住证；在津就业或投资创业；社会保险；未达法定退休年龄）',
    url: SRC.conditions,
    confidence: 'high',
    note: 'Relaxed SI condition (1 year continuous or 3 years cumulative since 2014-01-01) per http://www.tjjfrh.com/tjlhzc/4461.html; "one full year" = the 12 months up to the cut-off without a gap (2018 definition, http://crsrw.com/falvyuanzhu/6634.html).',
  },
  guidance: {
    instrument: MEASURES,
    article: '申报指导分值（110分）',
    url: SRC.guidance,
    confidence: 'high',
    note: '140 until 2019, 110 from 2020; still 110 in 2025 (http://www.tjdwlh.com/jifenluohubanlizhinan/1719.html).',
  },
  socialInsurance: {
    instrument: TABLE,
    article: '基本分·社会保险（按险种计分；满12个月不满36个月每年最高22分，自满36个月的下一月起每年最高28分）',
    url: SRC.siWording,
    confidence: 'high',
    note: 'Monthly accrual allowed (https://riaoao5l.cn/html/shnews/shebao/46507.html); back-paid, transferred-in and flexible-employment months excluded.',
  },
  rounding: {
    instrument: '天津市居住证积分政策问答',
    article: '社会保险不足一年按月计算（满一年积4分，满一月0.33分，3个月0.99分）',
    url: SRC.rounding,
    confidence: 'medium',
    note: 'Pre-2020 official Q&A example; applied to every monthly indicator (rules spec, decision 2).',
  },
  housingFund: {
    instrument: TABLE,
    article: '基本分·住房公积金（60个月以内每年3分，自满60个月的下一月起每年4分）',
    url: SRC.fund,
    confidence: 'high',
  },
  endorsement: {
    instrument: TABLE,
    article: '基本分·居住·居住证签注（京津冀居住证每年签注一次，每次6分）',
    url: SRC.residence,
    confidence: 'medium',
    note: 'One endorsement a year, applied for in the month before each full year (http://tjjfrh.com/tjjzz/2562.html): counted endorsements must be at least 11 full months apart; first issuance does not count.',
  },
  rent: {
    instrument: TABLE,
    article: '基本分·居住·租赁住房（自登记备案之日起每年6分；同期租房买房不重复积分）',
    url: SRC.residence,
    confidence: 'high',
  },
  ownedHome2022: {
    instrument: TABLE,
    article: '基本分·居住·自有住房（每年积10/11/12/15分，按中心城区六区/环城四区/远郊五区/滨海新区）',
    url: SRC.residence,
    confidence: 'high',
    note: 'The 2022 wording "每年" is replaced by "每满一年" in 津发改社会规〔2022〕4号; full years are used in both packs (decision 3).',
  },
  ownedHome2023: {
    instrument: AMENDMENT,
    article: '自有住房每满一年积10/12/12/15分；新建商品住房一次性加15/25/25/30分',
    url: SRC.amendment2022,
    confidence: 'high',
    note: 'Official page marked 有效, in force from 2023-01-01; other owned-housing rules unchanged.',
  },
  age: {
    instrument: TABLE,
    article: '基本分·年龄（网上申报之日：35周岁及以下10分，36至45周岁5分）',
    url: SRC.age,
    confidence: 'high',
  },
  education: {
    instrument: TABLE,
    article: '基本分·受教育程度（本科及以上20分，大专10分，含高级技工学校高级班毕业并取得高级工证书）',
    url: SRC.education,
    confidence: 'high',
  },
  qualification: {
    instrument: TABLE,
    article: '基本分·专业技术人员职业资格（对应高级/中级/初级职称30/20/15分）',
    url: SRC.qualification,
    confidence: 'high',
  },
  skill: {
    instrument: TABLE,
    article: '基本分·技能人员职业技能水平（高级技师30、技师20、高级工15、中级工10、初级工5分）',
    url: SRC.qualification,
    confidence: 'high',
  },
  pickHighest: {
    instrument: TABLE,
    article: '同一指标内只取最高一项，不累计（职业资格与技能水平合并取最高）',
    url: SRC.pickHighest,
    confidence: 'high',
  },
  occupation: {
    instrument: TABLE,
    article: '导向分·职业（工种）（非常紧缺25、紧缺15、一般紧缺10分）',
    url: SRC.occupation,
    confidence: 'high',
    note: 'Adds to the qualification or skill level of the same certificate (https://www.fudaoke.com/exam/2409062.html).',
  },
  marriage: {
    instrument: TABLE,
    article: '附加分·婚姻情况（配偶在津就业且单位累计缴纳社会保险满24个月，或配偶为现役军人，20分）',
    url: SRC.marriage,
    confidence: 'high',
  },
  award: {
    instrument: TABLE,
    article: '附加分·奖项（国家级技能大赛30分，省级技能竞赛20分）',
    url: SRC.marriage,
    confidence: 'medium',
    note: 'Skills competitions only; the 2018 honorary titles were dropped (rules spec, appendix §6).',
  },
  crime: {
    instrument: TABLE,
    article: '负积分·刑事犯罪（处罚期满后5年内申报的，每条记录减100分）',
    url: SRC.negative,
    confidence: 'medium',
  },
  falseInfo: {
    instrument: TABLE,
    article: '负积分·提供虚假信息（5年内每条记录减30分）',
    url: SRC.negative,
    confidence: 'medium',
    note: 'Scope from the 2023 repost of the official Q&A; the value −30 is that of the 2016–2021 tables (official back office, CheckInfoController.relationFakeRecord), not restated since 2022.',
  },
  cutoff2022: {
    instrument: '天津市2022年第一期积分落户分值线',
    article: '最低分值110分，最高分值843.66分',
    url: SRC.cutoff2022,
    confidence: 'medium',
    note: 'The only published line found; lines for 2022-2 to 2025-2 were not found. No annual quota since 2020.',
  },
} as const satisfies Record<string, Source>;

type SourceId = keyof typeof SOURCES;

function citeOf(source: Source): Citation {
  return {
    instrument: source.instrument,
    article: source.article,
    url: source.url,
    confidence: source.confidence,
    ...(source.note ? { note: source.note } : {}),
  };
}

/** Yearly points before and after a threshold of months. */
export interface PhasedRate {
  readonly phase1: number;
  readonly phase2: number;
}

export interface TianjinParams {
  /** Guidance score (申报指导分值), the line the total is compared with. */
  readonly guidanceScore: Cited<number>;
  /** Application windows and count cut-offs. */
  readonly timetable: Cited<Timetable>;
  /** Social-insurance conditions to apply: all of the last 12 months, or 36 months since 2014-01-01. */
  readonly conditions: Cited<{ readonly siContinuousMonths: number; readonly siCumulativeMonths: number; readonly siCumulativeSince: IsoDate }>;
  /** Statutory retirement ages (national gradual schedule). */
  readonly retirement: Cited<RetirementSchedule>;
  /** Points a year per insurance type, months 1…threshold and after. */
  readonly socialInsurance: Cited<{ readonly thresholdMonths: number; readonly yearly: Readonly<Record<TianjinInsuranceType, PhasedRate>> }>;
  /** How part-years are scored: full years at the yearly value, remaining months at the rounded monthly rate. */
  readonly monthlyRounding: Cited<'monthlyRateHalfUpToHundredths'>;
  readonly housingFund: Cited<{ readonly thresholdMonths: number; readonly yearly: PhasedRate }>;
  /** Points per annual endorsement; counted endorsements at least this many full months apart. */
  readonly endorsement: Cited<{ readonly pointsEach: number; readonly minMonthsBetween: number }>;
  readonly rent: Cited<{ readonly yearly: number }>;
  /** Owned home: points per full year by district group, and the one-time new-home bonus (null before 2023). */
  readonly ownedHome: Cited<{
    readonly perFullYear: Readonly<Record<TianjinDistrictGroup, number>>;
    readonly newHomeBonus: Readonly<Record<TianjinDistrictGroup, number>> | null;
  }>;
  /** Age bands by completed years on the submission date; `upTo` null = every older age. */
  readonly age: Cited<readonly { readonly upTo: number | null; readonly points: number }[]>;
  readonly education: Cited<Readonly<Record<TianjinEducation, number>>>;
  readonly profQualification: Cited<Readonly<Record<TianjinProfQualification, number>>>;
  readonly skillLevel: Cited<Readonly<Record<TianjinSkillLevel, number>>>;
  /** Qualification and skill level form one line: the highest counts. */
  readonly pickHighest: Cited<'highest'>;
  readonly occupation: Cited<Readonly<Record<TianjinOccupationShortage, number>>>;
  readonly marriage: Cited<{ readonly points: number; readonly spouseMinSiMonths: number }>;
  readonly award: Cited<Readonly<Record<TianjinAward, number>>>;
  readonly crime: Cited<{ readonly pointsEach: number; readonly windowYears: number }>;
  readonly falseInfo: Cited<{ readonly pointsEach: number; readonly windowYears: number }>;
  /** The only published cut-off line found, 2022 period 1. */
  readonly publishedCutoff: Cited<{ readonly period: string; readonly lowest: number; readonly highest: number }>;
}

export type TianjinPack = RulePack<TianjinParams>;

function params(edition: Edition): TianjinParams {
  const cited = <T>(value: T, source: SourceId): Cited<T> => ({ value, cite: citeOf(SOURCES[source]) });
  return {
    guidanceScore: cited(110, 'guidance'),
    timetable: TIANJIN_TIMETABLE,
    conditions: cited({ siContinuousMonths: 12, siCumulativeMonths: 36, siCumulativeSince: '2014-01-01' }, 'conditions'),
    retirement: RETIREMENT_SCHEDULE,
    socialInsurance: cited(
      {
        thresholdMonths: 36,
        yearly: {
          pension: { phase1: 10, phase2: 12 },
          medical: { phase1: 3, phase2: 4 },
          unemployment: { phase1: 3, phase2: 4 },
          injury: { phase1: 3, phase2: 4 },
          maternity: { phase1: 3, phase2: 4 },
        },
      },
      'socialInsurance',
    ),
    monthlyRounding: cited('monthlyRateHalfUpToHundredths', 'rounding'),
    housingFund: cited({ thresholdMonths: 60, yearly: { phase1: 3, phase2: 4 } }, 'housingFund'),
    endorsement: cited({ pointsEach: 6, minMonthsBetween: 11 }, 'endorsement'),
    rent: cited({ yearly: 6 }, 'rent'),
    ownedHome:
      edition === '2022'
        ? cited({ perFullYear: { central6: 10, ring4: 11, outer5: 12, binhai: 15 }, newHomeBonus: null }, 'ownedHome2022')
        : cited(
            {
              perFullYear: { central6: 10, ring4: 12, outer5: 12, binhai: 15 },
              newHomeBonus: { central6: 15, ring4: 25, outer5: 25, binhai: 30 },
            },
            'ownedHome2023',
          ),
    age: cited(
      [
        { upTo: 35, points: 10 },
        { upTo: 45, points: 5 },
        { upTo: null, points: 0 },
      ],
      'age',
    ),
    education: cited({ none: 0, juniorCollege: 10, advancedTechnicalClass: 10, bachelorOrAbove: 20 }, 'education'),
    profQualification: cited({ none: 0, junior: 15, intermediate: 20, senior: 30 }, 'qualification'),
    skillLevel: cited(
      { none: 0, juniorWorker: 5, intermediateWorker: 10, seniorWorker: 15, technician: 20, seniorTechnician: 30 },
      'skill',
    ),
    pickHighest: cited('highest', 'pickHighest'),
    occupation: cited({ none: 0, general: 10, scarce: 15, veryScarce: 25 }, 'occupation'),
    marriage: cited({ points: 20, spouseMinSiMonths: 24 }, 'marriage'),
    award: cited({ none: 0, provincialCompetition: 20, nationalCompetition: 30 }, 'award'),
    crime: cited({ pointsEach: 100, windowYears: 5 }, 'crime'),
    falseInfo: cited({ pointsEach: 30, windowYears: 5 }, 'falseInfo'),
    publishedCutoff: cited({ period: '2022-1', lowest: 110, highest: 843.66 }, 'cutoff2022'),
  };
}

/** Tianjin packs, oldest first. */
export const tianjinPacks: readonly TianjinPack[] = [
  {
    id: 'tianjin-2022',
    city: 'tianjin',
    instrument: INSTRUMENT['2022'],
    validFrom: '2022-01-01',
    validTo: '2022-12-31',
    validityCite: {
      instrument: INSTRUMENT['2022'],
      article: '施行日期（2022年1月1日起施行）；“居住”指标自2023年1月1日起调整',
      url: SRC.measures2021,
      confidence: 'high',
      note: 'Start: https://falvjieda.com/gongsifalv/tfi7248t0h.html; end: the day before 津发改社会规〔2022〕4号 applies.',
    },
    params: params('2022'),
  },
  {
    id: 'tianjin-2023',
    city: 'tianjin',
    instrument: INSTRUMENT['2023'],
    validFrom: '2023-01-01',
    validTo: '2026-12-31',
    validToAssumed: true,
    validityCite: {
      instrument: AMENDMENT,
      article: '本调整内容自2023年1月1日起实施（有效性：有效）',
      url: SRC.amendment2022,
      confidence: 'medium',
      note: 'Start high (official page); the end 2026-12-31 is assumed: no validity clause of 津政规〔2021〕6号 or 津发改社会规〔2021〕13号 was found (5 years is usual in Tianjin).',
    },
    params: params('2023'),
  },
];

/** First date any modelled Tianjin rules apply. */
export const TIANJIN_FIRST_MODELLED: IsoDate = '2022-01-01';
