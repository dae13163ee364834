/**
 * Locale completeness: both languages carry the same keys, every message the Shanghai engine can emit exists and
 * renders (params filled, nested option names resolved), and every fact and enum option has a label.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateShanghai } from '../engine/cities/shanghai/evaluate';
import {
  shanghaiAwardLevels,
  shanghaiEducationLevels,
  shanghaiFactsShape,
  shanghaiRemoteAreas,
  shanghaiTitleLevels,
  type ShanghaiFacts,
} from '../engine/cities/shanghai/facts';
import type { IsoDate, Message } from '../engine/core/types';
import enRules from './locales/en/rules.json';
import enShanghai from './locales/en/shanghai.json';
import zhRules from './locales/zh-CN/rules.json';
import zhShanghai from './locales/zh-CN/shanghai.json';
import { emittedMessages, errorKeysIn, expectRendered, itHasTheSameKeysAndParams, itRendersTheEngineMessages, LANGUAGES, useTranslators } from './localeTesting';

const NAMESPACES = ['rules', 'shanghai'] as const;

const resources = {
  'zh-CN': { rules: zhRules, shanghai: zhShanghai },
  en: { rules: enRules, shanghai: enShanghai },
} as const;

const personas: readonly { name: string; asOf: IsoDate; facts: ShanghaiFacts }[] = [
  {
    name: 'busy professional with everything filled in',
    asOf: '2025-06-01',
    facts: {
      birthDate: '1995-03-10',
      residencePermit: true,
      education: 'bachelorDegree',
      educationVerified: true,
      title: 'intermediateTitle',
      titleMatchesPost: true,
      titleBaseMonthsLast12: 8,
      shortageMajor: true,
      siMonthsLast12: 12,
      siPayingNow: true,
      siMonthsTotal: 50,
      siBase08Months: 40,
      siBase1Months: 38,
      siBase2Months: 10,
      sanitationMonths: 80,
      remoteArea: 'lingangNewArea',
      remoteAreaMonths: 30,
      spouseShanghaiHukou: true,
      marriageDate: '2015-05-01',
      freshGraduate: true,
      investTaxShareYuan: 350_000,
      investHukouHires: 25,
      entrepreneur: true,
      awards: ['municipalSpecial', 'provincialOrHigher'],
      falseMaterialDates: ['2024-01-01', '2020-01-01'],
      detentionDates: ['2023-01-01'],
      crimeDates: ['2019-01-01', '2024-02-02', '2024-03-03'],
    },
  },
  {
    name: 'older worker failing gates, with vetoes',
    asOf: '2026-01-01',
    facts: {
      birthDate: '1968-05-01',
      residencePermit: false,
      siMonthsLast12: 3,
      siPayingNow: false,
      education: 'master',
      educationVerified: false,
      title: 'skill1',
      titleMatchesPost: true,
      titleBaseMonthsLast12: 2,
      siBase08Months: 10,
      sanitationMonths: 30,
      remoteArea: 'remoteKeyArea',
      remoteAreaMonths: 70,
      investTaxShareYuan: 50_000,
      spouseShanghaiHukou: true,
      marriageDate: '2025-06-01',
      detentionDates: ['2018-01-01'],
      familyPlanningViolation: true,
      seriousCrime: true,
    },
  },
  {
    name: 'half-filled form',
    asOf: '2026-01-01',
    facts: {
      education: 'doctorate',
      educationVerified: true,
      title: 'seniorTitle',
      titleMatchesPost: true,
      spouseShanghaiHukou: true,
      siBaseCeilingMonths: 30,
      awards: ['municipalComprehensive'],
      falseMaterialDates: ['2025-01-01'],
      detentionDates: ['2025-01-01', '2025-02-01'],
      crimeDates: ['2025-01-01'],
      sanitationMonths: 5,
    },
  },
  {
    name: 'teenager with a junior title',
    asOf: '2026-01-01',
    facts: { birthDate: '2010-01-01', education: 'none', title: 'juniorTitle', siMonthsTotal: 1 },
  },
  {
    name: 'skill title not matching the post (2015 rules, Lingang before its special rule)',
    asOf: '2017-01-01',
    facts: {
      birthDate: '1990-01-01',
      education: 'juniorCollege',
      title: 'skill3',
      titleMatchesPost: false,
      remoteArea: 'lingangNewArea',
      remoteAreaMonths: 80,
    },
  },
  {
    name: 'Lingang still waiting (2019–2024 rule), low skill title below education',
    asOf: '2022-01-01',
    facts: {
      birthDate: '1985-07-15',
      residencePermit: true,
      education: 'bachelor',
      title: 'skill5',
      remoteArea: 'lingangNewArea',
      remoteAreaMonths: 26,
      siMonthsTotal: 12,
    },
  },
  {
    name: 'retired-age investor with one award and old records',
    asOf: '2026-01-01',
    facts: {
      birthDate: '1960-01-01',
      investTaxShareYuan: 250_000,
      awards: ['municipalSpecial'],
      falseMaterialDates: ['2020-01-01'],
      crimeDates: ['2015-01-01'],
    },
  },
  {
    name: 'hiring entrepreneur aged 58, no SI answer',
    asOf: '2026-01-01',
    facts: { birthDate: '1967-06-01', investHukouHires: 30 },
  },
  {
    name: 'aged 50',
    asOf: '2026-01-01',
    facts: { birthDate: '1975-06-01', siMonthsTotal: 24 },
  },
  { name: 'before the modelled rules', asOf: '2014-01-01', facts: { birthDate: '1990-01-01' } },
  { name: 'after the newest pack expired', asOf: '2028-06-01', facts: { birthDate: '1990-01-01', education: 'bachelorDegree' } },
];

/** A message to render: its key, params, and where it came from. */
const emitted = personas.flatMap((p) => emittedMessages(evaluateShanghai(p.facts, p.asOf), p.name));

