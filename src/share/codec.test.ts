import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { IsoDate } from '../engine/core/types';
import { parseDocument, type FactsDocument } from '../engine/document';
import { cityModules, supportedCities } from '../engine/registry';
import {
  decodeShareLink,
  encodePayload,
  encodeShareLink,
  envelopeParams,
  extractPayload,
  isIgnoredParam,
  MAX_LINK_LENGTH,
  openShareLink,
  SHARE_FORMAT_VERSION,
  SHARE_QUERY_PARAM,
  type DecodeResult,
  type ShareError,
} from './links';
import { factKinds, readFactValue, writeFactValue } from './factValues';
import { migrateParams, migrations, type ShareParams } from './migrations';

const BASE = 'https://example.org/mingfen/';
const TODAY: IsoDate = '2026-01-15';

function validDocument(input: unknown): FactsDocument {
  const parsed = parseDocument(input, TODAY);
  if (!parsed.ok) throw new Error(`fixture is not valid: ${JSON.stringify(parsed.issues)}`);
  return parsed.document;
}

function decoded(href: string, options = {}): Extract<DecodeResult, { ok: true }> {
  const result = decodeShareLink(href, { today: TODAY, ...options });
  if (!result.ok) throw new Error(`expected a readable link, got ${JSON.stringify(result.error)}`);
  return result;
}

