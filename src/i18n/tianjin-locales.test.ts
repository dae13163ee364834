/**
 * Tianjin locale completeness: both languages carry the same keys and params, every message the Tianjin engine
 * can emit exists and renders (params filled, nested option names resolved, plurals), every `errors.*` key the
 * Tianjin schemas use exists in the shared `rules` namespace, and every fact, option and form text has a label.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tianjinDistrictGroups } from '../engine/cities/tianjin/districts';
import { evaluateTianjin } from '../engine/cities/tianjin/evaluate';
import {
  tianjinAwards,
  tianjinDistricts,
  tianjinEducationLevels,
  tianjinFactsShape,
  tianjinFemalePostTypes,
  tianjinOccupationShortages,
  tianjinProfQualifications,
  tianjinSexes,
  tianjinSkillLevels,
  type TianjinFacts,
} from '../engine/cities/tianjin/facts';
import type { IsoDate, Message } from '../engine/core/types';
import enRules from './locales/en/rules.json';
import enTianjin from './locales/en/tianjin.json';
import zhRules from './locales/zh-CN/rules.json';
import zhTianjin from './locales/zh-CN/tianjin.json';
import { emittedMessages, errorKeysIn, expectRendered, itHasTheSameKeysAndParams, itRendersTheEngineMessages, LANGUAGES, useTranslators } from './localeTesting';

const NAMESPACES = ['rules', 'tianjin'] as const;

const resources = {
  'zh-CN': { rules: zhRules, tianjin: zhTianjin },
  en: { rules: enRules, tianjin: enTianjin },
} as const;

const gatesPass: TianjinFacts = { residencePermit: true, tianjinEmployer: true, siMonthsLast12: 12, siPayingNow: true };
const allTypes = (months: number): TianjinFacts => ({
  siPensionMonths: months,
  siMedicalMonths: months,
  siUnemploymentMonths: months,
  siInjuryMonths: months,
  siMaternityMonths: months,
});

// Personas chosen so that together they emit every message, gate, caveat, deduction and notice.
const personas: readonly { name: string; asOf: IsoDate; facts: TianjinFacts }[] = [
  {
    name: 'everything filled in (2023 rules, new home, both certificates, deductions)',
    asOf: '2026-03-10',
    facts: {
      ...gatesPass,
      birthDate: '1990-10-10',
      sex: 'female',
      femalePostType: 'cadre',
      ...allTypes(70),
      fundMonths: 30,
      rentMonths: 24,
      endorsementDates: ['2023-03-01', '2023-09-01', '2024-03-05', '2026-01-15'],
      homes: [
        { district: 'binhai', ownedFrom: '2022-10-01', newCommodity: true },
        { district: 'heping', ownedFrom: '2024-01-01' },
      ],
      education: 'bachelorOrAbove',
      profQualification: 'intermediate',
      skillLevel: 'technician',
      occupationShortage: 'veryScarce',
      award: 'nationalCompetition',
      married: true,
      marriageDate: '2019-01-01',
      spouseSiMonths: 30,
      crimeSentenceEndDates: ['2024-01-01', '2015-01-01', '2016-01-01'],
      falseInfoDates: ['2025-01-01', '2010-01-01'],
    },
  },
  {
    name: 'one record of each kind, inside and outside the window',
    asOf: '2026-03-10',
    facts: { ...gatesPass, crimeSentenceEndDates: ['2024-01-01', '2015-01-01'], falseInfoDates: ['2025-01-01', '2010-01-01'] },
  },
  {
    name: 'second-hand home (2023), skill level only, spouse in the military, period 2 chosen in March',
    asOf: '2026-03-10',
    facts: {
      ...gatesPass,
      applicationPeriod: '2026-2',
      birthDate: '1972-06-01',
      sex: 'female',
      femalePostType: 'cadre',
      ...allTypes(20),
      homes: [{ district: 'xiqing', ownedFrom: '2020-05-01' }],
      skillLevel: 'seniorWorker',
      occupationShortage: 'general',
      married: true,
      marriageDate: '2010-01-01',
      spouseActiveMilitary: true,
    },
  },
  {
    name: '2022 rules: new home without bonus, qualification only, spouse short of months',
    asOf: '2022-03-15',
    facts: {
      siMonthsLast12: 8,
      siMonthsSince2014: 20,
      birthDate: '1960-01-01',
      homes: [{ district: 'binhai', ownedFrom: '2019-01-01', newCommodity: true }],
      profQualification: 'senior',
      married: true,
      marriageDate: '2000-01-01',
      spouseSiMonths: 10,
      award: 'provincialCompetition',
    },
  },
  {
    name: '2022 rules: second-hand home; occupation without a certificate; married without a date',
    asOf: '2022-08-01',
    facts: {
      siMonthsLast12: 11,
      birthDate: '1970-01-01',
      sex: 'male',
      homes: [{ district: 'hedong', ownedFrom: '2015-01-01' }],
      occupationShortage: 'scarce',
      married: true,
    },
  },
  {
    name: 'home and marriage after the cut-off, cumulative SI route, man below his age',
    asOf: '2026-03-10',
    facts: {
      siMonthsLast12: 5,
      siMonthsSince2014: 40,
      birthDate: '1966-10-01',
      sex: 'male',
      homes: [{ district: 'jizhou', ownedFrom: '2026-01-20' }],
      married: true,
      marriageDate: '2026-02-01',
      spouseSiMonths: 30,
    },
  },
  { name: 'retired man without a permit', asOf: '2026-03-10', facts: { birthDate: '1960-01-01', sex: 'male', residencePermit: false } },
  { name: 'retired, sex not given', asOf: '2026-03-10', facts: { birthDate: '1955-01-01' } },
  { name: 'sex not given at 59', asOf: '2026-03-10', facts: { birthDate: '1966-10-01' } },
  { name: 'woman of 53, post type not given', asOf: '2026-03-10', facts: { birthDate: '1972-06-01', sex: 'female' } },
  { name: 'nothing filled in, in May', asOf: '2026-05-10', facts: {} },
  { name: 'after the assumed end', asOf: '2027-03-01', facts: { birthDate: '1990-01-01' } },
  { name: 'before the modelled rules', asOf: '2021-06-30', facts: { birthDate: '1990-01-01' } },
];

const results = personas.map((p) => ({ persona: p, result: evaluateTianjin(p.facts, p.asOf) }));
const emitted = results.flatMap(({ persona, result }) => emittedMessages(result, persona.name));

/** Message keys written literally in evaluate.ts (`${NS}…` and 'rules:…'); dynamic ones are listed below. */
function keysInEvaluateSource(): Set<string> {
  const source = readFileSync(new URL('../engine/cities/tianjin/evaluate.ts', import.meta.url), 'utf8');
  const keys = new Set<string>();
  for (const m of source.matchAll(/\$\{NS\}([A-Za-z0-9_.]+)/g)) if (!m[1]!.endsWith('.')) keys.add(`tianjin:${m[1]}`);
  for (const m of source.matchAll(/'(rules:[A-Za-z0-9_.]+)'/g)) keys.add(m[1]!);
  return keys;
}

