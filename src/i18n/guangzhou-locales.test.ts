/**
 * Guangzhou locale completeness: both languages carry the same keys and params, every message the Guangzhou
 * engine can emit exists and renders (params filled, nested option names resolved), every fact has a label and a
 * hint, every option a name, every line a title, and every score and comparison a label.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateGuangzhou } from '../engine/cities/guangzhou/evaluate';
import {
  guangzhouAwardLevels,
  guangzhouEducationLevels,
  guangzhouFactsShape,
  guangzhouInsuranceTypes,
  guangzhouPatentKinds,
  guangzhouTechnicalLevels,
  type GuangzhouFacts,
} from '../engine/cities/guangzhou/facts';
import type { IsoDate, Message } from '../engine/core/types';
import enGuangzhou from './locales/en/guangzhou.json';
import enRules from './locales/en/rules.json';
import zhGuangzhou from './locales/zh-CN/guangzhou.json';
import zhRules from './locales/zh-CN/rules.json';
import { emittedMessages, errorKeysIn, expectRendered, itHasTheSameKeysAndParams, itRendersTheEngineMessages, LANGUAGES, useTranslators } from './localeTesting';

const resources = {
  'zh-CN': { rules: zhRules, guangzhou: zhGuangzhou },
  en: { rules: enRules, guangzhou: enGuangzhou },
} as const;

const allInsurance = (months: number): GuangzhouFacts => ({
  pensionMonths: months,
  medicalMonths: months,
  unemploymentMonths: months,
  workInjuryMonths: months,
  maternityMonths: months,
});

// Personas chosen so that together they emit every message, gate, caveat, reason, score and notice.
const personas: readonly { name: string; asOf: IsoDate; facts: GuangzhouFacts }[] = [
  {
    name: '2025 round, everything filled in, one insurance type short',
    asOf: '2025-10-15',
    facts: {
      roundYear: 2025,
      birthDate: '1982-07-30',
      residencePermit: true,
      employedInGuangzhou: true,
      residencePermitMonths: 100,
      ownsProperty: true,
      rentalMonths: 30,
      movedOutMonths: 40,
      ...allInsurance(80),
      maternityMonths: 40,
      housingFundMonths: 70,
      education: 'bachelorOrHigher',
      technicalLevel: 'intermediateTitle',
      worksInCertifiedOccupation: true,
      patents: [
        { kind: 'invention', inventors: 3, grantDate: '2022-03-01' },
        { kind: 'utility', inventors: 1, grantDate: '2023-01-01' },
        { kind: 'utility', inventors: 1, grantDate: '2023-02-01' },
        { kind: 'utility', inventors: 2, grantDate: '2023-03-01' },
        { kind: 'design', inventors: 1, grantDate: '2024-01-01' },
      ],
      highTechMonths: 30,
      shortageOccupation: true,
      frontLineMonths: 70,
      bloodDonationDates: ['2021-05-01', '2021-06-01', '2024-08-01'],
      volunteerHours: [
        { year: 2023, hours: 120 },
        { year: 2024, hours: 60 },
      ],
      incomeTax: [
        { year: 2022, yuan: 12_000 },
        { year: 2023, yuan: 15_000 },
      ],
      companyTax: [{ year: 2024, yuan: 250_000 }],
      awards: ['municipal', 'meritThirdClass', 'meritThirdClass'],
      badCreditCases: 2,
      taxEvasionDates: ['2024-01-01', '2015-01-01'],
      publicSecurityPenaltyDates: ['2023-05-05', '2023-06-06'],
      criminalPunishmentDates: ['2022-01-01'],
    },
  },
  {
    name: '2018 table, 2019 round: outer-district property, military awards, blood per year',
    asOf: '2019-10-01',
    facts: {
      roundYear: 2019,
      birthDate: '1988-01-01',
      residencePermitMonths: 40,
      ownsProperty: true,
      propertyInConghuaOrZengcheng: true,
      rentalMonths: 60,
      ...allInsurance(50),
      housingFundMonths: 30,
      education: 'juniorCollege',
      technicalLevel: 'skillSenior',
      patents: [
        { kind: 'invention', inventors: 3, firstInventor: true, grantDate: '2017-05-01' },
        { kind: 'invention', inventors: 1, grantDate: '2018-05-01' },
      ],
      bloodDonationDates: ['2018-01-01', '2018-03-01', '2019-01-01'],
      volunteerHours: [{ year: 2018, hours: 160 }],
      incomeTax: [{ year: 2017, yuan: 5_000 }],
      awards: ['district', 'meritFirstClass'],
      criminalPunishmentDates: ['2010-01-01'],
    },
  },
  {
    name: 'empty form on a date whose round has no published cut-off',
    asOf: '2026-06-01',
    facts: {},
  },
  {
    name: '2022 round: records after the cut-off, partial insurance, bonus without certificate',
    asOf: '2023-02-15',
    facts: {
      roundYear: 2022,
      birthDate: '1985-06-01',
      residencePermit: false,
      employedInGuangzhou: false,
      pensionMonths: 60,
      medicalMonths: 60,
      rentalMonths: 50,
      ownsProperty: false,
      worksInCertifiedOccupation: true,
      patents: [
        { kind: 'invention', inventors: 1, grantDate: '2019-01-01' },
        { kind: 'invention', inventors: 1, grantDate: '2019-02-01' },
        { kind: 'invention', inventors: 2, grantDate: '2020-01-01' },
        { kind: 'invention', inventors: 1, grantDate: '2021-01-01' },
        { kind: 'utility', inventors: 2, grantDate: '2012-01-01' },
      ],
      bloodDonationDates: ['2015-01-01'],
      volunteerHours: [{ year: 2010, hours: 100 }],
      incomeTax: [{ year: 2021, yuan: 3_000 }],
      companyTax: [{ year: 2015, yuan: 80_000 }],
      awards: ['national'],
      publicSecurityPenaltyDates: ['2023-01-10'],
    },
  },
  {
    name: 'all five insurance types complete, technical level without the bonus',
    asOf: '2024-11-01',
    facts: {
      roundYear: 2024,
      birthDate: '1990-01-01',
      ...allInsurance(60),
      technicalLevel: 'skillIntermediate',
      housingFundMonths: 12,
    },
  },
  {
    name: '2018 table: aged 50, only military awards, rental beats property',
    asOf: '2020-06-01',
    facts: {
      birthDate: '1970-01-01',
      ownsProperty: true,
      rentalMonths: 100,
      awards: ['meritSecondClass'],
    },
  },
  {
    name: 'after the newest table expired, aged 16',
    asOf: '2026-12-01',
    facts: { roundYear: 2026, birthDate: '2010-01-01', education: 'highSchool' },
  },
  { name: 'before the modelled rules', asOf: '2018-06-30', facts: { birthDate: '1990-01-01' } },
];

const results = personas.map((p) => ({ name: p.name, result: evaluateGuangzhou(p.facts, p.asOf) }));
const emitted = results.flatMap(({ name, result }) => emittedMessages(result, name));

/** Message keys written literally in the Guangzhou engine (`${NS}…` and 'rules:…'). */
function keysInEngineSource(): Set<string> {
  const keys = new Set<string>();
  for (const file of ['evaluate.ts', 'rounds.ts']) {
    const source = readFileSync(new URL(`../engine/cities/guangzhou/${file}`, import.meta.url), 'utf8');
    for (const m of source.matchAll(/\$\{NS\}([A-Za-z0-9_.]+)/g)) if (!m[1]!.endsWith('.')) keys.add(`guangzhou:${m[1]}`);
    for (const m of source.matchAll(/'(rules:[A-Za-z0-9_.]+)'/g)) keys.add(m[1]!);
  }
  return keys;
}