function errorOf(href: string, options = {}): ShareError {
  const result = decodeShareLink(href, { today: TODAY, ...options });
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.document)}`);
  return result.error;
}

/** The example of the share-link issue, as a person would type it. */
const issueExample =
  '#s=1&c=shanghai&d=2025-06-01&p=shanghai-2023&birthDate=1990-03-15&education=bachelorDegree&siMonthsTotal=50' +
  '&awards=municipalSpecial,provincialOrHigher&residencePermit=1';

const issueExampleDocument: FactsDocument = {
  city: 'shanghai',
  asOf: '2025-06-01',
  version: 1,
  facts: {
    birthDate: '1990-03-15',
    education: 'bachelorDegree',
    siMonthsTotal: 50,
    awards: ['municipalSpecial', 'provincialOrHigher'],
    residencePermit: true,
  },
};

/** A typical full Shanghai profile: employee with a title, insurance history, spouse, one old record. */
const worker = validDocument({
  city: 'shanghai',
  asOf: '2026-06-01',
  facts: {
    birthDate: '1990-05-15',
    residencePermit: true,
    siMonthsLast12: 12,
    siPayingNow: true,
    education: 'bachelorDegree',
    educationVerified: true,
    title: 'intermediateTitle',
    titleMatchesPost: true,
    titleBaseMonthsLast12: 8,
    siMonthsTotal: 50,
    siBase08Months: 40,
    siBase1Months: 38,
    siBase2Months: 10,
    spouseShanghaiHukou: true,
    marriageDate: '2020-10-01',
    detentionDates: ['2023-03-01'],
  },
});

/** Every Shanghai fact given, with the longest choices. */
const everyFact = validDocument({
  city: 'shanghai',
  asOf: '2026-06-01',
  facts: {
    birthDate: '1985-02-28',
    residencePermit: true,
    education: 'bachelorDegree',
    educationVerified: true,
    title: 'intermediateTitle',
    titleMatchesPost: true,
    titleBaseMonthsLast12: 12,
    shortageMajor: true,
    siMonthsLast12: 12,
    siPayingNow: true,
    siMonthsTotal: 180,
    siBase08Months: 48,
    siBase1Months: 48,
    siBase2Months: 30,
    siBaseCeilingMonths: 24,
    sanitationMonths: 72,
    remoteArea: 'lingangNewArea',
    remoteAreaMonths: 60,
    spouseShanghaiHukou: true,
    marriageDate: '2012-10-01',
    freshGraduate: false,
    investTaxShareYuan: 350000.5,
    investHukouHires: 12.5,
    entrepreneur: false,
    awards: ['municipalComprehensive', 'provincialOrHigher'],
    falseMaterialDates: [],
    detentionDates: ['2019-03-01', '2024-11-30'],
    crimeDates: ['2010-01-01'],
    familyPlanningViolation: false,
    seriousCrime: false,
  },
});

const typicalLink = encodeShareLink(worker, BASE);
const everyFactLink = encodeShareLink(everyFact, BASE);

describe('encodeShareLink', () => {
  it('writes the envelope, then each given fact under its own name, in the schema order', () => {
    expect(encodeShareLink(issueExampleDocument, BASE)).toBe(
      'https://example.org/mingfen/#s=1&c=shanghai&v=1&d=2025-06-01&p=shanghai-2023&birthDate=1990-03-15' +
        '&residencePermit=1&education=bachelorDegree&siMonthsTotal=50&awards=municipalSpecial,provincialOrHigher',
    );
  });

  it('writes booleans as 1/0, numbers as plain decimals, lists joined with commas and an empty list as empty', () => {
    const payload = encodePayload(everyFact);
    expect(payload).toContain('&freshGraduate=0&investTaxShareYuan=350000.5&investHukouHires=12.5&entrepreneur=0&');
    expect(payload).toContain('&falseMaterialDates=&detentionDates=2019-03-01,2024-11-30&crimeDates=2010-01-01&');
    expect(payload.endsWith('&familyPlanningViolation=0&seriousCrime=0')).toBe(true);
  });

  it('names no rule pack for a date before the first modelled one', () => {
    const early = validDocument({ city: 'shanghai', asOf: '2014-01-01', facts: {} });
    expect(encodeShareLink(early, BASE)).toBe(`${BASE}#s=1&c=shanghai&v=1&d=2014-01-01`);
  });

  it('keeps the base path and query as given and drops a fragment the base already has', () => {
    const payload = encodePayload(issueExampleDocument);
    expect(encodeShareLink(issueExampleDocument, 'https://example.org/mingfen/')).toBe(`https://example.org/mingfen/#${payload}`);
    expect(encodeShareLink(issueExampleDocument, 'https://example.org/mingfen')).toBe(`https://example.org/mingfen#${payload}`);
    expect(encodeShareLink(issueExampleDocument, 'https://example.org/mingfen/?lng=en')).toBe(
      `https://example.org/mingfen/?lng=en#${payload}`,
    );
    expect(encodeShareLink(issueExampleDocument, 'https://example.org/mingfen/#old')).toBe(`https://example.org/mingfen/#${payload}`);
  });

  it('a link under a sub-path resolves inside that sub-path', () => {
    const url = new URL(encodeShareLink(issueExampleDocument, BASE));
    expect(url.pathname).toBe('/mingfen/');
    expect(url.search).toBe('');
    expect(url.hash).toBe(`#${encodePayload(issueExampleDocument)}`);
  });

  it('percent-encodes only what it must: unreserved characters and , ; : stay readable', () => {
    expect(typicalLink).toMatch(/^[A-Za-z0-9\-._~:/?#&=,;%]+$/);
    expect(typicalLink).not.toContain('%');
  });

  it(`a typical full Shanghai profile (${Object.keys(worker.facts).length} facts) is ${typicalLink.length} characters, well under 500`, () => {
    expect(typicalLink.length).toBeLessThan(450);
  });

  it(`a profile with all ${Object.keys(everyFact.facts).length} Shanghai facts is ${everyFactLink.length} characters, inside the read limit`, () => {
    expect(Object.keys(everyFact.facts)).toEqual([...factKinds(cityModules.shanghai.factsSchema).keys()]);
    expect(everyFactLink.length).toBeLessThan(MAX_LINK_LENGTH / 8);
  });
});

