/**
 * @vitest-environment jsdom
 *
 * The on-device store over an in-memory fake (with switchable failures) and over jsdom's localStorage: drafts
 * survive a reload, profiles round-trip through export and import, unreadable data is set aside under a backup
 * key and reported, a newer version's data is never written over, failing storage never throws, hostile import
 * files change nothing, and any sequence of operations keeps the store readable and loses no profile except by
 * removal.
 */
import { fc, it as itProp } from '@fast-check/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CityId } from '../../engine/core/types';
import type { FormValues } from '../cities';
import {
  CORRUPT_KEY_PREFIX,
  EXPORT_FORMAT,
  MAX_IMPORT_CHARS,
  MAX_PROFILES,
  NAME_MAX_LENGTH,
  STORE_KEY,
  STORE_VERSION,
  createProfileStore,
  defaultRandomId,
  isStorageAvailable,
  profileIssues,
  type KeyValueStorage,
  type Profile,
  type ProfileStore,
  type StoreResult,
} from './storage';

/** Web Storage in memory; writes can be made to fail like a full quota, and any call can be made to throw. */
class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  writes = 0;
  /** Total characters (keys + values) the storage holds at most. */
  quota = Number.POSITIVE_INFINITY;
  /** Throw on every call, as storage does when the browser forbids it. */
  broken = false;

  getItem(key: string): string | null {
    if (this.broken) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.broken) throw new DOMException('The operation is insecure.', 'SecurityError');
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.writes += 1;
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    if (this.broken) throw new DOMException('The operation is insecure.', 'SecurityError');
    this.items.delete(key);
  }

  /** Keys other than the envelope's. */
  otherKeys(): string[] {
    return [...this.items.keys()].filter((k) => k !== STORE_KEY);
  }
}

const START = Date.UTC(2025, 5, 1, 8, 0, 0);

/** A store with a clock that ticks one second per reading and ids `p1`, `p2` …. */
function storeOver(storage: KeyValueStorage | null, overrides: { ids?: () => string } = {}) {
  let tick = 0;
  let id = 0;
  return createProfileStore({
    storage,
    now: () => START + 1000 * tick++,
    randomId: overrides.ids ?? (() => `p${++id}`),
  });
}

