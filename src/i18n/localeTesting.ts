/**
 * What the locale-completeness tests of every city share (src/i18n/*locales.test.ts): walking the locale trees,
 * comparing the two languages key by key and param by param, collecting every message a result carries, i18next
 * instances that record missing keys, and the check that a rendered string is complete. Test code only: nothing in
 * the app imports it.
 */
import { readFileSync } from 'node:fs';
import i18next, { type i18n } from 'i18next';
import { beforeAll, expect, it } from 'vitest';
import type { Message, ScoreResult } from '../engine/core/types';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Tree = { readonly [key: string]: string | Tree };

/** Every string of a locale tree by its dotted path. */
export function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** A key without its plural suffix (Chinese has one form where English has two). */
export const basePluralKey = (key: string) => key.replace(PLURAL_SUFFIX, '');

/** The `{{params}}` each key uses, plural forms merged. */
export function variablesByKey(tree: Tree): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, text] of leaves(tree)) {
    const vars = out.get(basePluralKey(key)) ?? new Set<string>();
    for (const m of text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*(?:,[^}]*)?\}\}/g)) vars.add(m[1]!);
    out.set(basePluralKey(key), vars);
  }
  return out;
}

/** Resources as the tests load them: language → namespace → tree. */
export type TestResources = Readonly<Record<Language, Readonly<Record<string, unknown>>>>;

/** Defines the two tests every namespace must pass: both languages have the same keys and the same params. */
export function itHasTheSameKeysAndParams(resources: TestResources, namespace: string): void {
  const tree = (lng: Language) => resources[lng][namespace] as Tree;
  it(`${namespace}: both languages have the same keys (plural forms aside)`, () => {
    const zh = [...leaves(tree('zh-CN')).keys()].map(basePluralKey);
    const en = [...leaves(tree('en')).keys()].map(basePluralKey);
    expect(new Set(en)).toEqual(new Set(zh));
  });
  it(`${namespace}: both languages use the same params for each key`, () => {
    const zh = variablesByKey(tree('zh-CN'));
    const en = variablesByKey(tree('en'));
    for (const [key, vars] of zh) expect(en.get(key), key).toEqual(vars);
  });
}

export interface Emitted {
  readonly where: string;
  readonly message: Message;
}

/** Every message a result carries (gates, lines, deductions, veto, scores and comparisons, notices), with where. */
export function emittedMessages(result: ScoreResult, name: string): Emitted[] {
  const out: Emitted[] = [];
  const add = (where: string, message: Message | string | undefined) => {
    if (message === undefined) return;
    out.push({ where: `${name}: ${where}`, message: typeof message === 'string' ? { key: message } : message });
  };
  for (const gate of result.gates) {
    add(`gate ${gate.id}`, gate.message);
    add(`gate ${gate.id} reason`, gate.reason);
    add(`gate ${gate.id} caveat`, gate.caveat);
  }
  for (const line of [...result.lines, ...result.deductions]) {
    add(`line ${line.id}`, line.message);
    add(`line ${line.id} not counted`, line.notCountedReason);
    add(`line ${line.id} caveat`, line.caveat);
  }
  for (const reason of result.veto.reasons) add(`veto ${reason.id}`, reason.message);
  for (const score of result.scores) {
    add(`score ${score.id}`, score.label);
    add(`score ${score.id} description`, score.description);
    for (const c of score.comparisons ?? []) {
      add(`comparison ${c.id}`, c.label);
      add(`comparison ${c.id} caveat`, c.caveat);
    }
  }
  for (const notice of result.notices) add('notice', notice.message);
  return out;
}

/** `errors.*` keys written literally in the given source files (paths relative to src/). */
export function errorKeysIn(files: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const file of files) {
    const source = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    for (const m of source.matchAll(/'errors\.([A-Za-z0-9_]+)'/g)) keys.add(m[1]!);
  }
  return keys;
}