/** Message keys written literally in evaluate.ts (`${NS}…` and 'rules:…'); dynamic ones are listed below. */
function keysInEvaluateSource(): Set<string> {
  const source = readFileSync(new URL('../engine/cities/shanghai/evaluate.ts', import.meta.url), 'utf8');
  const keys = new Set<string>();
  for (const m of source.matchAll(/\$\{NS\}([A-Za-z0-9_.]+)/g)) if (!m[1]!.endsWith('.')) keys.add(`shanghai:${m[1]}`);
  for (const m of source.matchAll(/'(rules:[A-Za-z0-9_.]+)'/g)) keys.add(m[1]!);
  return keys;
}

const DYNAMIC_KEYS = [
  'shanghai:line.shortageMajor',
  'shanghai:line.freshGraduate',
  'shanghai:line.entrepreneur',
  'shanghai:line.deduction.falseMaterial',
  'shanghai:line.deduction.detention',
  'shanghai:line.deduction.crime',
  'shanghai:line.deductionExpired.falseMaterial',
  'shanghai:line.deductionExpired.detention',
  'shanghai:line.deductionExpired.crime',
  'shanghai:veto.familyPlanningViolation',
  'shanghai:veto.seriousCrime',
];
/** Keys the engine names but no Shanghai facts can reach (education 'none' counts 0 as a counted line). */
const UNREACHABLE_KEYS = ['rules:reason.zero'];

/** Every `errors.*` key the schemas and the document parser use, plus the generic fallbacks. */
const ERROR_KEYS = [
  'date',
  'number',
  'integer',
  'negative',
  'tooLarge',
  'maxMonths12',
  'maxMonths36',
  'maxMonths48',
  'boolean',
  'choice',
  'tooMany',
  'futureBirth',
  'tooOld',
  'afterAsOf',
  'beforeBirth',
  'exceedsWorkingLife',
  'bandNesting',
  'moreThanInsured',
  'moreThanTotal',
  'city',
  'version',
  'factsObject',
  'unknownKey',
  'invalid',
];

const errorKeysInSource = () => errorKeysIn(['engine/core/fields.ts', 'engine/cities/shanghai/facts.ts', 'engine/document.ts']);

const translators = useTranslators(resources, NAMESPACES, 'shanghai');
const { t, missingKeys } = translators;

describe('locale files', () => {
  for (const ns of NAMESPACES) itHasTheSameKeysAndParams(resources, ns);

  it('has every errors.* key the schemas use, plus the fallbacks', () => {
    for (const key of errorKeysInSource()) expect(ERROR_KEYS, `errors.${key} in source`).toContain(key);
    for (const lng of LANGUAGES) {
      for (const key of ERROR_KEYS) {
        expect(t(lng).exists(`rules:errors.${key}`), `${lng} rules:errors.${key}`).toBe(true);
        expectRendered(t(lng).t(`rules:errors.${key}`), `rules:errors.${key}`, `${lng} errors.${key}`);
      }
    }
  });
});

