/**
 * Property tests of the share-link codec: reading never throws, whatever the input, and never lets anything but a
 * validated document out; writing then reading gives back the same document.
 */
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { addYears, completedMonths } from '../engine/core/dates';
import type { IsoDate } from '../engine/core/types';
import {
  shanghaiAwardLevels,
  shanghaiEducationLevels,
  shanghaiRemoteAreas,
  shanghaiTitleLevels,
} from '../engine/cities/shanghai/facts';
import { parseDocument, type FactsDocument } from '../engine/document';
import { cityModules, supportedCities } from '../engine/registry';
import { decodeShareLink, encodeShareLink, type DecodeResult } from './links';
import { factKinds, readFactValue, writeFactValue, type FactKind } from './factValues';
import { readParams, writeParams } from './params';

const RUNS = { numRuns: 300 } as const;
const TODAY: IsoDate = '2026-01-15';
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

/** What every result must satisfy: a plain result object, and a document only when it validates again. */
function checkResult(result: DecodeResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    const again = parseDocument(result.document, TODAY);
    expect(again.ok).toBe(true);
    const known = new Set(factKinds(cityModules[result.document.city].factsSchema).keys());
    for (const name of Object.keys(result.document.facts)) expect(known.has(name), name).toBe(true);
  } else {
    expect(typeof result.error.code).toBe('string');
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const read = (href: string) => decodeShareLink(href, { today: TODAY });

// ---- valid Shanghai documents -----------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayOf = (iso: IsoDate) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** A date a fraction (in thousandths) of the way from `from` to `to`, so one draw can depend on another. */
const between = (from: IsoDate, to: IsoDate, permille: number) =>
  isoOf(dayOf(from) + Math.floor(((dayOf(to) - dayOf(from)) * permille) / 1000));
const permille = fc.integer({ min: 0, max: 1000 });
const months = (max: number) => fc.integer({ min: 0, max });

/**
 * Raw draws (every key optional) turned into facts that pass the Shanghai cross-field checks: dates between birth
 * and the as-of date, month counts within working life, nested base bands, the last 12 months within the total.
 */
const rawShanghai = fc.record(
  {
    birth: permille,
    residencePermit: fc.boolean(),
    education: fc.constantFrom(...shanghaiEducationLevels),
    educationVerified: fc.boolean(),
    title: fc.constantFrom(...shanghaiTitleLevels),
    titleMatchesPost: fc.boolean(),
    titleBaseMonthsLast12: months(12),
    shortageMajor: fc.boolean(),
    siMonthsLast12: months(12),
    siPayingNow: fc.boolean(),
    siMonthsTotal: months(600),
    siBase08Months: months(48),
    siBase1Months: months(48),
    siBase2Months: months(48),
    siBaseCeilingMonths: months(36),
    sanitationMonths: months(600),
    remoteArea: fc.constantFrom(...shanghaiRemoteAreas),
    remoteAreaMonths: months(600),
    spouseShanghaiHukou: fc.boolean(),
    marriage: permille,
    freshGraduate: fc.boolean(),
    investTaxShareYuan: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.double({ min: 0, max: 1e12, noNaN: true })),
    investHukouHires: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1e7, noNaN: true })),
    entrepreneur: fc.boolean(),
    awards: fc.array(fc.constantFrom(...shanghaiAwardLevels), { maxLength: 5 }),
    falseMaterialDates: fc.array(permille, { maxLength: 3 }),
    detentionDates: fc.array(permille, { maxLength: 3 }),
    crimeDates: fc.array(permille, { maxLength: 3 }),
    familyPlanningViolation: fc.boolean(),
    seriousCrime: fc.boolean(),
  },
  { requiredKeys: [] },
);

const shanghaiDocument = fc
  .tuple(fc.integer({ min: dayOf('2010-01-01'), max: dayOf('2030-12-31') }).map(isoOf), rawShanghai)
  .map(([asOf, raw]): unknown => {
    const { birth, marriage, siBase08Months, siBase1Months, siBase2Months, ...rest } = raw;
    const facts: Record<string, unknown> = { ...rest };
    // Born 16 to 80 years before the as-of date; without a birth date the working-life checks do not apply.
    const birthDate = between(addYears(asOf, -80), addYears(asOf, -16), birth ?? 500);
    if (birth !== undefined) facts.birthDate = birthDate;
    const life = completedMonths(addYears(birthDate, 16), asOf);
    for (const key of ['siMonthsTotal', 'sanitationMonths', 'remoteAreaMonths', 'siMonthsLast12', 'titleBaseMonthsLast12', 'siBaseCeilingMonths'] as const) {
      if (typeof facts[key] === 'number') facts[key] = Math.min(facts[key], life);
    }
    const fit = (key: string, max: number | undefined) => {
      if (typeof facts[key] === 'number' && max !== undefined) facts[key] = Math.min(facts[key], max);
    };
    fit('siMonthsLast12', facts.siMonthsTotal as number | undefined);
    fit('titleBaseMonthsLast12', facts.siMonthsLast12 as number | undefined);
    // "At least" bands nest: months ≥ 2W ≤ months ≥ 1W ≤ months ≥ 0.8W, and ceiling months ≤ months ≥ 2W.
    const bands = [siBase2Months, siBase1Months, siBase08Months];
    const sorted = bands.filter((b): b is number => b !== undefined).map((b) => Math.min(b, life)).sort((a, b) => a - b);
    (['siBase2Months', 'siBase1Months', 'siBase08Months'] as const).forEach((key, i) => {
      if (bands[i] !== undefined) facts[key] = sorted.shift();
    });
    fit('siBaseCeilingMonths', facts.siBase2Months as number | undefined);
    if (marriage !== undefined) facts.marriageDate = between(birthDate, asOf, marriage);
    for (const key of ['falseMaterialDates', 'detentionDates', 'crimeDates'] as const) {
      const draws = facts[key] as number[] | undefined;
      if (draws) facts[key] = draws.map((p) => between(birthDate, asOf, p));
    }
    return { city: 'shanghai', asOf, facts };
  });