describe('decodeShareLink: links this calculator writes', () => {
  it('reads the example link of the issue (no facts version given: the current one)', () => {
    const result = decoded(`${BASE}${issueExample}`);
    expect(result.document).toEqual(issueExampleDocument);
    expect(result.warnings).toEqual([]);
    expect(result.packId).toBe('shanghai-2023');
  });

  it('round-trips the typical and the full profile', () => {
    expect(decoded(typicalLink).document).toEqual(worker);
    expect(decoded(everyFactLink).document).toEqual(everyFact);
    expect(decoded(everyFactLink).warnings).toEqual([]);
  });

  it("round-trips every fixture persona of every registered city", () => {
    let count = 0;
    for (const city of supportedCities) {
      for (const pack of cityModules[city].packs) {
        const file = new URL(`../engine/cities/${city}/fixtures/${pack.id}.json`, import.meta.url);
        if (!existsSync(file)) continue;
        const personas = JSON.parse(readFileSync(file, 'utf8')) as { asOf: string; facts: unknown }[];
        for (const persona of personas) {
          const parsed = parseDocument({ city, asOf: persona.asOf, facts: persona.facts }, TODAY);
          if (!parsed.ok) continue;
          const result = decoded(encodeShareLink(parsed.document, BASE));
          expect(result.document).toEqual(parsed.document);
          expect(result.warnings).toEqual([]);
          count += 1;
        }
      }
    }
    expect(count).toBeGreaterThan(10);
  });

  it('uses today when the link has no as-of date', () => {
    expect(decoded('#s=1&c=shanghai&birthDate=1990-03-15').document.asOf).toBe(TODAY);
  });

  it('an empty profile is a valid link', () => {
    expect(decoded('#s=1&c=shanghai&d=2025-06-01').document).toEqual({
      city: 'shanghai',
      asOf: '2025-06-01',
      version: 1,
      facts: {},
    });
  });

  it('reads true/false as well as 1/0, and commas escaped as %2C', () => {
    const result = decoded('#s=1&c=shanghai&d=2025-06-01&residencePermit=true&siPayingNow=false&awards=municipalSpecial%2CprovincialOrHigher');
    expect(result.document.facts).toEqual({
      residencePermit: true,
      siPayingNow: false,
      awards: ['municipalSpecial', 'provincialOrHigher'],
    });
  });
});

describe('openShareLink: reading a link with only the city it names', () => {
  it('names the city before any city module is needed, then reads the facts with that module', () => {
    for (const document of [worker, issueExampleDocument]) {
      const link = encodeShareLink(document, BASE);
      const opened = openShareLink(link);
      if (!opened.ok) throw new Error(`not opened: ${JSON.stringify(opened.error)}`);
      expect(opened.city).toBe(document.city);
      expect(opened.finish(cityModules[opened.city])).toEqual(decodeShareLink(link));
    }
  });

  it("refuses to read a link's facts with another city's module", () => {
    const opened = openShareLink(encodeShareLink(worker, BASE));
    if (!opened.ok) throw new Error('not opened');
    expect(opened.finish(cityModules.guangzhou)).toEqual({ ok: false, error: { code: 'malformed', reason: 'unexpected' } });
  });

  it('fails early, without a city, on what the envelope already shows', () => {
    expect(openShareLink(`${BASE}#s=1&c=chengdu&birthDate=1990-01-01`)).toEqual({
      ok: false,
      error: { code: 'unknownCity', city: 'chengdu' },
    });
    expect(openShareLink(BASE)).toEqual({ ok: false, error: { code: 'empty' } });
  });
});

