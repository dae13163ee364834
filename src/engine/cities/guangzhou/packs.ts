/**
 * Guangzhou rule packs: dated, cited parameters of the 来穗人员积分制 tables (2018 trial table and 穗府规〔2021〕7号),
 * plus the cited facts of each 积分制入户 round (cut-off dates, windows, eligibility, published cut-off lines).
 * Research and decisions: docs/rules/guangzhou.md.
 */
import type { Citation, Cited, Confidence, IsoDate, RulePack } from '../../core/types';
import type { GuangzhouAward, GuangzhouEducation, GuangzhouPatentKind, GuangzhouTechnicalLevel } from './facts';
import { deepFrozen } from '../../core/frozen';

/** Source pages (see docs/rules/guangzhou.md §Sources). */
const SRC = {
  regulation2021: 'http://www.c6h6o6.com/gfxwj/szfgfxwj/gzsrmzf/content/post_7921462.html',
  table2021: 'http://m.ccschy.com/techan/139982.html',
  table2021b: 'https://www.leso.org.cn/72155.html',
  structure: 'http://m.huaduyun.cn/guangzhoujifen/jifentixi.html',
  rules2021: 'http://yunnanlong.com/c/566206.html',
  hukouTable: 'https://www.gzjfw.cn/zljfrh/14856.html',
  ageWording: 'https://m.gz.bendibao.com/life/345591.html',
  patents2021: 'http://www.yeguobi.com/3003.html',
  occupation2021: 'http://jingyanla.com/a/06/0629126004H024.html',
  taxValues: 'https://www.ajbk.net/changshi/6982.html',
  awards2021: 'http://m.ljsggw.cn/techan/16981.html',
  deductions2021: 'http://m.yuerzaojiao.com/baike/techan/237187.html',
  techMaterials: 'http://m.gz.bendibao.com/life/290598.html',
  subsetDraft: 'https://77.wendadaohang.com/zd/qYpIWqqG8qIvIvWWqq.html',
  permitCounting: 'http://www.651010f.com/banshizhinan/jizhuzheng/48019.html',
  table2018: 'https://m.wenke99.com/p-5980896.html',
  table2020: 'http://m.ccschy.com/techan/21101.html',
  age2018: 'https://www.51dongshi.net/eedfrvaddbesd.html',
  occupation2018: 'http://yunnanlong.com/c/121325.html',
  trialNews2018: 'http://zzhz.zjol.com.cn/xww/lskb/hz13179/201808/t20180823_8082190.shtml',
  revisionDraft2021: 'http://jnsmxh.com/a/bumenbangong/gonghui/2021/0411/1290.html',
  hukou100: 'http://dfrtw.com/zhuanlichaxun/100671.html',
  measures2020: 'http://www.c6h6o6.com/gfxwj/szfgfxwj/gzsrmzfbgt/content/post_6456877.html',
  measures2023: 'https://fs0757.com/home/article/view/id/272165.html',
  notice2024: 'http://m.beyondlogodesign.com/zwgk/zdlyxxgkzl/xzsp/content/post_4504936.html',
  insuranceEach: 'http://m.kidbbs.com/baike/techan/1407766.html',
  ranking: 'http://www.fish4008.com/ruhuzhengce/jifenruhu/221753.html',
  round2022: 'https://jblgz.com/list_15/785.html',
  round2022tax: 'http://m.ljsggw.cn/techan/59e368957dba9222fb5a8c30898e704c.html',
  round2022b: 'https://www.liangdianhaofang.com/news-content/7883.html',
  round2023: 'http://zhongguoctwang.xunjk.com/zhongguoctwang/2023/1009/843533.html',
  round2023b: 'http://m.senbk.com/techan/141c9f582b95c788a23d95a1bde7ddc1.html',
  round2025: 'http://bm.manmankan.com/guangzhou/202510/27958.shtml',
  lines2018to2021: 'https://congraedu.com.cn/newsInfo/631081a467e6334f8cea81fe',
  line2023: 'https://wxredian.com/art?id=65cf80ef80485d380725a6478f472239',
  school: 'http://xiaohuangdou.net/shehui/2023/0315/7000.html',
} as const;

type Edition = '2018' | '2021';

const INSTRUMENT: Record<Edition, string> = {
  '2018': '广州市来穗人员积分制服务管理规定（试行）及实施细则（试行）',
  '2021': '广州市来穗人员积分制服务管理规定 穗府规〔2021〕7号',
};
const MEASURES_2020 = '广州市积分制入户管理办法 穗府办规〔2020〕11号';
const MEASURES_2023 = '广州市积分制入户管理办法 穗府办规〔2023〕1号';