const DYNAMIC_KEYS = [
  'guangzhou:line.deduction.taxEvasion',
  'guangzhou:line.deduction.publicSecurity',
  'guangzhou:line.deductionOutside.taxEvasion',
  'guangzhou:line.deductionOutside.publicSecurity',
];

/** `errors.*` keys the Guangzhou facts schema uses (they live in the shared `rules` namespace). */
const errorKeysInFacts = () => errorKeysIn(['engine/cities/guangzhou/facts.ts']);

const translators = useTranslators(resources, ['rules', 'guangzhou'], 'guangzhou');
const { t, missingKeys } = translators;

describe('Guangzhou locale files', () => {
  itHasTheSameKeysAndParams(resources, 'guangzhou');

  it.each(LANGUAGES)('%s: every errors.* key the Guangzhou facts use exists in the rules namespace', (lng) => {
    for (const key of errorKeysInFacts()) {
      expect(t(lng).exists(`rules:errors.${key}`), `${lng} rules:errors.${key}`).toBe(true);
      expectRendered(t(lng).t(`rules:errors.${key}`), `rules:errors.${key}`, `${lng} errors.${key}`);
    }
  });
});

describe('Guangzhou engine messages', () => {
  it('the personas emit every message key the engine can produce', () => {
    const seen = new Set(emitted.map((e) => e.message.key));
    for (const key of [...keysInEngineSource(), ...DYNAMIC_KEYS]) expect(seen, key).toContain(key);
  });

  itRendersTheEngineMessages({
    ns: 'guangzhou',
    translators,
    results: results.map(({ result }) => result),
    emitted,
    expectIdCount: (count) => expect(count).toBe(23),
  });

  it.each(LANGUAGES)('%s: every score has a label and a description; every comparison a label naming its scale', (lng) => {
    const scored = results.filter(({ result }) => result.status === 'scored');
    const scoreIds = new Set(scored.flatMap(({ result }) => result.scores.map((s) => s.id)));
    expect([...scoreIds].sort()).toEqual(['hukou', 'ranking', 'school', 'services']);
    for (const { result } of scored) {
      for (const score of result.scores) {
        expect(score.description, score.id).toBeDefined();
        expectRendered(t(lng).t(score.label.key, { ...score.label.params }), score.label.key, `${lng} ${score.id}`);
      }
      const ranking = result.scores.find((s) => s.id === 'ranking')!;
      for (const c of ranking.comparisons ?? []) {
        const text = t(lng).t(c.label.key, { ...c.label.params });
        expect(text).toContain(String(c.label.params?.round));
        expect(text).toContain(t(lng).t(`guangzhou:options.scale.${String(c.label.params?.scale)}`));
      }
    }
  });

  it('renders a few messages exactly', () => {
    expect(t('zh-CN').t('guangzhou:line.education', { level: 'bachelorOrHigher', points: 30 })).toBe('本科及以上：30 分');
    expect(t('en').t('guangzhou:gate.insuranceShort', { count: 1, type: 'maternity', months: 40, min: 48 })).toBe(
      '1 type is short: maternity has 40 months, 48 are needed.',
    );
    expect(t('en').t('guangzhou:comparison.cutOffLine', { round: 2023, scale: 'basic' })).toBe(
      '2023 round, reported lowest admitted score (basic-indicator score)',
    );
    expect(t('en').t('guangzhou:line.residencePermit', { months: 88, years: 7, perYear: 8, points: 56 })).toBe(
      '88 months = 7 full years, 8 points a year: 56 points',
    );
  });
});