describe('decodeShareLink: warnings', () => {
  it('drops a name that is not a fact of the city, says so, and keeps the rest', () => {
    const result = decoded(`${issueExample}&favouriteColour=blue&siMonthTotal=60`);
    expect(result.document).toEqual(issueExampleDocument);
    expect(result.warnings).toEqual([
      { code: 'ignoredParameter', name: 'favouriteColour' },
      { code: 'ignoredParameter', name: 'siMonthTotal' },
    ]);
  });

  it('ignores parameters that WeChat, share flows and trackers add, without a warning', () => {
    const result = decoded(
      `${BASE}?from=singlemessage&isappinstalled=0&scene=1&utm_source=wechat&sharer_shareid=abc&lng=en#${issueExample.slice(1)}`,
    );
    expect(result.warnings).toEqual([]);
    const inQuery = decoded(`${BASE}?from=groupmessage&isappinstalled=0&utm_campaign=x&${issueExample.slice(1)}`);
    expect(inQuery.document).toEqual(issueExampleDocument);
    expect(inQuery.warnings).toEqual([]);
  });

  it('uses the first value of a name given twice and says so', () => {
    const result = decoded(`${issueExample}&siMonthsTotal=70`);
    expect(result.document.facts.siMonthsTotal).toBe(50);
    expect(result.warnings).toEqual([{ code: 'duplicateParameter', name: 'siMonthsTotal' }]);
  });

  it('says when the link was made with another rule pack than the one now applied on its date', () => {
    const result = decoded('#s=1&c=shanghai&d=2025-06-01&p=shanghai-2018');
    expect(result.packId).toBe('shanghai-2018');
    expect(result.warnings).toEqual([{ code: 'packChanged', linkPack: 'shanghai-2018', currentPack: 'shanghai-2023' }]);
  });

  it('ignores a pack id that is not an id', () => {
    const result = decoded('#s=1&c=shanghai&d=2025-06-01&p=%3Cscript%3E');
    expect(result.packId).toBeNull();
    expect(result.warnings).toEqual([]);
  });

  it('cuts long names and caps the number of warnings', () => {
    const names = Array.from({ length: 50 }, (_, i) => `unknown${i}${'x'.repeat(60)}=1`).join('&');
    const result = decoded(`${issueExample}&${names}`);
    expect(result.warnings).toHaveLength(20);
    for (const warning of result.warnings) expect('name' in warning && warning.name.length).toBeLessThanOrEqual(41);
  });
});

describe('where the payload comes from', () => {
  const payload = issueExample.slice(1);
  const once = encodeURIComponent(payload);
  const twice = encodeURIComponent(once);

  it.each([
    ['a full link', `${BASE}#${payload}`],
    ['location.hash', `#${payload}`],
    ['location.search', `?${payload}`],
    ['a bare payload', payload],
    ['WeChat: ?from=… inserted before the #', `${BASE}?from=singlemessage#${payload}`],
    ['WeChat: ?from=…&isappinstalled=0 inserted before the #', `${BASE}?from=timeline&isappinstalled=0#${payload}`],
    ['WeChat: # dropped, payload in the query', `${BASE}?from=singlemessage&${payload}`],
    ['WeChat: # dropped, payload first in the query', `${BASE}?${payload}&from=singlemessage&isappinstalled=0`],
    ['?share= with the encoded payload', `${BASE}?${SHARE_QUERY_PARAM}=${once}`],
    ['?share= encoded twice, after from=', `${BASE}?from=singlemessage&${SHARE_QUERY_PARAM}=${twice}`],
    ['a fragment encoded once more', `${BASE}#${once}`],
    ['a fragment encoded twice more', `${BASE}?from=singlemessage#${twice}`],
    ['a link copied out of HTML (&amp;)', `${BASE}?from=singlemessage&amp;isappinstalled=0#${payload.replaceAll('&', '&amp;')}`],
    ['surrounding blanks', `  ${BASE}#${payload}\n`],
  ])('%s', (_, href) => {
    const result = decoded(href);
    expect(result.document).toEqual(issueExampleDocument);
    expect(result.warnings).toEqual([]);
  });

  it('prefers the fragment over the query', () => {
    const result = decoded(`${BASE}?s=1&c=shanghai&d=2020-01-01#${payload}`);
    expect(result.document.asOf).toBe('2025-06-01');
  });

  it('extractPayload returns the payload text, or null when there is none', () => {
    expect(extractPayload(`${BASE}?from=singlemessage#${payload}`)).toBe(payload);
    expect(extractPayload(`${BASE}?from=singlemessage&${SHARE_QUERY_PARAM}=${once}`)).toBe(payload);
    expect(extractPayload(BASE)).toBeNull();
    expect(extractPayload(`${BASE}?from=singlemessage&isappinstalled=0`)).toBeNull();
    expect(extractPayload(`${BASE}#results`)).toBeNull();
    expect(extractPayload('x'.repeat(MAX_LINK_LENGTH + 1))).toBeNull();
  });

  it.each([
    ['the app opened normally', BASE],
    ['the app opened from WeChat', `${BASE}?from=singlemessage&isappinstalled=0`],
    ['an in-page anchor', `${BASE}#results`],
    ['nothing', ''],
    ['blanks', '   '],
  ])('%s is not a share link (empty, not an error to show)', (_, href) => {
    expect(errorOf(href)).toEqual({ code: 'empty' });
  });
});