export interface Translators {
  /** The i18next instance of a language (set up before the tests run). */
  readonly t: (lng: Language) => i18n;
  /** `<language> <namespace>:<key>` of every key looked up and not found. */
  readonly missingKeys: string[];
}

/** One i18next instance per language, configured like the app, recording every missing key. */
export function useTranslators(resources: TestResources, namespaces: readonly string[], defaultNS: string): Translators {
  const instances = new Map<Language, i18n>();
  const missingKeys: string[] = [];
  beforeAll(async () => {
    for (const lng of LANGUAGES) {
      const instance = i18next.createInstance();
      await instance.init({
        resources: resources as never,
        lng,
        fallbackLng: false,
        ns: [...namespaces],
        defaultNS,
        interpolation: { escapeValue: false },
        saveMissing: true,
        missingKeyHandler: (_lngs, ns, key) => missingKeys.push(`${lng} ${ns}:${key}`),
      });
      instances.set(lng, instance);
    }
  });
  return { t: (lng) => instances.get(lng)!, missingKeys };
}

/** A key's namespace-free path segments that must never show in rendered text (a nested key left unresolved). */
const RAW_KEY =
  /\b(options|line|lineTitle|reason|gate|caveat|notice|veto|score|comparison|unit|units|rows|sections|fields|homes|bandFinder|errors)\.[A-Za-z]/;

/** Rendered text must have no unfilled params, no unresolved nesting and no raw keys, and must not be empty. */
export function expectRendered(text: string, key: string, where: string): void {
  expect(text, where).not.toContain('{{');
  expect(text, where).not.toContain('$t(');
  expect(text, where).not.toBe(key);
  expect(text, where).not.toContain(key.replace(/^\w+:/, ''));
  expect(text, where).not.toMatch(RAW_KEY);
  expect(text.trim(), where).not.toBe('');
}

/**
 * Defines, for both languages, the tests every city's engine messages pass: every line of `results` has a title
 * (`<ns>:lineTitle.<id>`, `.expired` dropped; `expectIdCount` checks how many ids the personas reach), every
 * emitted key (and each of `alsoKeys`) exists, and every emitted message renders completely with no missing key.
 */
export function itRendersTheEngineMessages(options: {
  readonly ns: string;
  readonly translators: Translators;
  readonly results: readonly ScoreResult[];
  readonly emitted: readonly Emitted[];
  readonly expectIdCount: (count: number) => void;
  readonly alsoKeys?: readonly string[];
}): void {
  const { ns, translators, results, emitted, expectIdCount, alsoKeys = [] } = options;
  const { t, missingKeys } = translators;

  it.each(LANGUAGES)('%s: every line has a title (lineTitle.<id>, `.expired` dropped)', (lng) => {
    const ids = new Set(results.flatMap((result) => [...result.lines, ...result.deductions].map((l) => l.id.replace(/\.expired$/, ''))));
    expectIdCount(ids.size);
    for (const id of ids) {
      const key = `${ns}:lineTitle.${id}`;
      expect(t(lng).exists(key), `${lng} ${key}`).toBe(true);
      expectRendered(t(lng).t(key), key, `${lng} ${key}`);
    }
  });

  it.each(LANGUAGES)('%s: every emitted key exists', (lng) => {
    for (const { where, message } of emitted) {
      expect(t(lng).exists(message.key, message.params), `${where}: ${message.key}`).toBe(true);
    }
    for (const key of alsoKeys) expect(t(lng).exists(key), key).toBe(true);
  });

  it.each(LANGUAGES)('%s: every emitted message renders completely', (lng) => {
    missingKeys.length = 0;
    for (const { where, message } of emitted) {
      const text = t(lng).t(message.key, { ...message.params });
      expectRendered(text, message.key, `${lng} ${where}: ${message.key} → ${text}`);
    }
    for (const key of alsoKeys) expectRendered(t(lng).t(key), key, `${lng} ${key}`);
    expect(missingKeys).toEqual([]);
  });
}