describe('Guangzhou form texts', () => {
  const factNames = Object.keys(guangzhouFactsShape.shape);
  const enums = {
    education: guangzhouEducationLevels,
    technicalLevel: guangzhouTechnicalLevels,
    patentKind: guangzhouPatentKinds,
    awards: guangzhouAwardLevels,
    insurance: guangzhouInsuranceTypes,
    scale: ['total', 'basic'],
  } as const;

  it.each(LANGUAGES)('%s: every fact has a label and a hint', (lng) => {
    expect(factNames.length).toBeGreaterThan(25);
    for (const fact of factNames) {
      for (const part of ['label', 'hint']) {
        const key = `guangzhou:fields.${fact}.${part}`;
        expect(t(lng).exists(key), `${lng} ${key}`).toBe(true);
        expectRendered(t(lng).t(key), key, `${lng} ${key}`);
      }
    }
  });

  it.each(LANGUAGES)('%s: every enum option has a name', (lng) => {
    for (const [group, codes] of Object.entries(enums)) {
      for (const code of codes) {
        const key = `guangzhou:options.${group}.${code}`;
        expect(t(lng).exists(key), `${lng} ${key}`).toBe(true);
        expectRendered(t(lng).t(key), key, `${lng} ${key}`);
      }
    }
  });

  it.each(LANGUAGES)('%s: sections, city names, units and row labels render', (lng) => {
    missingKeys.length = 0;
    for (const section of ['round', 'about', 'housing', 'insurance', 'education', 'innovation', 'work', 'service', 'tax', 'awards', 'records']) {
      for (const part of ['title', 'intro']) {
        const key = `guangzhou:sections.${section}.${part}`;
        expectRendered(t(lng).t(key), key, `${lng} ${key}`);
      }
    }
    for (const key of ['sections.round.cutoff', 'sections.round.cutoffUnknown']) {
      expectRendered(t(lng).t(`guangzhou:${key}`, { round: 2025, date: '2025-09-30' }), key, `${lng} ${key}`);
    }
    for (const key of ['city.name', 'city.system', 'city.thresholdName', 'units.hours', 'units.yuan']) {
      expectRendered(t(lng).t(`guangzhou:${key}`), key, `${lng} ${key}`);
    }
    const rows = ['patentKind', 'patentInventors', 'patentFirstInventor', 'patentGrantDate', 'addPatent', 'year', 'hours', 'yuan', 'addYear', 'awardLevel', 'addAward'];
    for (const key of rows) expectRendered(t(lng).t(`guangzhou:rows.${key}`), key, `${lng} rows.${key}`);
    for (const key of ['patent', 'volunteerYear', 'taxYear', 'award']) {
      const text = t(lng).t(`guangzhou:rows.${key}`, { n: 2 });
      expectRendered(text, key, `${lng} rows.${key}`);
      expect(text).toContain('2');
      expectRendered(t(lng).t('guangzhou:rows.remove', { item: text }), 'rows.remove', `${lng} rows.remove`);
    }
    expect(missingKeys).toEqual([]);
  });
});