describe('hostile and broken links never throw', () => {
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
  const untouched = () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  };

  it.each([
    ['garbage', 'asdf', 'empty'],
    ['percent signs', '%%%', 'empty'],
    ['a lone #', '#', 'empty'],
    ['a lone ?', '?', 'empty'],
    ['separators only', '#=&=&=&&', 'malformed'],
    ['an in-page anchor', 'https://example.org/#result', 'empty'],
    ['a JSON blob as the payload', `https://example.org/#${encodeURIComponent('{"s":1,"c":"shanghai"}')}`, 'malformed'],
    ['an unreadable share parameter', 'https://example.org/?share=garbage', 'malformed'],
    ['a script URL', 'javascript:alert(1)', 'empty'],
    ['control characters', '\u0000\u0001\u001f', 'empty'],
    ['no version value', '#s=&c=shanghai', 'malformed'],
    ['a version that is not a number', '#s=abc&c=shanghai', 'malformed'],
    ['a negative version', '#s=-1&c=shanghai', 'malformed'],
    ['a fractional version', '#s=1.0&c=shanghai', 'malformed'],
    ['a version in exponent form', '#s=1e0&c=shanghai', 'malformed'],
    ['a version with a broken escape', '#s=1%&c=shanghai', 'malformed'],
    ['an enormous version', '#s=12345678901234567890&c=shanghai', 'malformed'],
    ['no city', '#s=1&d=2025-06-01', 'malformed'],
    ['a facts version that is not a number', '#s=1&c=shanghai&v=x', 'malformed'],
  ])('%s', (_, href, code) => {
    expect(errorOf(href).code).toBe(code);
  });

  it('refuses a 1 MB link before parsing it, quickly', () => {
    const huge = `${BASE}#${issueExample.slice(1)}&x=${'a'.repeat(1 << 20)}`;
    const started = performance.now();
    expect(errorOf(huge)).toEqual({ code: 'tooLong', limit: MAX_LINK_LENGTH });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses a link with too many parameters', () => {
    expect(errorOf(`#s=1&c=shanghai&${'a=1&'.repeat(1500)}`)).toEqual({ code: 'tooLong', limit: 200 });
    const distinct = Array.from({ length: 300 }, (_, i) => `n${i}=1`).join('&');
    expect(errorOf(`#s=1&c=shanghai&${distinct}`)).toEqual({ code: 'tooLong', limit: 200 });
  });

  it('names the field of a long value inside the limit', () => {
    expect(errorOf(`#s=1&c=shanghai&siMonthsTotal=${'9'.repeat(8000)}`)).toEqual({
      code: 'invalidFacts',
      issues: [{ path: 'facts.siMonthsTotal', message: 'errors.number' }],
    });
    const many = Array.from({ length: 60 }, () => '2020-01-01').join(',');
    expect(errorOf(`#s=1&c=shanghai&d=2025-06-01&crimeDates=${many}`)).toEqual({
      code: 'invalidFacts',
      issues: [{ path: 'facts.crimeDates', message: 'errors.tooMany' }],
    });
  });

  it.each([
    ['a broken escape in a date', 'birthDate=1990%2-03-15', 'facts.birthDate', 'errors.date'],
    ['an impossible date', 'birthDate=1990-02-30', 'facts.birthDate', 'errors.date'],
    ['a date after the as-of date', 'birthDate=2030-01-01', 'facts.birthDate', 'errors.futureBirth'],
    ['a word for a number', 'siMonthsTotal=fifty', 'facts.siMonthsTotal', 'errors.number'],
    ['an empty number', 'siMonthsTotal=', 'facts.siMonthsTotal', 'errors.number'],
    ['a hex number', 'siMonthsTotal=0x10', 'facts.siMonthsTotal', 'errors.number'],
    ['Infinity', 'investTaxShareYuan=Infinity', 'facts.investTaxShareYuan', 'errors.number'],
    ['a number too large for a double', 'investTaxShareYuan=1e400', 'facts.investTaxShareYuan', 'errors.number'],
    ['a fraction of a month', 'siMonthsTotal=1.5', 'facts.siMonthsTotal', 'errors.integer'],
    ['a negative number', 'siMonthsTotal=-3', 'facts.siMonthsTotal', 'errors.negative'],
    ['more than the window', 'siMonthsLast12=13', 'facts.siMonthsLast12', 'errors.maxMonths12'],
    ['a word for yes/no', 'residencePermit=yes', 'facts.residencePermit', 'errors.boolean'],
    ['a prototype name for yes/no', 'residencePermit=constructor', 'facts.residencePermit', 'errors.boolean'],
    ['an unknown choice', 'education=professor', 'facts.education', 'errors.choice'],
    ['a prototype name for a choice', 'education=__proto__', 'facts.education', 'errors.choice'],
    ['an unknown choice in a list', 'awards=municipalSpecial,bogus', 'facts.awards.1', 'errors.choice'],
    ['a broken date in a list', 'crimeDates=2020-01-01,2020-13-01', 'facts.crimeDates.1', 'errors.date'],
    ['an empty list item', 'awards=municipalSpecial,', 'facts.awards.1', 'errors.choice'],
    ['an invalid as-of date', 'birthDate=1990-03-15&d=2025-02-30', 'asOf', 'errors.date'],
  ])('%s is reported at its field', (_, params, path, message) => {
    const href = params.includes('d=') ? `#s=1&c=shanghai&${params}` : `#s=1&c=shanghai&d=2025-06-01&${params}`;
    expect(errorOf(href)).toEqual({ code: 'invalidFacts', issues: [{ path, message }] });
  });

  it.each(['beijing', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Shanghai', 'shang%E4hai'])(
    'unknown city %s',
    (city) => {
      expect(errorOf(`#s=1&c=${city}&d=2025-06-01`).code).toBe('unknownCity');
    },
  );

  it('a link from a newer format or a newer facts version asks for an update', () => {
    expect(errorOf(`#s=${SHARE_FORMAT_VERSION + 1}&c=shanghai&d=2025-06-01`)).toEqual({
      code: 'futureVersion',
      version: SHARE_FORMAT_VERSION + 1,
      supported: SHARE_FORMAT_VERSION,
    });
    expect(errorOf('#s=999999&c=nowhere')).toEqual({ code: 'futureVersion', version: 999999, supported: SHARE_FORMAT_VERSION });
    expect(errorOf('#s=1&c=shanghai&v=2&d=2025-06-01')).toEqual({ code: 'futureVersion', version: 2, supported: 1 });
  });

  it('version 0 never existed and cannot be read', () => {
    expect(errorOf('#s=0&c=shanghai&d=2025-06-01')).toEqual({ code: 'unsupportedVersion', version: 0 });
    expect(errorOf('#s=1&c=shanghai&v=0&d=2025-06-01')).toEqual({ code: 'unsupportedVersion', version: 0 });
  });

  it.each([
    '__proto__[polluted]=1',
    '__proto__.polluted=1',
    '__proto__=polluted',
    '__proto__=%7B%22polluted%22%3A1%7D',
    'constructor[prototype][polluted]=1',
    'constructor.prototype.polluted=1',
    'constructor=1',
    'prototype=1',
    'toString=1',
    'hasOwnProperty=1',
    '__defineGetter__=1',
  ])('prototype trick %s is dropped with a warning and changes nothing', (trick) => {
    const result = decoded(`${issueExample}&${trick}`);
    expect(result.document).toEqual(issueExampleDocument);
    expect(Object.getPrototypeOf(result.document.facts)).toBe(Object.prototype);
    expect(Object.keys(result.document.facts).sort()).toEqual(Object.keys(issueExampleDocument.facts).sort());
    expect(result.warnings).toHaveLength(1);
    untouched();
  });

  it('prototype tricks in the envelope change nothing', () => {
    for (const href of ['#s=1&c=__proto__', '#s=__proto__&c=shanghai', '#s=1&c=shanghai&d=__proto__', '#__proto__=1&s=1']) {
      expect(decodeShareLink(href).ok).toBe(false);
    }
    untouched();
  });

  it('never throws on input that is not a string', () => {
    for (const input of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(decodeShareLink(input as unknown as string)).toEqual({ ok: false, error: { code: 'malformed', reason: 'unexpected' } });
    }
  });
});