const DYNAMIC_KEYS = [
  'tianjin:gate.residencePermit',
  'tianjin:gate.tianjinEmployer',
  'tianjin:gate.siPayingNow',
  'tianjin:notice.period',
  'tianjin:notice.periodDefault',
  'tianjin:line.ownedHome',
  'tianjin:line.ownedHomeSecondHand',
  'tianjin:line.ownedHomeNew',
  'tianjin:line.ownedHomeNoBonusYet',
  'tianjin:caveat.ownedNewHome',
  'tianjin:caveat.ownedFullYears',
  'tianjin:caveat.ownedFullYears2022',
  'tianjin:line.deduction.crime',
  'tianjin:line.deduction.falseInfo',
  'tianjin:line.deductionExpired.crime',
  'tianjin:line.deductionExpired.falseInfo',
];

/** `errors.*` keys the Tianjin facts and form schemas use (they live in the shared `rules` namespace). */
const errorKeysInSource = () => errorKeysIn(['engine/core/fields.ts', 'engine/cities/tianjin/facts.ts', 'features/facts-form/tianjinSchema.ts']);

const translators = useTranslators(resources, NAMESPACES, 'tianjin');
const { t, missingKeys } = translators;

describe('Tianjin locale files', () => {
  itHasTheSameKeysAndParams(resources, 'tianjin');

  it('every errors.* key the Tianjin schemas use exists in rules and renders', () => {
    for (const lng of LANGUAGES) {
      for (const key of errorKeysInSource()) {
        expect(t(lng).exists(`rules:errors.${key}`), `${lng} rules:errors.${key}`).toBe(true);
        expectRendered(t(lng).t(`rules:errors.${key}`), `rules:errors.${key}`, `${lng} errors.${key}`);
      }
    }
  });
});