/** The value of a successful result; fails the test otherwise. */
function valueOf<T>(result: StoreResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error}`);
  return result.value;
}

const values = (facts: Record<string, unknown> = {}, asOf = '2025-06-01'): FormValues => ({ asOf, facts });
const wang = values({ birthDate: '1990-01-01', education: 'bachelorDegree', siMonthsTotal: 48 });
/** With a list row the user has added but not filled in yet (''). */
const degree = values(
  { birthDate: '1990-01-01', education: 'master', falseMaterialDates: ['2020-01-01', ''] },
  '2026-01-01',
);
const UNKNOWN_CITY = 'atlantis' as CityId;

/** A profile as it would be stored, for hand-written envelopes and import files. */
function storedProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'a1',
    name: 'client Wang',
    city: 'shanghai',
    asOf: '2025-06-01',
    factsVersion: 1,
    facts: { birthDate: '1990-01-01' },
    createdAt: '2025-05-01T08:00:00.000Z',
    updatedAt: '2025-05-02T08:00:00.000Z',
    ...overrides,
  };
}

const envelopeText = (profiles: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: STORE_VERSION, drafts: {}, profiles, activeProfileId: null, ...extra });

const exportFile = (profiles: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2025-06-01T00:00:00.000Z', profiles, ...extra });

describe('drafts', () => {
  it('starts empty and writable when nothing is stored', () => {
    const { state, problems } = storeOver(new MemoryStorage()).load();
    expect(state).toEqual({ drafts: {}, profiles: [], activeProfileId: null, writable: true });
    expect(problems).toEqual([]);
  });

  it('a reload keeps the draft of each city', () => {
    const storage = new MemoryStorage();
    valueOf(storeOver(storage).saveDraft('shanghai', degree));
    const { state, problems } = storeOver(storage).load();
    expect(problems).toEqual([]);
    expect(state.drafts.shanghai).toEqual({ ...degree, factsVersion: 1, updatedAt: '2025-06-01T08:00:00.000Z' });
  });

  it('stores plain JSON: unanswered (undefined) questions disappear and NaN from a half-typed number becomes null', () => {
    const storage = new MemoryStorage();
    const halfTyped = values({ birthDate: undefined, siMonthsTotal: Number.NaN });
    const draft = valueOf(storeOver(storage).saveDraft('shanghai', halfTyped));
    expect(draft.facts).toEqual({ siMonthsTotal: null });
    expect(storeOver(storage).load().state.drafts.shanghai?.facts).toEqual({ siMonthsTotal: null });
  });

  it('does not write again when the values have not changed', () => {
    const storage = new MemoryStorage();
    const store = storeOver(storage);
    valueOf(store.saveDraft('shanghai', wang));
    const writes = storage.writes;
    valueOf(store.saveDraft('shanghai', values({ ...wang.facts })));
    expect(storage.writes).toBe(writes);
    valueOf(store.saveDraft('shanghai', values({ ...wang.facts, siMonthsTotal: 49 })));
    expect(storage.writes).toBe(writes + 1);
  });

  it('discards a draft without touching profiles or other drafts', () => {
    const storage = new MemoryStorage();
    const store = storeOver(storage);
    valueOf(store.saveDraft('shanghai', wang));
    const profile = valueOf(store.saveAs('Wang', 'shanghai', wang));
    valueOf(store.discardDraft('shanghai'));
    const { state } = storeOver(storage).load();
    expect(state.drafts).toEqual({});
    expect(state.profiles).toEqual([profile]);
  });

  it('refuses a city the registry does not know, values that are not plain data and prototype-reaching keys', () => {
    const store = storeOver(new MemoryStorage());
    expect(store.saveDraft(UNKNOWN_CITY, wang)).toMatchObject({ ok: false, error: 'unknownCity' });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(store.saveDraft('shanghai', values(cyclic))).toMatchObject({ ok: false, error: 'invalidValues' });
    const hostile = values({ ['__proto__']: { polluted: true } });
    expect(store.saveDraft('shanghai', hostile)).toMatchObject({ ok: false, error: 'invalidValues' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('values from outside (a share link, a tampered form)', () => {
  it('can at worst be refused: saved profiles and other drafts stay exactly as they were', () => {
    const storage = new MemoryStorage();
    const store = storeOver(storage);
    valueOf(store.saveAs('Wang', 'shanghai', wang));
    valueOf(store.saveAs('Li', 'shanghai', degree));
    const profilesBefore = JSON.stringify(store.load().state.profiles);
    let deep: unknown = 1;
    for (let i = 0; i < 50; i += 1) deep = [deep];
    const hostile: unknown[] = [
      { asOf: '2025-06-01', facts: JSON.parse('{"__proto__": {"polluted": true}}') },
      { asOf: '2025-06-01', facts: { constructor: { prototype: { polluted: true } } } },
      { asOf: '2025-06-01', facts: { text: 'x'.repeat(1_000_000) } },
      { asOf: '2025-06-01', facts: { deep } },
      { asOf: 'y'.repeat(10_000), facts: {} },
      { asOf: '2025-06-01', facts: 'not an object' },
      { asOf: '2025-06-01', facts: [1, 2] },
      { asOf: '2025-06-01', facts: { when: new Date(0), big: 10n } },
    ];
    for (const value of hostile) {
      const asValues = value as FormValues;
      expect(store.saveDraft('shanghai', asValues)).toMatchObject({ ok: false, error: 'invalidValues' });
      expect(store.saveAs('link', 'shanghai', asValues)).toMatchObject({ ok: false, error: 'invalidValues' });
    }
    expect(JSON.stringify(store.load().state.profiles)).toBe(profilesBefore);
    expect(storage.otherKeys()).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('profiles', () => {
  let storage: MemoryStorage;
  let store: ProfileStore;
  beforeEach(() => {
    storage = new MemoryStorage();
    store = storeOver(storage);
  });

  it('saves a named profile, makes it active and keeps it across a reload', () => {
    const profile = valueOf(store.saveAs('  client   Wang ', 'shanghai', wang));
    expect(profile).toEqual({
      id: 'p1',
      name: 'client Wang',
      city: 'shanghai',
      asOf: '2025-06-01',
      factsVersion: 1,
      facts: wang.facts,
      createdAt: '2025-06-01T08:00:00.000Z',
      updatedAt: '2025-06-01T08:00:00.000Z',
    });
    const { state } = storeOver(storage).load();
    expect(state.profiles).toEqual([profile]);
    expect(state.activeProfileId).toBe('p1');
  });

  it('names are trimmed and 1 to 60 characters (counted as characters, not UTF-16 units); duplicates are allowed', () => {
    for (const bad of ['', '   ', '\n\t', 'x'.repeat(NAME_MAX_LENGTH + 1), '王'.repeat(NAME_MAX_LENGTH + 1)]) {
      expect(store.saveAs(bad, 'shanghai', wang)).toMatchObject({ ok: false, error: 'invalidName' });
    }
    const longest = '😀'.repeat(NAME_MAX_LENGTH);
    expect(valueOf(store.saveAs(longest, 'shanghai', wang)).name).toBe(longest);
    expect(valueOf(store.saveAs('line\nbreak', 'shanghai', wang)).name).toBe('line break');
    valueOf(store.saveAs('Wang', 'shanghai', wang));
    valueOf(store.saveAs('Wang', 'shanghai', degree));
    expect(store.load().state.profiles.filter((p) => p.name === 'Wang')).toHaveLength(2);
  });

  it('renames (same rules for the name) and keeps everything else', () => {
    const profile = valueOf(store.saveAs('Wang', 'shanghai', wang));
    const renamed = valueOf(store.rename(profile.id, ' if I finish the degree '));
    expect(renamed).toEqual({ ...profile, name: 'if I finish the degree', updatedAt: renamed.updatedAt });
    expect(renamed.updatedAt > profile.updatedAt).toBe(true);
    expect(store.rename(profile.id, ' ')).toMatchObject({ ok: false, error: 'invalidName' });
    expect(store.rename('nope', 'x')).toMatchObject({ ok: false, error: 'notFound' });
    expect(store.load().state.profiles).toEqual([renamed]);
  });

  it('duplicates right after the original with a new id and the same values', () => {
    const first = valueOf(store.saveAs('Wang', 'shanghai', wang));
    const second = valueOf(store.saveAs('Li', 'shanghai', degree));
    const copy = valueOf(store.duplicate(first.id, 'Wang (copy)'));
    expect(copy).toMatchObject({ name: 'Wang (copy)', city: 'shanghai', asOf: first.asOf, facts: first.facts });
    expect(copy.id).not.toBe(first.id);
    expect(store.load().state.profiles.map((p) => p.id)).toEqual([first.id, copy.id, second.id]);
    expect(valueOf(store.duplicate(second.id)).name).toBe('Li');
    expect(store.duplicate('nope')).toMatchObject({ ok: false, error: 'notFound' });
  });

  it('updates a profile with the current values, keeping its name, city and creation time', () => {
    const profile = valueOf(store.saveAs('Wang', 'shanghai', wang));
    const updated = valueOf(store.update(profile.id, degree));
    expect(updated).toMatchObject({ id: profile.id, name: 'Wang', createdAt: profile.createdAt, ...degree });
    expect(store.update('nope', degree)).toMatchObject({ ok: false, error: 'notFound' });
  });

  it('removes only the given profile (not its namesakes) and forgets it as the active one', () => {
    const first = valueOf(store.saveAs('Wang', 'shanghai', wang));
    const namesake = valueOf(store.duplicate(first.id));
    const second = valueOf(store.saveAs('Wang', 'shanghai', degree));
    expect(valueOf(store.remove(second.id))).toEqual(second);
    const { state } = store.load();
    expect(state.profiles).toEqual([first, namesake]);
    expect(state.activeProfileId).toBeNull();
    expect(store.remove(second.id)).toMatchObject({ ok: false, error: 'notFound' });
  });

  it('opens a profile with its issues under the current rules, and remembers it as active', () => {
    const profile = valueOf(store.saveAs('Wang', 'shanghai', wang));
    valueOf(store.saveAs('Li', 'shanghai', degree));
    const opened = valueOf(store.open(profile.id));
    expect(opened).toEqual({ profile, issues: [] });
    expect(store.load().state.activeProfileId).toBe(profile.id);
    // The form's still-empty list rows are not an issue.
    expect(profileIssues(store.load().state.profiles[1]!)).toEqual([]);
    expect(store.open('nope')).toMatchObject({ ok: false, error: 'notFound' });
  });

  it('keeps a profile whose values no longer pass the rules (or whose city is unknown) and flags it when opened', () => {
    const broken = storedProfile({ id: 'old', facts: { birthDate: 'not a date', retired: true } });
    const elsewhere = storedProfile({ id: 'far', city: 'atlantis' });
    storage.items.set(STORE_KEY, envelopeText([broken, elsewhere]));
    const { state, problems } = store.load();
    expect(problems).toEqual([]);
    expect(state.profiles).toEqual([broken, elsewhere]);
    const opened = valueOf(store.open('old'));
    expect(opened.profile).toEqual(broken);
    expect(opened.issues.map((i) => i.path).sort()).toEqual(['facts.birthDate', 'facts.retired']);
    expect(valueOf(store.open('far')).issues).toEqual([{ path: 'city', message: 'errors.city' }]);
    expect(store.issuesOf(elsewhere)).toEqual([{ path: 'city', message: 'errors.city' }]);
  });

  it('checks values with the validator it was given (e.g. the form schema of a city whose form differs)', () => {
    const seen: unknown[] = [];
    const custom = createProfileStore({
      storage,
      validateValues: (...args) => {
        seen.push(args);
        return [{ path: 'facts.x', message: 'errors.invalid' }];
      },
    });
    const profile = valueOf(custom.saveAs('Wang', 'shanghai', wang));
    expect(valueOf(custom.open(profile.id)).issues).toEqual([{ path: 'facts.x', message: 'errors.invalid' }]);
    expect(custom.issuesOf(profile)).toHaveLength(1);
    expect(seen[0]).toEqual(['shanghai', wang.asOf, 1, wang.facts]);
  });

  it(`holds at most ${MAX_PROFILES} profiles`, () => {
    const many = Array.from({ length: MAX_PROFILES }, (_, i) => storedProfile({ id: `m${i}` }));
    storage.items.set(STORE_KEY, envelopeText(many));
    expect(store.saveAs('one more', 'shanghai', wang)).toMatchObject({ ok: false, error: 'tooMany' });
    expect(store.duplicate('m0')).toMatchObject({ ok: false, error: 'tooMany' });
  });

  it('never reuses an id, even when the id source repeats itself', () => {
    const ids = ['same', 'same', 'same', 'other'];
    const repeating = storeOver(storage, { ids: () => ids.shift() ?? defaultRandomId() });
    const a = valueOf(repeating.saveAs('A', 'shanghai', wang));
    const b = valueOf(repeating.saveAs('B', 'shanghai', wang));
    expect([a.id, b.id]).toEqual(['same', 'other']);
  });

  it('sees what another tab stored in between (every change starts from the stored data)', () => {
    const otherTab = storeOver(storage, { ids: () => `t${defaultRandomId()}` });
    const mine = valueOf(store.saveAs('mine', 'shanghai', wang));
    const theirs = valueOf(otherTab.saveAs('theirs', 'shanghai', degree));
    valueOf(store.rename(mine.id, 'mine, renamed'));
    expect(store.load().state.profiles.map((p) => p.name)).toEqual(['mine, renamed', theirs.name]);
  });
});

describe('export and import', () => {
  it('export → import into an empty store gives back identical profiles', () => {
    const source = storeOver(new MemoryStorage());
    valueOf(source.saveAs('client Wang', 'shanghai', wang));
    valueOf(source.saveAs('if I finish the degree', 'shanghai', degree));
    const awkward = values({ note: 'x'.repeat(500), list: [1, [2, { a: null }]] });
    valueOf(source.saveAs('边界 “quotes” \\ and emoji 😀', 'shanghai', awkward));
    const text = valueOf(source.exportProfiles());

    const document = JSON.parse(text) as Record<string, unknown>;
    expect(document).toMatchObject({ format: 'mingfen-profiles', version: 1, exportedAt: expect.any(String) });

    const target = storeOver(new MemoryStorage());
    const report = valueOf(target.importProfiles(text));
    const original = source.load().state.profiles;
    expect(report.skipped).toEqual([]);
    expect(report.imported).toEqual(original);
    expect(target.load().state.profiles).toEqual(original);
  });

  it('exports only the chosen profiles when asked', () => {
    const store = storeOver(new MemoryStorage());
    const a = valueOf(store.saveAs('A', 'shanghai', wang));
    valueOf(store.saveAs('B', 'shanghai', wang));
    const text = valueOf(store.exportProfiles([a.id]));
    expect((JSON.parse(text) as { profiles: Profile[] }).profiles).toEqual([a]);
  });

  it('importing the same file again adds nothing; a different profile under a taken id gets a new id', () => {
    const storage = new MemoryStorage();
    const store = storeOver(storage);
    const mine = valueOf(store.saveAs('Wang', 'shanghai', wang));
    const text = valueOf(store.exportProfiles());
    expect(valueOf(store.importProfiles(text))).toEqual({
      imported: [],
      skipped: [{ index: 0, name: 'Wang', reason: 'alreadyPresent' }],
    });

    const clash = storedProfile({ id: mine.id, name: 'someone else' });
    const twice = storedProfile({ id: 'dup', name: 'twice' });
    const report = valueOf(store.importProfiles(exportFile([clash, twice, twice])));
    expect(report.imported.map((p) => p.name)).toEqual(['someone else', 'twice', 'twice']);
    const ids = store.load().state.profiles.map((p) => p.id);
    expect(new Set(ids).size).toBe(4);
    expect(store.load().state.profiles[0]).toEqual(mine);
    expect(report.imported[0]).toEqual({ ...clash, id: report.imported[0]!.id });
  });

  it('skips malformed profiles one by one and says which', () => {
    const store = storeOver(new MemoryStorage());
    const good = storedProfile();
    const file = exportFile([
      good,
      { ...good, id: 'n1', name: 42 },
      { ...good, id: 'n2', name: '' },
      { ...good, id: 'n3', name: 'y'.repeat(61) },
      { ...good, id: 'n4', facts: [] },
      { ...good, id: 'n5', facts: 'text' },
      { ...good, id: 'n6', city: 'Shanghai!' },
      { ...good, id: 'n7', factsVersion: '1' },
      { ...good, id: 'n8', createdAt: 'yesterday' },
      { ...good, id: 'bad id with spaces' },
      { ...good, id: 'n9', name: 'named but no facts', facts: undefined },
      null,
      'a string',
      [good],
    ]);
    const report = valueOf(store.importProfiles(file));
    expect(report.imported).toEqual([good]);
    expect(report.skipped.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(report.skipped.every((s) => s.reason === 'invalid')).toBe(true);
    expect(report.skipped.find((s) => s.index === 10)?.name).toBe('named but no facts');
    expect(report.skipped.find((s) => s.index === 3)?.name).toHaveLength(NAME_MAX_LENGTH);
  });

  it('rejects files that are not an export of ours, and changes nothing', () => {
    const storage = new MemoryStorage();
    const store = storeOver(storage);
    valueOf(store.saveAs('Wang', 'shanghai', wang));
    const before = storage.items.get(STORE_KEY);
    const cases: [string, string][] = [
      ['{ not json', 'fileNotJson'],
      ['', 'fileNotJson'],
      ['[]', 'fileNotExport'],
      ['"mingfen-profiles"', 'fileNotExport'],
      ['null', 'fileNotExport'],
      [JSON.stringify({ city: 'shanghai', asOf: '2025-06-01', facts: {} }), 'fileNotExport'],
      [exportFile([], { format: 'other' }), 'fileNotExport'],
      [exportFile([], { version: '1' }), 'fileNotExport'],
      [exportFile([], { profiles: {} }), 'fileNotExport'],
      [exportFile([storedProfile({ id: 'z' })], { version: 2 }), 'fileFutureVersion'],
      [' '.repeat(MAX_IMPORT_CHARS + 1), 'fileTooLarge'],
    ];
    for (const [text, error] of cases) {
      expect(store.importProfiles(text), text.slice(0, 60)).toMatchObject({ ok: false, error });
    }
    expect(storage.items.get(STORE_KEY)).toBe(before);
  });

  it('prototype-pollution keys neither pollute nor get stored', () => {
    const store = storeOver(new MemoryStorage());
    const good = storedProfile();
    const hostile = [
      `{"__proto__": {"polluted": true}, "format": "mingfen-profiles", "version": 1, "profiles": []}`,
      exportFile([]).replace('"profiles"', '"constructor": {"prototype": {"polluted": true}}, "profiles"'),
      exportFile([
        { ...good, id: 'h1', facts: JSON.parse('{"__proto__": {"polluted": true}}') as unknown },
        { ...good, id: 'h2', facts: { constructor: { prototype: { polluted: true } } } },
        { ...good, id: 'h3', facts: { list: [{ prototype: 1 }] } },
        JSON.parse(`{"__proto__": {"polluted": true}, "id": "h4", "name": "n", "city": "shanghai"}`) as unknown,
      ]),
    ];
    for (const text of hostile) {
      const result = store.importProfiles(text);
      if (result.ok) expect(result.value.imported).toEqual([]);
    }
    const last = valueOf(store.importProfiles(hostile[2]!));
    expect(last.skipped.map((s) => s.reason)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(store.load().state.profiles).toEqual([]);
    expect(valueOf(store.importProfiles(exportFile([good]))).imported).toEqual([good]);
  });

  it('refuses facts too big or too deep, and profiles beyond the limit', () => {
    const store = storeOver(new MemoryStorage());
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10; i += 1) deep = { level: deep };
    const file = exportFile([
      storedProfile({ id: 'big', facts: { text: 'x'.repeat(200_000) } }),
      storedProfile({ id: 'deep', facts: { nest: deep } }),
      storedProfile({ id: 'wide', facts: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, i])) }),
    ]);
    expect(valueOf(store.importProfiles(file)).skipped.map((s) => s.reason)).toEqual(['invalid', 'invalid', 'invalid']);

    const many = Array.from({ length: MAX_PROFILES + 5 }, (_, i) => storedProfile({ id: `m${i}` }));
    const report = valueOf(store.importProfiles(exportFile(many)));
    expect(report.imported).toHaveLength(MAX_PROFILES);
    expect(report.skipped).toHaveLength(5);
    expect(report.skipped.every((s) => s.reason === 'tooMany')).toBe(true);
  });

  it('a huge file of junk is handled quickly and adds nothing', () => {
    const store = storeOver(new MemoryStorage());
    const junk = exportFile(Array.from({ length: 100_000 }, (_, i) => i));
    expect(junk.length).toBeLessThan(MAX_IMPORT_CHARS);
    const started = performance.now();
    const report = valueOf(store.importProfiles(junk));
    expect(report.imported).toEqual([]);
    expect(report.skipped).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('unreadable data is set aside, never deleted', () => {
  const BACKUP = `${CORRUPT_KEY_PREFIX}2025-06-01T08:00:00.000Z`;

  it.each([
    ['text that is not JSON', '{"version": 1, "profiles": [', 'json'],
    ['an empty string', '', 'json'],
    ['a JSON array', '[1, 2]', 'shape'],
    ['a JSON string', '"hello"', 'shape'],
    ['JSON null', 'null', 'shape'],
    ['an object without a version', '{"profiles": []}', 'shape'],
    ['a version that is text', '{"version": "1", "drafts": {}, "profiles": []}', 'shape'],
    ['version 0', '{"version": 0, "drafts": {}, "profiles": []}', 'shape'],
    ['a fractional version', '{"version": 1.5, "drafts": {}, "profiles": []}', 'shape'],
    ['profiles that are not a list', '{"version": 1, "drafts": {}, "profiles": {"a": 1}}', 'shape'],
    ['drafts that are a list', '{"version": 1, "drafts": [], "profiles": []}', 'shape'],
  ] as const)('%s: copied to a backup key, reported, and the store starts empty', (_label, raw, reason) => {
    const storage = new MemoryStorage();
    storage.items.set(STORE_KEY, raw);
    const store = storeOver(storage);
    const { state, problems } = store.load();
    expect(problems).toEqual([{ kind: 'corrupt', reason, backupKey: BACKUP, dropped: 0 }]);
    expect(storage.items.get(BACKUP)).toBe(raw);
    expect(state).toMatchObject({ profiles: [], drafts: {}, writable: true });
    // Set aside once: the same store keeps reporting it, a reload finds clean data and the backup stays.
    expect(store.load().problems).toEqual(problems);
    expect(storeOver(storage).load().problems).toEqual([]);
    valueOf(store.saveAs('fresh start', 'shanghai', wang));
    expect(storage.items.get(BACKUP)).toBe(raw);
  });

  it('malformed drafts and profiles are left out, the rest kept, and the whole text backed up', () => {
    const storage = new MemoryStorage();
    const good = storedProfile();
    const raw = JSON.stringify({
      version: 1,
      drafts: {
        shanghai: { asOf: '2025-06-01', factsVersion: 1, facts: { birthDate: '1990-01-01' }, updatedAt: '2025-06-01T00:00:00Z' },
        tianjin: { asOf: '2025-06-01', facts: 'not a record' },
        constructor: { asOf: '2025-06-01', factsVersion: 1, facts: {}, updatedAt: '2025-06-01T00:00:00Z' },
      },
      profiles: [good, { ...good, id: 'x', name: 7 }, { ...good, name: 'same id again' }],
      activeProfileId: 'x',
    });
    storage.items.set(STORE_KEY, raw);
    const { state, problems } = storeOver(storage).load();
    expect(problems).toEqual([{ kind: 'corrupt', reason: 'items', backupKey: BACKUP, dropped: 4 }]);
    expect(storage.items.get(BACKUP)).toBe(raw);
    expect(state.profiles).toEqual([good]);
    expect(Object.keys(state.drafts)).toEqual(['shanghai']);
    expect(state.activeProfileId).toBeNull();
    expect(storeOver(storage).load()).toMatchObject({ problems: [], state: { profiles: [good] } });
  });

  it('a wrong active-profile id is ignored rather than treated as damage', () => {
    const storage = new MemoryStorage();
    storage.items.set(STORE_KEY, envelopeText([storedProfile()], { activeProfileId: 12 }));
    expect(storeOver(storage).load()).toMatchObject({
      problems: [],
      state: { activeProfileId: null, profiles: [{ id: 'a1' }] },
    });
  });

  it('two damaged texts set aside in the same millisecond get separate backup keys', () => {
    const storage = new MemoryStorage();
    const store = createProfileStore({ storage, now: () => START });
    storage.items.set(STORE_KEY, 'first');
    store.load();
    storage.items.set(STORE_KEY, 'second');
    const { problems } = store.load();
    expect(storage.items.get(BACKUP)).toBe('first');
    expect(storage.items.get(`${BACKUP}.2`)).toBe('second');
    expect(problems.map((p) => (p.kind === 'corrupt' ? p.backupKey : null))).toEqual([BACKUP, `${BACKUP}.2`]);
  });

  it('when the backup cannot be written, the damaged text stays where it is and the store is read-only', () => {
    const storage = new MemoryStorage();
    const raw = `{"version": 1, "profiles": [${'x'.repeat(100)}`;
    storage.items.set(STORE_KEY, raw);
    storage.quota = raw.length + STORE_KEY.length + 10;
    const store = storeOver(storage);
    const { state, problems } = store.load();
    expect(problems).toEqual([{ kind: 'corrupt', reason: 'json', backupKey: null, dropped: 0 }]);
    expect(state.writable).toBe(false);
    expect(store.saveDraft('shanghai', wang)).toMatchObject({ ok: false, error: 'readOnly' });
    expect(storage.items.get(STORE_KEY)).toBe(raw);
  });
});

describe('versions', () => {
  it('the current version loads as it is and is not written back', () => {
    const storage = new MemoryStorage();
    storage.items.set(STORE_KEY, envelopeText([storedProfile()]));
    const { state, problems } = storeOver(storage).load();
    expect(problems).toEqual([]);
    expect(state.profiles).toEqual([storedProfile()]);
    expect(storage.writes).toBe(0);
  });

  it('a newer version is never written over: the store shows what it can read and refuses every change', () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({
      version: STORE_VERSION + 1,
      drafts: {},
      profiles: [storedProfile(), { id: 'new-kind', shape: 'unknown to us' }],
      somethingNew: true,
    });
    storage.items.set(STORE_KEY, raw);
    const store = storeOver(storage);
    const { state, problems } = store.load();
    expect(problems).toEqual([{ kind: 'futureVersion', version: STORE_VERSION + 1 }]);
    expect(state).toMatchObject({ writable: false, profiles: [storedProfile()] });

    expect(store.saveDraft('shanghai', wang)).toMatchObject({ ok: false, error: 'readOnly' });
    expect(store.saveAs('x', 'shanghai', wang)).toMatchObject({ ok: false, error: 'readOnly' });
    expect(store.rename('a1', 'x')).toMatchObject({ ok: false, error: 'readOnly' });
    expect(store.remove('a1')).toMatchObject({ ok: false, error: 'readOnly' });
    expect(store.importProfiles(exportFile([storedProfile({ id: 'b' })]))).toMatchObject({ ok: false, error: 'readOnly' });
    // Reading still works: open and export.
    expect(valueOf(store.open('a1')).profile).toEqual(storedProfile());
    expect(JSON.parse(valueOf(store.exportProfiles())).profiles).toEqual([storedProfile()]);

    expect(storage.items.get(STORE_KEY)).toBe(raw);
    expect(storage.otherKeys()).toEqual([]);
    expect(storage.writes).toBe(0);
  });

  it('a newer version this code cannot read at all is still left untouched', () => {
    const storage = new MemoryStorage();
    const raw = JSON.stringify({ version: 99, everything: 'different' });
    storage.items.set(STORE_KEY, raw);
    const { state, problems } = storeOver(storage).load();
    expect(problems).toEqual([{ kind: 'futureVersion', version: 99 }]);
    expect(state).toMatchObject({ writable: false, profiles: [] });
    expect(storage.items.get(STORE_KEY)).toBe(raw);
    expect(storage.writes).toBe(0);
  });
});

describe('storage that fails', () => {
  it('a full quota is reported as unavailable and the stored envelope stays as it was', () => {
    const storage = new MemoryStorage();
    const store = storeOver(storage);
    const saved = valueOf(store.saveAs('Wang', 'shanghai', wang));
    const before = storage.items.get(STORE_KEY);
    storage.quota = before!.length + STORE_KEY.length + 5;
    const result = store.saveAs('Li', 'shanghai', values({ note: 'x'.repeat(1000) }));
    expect(result).toMatchObject({ ok: false, error: 'unavailable', problems: [{ kind: 'unavailable' }] });
    expect(result.state.profiles).toEqual([saved]);
    expect(store.saveDraft('shanghai', values({ note: 'y'.repeat(1000) }))).toMatchObject({ ok: false, error: 'unavailable' });
    expect(storage.items.get(STORE_KEY)).toBe(before);
  });

  it('a storage that throws on every call (private browsing, in-app browsers) never throws out of the store', () => {
    const storage = new MemoryStorage();
    storage.broken = true;
    const store = storeOver(storage);
    expect(store.load()).toEqual({
      state: { drafts: {}, profiles: [], activeProfileId: null, writable: false },
      problems: [{ kind: 'unavailable' }],
    });
    for (const result of [
      store.saveDraft('shanghai', wang),
      store.discardDraft('shanghai'),
      store.saveAs('x', 'shanghai', wang),
      store.update('a', wang),
      store.rename('a', 'b'),
      store.duplicate('a'),
      store.remove('a'),
      store.importProfiles(exportFile([])),
    ]) {
      expect(result).toMatchObject({ ok: false, error: 'unavailable' });
    }
    expect(store.open('a')).toMatchObject({ ok: false, error: 'notFound' });
    expect(store.exportProfiles()).toMatchObject({ ok: true });
    expect(isStorageAvailable(storage)).toBe(false);
  });

  it('no storage at all behaves the same', () => {
    const store = storeOver(null);
    expect(store.load().problems).toEqual([{ kind: 'unavailable' }]);
    expect(store.saveDraft('shanghai', wang)).toMatchObject({ ok: false, error: 'unavailable' });
    expect(isStorageAvailable(null)).toBe(false);
  });

  it('a write that fails only for the active mark still opens the profile', () => {
    const storage = new MemoryStorage();
    storage.items.set(STORE_KEY, envelopeText([storedProfile()]));
    storage.quota = 0;
    const result = storeOver(storage).open('a1');
    expect(result).toMatchObject({ ok: true, value: { profile: storedProfile() }, problems: [{ kind: 'unavailable' }] });
  });
});

describe("the browser's localStorage (jsdom)", () => {
  beforeEach(() => localStorage.clear());

  it('is available; the probe leaves nothing behind', () => {
    expect(isStorageAvailable()).toBe(true);
    expect(localStorage.length).toBe(0);
  });

  it('the default store keeps drafts and profiles across store instances, under the mingfen. prefix', () => {
    const first = createProfileStore();
    valueOf(first.saveDraft('shanghai', wang));
    const profile = valueOf(first.saveAs('Wang', 'shanghai', degree));
    expect(profile.id).toMatch(/^[0-9a-f]{24}$/);
    const { state } = createProfileStore().load();
    expect(state.drafts.shanghai?.facts).toEqual(wang.facts);
    expect(state.profiles).toEqual([profile]);
    expect(Object.keys(localStorage)).toEqual([STORE_KEY]);
  });

  it('a damaged value in localStorage is set aside under a backup key', () => {
    localStorage.setItem(STORE_KEY, '{oops');
    const { problems } = createProfileStore().load();
    const backupKey = problems[0]?.kind === 'corrupt' ? problems[0].backupKey : null;
    expect(backupKey).toMatch(/^mingfen\.store\.corrupt\.\d{4}-\d{2}-\d{2}T/);
    expect(localStorage.getItem(backupKey!)).toBe('{oops');
  });
});

describe('any sequence of operations', () => {
  /** An operation on the store; names refer to profiles by position in the model, modulo its size. */
  type Operation =
    | { op: 'saveDraft'; facts: Record<string, unknown> }
    | { op: 'saveAs'; name: string; facts: Record<string, unknown> }
    | { op: 'update' | 'duplicate' | 'remove' | 'open'; at: number }
    | { op: 'rename'; at: number; name: string }
    | { op: 'reimport' }
    | { op: 'importText'; text: string }
    | { op: 'reload' }
    | { op: 'quota'; full: boolean };

  const factsArb = fc.dictionary(
    fc.string({ maxLength: 12 }),
    fc.oneof(
      fc.integer(),
      fc.string({ maxLength: 20 }),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
    ),
    { maxKeys: 6 },
  );
  const nameArb = fc.oneof(
    { arbitrary: fc.constantFrom('Wang', '王先生', '  spaced  ', 'if I finish the degree'), weight: 4 },
    { arbitrary: fc.string({ maxLength: 70 }), weight: 1 },
  );
  const weighted = <T,>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
  const operationArb: fc.Arbitrary<Operation> = fc.oneof(
    weighted(2, fc.record({ op: fc.constant('saveDraft' as const), facts: factsArb })),
    weighted(5, fc.record({ op: fc.constant('saveAs' as const), name: nameArb, facts: factsArb })),
    weighted(3, fc.record({ op: fc.constantFrom('update' as const, 'open' as const), at: fc.nat() })),
    weighted(4, fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() })),
    weighted(4, fc.record({ op: fc.constant('remove' as const), at: fc.nat() })),
    weighted(2, fc.record({ op: fc.constant('rename' as const), at: fc.nat(), name: nameArb })),
    weighted(1, fc.constant({ op: 'reimport' as const })),
    weighted(
      1,
      fc.record({
        op: fc.constant('importText' as const),
        text: fc.oneof(
          fc.string(),
          fc.json(),
          fc.constant(exportFile([storedProfile({ id: 'fixed' })])),
          fc.constant('{"__proto__":{"x":1}}'),
        ),
      }),
    ),
    weighted(1, fc.constant({ op: 'reload' as const })),
    weighted(1, fc.record({ op: fc.constant('quota' as const), full: fc.boolean() })),
  );

  itProp.prop([fc.array(operationArb, { minLength: 5, maxLength: 40 })], { numRuns: 150 })(
    'keeps the store loadable and loses no profile except by removal',
    (operations) => {
      const storage = new MemoryStorage();
      let store = storeOver(storage);
      /** Profiles that must be stored, by id. */
      const model = new Map<string, Profile>();
      const pick = (at: number) => [...model.keys()][at % Math.max(model.size, 1)];
      const record = (result: StoreResult<Profile>) => {
        if (result.ok) model.set(result.value.id, result.value);
      };

      for (const operation of operations) {
        switch (operation.op) {
          case 'saveDraft':
            store.saveDraft('shanghai', values(operation.facts));
            break;
          case 'saveAs':
            record(store.saveAs(operation.name, 'shanghai', values(operation.facts)));
            break;
          case 'update':
          case 'duplicate':
          case 'open': {
            const id = pick(operation.at);
            if (id === undefined) break;
            if (operation.op === 'update') record(store.update(id, values({ updated: operation.at })));
            if (operation.op === 'duplicate') record(store.duplicate(id));
            if (operation.op === 'open') store.open(id);
            break;
          }
          case 'remove': {
            const id = pick(operation.at);
            if (id !== undefined && store.remove(id).ok) model.delete(id);
            break;
          }
          case 'rename': {
            const id = pick(operation.at);
            if (id !== undefined) record(store.rename(id, operation.name));
            break;
          }
          case 'reimport': {
            const result = store.importProfiles(valueOf(store.exportProfiles()));
            if (result.ok) expect(result.value.imported).toEqual([]);
            break;
          }
          case 'importText': {
            const result = store.importProfiles(operation.text);
            if (result.ok) for (const p of result.value.imported) model.set(p.id, p);
            break;
          }
          case 'reload':
            store = storeOver(storage, { ids: defaultRandomId });
            break;
          case 'quota':
            // Full: no room beyond what is stored now.
            storage.quota = operation.full
              ? (storage.items.get(STORE_KEY)?.length ?? 0) + STORE_KEY.length
              : Number.POSITIVE_INFINITY;
            break;
        }
        const { state, problems } = storeOver(storage).load();
        expect(problems).toEqual([]);
        expect(state.writable).toBe(true);
        expect(state.profiles).toHaveLength(model.size);
        for (const profile of state.profiles) expect(model.get(profile.id)).toEqual(profile);
        expect(storage.otherKeys()).toEqual([]);
      }
      expect(Object.prototype).not.toHaveProperty('x');
    },
  );
});