describe('facts that are lists of records or other shapes (read from the schema)', () => {
  /** A schema with the shapes other cities use: a list of flat records, and one shape that falls back to JSON. */
  const schema = z.strictObject({
    roundYear: z.optional(z.number()),
    patents: z.optional(
      z.array(
        z.strictObject({
          kind: z.enum(['invention', 'utility']),
          inventors: z.number(),
          firstInventor: z.optional(z.boolean()),
          grantDate: z.string(),
        }),
      ),
    ),
    notes: z.optional(z.array(z.string())),
    nested: z.optional(z.object({ a: z.array(z.number()) })),
  });
  const kinds = factKinds(schema);
  const kind = (name: string) => {
    const found = kinds.get(name);
    if (!found) throw new Error(name);
    return found;
  };

  it('finds the kind of each fact from the schema', () => {
    expect(kind('roundYear')).toEqual({ form: 'scalar', scalar: 'number' });
    expect(kind('patents')).toEqual({
      form: 'records',
      fields: new Map([
        ['kind', 'text'],
        ['inventors', 'number'],
        ['firstInventor', 'boolean'],
        ['grantDate', 'text'],
      ]),
    });
    expect(kind('notes')).toEqual({ form: 'list', scalar: 'text' });
    expect(kind('nested')).toEqual({ form: 'json' });
  });

  it('writes records readably and reads them back', () => {
    const patents = [
      { kind: 'invention', inventors: 3, firstInventor: true, grantDate: '2023-05-01' },
      { kind: 'utility', inventors: 1, grantDate: '2022-01-01' },
    ];
    const text = writeFactValue(kind('patents'), patents);
    expect(text).toBe('kind:invention;inventors:3;firstInventor:1;grantDate:2023-05-01,kind:utility;inventors:1;grantDate:2022-01-01');
    expect(readFactValue(kind('patents'), text)).toEqual(patents);
  });

  it('escapes separators inside list items and record fields', () => {
    const notes = ['a,b', 'c;d:e', 'back\\slash', ''];
    expect(readFactValue(kind('notes'), writeFactValue(kind('notes'), notes))).toEqual(notes);
  });

  it('drops record fields the schema does not have, including prototype names, and reports them', () => {
    const ignored: string[] = [];
    const value = readFactValue(kind('patents'), 'kind:invention;__proto__:1;constructor:x;colour:red;inventors:2', ignored);
    expect(value).toEqual([{ kind: 'invention', inventors: 2 }]);
    expect(ignored).toEqual(['__proto__', 'constructor', 'colour']);
    expect(Object.getPrototypeOf((value as object[])[0])).toBe(Object.prototype);
  });

  it('JSON values are copied without prototype keys', () => {
    const value = readFactValue(kind('nested'), '{"a":[1],"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}');
    expect(value).toEqual({ a: [1] });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readFactValue(kind('nested'), '{not json')).toBe('{not json');
  });
});