describe('engine messages', () => {
  it('the personas emit every message key evaluate.ts can produce', () => {
    const seen = new Set(emitted.map((e) => e.message.key));
    const expected = [...keysInEvaluateSource(), ...DYNAMIC_KEYS].filter((k) => !UNREACHABLE_KEYS.includes(k));
    for (const key of expected) expect(seen, key).toContain(key);
  });

  itRendersTheEngineMessages({
    ns: 'shanghai',
    translators,
    results: personas.map((p) => evaluateShanghai(p.facts, p.asOf)),
    emitted,
    expectIdCount: (count) => expect(count).toBeGreaterThan(15),
    alsoKeys: UNREACHABLE_KEYS,
  });

  it.each(LANGUAGES)('%s: zero, singular and plural forms render', (lng) => {
    missingKeys.length = 0;
    const samples: Message[] = [
      { key: 'shanghai:line.siYears', params: { months: 1, years: 0, perYear: 3, points: 0 } },
      { key: 'shanghai:line.siYears', params: { months: 13, years: 1, perYear: 3, points: 3 } },
      { key: 'shanghai:line.spouse', params: { years: 1, perYear: 4, points: 4 } },
      { key: 'shanghai:line.awards', params: { level: 'provincialOrHigher', count: 1, points: 110 } },
      { key: 'shanghai:line.deduction.crime', params: { count: 1, each: 150, years: 5 } },
      { key: 'shanghai:line.deduction.crime', params: { count: 2, each: 150, years: 5 } },
    ];
    for (const m of samples) expectRendered(t(lng).t(m.key, { ...m.params }), m.key, `${lng} ${m.key}`);
    const zeroYears = t(lng).t('shanghai:reason.waiting', { years: 0, minYears: 5 });
    expect(zeroYears).toContain(lng === 'en' ? 'less than a full year' : '不满 1 年');
    if (lng === 'en') {
      expect(t(lng).t('shanghai:line.siYears', { months: 1, years: 0, perYear: 3, points: 0 })).toMatch(/^1 month paid/);
      expect(t(lng).t('shanghai:line.spouse', { years: 1, perYear: 4, points: 4 })).toContain('1 full year,');
      expect(t(lng).t('shanghai:line.deduction.crime', { count: 2, each: 150, years: 5 })).toMatch(/^2 general/);
    }
    expect(missingKeys).toEqual([]);
  });

  it('names option codes through nesting', () => {
    expect(t('zh-CN').t('shanghai:line.education', { level: 'bachelorDegree', points: 90 })).toBe('本科+学士学位：90 分');
    expect(t('en').t('shanghai:line.title', { level: 'intermediateTitle', points: 100 })).toBe(
      'Intermediate professional title (中级职称): 100 points',
    );
  });
});

describe('form texts', () => {
  const factNames = Object.keys(shanghaiFactsShape.shape);
  const enums = {
    education: shanghaiEducationLevels,
    title: shanghaiTitleLevels,
    awards: shanghaiAwardLevels,
    remoteArea: shanghaiRemoteAreas,
  } as const;

  it.each(LANGUAGES)('%s: every fact has a label and a hint', (lng) => {
    expect(factNames.length).toBeGreaterThan(20);
    for (const fact of factNames) {
      for (const part of ['label', 'hint']) {
        const key = `shanghai:fields.${fact}.${part}`;
        expect(t(lng).exists(key), `${lng} ${key}`).toBe(true);
        expectRendered(t(lng).t(key), key, `${lng} ${key}`);
      }
    }
  });

  it.each(LANGUAGES)('%s: every enum option has a name', (lng) => {
    for (const [group, codes] of Object.entries(enums)) {
      for (const code of codes) {
        const key = `shanghai:options.${group}.${code}`;
        expect(t(lng).exists(key), `${lng} ${key}`).toBe(true);
      }
    }
  });

  it.each(LANGUAGES)('%s: sections, city names and the band finder render', (lng) => {
    missingKeys.length = 0;
    for (const section of ['about', 'education', 'work', 'family', 'extras', 'records']) {
      for (const part of ['title', 'intro']) {
        const key = `shanghai:sections.${section}.${part}`;
        expectRendered(t(lng).t(key), key, `${lng} ${key}`);
      }
    }
    for (const key of ['city.name', 'city.system', 'city.thresholdName', 'score.main']) {
      expectRendered(t(lng).t(`shanghai:${key}`), key, `${lng} ${key}`);
    }
    for (const key of ['title', 'baseLabel', 'monthLabel', 'lowConfidence', 'noData']) {
      expectRendered(t(lng).t(`shanghai:bandFinder.${key}`), key, `${lng} bandFinder.${key}`);
    }
    for (const code of ['below08', 'from08', 'from1', 'from2', 'ceiling']) {
      // BandFinder.tsx passes the band already translated.
      const band = t(lng).t(`shanghai:bandFinder.bands.${code}`);
      expectRendered(band, `shanghai:bandFinder.bands.${code}`, `${lng} band ${code}`);
      const text = t(lng).t('shanghai:bandFinder.result', { band, wage: 12307, ceiling: 36921 });
      expectRendered(text, 'shanghai:bandFinder.result', `${lng} band ${code}: ${text}`);
      expect(text).toContain('12,307');
    }
    expect(missingKeys).toEqual([]);
  });
});