describe('Tianjin engine messages', () => {
  it('the personas emit every message key evaluate.ts can produce', () => {
    const seen = new Set(emitted.map((e) => e.message.key));
    for (const key of [...keysInEvaluateSource(), ...DYNAMIC_KEYS]) expect(seen, key).toContain(key);
  });

  itRendersTheEngineMessages({
    ns: 'tianjin',
    translators,
    results: results.map(({ result }) => result),
    emitted,
    expectIdCount: (count) => expect(count).toBeGreaterThanOrEqual(20),
  });

  it.each(LANGUAGES)('%s: singular and plural forms render', (lng) => {
    missingKeys.length = 0;
    const samples: Message[] = [
      { key: 'tianjin:line.accrual', params: { months: 1, yearly: 4, years: 0, rest: 1, monthly: '0.33', points: '0.33' } },
      { key: 'tianjin:line.endorsements', params: { count: 1, each: 6, points: '6.00' } },
      { key: 'tianjin:line.endorsements', params: { count: 3, each: 6, points: '18.00' } },
      { key: 'tianjin:line.otherHomes', params: { count: 1, points: '25.00' } },
      { key: 'tianjin:line.deduction.crime', params: { count: 1, each: 100, years: 5 } },
      { key: 'tianjin:line.deduction.crime', params: { count: 2, each: 100, years: 5 } },
    ];
    for (const m of samples) expectRendered(t(lng).t(m.key, { ...m.params }), m.key, `${lng} ${m.key}`);
    if (lng === 'en') {
      expect(t(lng).t('tianjin:line.accrual', { months: 1, yearly: 4, years: 0, rest: 1, monthly: '0.33', points: '0.33' })).toMatch(/^1 month at 4/);
      expect(t(lng).t('tianjin:line.endorsements', { count: 1, each: 6, points: '6.00' })).toBe('1 endorsement × 6 = 6.00');
      expect(t(lng).t('tianjin:line.deduction.crime', { count: 2, each: 100, years: 5 })).toMatch(/^2 criminal records/);
    }
    expect(missingKeys).toEqual([]);
  });

  it('names districts, groups and certificates through nesting', () => {
    const home = { district: 'xiqing', group: 'ring4', date: '2023-05-15', years: 2, perYear: 12, bonus: 0, points: '24.00' };
    expect(t('zh-CN').t('tianjin:line.ownedHomeSecondHand', home)).toBe(
      '西青区（环城四区），2023-05-15 起：满 2 年 × 12 分 = 24.00 分。二手房，没有一次性加分',
    );
    expect(t('en').t('tianjin:line.qualificationOne', { kind: 'skillLevel', level: 'seniorWorker', points: '15.00' })).toBe(
      'Senior worker (高级工): 15.00',
    );
  });
});

describe('Tianjin form texts', () => {
  const factNames = [...Object.keys(tianjinFactsShape.shape), 'siAllTypesMonths', 'siTypesDiffer'];
  const enums = {
    education: tianjinEducationLevels,
    profQualification: tianjinProfQualifications,
    skillLevel: tianjinSkillLevels,
    occupationShortage: tianjinOccupationShortages,
    award: tianjinAwards,
    sex: tianjinSexes,
    femalePostType: tianjinFemalePostTypes,
    district: tianjinDistricts,
    districtGroup: tianjinDistrictGroups,
  } as const;

  it.each(LANGUAGES)('%s: every fact has a label and a hint', (lng) => {
    expect(factNames.length).toBeGreaterThan(25);
    for (const fact of factNames) {
      for (const part of ['label', 'hint']) {
        const key = `tianjin:fields.${fact}.${part}`;
        expect(t(lng).exists(key), `${lng} ${key}`).toBe(true);
        expectRendered(t(lng).t(key), key, `${lng} ${key}`);
      }
    }
  });

  it.each(LANGUAGES)('%s: the months hints say which months do not count', (lng) => {
    const excluded = lng === 'en' ? /back-paid/i : /补缴/;
    for (const fact of ['siAllTypesMonths', 'siPensionMonths', 'siMedicalMonths', 'siUnemploymentMonths', 'siInjuryMonths', 'siMaternityMonths', 'siMonthsSince2014', 'spouseSiMonths']) {
      expect(t(lng).t(`tianjin:fields.${fact}.hint`), fact).toMatch(excluded);
    }
    expect(t(lng).t('tianjin:sections.work.intro')).toMatch(excluded);
  });

  it.each(LANGUAGES)('%s: every enum option has a name', (lng) => {
    for (const [group, codes] of Object.entries(enums)) {
      for (const code of codes) {
        const key = `tianjin:options.${group}.${code}`;
        expect(t(lng).exists(key), `${lng} ${key}`).toBe(true);
      }
    }
  });

  it.each(LANGUAGES)('%s: sections, city names, home rows and period texts render', (lng) => {
    missingKeys.length = 0;
    for (const section of ['period', 'about', 'work', 'residence', 'education', 'family', 'records']) {
      for (const part of ['title', 'intro']) {
        const key = `tianjin:sections.${section}.${part}`;
        expectRendered(t(lng).t(key), key, `${lng} ${key}`);
      }
    }
    for (const key of ['city.name', 'city.system', 'city.thresholdName', 'score.main']) {
      expectRendered(t(lng).t(`tianjin:${key}`), key, `${lng} ${key}`);
    }
    for (const key of ['district', 'ownedFrom', 'ownedFromHint', 'newCommodity', 'add', 'remove']) {
      expectRendered(t(lng).t(`tianjin:homes.${key}`), `tianjin:homes.${key}`, `${lng} homes.${key}`);
    }
    expect(t(lng).t('tianjin:homes.item', { n: 2 })).toContain('2');
    const period = { year: 2026, half: 1, from: '2026-01-01', to: '2026-04-30', cutoff: '2025-12-31' };
    expectRendered(t(lng).t('tianjin:options.applicationPeriod', period), 'tianjin:options.applicationPeriod', lng);
    expect(t(lng).t('tianjin:periodInfo', period)).toContain('2025-12-31');
    expect(missingKeys).toEqual([]);
  });
});