describe('versions and migrations', () => {
  /**
   * Links written by each released format version, frozen: they must keep decoding to these documents after any
   * later change. Version 1 is the first format; add the next version's links here when it is released.
   */
  const releasedLinks: readonly { version: number; href: string; document: FactsDocument }[] = [
    { version: 1, href: `${BASE}${issueExample}`, document: issueExampleDocument },
    {
      version: 1,
      href:
        'https://example.org/mingfen/#s=1&c=shanghai&v=1&d=2016-06-30&p=shanghai-2015&birthDate=1988-03-01' +
        '&residencePermit=1&education=bachelorDegree&siMonthsLast12=2&siPayingNow=0&siMonthsTotal=2&detentionDates=',
      document: {
        city: 'shanghai',
        asOf: '2016-06-30',
        version: 1,
        facts: {
          birthDate: '1988-03-01',
          residencePermit: true,
          education: 'bachelorDegree',
          siMonthsLast12: 2,
          siPayingNow: false,
          siMonthsTotal: 2,
          detentionDates: [],
        },
      },
    },
  ];

  it.each(releasedLinks.map((link) => [link.version, link] as const))('a version-%i link still decodes', (_, link) => {
    const result = decoded(link.href);
    expect(result.document).toEqual(link.document);
    expect(result.warnings).toEqual([]);
  });

  it('every released version below the current one has a migration step', () => {
    for (let version = 1; version < SHARE_FORMAT_VERSION; version += 1) expect(Object.hasOwn(migrations, version)).toBe(true);
    expect(Object.keys(migrations).map(Number).every((v) => v >= 1 && v < SHARE_FORMAT_VERSION)).toBe(true);
  });

  it('migrating from the current version is the identity', () => {
    const params: ShareParams = new Map([
      ['s', '1'],
      ['c', 'shanghai'],
    ]);
    expect(migrateParams(params, SHARE_FORMAT_VERSION)).toBe(params);
  });

  describe('rehearsal of a future format (synthetic: no such version exists)', () => {
    /** Suppose format 2 renamed `d` to `asOf` … and format 3 renamed it back; each step rewrites one name. */
    const rename =
      (from: string, to: string) =>
      (params: ShareParams): ShareParams =>
        new Map([...params].map(([name, value]) => [name === from ? to : name, value] as const));
    const table = { 1: rename('d', 'date'), 2: rename('date', 'd') };

    it('a version-1 link is brought up to the current version step by step', () => {
      const result = decoded(`${BASE}${issueExample}`, { migrations: table, formatVersion: 3 });
      expect(result.document).toEqual(issueExampleDocument);
    });

    it('steps run in order', () => {
      const order: number[] = [];
      const spy = { 1: (p: ShareParams) => (order.push(1), p), 2: (p: ShareParams) => (order.push(2), p) };
      expect(migrateParams(new Map([['s', '1']]), 1, spy, 3)).not.toBeNull();
      expect(order).toEqual([1, 2]);
    });

    it('a missing step makes the version unreadable instead of misreading it', () => {
      expect(errorOf(`${BASE}${issueExample}`, { migrations: { 2: rename('date', 'd') }, formatVersion: 3 })).toEqual({
        code: 'unsupportedVersion',
        version: 1,
      });
    });

    it('a step that throws gives an error, not an exception', () => {
      const broken = {
        1: () => {
          throw new Error('bug in a migration');
        },
      };
      expect(errorOf(`${BASE}${issueExample}`, { migrations: broken, formatVersion: 2 })).toEqual({
        code: 'malformed',
        reason: 'unexpected',
      });
    });
  });
});

describe('names', () => {
  it('no city has a fact named like an envelope parameter or an ignored share parameter', () => {
    const reserved = new Set<string>([...Object.values(envelopeParams), SHARE_QUERY_PARAM]);
    for (const city of supportedCities) {
      for (const name of factKinds(cityModules[city].factsSchema).keys()) {
        expect(reserved.has(name), `${city}.${name}`).toBe(false);
        expect(isIgnoredParam(name), `${city}.${name}`).toBe(false);
      }
    }
  });
});