describe('encode → decode', () => {
  it.prop([shanghaiDocument], RUNS)('gives back any valid Shanghai document, without warnings', (input) => {
    const parsed = parseDocument(input, TODAY);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    const document = (parsed as { document: FactsDocument }).document;
    const result = read(encodeShareLink(document, 'https://example.org/mingfen/'));
    expect(result.ok ? result.warnings : result.error).toEqual([]);
    expect(result.ok && result.document).toEqual(document);
  });

  it.prop([shanghaiDocument, fc.constantFrom('?from=singlemessage', '?from=timeline&isappinstalled=0')], RUNS)(
    'survives WeChat inserting ?from=… before the #, or dropping the # (payload in the query)',
    (input, inserted) => {
      const parsed = parseDocument(input, TODAY);
      if (!parsed.ok) throw new Error('generator');
      const link = encodeShareLink(parsed.document, 'https://example.org/');
      const [base, payload] = link.split('#') as [string, string];
      for (const href of [`${base}${inserted}#${payload}`, `${base}${inserted}&${payload}`]) {
        const result = read(href);
        expect(result.ok && result.document).toEqual(parsed.document);
      }
    },
  );
});

// ---- every kind of fact of every registered city ----------------------------------------------------------

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const scalarValue = (scalar: 'text' | 'number' | 'boolean'): fc.Arbitrary<unknown> =>
  scalar === 'text' ? text : scalar === 'number' ? number : fc.boolean();
/** JSON text round-trips only up to JSON itself; prototype names are dropped on purpose. */
const jsonValue = fc
  .jsonValue({ maxDepth: 3 })
  .map((value) => JSON.parse(JSON.stringify(value)) as unknown)
  .filter((value) => !/"(?:__proto__|constructor|prototype)":/.test(JSON.stringify(value)));

/** Values of a kind that its written form can tell apart (a single empty item reads back as an empty list). */
function valueOf(kind: FactKind): fc.Arbitrary<unknown> {
  switch (kind.form) {
    case 'scalar':
      return scalarValue(kind.scalar);
    case 'list':
      return fc
        .array(scalarValue(kind.scalar), { maxLength: 4 })
        .filter((list) => !(list.length === 1 && list[0] === ''));
    case 'records': {
      const fields = Object.fromEntries([...kind.fields].map(([name, scalar]) => [name, scalarValue(scalar)]));
      const record = fc.record(fields, { requiredKeys: [] }).filter((r) => Object.keys(r).length > 0);
      return fc.array(record, { maxLength: 3 });
    }
    case 'json':
      return jsonValue;
  }
}

describe('fact values', () => {
  for (const city of supportedCities) {
    const kinds = [...factKinds(cityModules[city].factsSchema)];
    const factsArb = fc.record(Object.fromEntries(kinds.map(([name, kind]) => [name, valueOf(kind)])), { requiredKeys: [] });

    it.prop([factsArb], RUNS)(`${city}: any value of each fact's type is written and read back unchanged`, (facts) => {
      const values = facts as Record<string, unknown>;
      const pairs = kinds.filter(([name]) => values[name] !== undefined).map(([name, kind]) => [name, writeFactValue(kind, values[name])] as const);
      const { params } = readParams(writeParams(pairs));
      const back = Object.fromEntries(kinds.filter(([name]) => params.has(name)).map(([name, kind]) => [name, readFactValue(kind, params.get(name) ?? '')]));
      expect(back).toEqual(values);
    });
  }

  const recordKind: FactKind = { form: 'records', fields: new Map([['name', 'text'], ['count', 'number'], ['flag', 'boolean']]) };
  it.prop([valueOf(recordKind)], RUNS)('lists of records with any text are written and read back unchanged', (records) => {
    const { params } = readParams(writeParams([['items', writeFactValue(recordKind, records)]]));
    expect(readFactValue(recordKind, params.get('items') ?? '')).toEqual(records);
  });

  it.prop([jsonValue], RUNS)('other shapes (as JSON) are written and read back unchanged', (value) => {
    const kind: FactKind = { form: 'json' };
    const { params } = readParams(writeParams([['x', writeFactValue(kind, value)]]));
    expect(readFactValue(kind, params.get('x') ?? '')).toEqual(value);
  });
});