/** One indicator's citation in one edition. */
interface Source {
  readonly article: string;
  readonly url: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

function citeOf(instrument: string, source: Source): Citation {
  return {
    instrument,
    article: source.article,
    url: source.url,
    confidence: source.confidence,
    ...(source.note ? { note: source.note } : {}),
  };
}

/** The seed copy of the 2018 table is literal; its URLs are reposts of the same trial table. */
const SEED_NOTE = 'Value read from the literal 2018 trial table (seed copy); the URL is a repost quoting the same value.';

const SOURCES_2018 = {
  residencePermit: { article: '指标体系及分值表·基础指标1（合法稳定住所）第1项', url: SRC.table2018, confidence: 'high', note: SEED_NOTE },
  property: { article: '指标体系及分值表·基础指标1 第2项（1）', url: SRC.table2018, confidence: 'high', note: SEED_NOTE },
  rental: { article: '指标体系及分值表·基础指标1 第2项（2）', url: SRC.table2018, confidence: 'high', note: SEED_NOTE },
  housingPick: { article: '指标体系及分值表·基础指标1 备注2', url: SRC.table2018, confidence: 'high', note: SEED_NOTE },
  movedOut: { article: '指标体系及分值表·基础指标1 第3项', url: SRC.table2018, confidence: 'high', note: SEED_NOTE },
  insurance: { article: '指标体系及分值表·基础指标2（合法稳定就业）', url: SRC.table2018, confidence: 'high', note: SEED_NOTE },
  housingFund: {
    article: '指标体系及分值表（无住房公积金指标）',
    url: SRC.revisionDraft2021,
    confidence: 'high',
    note: 'The housing-fund item is new in the 2021 revision.',
  },
  education: { article: '指标体系及分值表·基础指标3（文化程度）', url: SRC.age2018, confidence: 'high', note: SEED_NOTE },
  age: { article: '指标体系及分值表·基础指标4（年龄）', url: SRC.age2018, confidence: 'high', note: SEED_NOTE },
  technicalAbility: {
    article: '指标体系及分值表·加分指标1（技术能力）',
    url: SRC.table2020,
    confidence: 'high',
    note: `${SEED_NOTE} The working-in-field item adds to the certificate (decision 3; the seed's certificate page gives 中级 20, 高级 30).`,
  },
  patents: { article: '指标体系及分值表·加分指标2（创新创业）第1项', url: SRC.table2020, confidence: 'high', note: SEED_NOTE },
  highTech: { article: '指标体系及分值表·加分指标2（创新创业）第2项', url: SRC.table2020, confidence: 'high', note: SEED_NOTE },
  shortageOccupation: { article: '指标体系及分值表·加分指标3 第1项', url: SRC.occupation2018, confidence: 'high', note: SEED_NOTE },
  frontLine: { article: '指标体系及分值表·加分指标3 第2项', url: SRC.occupation2018, confidence: 'high', note: SEED_NOTE },
  bloodDonation: {
    article: '指标体系及分值表·加分指标4（社会服务和公益）',
    url: SRC.hukouTable,
    confidence: 'high',
    note: `${SEED_NOTE} 「以上各项1年内计分不超过2分」 is read per calendar year.`,
  },
  volunteering: { article: '指标体系及分值表·加分指标4（社会服务和公益）', url: SRC.hukouTable, confidence: 'high', note: SEED_NOTE },
  tax: { article: '指标体系及分值表·加分指标5（纳税情况）', url: SRC.taxValues, confidence: 'high', note: SEED_NOTE },
  awards: { article: '指标体系及分值表·加分指标6（表彰奖项）', url: SRC.table2018, confidence: 'high', note: SEED_NOTE },
  badCredit: { article: '指标体系及分值表·减分指标1（信用情况）', url: SRC.trialNews2018, confidence: 'high', note: SEED_NOTE },
  taxEvasion: { article: '指标体系及分值表·减分指标2 第1项', url: SRC.trialNews2018, confidence: 'high', note: SEED_NOTE },
  publicSecurity: { article: '指标体系及分值表·减分指标2 第2项', url: SRC.trialNews2018, confidence: 'high', note: SEED_NOTE },
  criminal: { article: '指标体系及分值表·减分指标2 第3项', url: SRC.trialNews2018, confidence: 'high', note: SEED_NOTE },
  floor: {
    article: '总积分最低为0分',
    url: SRC.structure,
    confidence: 'medium',
    note: 'The floor is stated for the current table; applied to the trial table by the same reading (decision 9).',
  },
  school: { article: '减分指标·备注（不适用随迁子女积分制入学）', url: SRC.trialNews2018, confidence: 'high', note: SEED_NOTE },
} as const satisfies Record<string, Source>;

const SOURCES_2021 = {
  residencePermit: { article: '指标体系及分值表·基础指标（合法稳定住所）·居住证', url: SRC.table2021, confidence: 'high' },
  property: { article: '指标体系及分值表·基础指标（合法稳定住所）·合法产权住所', url: SRC.table2021, confidence: 'high' },
  rental: { article: '指标体系及分值表·基础指标（合法稳定住所）·合法租赁住所或单位宿舍', url: SRC.table2021, confidence: 'high' },
  housingPick: {
    article: '指标体系及分值表·基础指标（合法稳定住所）·备注',
    url: SRC.table2021b,
    confidence: 'high',
    note: 'Property or rental, not both; the higher counts (decision 10).',
  },
  movedOut: { article: '指标体系及分值表·基础指标（合法稳定住所）·居住地转移', url: SRC.table2021, confidence: 'high' },
  insurance: { article: '指标体系及分值表·基础指标（合法稳定就业）·社会保险', url: SRC.table2021, confidence: 'high' },
  housingFund: { article: '指标体系及分值表·基础指标（合法稳定就业）·住房公积金', url: SRC.table2021, confidence: 'high' },
  education: { article: '指标体系及分值表·加分指标（文化程度）', url: SRC.hukouTable, confidence: 'high' },
  age: {
    article: '指标体系及分值表·基础指标（年龄）',
    url: SRC.ageWording,
    confidence: 'medium',
    note: 'Wording high; “a part-year over 40 counts as a year” from the day after the 40th birthday is our reading (decision 1).',
  },
  technicalAbility: {
    article: '指标体系及分值表·加分指标（技术能力）',
    url: SRC.table2021,
    confidence: 'medium',
    note: 'Whether the +5 for working in the field adds to the certificate is not stated; we add it (decision 3).',
  },
  patents: {
    article: '指标体系及分值表·加分指标（创新能力）·专利',
    url: SRC.patents2021,
    confidence: 'medium',
    note: '20/(人数) and 10/(人数), no first-inventor share, design patents removed; rounding not stated (decision 2).',
  },
  highTech: { article: '指标体系及分值表·加分指标（创新能力）·高新技术企业', url: SRC.patents2021, confidence: 'high' },
  shortageOccupation: { article: '指标体系及分值表·加分指标（急需工种或职业资格与服务行业）第1项', url: SRC.occupation2021, confidence: 'high' },
  frontLine: { article: '指标体系及分值表·加分指标（急需工种或职业资格与服务行业）第2项', url: SRC.occupation2021, confidence: 'high' },
  bloodDonation: {
    article: '指标体系及分值表·加分指标（社会服务和公益）·献血',
    url: SRC.hukouTable,
    confidence: 'medium',
    note: 'The yearly limit is written in the volunteer clause only; not applied to blood (decision 4).',
  },
  volunteering: { article: '指标体系及分值表·加分指标（社会服务和公益）·志愿者服务', url: SRC.hukouTable, confidence: 'medium' },
  tax: {
    article: '指标体系及分值表·加分指标（纳税情况）',
    url: SRC.taxValues,
    confidence: 'low',
    note: 'Structure seen in the 2021-family text (gzjfw.cn); tiers and points are the last known values, unverified (decision 5).',
  },
  awards: { article: '指标体系及分值表·加分指标（表彰奖项）', url: SRC.awards2021, confidence: 'medium' },
  badCredit: { article: '指标体系及分值表·减分指标（信用情况）', url: SRC.deductions2021, confidence: 'medium' },
  taxEvasion: { article: '指标体系及分值表·减分指标（违法违规情况）·偷漏税', url: SRC.deductions2021, confidence: 'medium' },
  publicSecurity: { article: '指标体系及分值表·减分指标（违法违规情况）·治安处罚', url: SRC.deductions2021, confidence: 'medium' },
  criminal: { article: '指标体系及分值表·减分指标（违法违规情况）·刑事处罚', url: SRC.deductions2021, confidence: 'medium' },
  floor: { article: '指标体系及分值表·说明（总积分最低为0分）', url: SRC.structure, confidence: 'high' },
  school: { article: '减分指标不适用随迁子女积分制入学', url: SRC.structure, confidence: 'high' },
  hukouSubset: {
    article: '广州市积分制入户指标体系及分值表（删除技术能力、实用新型专利）',
    url: SRC.subsetDraft,
    confidence: 'medium',
    note: 'From the 2022 draft explanation and reposts of the 入户 table; no official table seen (decision 6).',
  },
} as const satisfies Record<string, Source>;

/** Points per full year, with an optional cap (null: no cap stated). */
export interface PerYear {
  readonly pointsPerFullYear: number;
  readonly cap: number | null;
}

/** Age rule: completed-year brackets (2018) or 30 up to 40 then −2 per started year (2021). */
export type AgeRule =
  | { readonly kind: 'brackets'; readonly brackets: readonly { readonly from: number; readonly to: number; readonly points: number }[] }
  | { readonly kind: 'slidingAfter'; readonly minAge: number; readonly fullUpTo: number; readonly fullPoints: number; readonly minusPerStartedYear: number };

/** Certificate tiers of the technical-ability item: A (中级职称/技师+), B (初级职称/职业资格高级/工勤三级), C (职业资格中级/工勤四级). */
export type TechnicalTier = 'A' | 'B' | 'C';

/** A patent kind's points: `perPatent` shared among inventors, capped after summing (null: not in the table). */
export type PatentKindRule = { readonly perPatent: number; readonly cap: number } | null;

/** Award points: the first award of a kind, and each further one (equal for civil awards). */
export type AwardRule = { readonly first: number; readonly further: number } | null;

export interface TaxTier {
  /** Lower bound (inclusive), yuan summed over the 3 tax years. */
  readonly fromYuan: number;
  readonly points: number;
}

export interface GuangzhouParams {
  readonly residencePermit: Cited<PerYear>;
  readonly property: Cited<{ readonly points: number; readonly conghuaZengchengBonus: number }>;
  readonly rental: Cited<PerYear>;
  readonly housingPick: Cited<'higher'>;
  readonly movedOut: Cited<PerYear>;
  readonly insurance: Cited<{ readonly pointsPerFullYearPerType: number }>;
  /** Null when the table has no housing-fund item (2018). */
  readonly housingFund: Cited<PerYear | null>;
  readonly age: Cited<AgeRule>;
  readonly education: Cited<{ readonly category: 'basic' | 'bonus'; readonly points: Readonly<Record<GuangzhouEducation, number>> }>;
  readonly technicalAbility: Cited<{
    readonly tierOf: Readonly<Record<GuangzhouTechnicalLevel, TechnicalTier | null>>;
    readonly tierPoints: Readonly<Record<TechnicalTier, number>>;
    readonly workingInFieldBonus: number;
  }>;
  readonly patents: Cited<{
    /** `inventors`: per patent ÷ n (2021); `inventorsPlusOne`: ÷ (n + 1) with one extra share for the first inventor (2018). */
    readonly divisor: 'inventors' | 'inventorsPlusOne';
    readonly kinds: Readonly<Record<GuangzhouPatentKind, PatentKindRule>>;
    readonly windowYears: number;
  }>;
  readonly highTech: Cited<PerYear>;
  readonly shortageOccupation: Cited<number>;
  readonly frontLine: Cited<{ readonly base: number; readonly pointsPerFullYear: number; readonly extraCap: number }>;
  readonly bloodDonation: Cited<{ readonly pointsEach: number; readonly perCalendarYearCap: number | null; readonly cap: number; readonly windowYears: number }>;
  readonly volunteering: Cited<{
    readonly hoursPerUnit: number;
    readonly pointsPerUnit: number;
    readonly perCalendarYearCap: number;
    readonly cap: number;
    readonly windowYears: number;
  }>;
  readonly incomeTax: Cited<{ readonly tiers: readonly TaxTier[]; readonly taxYears: number }>;
  readonly companyTax: Cited<{ readonly tiers: readonly TaxTier[]; readonly taxYears: number }>;
  readonly awards: Cited<Readonly<Record<GuangzhouAward, AwardRule>>>;
  readonly badCredit: Cited<{ readonly pointsEach: number }>;
  readonly taxEvasion: Cited<{ readonly pointsEach: number; readonly windowYears: number }>;
  readonly publicSecurity: Cited<{ readonly pointsEach: number; readonly windowYears: number }>;
  /** A criminal punishment within `windowYears` bars 积分制入户 (no deduction). */
  readonly criminal: Cited<{ readonly windowYears: number }>;
  readonly floor: Cited<number>;
  /** 积分入学 uses the full table without the deduction indicators. */
  readonly schoolWithoutDeductions: Cited<true>;
  /** Lines left out of the 积分制入户 table from the 2022 round (null: no subset table for this edition). */
  readonly hukouSubset: Cited<{ readonly excludedLineIds: readonly string[] } | null>;
}

export type GuangzhouPack = RulePack<GuangzhouParams>;

const TAX_INCOME_TIERS: readonly TaxTier[] = [
  { fromYuan: 10_000, points: 4 },
  { fromYuan: 30_000, points: 8 },
  { fromYuan: 60_000, points: 12 },
];
const TAX_COMPANY_TIERS: readonly TaxTier[] = [
  { fromYuan: 50_000, points: 4 },
  { fromYuan: 100_000, points: 8 },
  { fromYuan: 200_000, points: 12 },
];

const TECH_TIER_OF = {
  none: null,
  skillIntermediate: 'C',
  workerTech4: 'C',
  skillSenior: 'B',
  workerTech3: 'B',
  juniorTitle: 'B',
  technician: 'A',
  intermediateTitle: 'A',
} as const satisfies Record<GuangzhouTechnicalLevel, TechnicalTier | null>;

function params2018(): GuangzhouParams {
  const cited = <T>(value: T, source: keyof typeof SOURCES_2018): Cited<T> => ({
    value,
    cite: citeOf(INSTRUMENT['2018'], SOURCES_2018[source]),
  });
  return {
    residencePermit: cited({ pointsPerFullYear: 3, cap: null }, 'residencePermit'),
    property: cited({ points: 10, conghuaZengchengBonus: 5 }, 'property'),
    rental: cited({ pointsPerFullYear: 2, cap: 10 }, 'rental'),
    housingPick: cited('higher', 'housingPick'),
    movedOut: cited({ pointsPerFullYear: 2, cap: 10 }, 'movedOut'),
    insurance: cited({ pointsPerFullYearPerType: 1 }, 'insurance'),
    housingFund: cited(null, 'housingFund'),
    age: cited(
      {
        kind: 'brackets',
        brackets: [
          { from: 18, to: 30, points: 30 },
          { from: 31, to: 40, points: 20 },
          { from: 41, to: 45, points: 10 },
        ],
      },
      'age',
    ),
    education: cited(
      { category: 'basic', points: { belowHighSchool: 0, highSchool: 20, juniorCollege: 35, bachelorOrHigher: 50 } },
      'education',
    ),
    technicalAbility: cited({ tierOf: TECH_TIER_OF, tierPoints: { A: 30, B: 20, C: 10 }, workingInFieldBonus: 10 }, 'technicalAbility'),
    patents: cited(
      {
        divisor: 'inventorsPlusOne',
        kinds: { invention: { perPatent: 20, cap: 40 }, utility: { perPatent: 10, cap: 20 }, design: { perPatent: 5, cap: 10 } },
        windowYears: 5,
      },
      'patents',
    ),
    highTech: cited({ pointsPerFullYear: 2, cap: 10 }, 'highTech'),
    shortageOccupation: cited(20, 'shortageOccupation'),
    frontLine: cited({ base: 10, pointsPerFullYear: 5, extraCap: 30 }, 'frontLine'),
    bloodDonation: cited({ pointsEach: 2, perCalendarYearCap: 2, cap: 10, windowYears: 5 }, 'bloodDonation'),
    volunteering: cited(
      { hoursPerUnit: 50, pointsPerUnit: 1, perCalendarYearCap: 2, cap: 10, windowYears: 5 },
      'volunteering',
    ),
    incomeTax: cited({ tiers: TAX_INCOME_TIERS, taxYears: 3 }, 'tax'),
    companyTax: cited({ tiers: TAX_COMPANY_TIERS, taxYears: 3 }, 'tax'),
    awards: cited(
      {
        national: { first: 30, further: 30 },
        provincial: { first: 20, further: 20 },
        municipal: { first: 10, further: 10 },
        district: { first: 5, further: 5 },
        militaryHonour: null,
        meritFirstClass: null,
        meritSecondClass: null,
        meritThirdClass: null,
      },
      'awards',
    ),
    badCredit: cited({ pointsEach: 5 }, 'badCredit'),
    taxEvasion: cited({ pointsEach: 10, windowYears: 5 }, 'taxEvasion'),
    publicSecurity: cited({ pointsEach: 10, windowYears: 5 }, 'publicSecurity'),
    criminal: cited({ windowYears: 5 }, 'criminal'),
    floor: cited(0, 'floor'),
    schoolWithoutDeductions: cited(true, 'school'),
    hukouSubset: {
      value: null,
      cite: citeOf(MEASURES_2020, {
        article: '第二条（按来穗人员积分制服务管理指标体系计算积分）',
        url: SRC.measures2020,
        confidence: 'medium',
        note: 'Before the 2022 round the full table applied; there was no subset table.',
      }),
    },
  };
}

function params2021(): GuangzhouParams {
  const cited = <T>(value: T, source: keyof typeof SOURCES_2021): Cited<T> => ({
    value,
    cite: citeOf(INSTRUMENT['2021'], SOURCES_2021[source]),
  });
  return {
    residencePermit: cited({ pointsPerFullYear: 8, cap: null }, 'residencePermit'),
    property: cited({ points: 20, conghuaZengchengBonus: 0 }, 'property'),
    rental: cited({ pointsPerFullYear: 5, cap: 20 }, 'rental'),
    housingPick: cited('higher', 'housingPick'),
    movedOut: cited({ pointsPerFullYear: 2, cap: 10 }, 'movedOut'),
    insurance: cited({ pointsPerFullYearPerType: 2 }, 'insurance'),
    housingFund: cited({ pointsPerFullYear: 2, cap: null }, 'housingFund'),
    age: cited({ kind: 'slidingAfter', minAge: 18, fullUpTo: 40, fullPoints: 30, minusPerStartedYear: 2 }, 'age'),
    education: cited(
      { category: 'bonus', points: { belowHighSchool: 0, highSchool: 10, juniorCollege: 20, bachelorOrHigher: 30 } },
      'education',
    ),
    technicalAbility: cited({ tierOf: TECH_TIER_OF, tierPoints: { A: 20, B: 10, C: 5 }, workingInFieldBonus: 5 }, 'technicalAbility'),
    patents: cited(
      {
        divisor: 'inventors',
        kinds: { invention: { perPatent: 20, cap: 40 }, utility: { perPatent: 10, cap: 20 }, design: null },
        windowYears: 5,
      },
      'patents',
    ),
    highTech: cited({ pointsPerFullYear: 2, cap: 10 }, 'highTech'),
    shortageOccupation: cited(10, 'shortageOccupation'),
    frontLine: cited({ base: 10, pointsPerFullYear: 5, extraCap: 20 }, 'frontLine'),
    bloodDonation: cited({ pointsEach: 2, perCalendarYearCap: null, cap: 10, windowYears: 5 }, 'bloodDonation'),
    volunteering: cited(
      { hoursPerUnit: 50, pointsPerUnit: 2, perCalendarYearCap: 2, cap: 10, windowYears: 5 },
      'volunteering',
    ),
    incomeTax: cited({ tiers: TAX_INCOME_TIERS, taxYears: 3 }, 'tax'),
    companyTax: cited({ tiers: TAX_COMPANY_TIERS, taxYears: 3 }, 'tax'),
    awards: cited(
      {
        national: { first: 30, further: 30 },
        provincial: { first: 20, further: 20 },
        municipal: { first: 10, further: 10 },
        district: { first: 5, further: 5 },
        militaryHonour: { first: 30, further: 30 },
        meritFirstClass: { first: 20, further: 5 },
        meritSecondClass: { first: 10, further: 2 },
        meritThirdClass: { first: 5, further: 1 },
      },
      'awards',
    ),
    badCredit: cited({ pointsEach: 10 }, 'badCredit'),
    taxEvasion: cited({ pointsEach: 10, windowYears: 5 }, 'taxEvasion'),
    publicSecurity: cited({ pointsEach: 10, windowYears: 5 }, 'publicSecurity'),
    criminal: cited({ windowYears: 5 }, 'criminal'),
    floor: cited(0, 'floor'),
    schoolWithoutDeductions: cited(true, 'school'),
    hukouSubset: {
      value: { excludedLineIds: ['technicalAbility', 'patent.utility'] },
      cite: citeOf(MEASURES_2023, SOURCES_2021.hukouSubset),
    },
  };
}

/**
 * Guangzhou packs, oldest first. Rules before the 2018 trial are not modelled (docs/rules/guangzhou.md). Frozen:
 * evaluate.ts derives values from a pack once and keeps them, and results share the packs' citations.
 */
export const guangzhouPacks: readonly GuangzhouPack[] = deepFrozen([
  {
    id: 'guangzhou-2018',
    city: 'guangzhou',
    instrument: INSTRUMENT['2018'],
    validFrom: '2018-07-01',
    validTo: '2021-11-15',
    validToAssumed: true,
    validityCite: {
      instrument: INSTRUMENT['2018'],
      article: '施行日期',
      url: SRC.trialNews2018,
      confidence: 'medium',
      note: 'In force from July 2018 (day inferred); its own term ended 2021-06-30, and it is applied until the 2021 regulation took effect.',
    },
    params: params2018(),
  },
  {
    id: 'guangzhou-2021',
    city: 'guangzhou',
    instrument: INSTRUMENT['2021'],
    validFrom: '2021-11-16',
    validTo: '2026-11-16',
    validityCite: {
      instrument: INSTRUMENT['2021'],
      article: '施行日期及有效期（失效日期：2026年11月16日）',
      url: SRC.regulation2021,
      confidence: 'high',
    },
    params: params2021(),
  },
]);

/** First date any modelled Guangzhou rules apply. */
export const GUANGZHOU_FIRST_MODELLED: IsoDate = '2018-07-01';

/** Scale of a published cut-off line: the full-table total (rounds up to 2021) or the basic-indicator score. */
export type CutOffScale = 'total' | 'basic';

export interface RoundDate {
  readonly round: number;
  readonly date: IsoDate;
}

export interface RoundWindow {
  readonly round: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface RoundTaxYears {
  readonly round: number;
  readonly fromYear: number;
  readonly toYear: number;
}

export interface CutOffLine {
  readonly round: number;
  readonly value: number;
  readonly scale: CutOffScale;
}

/** The 积分制入户 rules that depend on the round (年度) rather than on the table in force. */
export interface GuangzhouRounds {
  /** From `subsetFromRound` on: the 入户 subset table must reach `subsetThreshold` and applicants rank by the basic score. */
  readonly subsetRule: Cited<{ readonly subsetFromRound: number; readonly subsetThreshold: number }>;
  /** Rounds before that: the full table must reach `threshold`; applicants rank by the total. */
  readonly fullTableRule: Cited<{ readonly threshold: number }>;
  /** Ranking key from the subset rule's first round: the basic indicators only. */
  readonly ranking: Cited<'basic'>;
  readonly employedGate: Cited<true>;
  readonly residencePermitGate: Cited<true>;
  /** Each of the five insurance types needs at least `minMonths` (decision 7). */
  readonly insuranceGate: Cited<{ readonly minMonths: number }>;
  /** Born on or after 1 January of (round − `yearsBeforeRound`) when the round's cut-off was not found (decision 8). */
  readonly ageGate: Cited<{ readonly maxAge: number; readonly yearsBeforeRound: number }>;
  readonly birthCutoffs: readonly Cited<RoundDate>[];
  /** 积分材料计算时间节点 of each round where found. */
  readonly materialCutoffs: readonly Cited<RoundDate>[];
  /** The published window of patents and social service (“近5年”) per round. */
  readonly serviceWindows: readonly Cited<RoundWindow>[];
  /** The published three tax years per round. */
  readonly taxYears: readonly Cited<RoundTaxYears>[];
  /** Reported lowest admitted scores (最低入围分), indicative only. */
  readonly cutOffLines: readonly Cited<CutOffLine>[];
}

/** A citation for a round fact. */
const roundCite = (instrument: string, article: string, url: string, confidence: Confidence, note?: string): Citation => ({
  instrument,
  article,
  url,
  confidence,
  ...(note ? { note } : {}),
});

const ROUND_NOTICE = '广州市积分制入户年度工作通知';
const REPORTED = '最低入围分（机构、公众号转载，非官方名单）';

/** Cited round facts, shared by both packs. Frozen, like the packs. */
export const guangzhouRounds: GuangzhouRounds = deepFrozen({
  subsetRule: {
    value: { subsetFromRound: 2022, subsetThreshold: 150 },
    cite: roundCite(MEASURES_2023, '申请条件（按入户指标体系计算总积分满150分）', SRC.notice2024, 'high',
      'Approved 2022-12-28; first applied to the 2022 round (applications 2023-02-10 → 2023-03-10).'),
  },
  fullTableRule: {
    value: { threshold: 100 },
    cite: roundCite(MEASURES_2020, '申请条件（积分满100分）', SRC.hukou100, 'medium',
      'The 2018 trial rules and the 2020 办法 both used the full table with 100 points.'),
  },
  ranking: {
    value: 'basic',
    cite: roundCite(MEASURES_2023, '排名规则（按基础指标分值从高到低）', SRC.ranking, 'high'),
  },
  employedGate: { value: true, cite: roundCite(MEASURES_2023, '申请条件（在本市合法稳定就业或创业）', SRC.notice2024, 'high') },
  residencePermitGate: { value: true, cite: roundCite(MEASURES_2023, '申请条件（持有效广东省居住证）', SRC.notice2024, 'high') },
  insuranceGate: {
    value: { minMonths: 48 },
    cite: roundCite(MEASURES_2023, '申请条件（在本市缴纳社会保险满4年）', SRC.insuranceEach, 'medium',
      'Reposts say each of the five types needs 4 years (decision 7).'),
  },
  ageGate: {
    value: { maxAge: 45, yearsBeforeRound: 46 },
    cite: roundCite(MEASURES_2023, '申请条件（45周岁以下）', SRC.notice2024, 'medium',
      'Published per round as a birth-date cut-off; the rule “born on or after 1 January of round − 46” fits 2022–2024 (decision 8).'),
  },
  birthCutoffs: [
    { value: { round: 2022, date: '1976-01-01' }, cite: roundCite(ROUND_NOTICE, '2022年度·出生日期', SRC.round2022, 'high') },
    { value: { round: 2023, date: '1977-01-01' }, cite: roundCite(ROUND_NOTICE, '2023年度·出生日期', SRC.round2023, 'high') },
    { value: { round: 2024, date: '1978-01-01' }, cite: roundCite(ROUND_NOTICE, '2024年度·出生日期', SRC.notice2024, 'high') },
  ],
  materialCutoffs: [
    { value: { round: 2022, date: '2022-12-31' }, cite: roundCite(ROUND_NOTICE, '2022年度·积分材料计算时间节点', SRC.round2022b, 'high') },
    { value: { round: 2023, date: '2023-09-30' }, cite: roundCite(ROUND_NOTICE, '2023年度·积分材料计算时间节点', SRC.round2023b, 'high') },
    { value: { round: 2025, date: '2025-09-30' }, cite: roundCite(ROUND_NOTICE, '2025年度·积分材料计算时间节点', SRC.round2025, 'high') },
  ],
  serviceWindows: [
    {
      value: { round: 2022, from: '2018-01-01', to: '2022-12-31' },
      cite: roundCite(ROUND_NOTICE, '2022年度·创新能力及社会服务积分材料时间', SRC.round2022tax, 'high'),
    },
    {
      value: { round: 2023, from: '2018-09-30', to: '2023-09-30' },
      cite: roundCite(ROUND_NOTICE, '2023年度·创新能力及社会服务积分材料时间', SRC.round2023b, 'medium'),
    },
    {
      value: { round: 2025, from: '2020-09-30', to: '2025-09-30' },
      cite: roundCite(ROUND_NOTICE, '2025年度·创新能力（发明专利）及社会服务积分材料时间', SRC.round2025, 'high'),
    },
  ],
  taxYears: [
    { value: { round: 2022, fromYear: 2020, toYear: 2022 }, cite: roundCite(ROUND_NOTICE, '2022年度·纳税指标积分材料计算时间', SRC.round2022tax, 'high') },
    { value: { round: 2023, fromYear: 2020, toYear: 2022 }, cite: roundCite(ROUND_NOTICE, '2023年度·纳税指标积分材料计算时间', SRC.round2023b, 'medium') },
    { value: { round: 2025, fromYear: 2022, toYear: 2024 }, cite: roundCite(ROUND_NOTICE, '2025年度·纳税指标积分材料计算时间', SRC.round2025, 'high') },
  ],
  cutOffLines: [
    { value: { round: 2018, value: 169, scale: 'total' }, cite: roundCite(REPORTED, '2018年度（旧指标体系总积分）', SRC.lines2018to2021, 'low') },
    { value: { round: 2019, value: 166, scale: 'total' }, cite: roundCite(REPORTED, '2019年度（旧指标体系总积分）', SRC.lines2018to2021, 'low') },
    { value: { round: 2020, value: 179, scale: 'total' }, cite: roundCite(REPORTED, '2020年度（旧指标体系总积分）', SRC.lines2018to2021, 'low') },
    { value: { round: 2021, value: 184, scale: 'total' }, cite: roundCite(REPORTED, '2021年度（旧指标体系总积分）', SRC.lines2018to2021, 'low') },
    { value: { round: 2023, value: 208, scale: 'basic' }, cite: roundCite(REPORTED, '2023年度（基础指标分）', SRC.line2023, 'low',
      'Single WeChat repost; the 2022, 2024 and 2025 lines were not found.') },
  ],
});

/** Source of the 积分入学 description (district top-up indicators vary by district and are not modelled). */
export const GUANGZHOU_SCHOOL_SOURCE: Citation = {
  instrument: INSTRUMENT['2021'],
  article: '积分制入学（市积分 + 区加分指标）',
  url: SRC.school,
  confidence: 'medium',
  note: 'District top-up indicators (e.g. Huangpu, Tianhe) are set by each district and are not included.',
};