// ---- the decoder never throws -----------------------------------------------------------------------------

/** Tokens that reach deep into the decoder: envelope names, fact names, prototype names, broken escapes. */
const factNames = supportedCities.flatMap((city) => [...factKinds(cityModules[city].factsSchema).keys()]);
const nameToken = fc.constantFrom(
  's', 'c', 'v', 'd', 'p', 'share', 'from', 'isappinstalled', 'utm_source',
  '__proto__', 'constructor', 'prototype', '__proto__[polluted]', 'constructor.prototype.polluted', 'toString',
  ...factNames,
);
const valueToken = fc.oneof(
  fc.constantFrom(
    '1', '0', '2', '-1', '1.5', '1e400', '999999', 'true', 'NaN', 'Infinity', '', ' ', '%', '%2', '%E4%B8', '%ZZ', '%25',
    'shanghai', 'guangzhou', 'tianjin', 'beijing', '__proto__', 'constructor', '2025-06-01', '1990-02-30', '2200-12-31',
    'shanghai-2023', 'bachelorDegree', 'municipalSpecial,provincialOrHigher', 'a,b,,c', '\\', '\\,', 'kind:x;y:1,z',
    '{"__proto__":{"polluted":1}}', '[1,[2,[3]]]', '%7B%22a%22%3A1%7D', '#', '?', '&', '=', '+', '中文', '😀',
  ),
  fc.string({ maxLength: 8 }),
);
const pair = fc.tuple(nameToken, valueToken).map(([name, value]) => `${name}=${value}`);
const prefix = fc.constantFrom('', '#', '?', 'https://example.org/mingfen/#', 'https://example.org/?from=singlemessage&', 'https://example.org/?share=');
/** Mostly a readable envelope, so that the random pairs reach the fact readers and the schema. */
const envelope = fc.constantFrom(
  's=1&c=shanghai&d=2025-06-01',
  's=1&c=shanghai&v=1&d=2025-06-01&p=shanghai-2023',
  's=1&c=shanghai',
  's=2&c=shanghai',
  's=1&c=beijing',
  '',
);
const tokenLink = fc
  .tuple(prefix, envelope, fc.array(pair, { maxLength: 12 }), fc.constantFrom(0, 0, 1, 2))
  .map(([start, head, pairs, encodings]) => {
    let payload = [head, ...pairs].filter((part) => part !== '').join('&');
    for (let i = 0; i < encodings; i += 1) payload = encodeURIComponent(payload);
    return `${start}${payload}`;
  });

/** A valid link with random damage: characters cut, inserted or replaced, or the tail truncated. */
const damagedLink = fc
  .tuple(shanghaiDocument, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 }))
  .map(([input, edits]) => {
    const parsed = parseDocument(input, TODAY);
    let link = parsed.ok ? encodeShareLink(parsed.document, 'https://example.org/') : 'https://example.org/';
    for (const [at, cut, inserted] of edits) {
      const i = at % (link.length + 1);
      link = `${link.slice(0, i)}${inserted}${link.slice(i + cut)}`;
    }
    return link;
  });

describe('decodeShareLink never throws', () => {
  it.prop([fc.string()], RUNS)('on any ASCII string', (href) => checkResult(read(href)));
  it.prop([fc.string({ unit: 'binary' })], RUNS)('on any Unicode string', (href) => checkResult(read(href)));
  it.prop([fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) })], RUNS)(
    'on strings with lone surrogates',
    (href) => checkResult(read(href)),
  );
  it.prop([fc.webUrl({ withQueryParameters: true, withFragments: true })], RUNS)('on any web URL', (href) => checkResult(read(href)));
  it.prop([tokenLink], { numRuns: 1000 })('on links built from hostile and meaningful tokens', (href) => checkResult(read(href)));
  it.prop([damagedLink], RUNS)('on valid links with random damage', (href) => checkResult(read(href)));
});

describe('the hostile-token links', () => {
  it('reach every outcome of the decoder, so the property above is not vacuous', () => {
    const outcomes = new Set(fc.sample(tokenLink, { numRuns: 5000, seed: 7 }).map((href) => {
      const result = read(href);
      return result.ok ? (result.warnings.length > 0 ? 'ok with warnings' : 'ok') : result.error.code;
    }));
    expect([...outcomes].sort()).toEqual(
      ['empty', 'futureVersion', 'invalidFacts', 'malformed', 'ok', 'ok with warnings', 'unknownCity', 'unsupportedVersion'].sort(),
    );
  });
});
