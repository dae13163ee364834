/**
 * On-device storage of form drafts and named profiles. Nothing here leaves the device.
 *
 * Everything lives under one localStorage key, `mingfen.store`, as one versioned envelope:
 *
 *     { "version": 1,
 *       "drafts":   { "<city>": { "asOf", "factsVersion", "facts", "updatedAt" } },
 *       "profiles": [ { "id", "name", "city", "asOf", "factsVersion", "facts", "createdAt", "updatedAt" } ],
 *       "activeProfileId": "<id>" | null }
 *
 * `facts` are the form's raw values (checked here only as bounded, plain JSON records; the city's own rules are
 * applied when a profile is opened, and a profile that no longer passes them is flagged, never dropped).
 * `factsVersion` is the city's facts-format version at save time, so a later format change can migrate it.
 * Timestamps are ISO 8601 strings (UTC).
 *
 * Reading never loses data: text that is not JSON or not an envelope is copied to
 * `mingfen.store.corrupt.<ISO timestamp>` before anything else is written, and reported; single malformed drafts
 * or profiles are dropped from the working copy only after the whole text has been copied the same way. An
 * envelope from a newer version than this code knows is never written to: the store runs read-only from it.
 * Every write builds the whole envelope and stores it with one `setItem`, so a failed write leaves the previous
 * envelope intact; a storage that throws (quota exceeded, private browsing, in-app browsers) is reported as
 * `unavailable` and never crashes the page.
 *
 * This module is what the page loads: it checks values with the city UIs it has loaded (src/features/cities.ts)
 * and keeps the engine out of the first download. `./storage` is the same store checking values against the
 * engine's facts format, for scripts and tests.
 */
import * as z from 'zod/mini';
import type { DocumentIssue } from '../../engine/document';
import type { CityId } from '../../engine/core/types';
import { factsVersionOf as uiFactsVersionOf, validateStoredValues, type FormValues } from '../cities';

/** The part of the Web Storage interface the store uses (localStorage, or an in-memory fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Prefix of every key this app writes. */
export const STORAGE_PREFIX = 'mingfen.';
/** The key holding the envelope. */
export const STORE_KEY = `${STORAGE_PREFIX}store`;
/** Prefix of the keys holding text that could not be read, followed by the ISO timestamp it was set aside at. */
export const CORRUPT_KEY_PREFIX = `${STORE_KEY}.corrupt.`;
/** The envelope format this code writes. */
export const STORE_VERSION = 1;
/** Format name and version of an export file. */
export const EXPORT_FORMAT = 'mingfen-profiles';
/** Version of the export file format this code writes and reads (newer files are refused). */
export const EXPORT_VERSION = 1;

/** Limits: profile names in characters (code points, after trimming), profiles kept, import file size in
 *  characters, and the size of one facts record (serialised characters, keys, nesting depth). */
export const NAME_MAX_LENGTH = 60;
export const MAX_PROFILES = 200;
export const MAX_IMPORT_CHARS = 2_000_000;
const MAX_FACTS_CHARS = 100_000;
const MAX_FACTS_KEYS = 300;
const MAX_FACTS_DEPTH = 6;
const MAX_FACTS_NODES = 20_000;

/** The form values of one city kept between visits. */
export interface Draft {
  readonly asOf: string;
  readonly factsVersion: number;
  readonly facts: Record<string, unknown>;
  readonly updatedAt: string;
}

/** A named set of form values for one city. */
export interface Profile {
  readonly id: string;
  readonly name: string;
  /** A city id; kept as text so that a profile for a city this build does not know is still kept. */
  readonly city: string;
  readonly asOf: string;
  readonly factsVersion: number;
  readonly facts: Record<string, unknown>;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What the store holds, as the UI sees it. */
export interface StoreState {
  readonly drafts: Readonly<Record<string, Draft>>;
  readonly profiles: readonly Profile[];
  readonly activeProfileId: string | null;
  /** False when nothing may be written: storage unusable, a newer version's data, or unreadable data that
   *  could not be set aside. */
  readonly writable: boolean;
}

/** Something wrong with the stored data or the storage itself, for the UI to report. */
export type StorageProblem =
  | {
      readonly kind: 'corrupt';
      /** `json`: not JSON; `shape`: not an envelope; `version`: an older version with no migration;
       *  `items`: some drafts or profiles were malformed and left out. */
      readonly reason: 'json' | 'shape' | 'version' | 'items';
      /** Where the unreadable text was copied; null when the copy failed (the store is then read-only). */
      readonly backupKey: string | null;
      /** Drafts and profiles left out of the working copy (all of them when the whole text was unreadable). */
      readonly dropped: number;
    }
  | { readonly kind: 'futureVersion'; readonly version: number }
  | { readonly kind: 'unavailable' };

/** Why an operation did nothing. */
export type StoreError =
  | 'unavailable'
  | 'readOnly'
  | 'notFound'
  | 'invalidName'
  | 'unknownCity'
  | 'tooMany'
  | 'invalidValues'
  | 'fileTooLarge'
  | 'fileNotJson'
  | 'fileNotExport'
  | 'fileFutureVersion';

/** The outcome of an operation, with the state after it and the problems met while reading. */
export type StoreResult<T> =
  | { readonly ok: true; readonly value: T; readonly state: StoreState; readonly problems: readonly StorageProblem[] }
  | {
      readonly ok: false;
      readonly error: StoreError;
      readonly state: StoreState;
      readonly problems: readonly StorageProblem[];
    };

/** A profile as opened: its values and what the city's rules say about them now (empty when valid). */
export interface OpenedProfile {
  readonly profile: Profile;
  readonly issues: readonly DocumentIssue[];
}

/** Why one profile of an import file was not imported. */
export type ImportSkipReason = 'invalid' | 'alreadyPresent' | 'tooMany';

/** What an import did: the profiles added (with their ids as stored) and those left out. */
export interface ImportReport {
  readonly imported: readonly Profile[];
  /** Position in the file's `profiles` array, the name when it could be read, and the reason. */
  readonly skipped: readonly { readonly index: number; readonly name: string | null; readonly reason: ImportSkipReason }[];
}

/** The stored data as read, and what was wrong with it. */
export interface LoadResult {
  readonly state: StoreState;
  readonly problems: readonly StorageProblem[];
}

/** Checks a city's values, returning what is wrong with them (the page's default: the city's form schema). */
export type ValuesValidator = (
  city: string,
  asOf: string,
  factsVersion: number,
  facts: Record<string, unknown>,
) => DocumentIssue[];

/** What a store runs on; tests inject a fake storage, a fixed clock and predictable ids. */
export interface ProfileStoreOptions {
  /** The storage to use; null means none is usable. Defaults to the page's localStorage when reachable. */
  readonly storage?: KeyValueStorage | null;
  /** Milliseconds since the epoch. */
  readonly now?: () => number;
  /** A fresh id (letters, digits, `-` and `_`, at most 64 characters). */
  readonly randomId?: () => string;
  readonly validateValues?: ValuesValidator;
  /** The facts-format version of a city, or null for a city this build does not know. */
  readonly factsVersionOf?: (city: string) => number | null;
}

/** Drafts and profiles on the device; every change reads the stored data afresh and writes it back whole. */
export interface ProfileStore {
  /** Read the stored data (setting aside anything unreadable). */
  load(): LoadResult;
  /** Keep the current values of one city's form; unchanged values are not written again. */
  saveDraft(city: CityId, values: FormValues): StoreResult<Draft>;
  /** Forget one city's draft. */
  discardDraft(city: CityId): StoreResult<null>;
  /** Save the values as a new profile and make it the active one. */
  saveAs(name: string, city: CityId, values: FormValues): StoreResult<Profile>;
  /** Replace a profile's values (its name, city and creation time stay). */
  update(id: string, values: FormValues): StoreResult<Profile>;
  rename(id: string, name: string): StoreResult<Profile>;
  /** Copy a profile, under `name` or else the same name, right after the original. */
  duplicate(id: string, name?: string): StoreResult<Profile>;
  remove(id: string): StoreResult<Profile>;
  /** A profile's values and their issues under the city's current rules; remembers it as the active profile. */
  open(id: string): StoreResult<OpenedProfile>;
  /** What the city's current rules say about a profile's values (empty when valid), as `open` reports it. */
  issuesOf(profile: Profile): DocumentIssue[];
  /** An export file (JSON text) holding the given profiles, or all of them. */
  exportProfiles(ids?: readonly string[]): StoreResult<string>;
  /** Add the profiles of an export file; existing profiles are never changed. */
  importProfiles(text: string): StoreResult<ImportReport>;
}


/** Keys that could reach an object's prototype when copied or merged. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** Whether a value is plain JSON data within the facts limits and free of prototype-reaching keys. */
function isSafeFacts(value: unknown): value is Record<string, unknown> {
  if (!isPlainRecord(value) || Object.keys(value).length > MAX_FACTS_KEYS) return false;
  let nodes = 0;
  const visit = (node: unknown, depth: number): boolean => {
    nodes += 1;
    if (nodes > MAX_FACTS_NODES || depth > MAX_FACTS_DEPTH) return false;
    if (node === null || typeof node === 'boolean' || typeof node === 'string') return true;
    if (typeof node === 'number') return Number.isFinite(node);
    if (Array.isArray(node)) return node.every((item) => visit(item, depth + 1));
    if (!isPlainRecord(node)) return false;
    return Object.entries(node).every(([key, item]) => !FORBIDDEN_KEYS.has(key) && visit(item, depth + 1));
  };
  if (!visit(value, 0)) return false;
  return JSON.stringify(value).length <= MAX_FACTS_CHARS;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const CITY_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

/** A city id as stored: lowercase letters, digits and `-`, and not a prototype-reaching key. */
const isCityCode = (value: string) => CITY_PATTERN.test(value) && !FORBIDDEN_KEYS.has(value);

/** The name as it will be stored: inner whitespace and control characters collapsed, trimmed. */
export function normaliseName(name: string): string {
  return name.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

/** Whether a normalised name is 1 to `NAME_MAX_LENGTH` characters long. */
export function isValidName(name: string): boolean {
  const length = [...name].length;
  return length >= 1 && length <= NAME_MAX_LENGTH;
}

/** Cut a name to `NAME_MAX_LENGTH` characters (for generated names such as "… (copy)"). */
export function clipName(name: string): string {
  return [...normaliseName(name)].slice(0, NAME_MAX_LENGTH).join('').trim();
}

const timestamp = () =>
  z.string().check(
    z.maxLength(40),
    z.refine((v) => !Number.isNaN(Date.parse(v))),
  );
const factsRecord = () => z.custom<Record<string, unknown>>(isSafeFacts);
const factsVersion = () => z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000));
const asOfText = () => z.string().check(z.maxLength(32));
const storedName = () => z.string().check(z.refine((v) => normaliseName(v) === v && isValidName(v)));

const draftSchema = z.object({
  asOf: asOfText(),
  factsVersion: factsVersion(),
  facts: factsRecord(),
  updatedAt: timestamp(),
});

const profileSchema = z.object({
  id: z.string().check(z.regex(ID_PATTERN)),
  name: storedName(),
  city: z.string().check(z.refine(isCityCode)),
  asOf: asOfText(),
  factsVersion: factsVersion(),
  facts: factsRecord(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
});

/** The outer shape of an envelope; drafts and profiles are checked one by one so one bad item loses nothing else. */
const envelopeSchema = z.object({
  version: z.literal(STORE_VERSION),
  drafts: z.custom<Record<string, unknown>>(isPlainRecord),
  profiles: z.array(z.unknown()),
  activeProfileId: z.optional(z.unknown()),
});

const exportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().check(z.int(), z.minimum(1)),
  profiles: z.array(z.unknown()),
});

/** The envelope as written. */
interface Envelope {
  readonly version: typeof STORE_VERSION;
  readonly drafts: Readonly<Record<string, Draft>>;
  readonly profiles: readonly Profile[];
  readonly activeProfileId: string | null;
}

const emptyEnvelope = (): Envelope => ({ version: STORE_VERSION, drafts: {}, profiles: [], activeProfileId: null });

/**
 * Migrations from each past envelope version to the next (`from` → `from + 1`). Version 1 is the first format,
 * so there are none yet; an envelope older than the oldest migration is set aside as unreadable.
 */
const migrations: Readonly<Record<number, (envelope: Record<string, unknown>) => Record<string, unknown>>> = {};

/** Bring a parsed envelope of `version` up to `STORE_VERSION`, or null when a step is missing. */
function migrate(envelope: Record<string, unknown>, version: number): Record<string, unknown> | null {
  let current = envelope;
  for (let from = version; from < STORE_VERSION; from += 1) {
    const step = migrations[from];
    if (!step) return null;
    current = { ...step(current), version: from + 1 };
  }
  return current;
}

/** The drafts and profiles of an envelope that pass their checks, and how many did not. */
function salvage(parsed: z.output<typeof envelopeSchema>): { envelope: Envelope; dropped: number } {
  let dropped = 0;
  const drafts: Record<string, Draft> = {};
  for (const [city, value] of Object.entries(parsed.drafts)) {
    const draft = draftSchema.safeParse(value);
    if (isCityCode(city) && draft.success) drafts[city] = draft.data;
    else dropped += 1;
  }
  const profiles: Profile[] = [];
  const ids = new Set<string>();
  for (const value of parsed.profiles) {
    const profile = profileSchema.safeParse(value);
    // Two profiles with the same id cannot both be addressed; the later one is dropped (and kept in the backup).
    if (profile.success && !ids.has(profile.data.id) && profiles.length < MAX_PROFILES) {
      profiles.push(profile.data);
      ids.add(profile.data.id);
    } else dropped += 1;
  }
  const active = parsed.activeProfileId;
  const activeProfileId = typeof active === 'string' && ids.has(active) ? active : null;
  return { envelope: { version: STORE_VERSION, drafts, profiles, activeProfileId }, dropped };
}

/** JSON with object keys sorted, so equal data gives equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Plain JSON copy of form values: `undefined` entries disappear, `NaN` becomes null, as in storage. */
function toStoredValues(values: FormValues): { asOf: string; facts: Record<string, unknown> } | null {
  try {
    const copy: unknown = JSON.parse(JSON.stringify({ asOf: values.asOf ?? '', facts: values.facts ?? {} }));
    if (!isPlainRecord(copy)) return null;
    const asOf = typeof copy.asOf === 'string' ? copy.asOf : '';
    if (asOf.length > 32 || !isSafeFacts(copy.facts)) return null;
    return { asOf, facts: copy.facts };
  } catch {
    return null;
  }
}

/** What the city's rules say about a profile's values now (empty when they are valid). */
export function profileIssues(profile: Profile, validate: ValuesValidator = validateStoredValues): DocumentIssue[] {
  return validate(profile.city, profile.asOf, profile.factsVersion, profile.facts);
}

/** The page's localStorage, or null where reading it throws (storage disabled) or there is none. */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof globalThis.localStorage === 'object' && globalThis.localStorage !== null ? globalThis.localStorage : null;
  } catch {
    return null;
  }
}

/** Whether `storage` accepts a write (a small probe under the app's prefix, removed again). */
export function isStorageAvailable(storage: KeyValueStorage | null = browserStorage()): boolean {
  if (!storage) return false;
  const probe = `${STORAGE_PREFIX}probe`;
  try {
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

/** A random id from the platform's random source (also where `crypto.randomUUID` is missing: plain http). */
export function defaultRandomId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function toState(envelope: Envelope, writable: boolean): StoreState {
  return { drafts: envelope.drafts, profiles: envelope.profiles, activeProfileId: envelope.activeProfileId, writable };
}

interface ReadResult {
  readonly envelope: Envelope;
  readonly writable: boolean;
  /** Problems that hold for as long as the cause stays (newer version, unusable storage). */
  readonly problems: StorageProblem[];
}

/** A store over `storage`. */
export function createProfileStore(options: ProfileStoreOptions = {}): ProfileStore {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const now = options.now ?? Date.now;
  const randomId = options.randomId ?? defaultRandomId;
  const validate = options.validateValues ?? validateStoredValues;
  const factsVersionOf = options.factsVersionOf ?? uiFactsVersionOf;
  /** Data set aside while this store has been in use, reported by every later result so no view misses it. */
  const setAside: StorageProblem[] = [];

  const isoNow = () => new Date(now()).toISOString();

  function write(key: string, text: string): boolean {
    if (!storage) return false;
    try {
      storage.setItem(key, text);
      return true;
    } catch {
      return false;
    }
  }

  /** Copy unreadable text to a fresh backup key; the key, or null when it could not be written. */
  function backUp(raw: string): string | null {
    if (!storage) return null;
    const base = `${CORRUPT_KEY_PREFIX}${isoNow()}`;
    for (let n = 1; n <= 20; n += 1) {
      const key = n === 1 ? base : `${base}.${n}`;
      try {
        if (storage.getItem(key) !== null) continue;
      } catch {
        return null;
      }
      return write(key, raw) ? key : null;
    }
    return null;
  }

  /** Set unreadable text aside, then store `replacement` (when the copy succeeded) so it is set aside once. */
  function setAsideAndReplace(
    raw: string,
    reason: 'json' | 'shape' | 'version' | 'items',
    dropped: number,
    replacement: Envelope,
  ): ReadResult {
    const backupKey = backUp(raw);
    setAside.push({ kind: 'corrupt', reason, backupKey, dropped });
    if (backupKey === null) return { envelope: replacement, writable: false, problems: [] };
    write(STORE_KEY, JSON.stringify(replacement));
    return { envelope: replacement, writable: true, problems: [] };
  }

  function read(): ReadResult {
    if (!storage) return { envelope: emptyEnvelope(), writable: false, problems: [{ kind: 'unavailable' }] };
    let raw: string | null;
    try {
      raw = storage.getItem(STORE_KEY);
    } catch {
      return { envelope: emptyEnvelope(), writable: false, problems: [{ kind: 'unavailable' }] };
    }
    if (raw === null) return { envelope: emptyEnvelope(), writable: true, problems: [] };

    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return setAsideAndReplace(raw, 'json', 0, emptyEnvelope());
    }
    const version = isPlainRecord(json) ? json.version : undefined;
    if (!isPlainRecord(json) || typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return setAsideAndReplace(raw, 'shape', 0, emptyEnvelope());
    }
    if (version > STORE_VERSION) {
      // A newer build wrote this: show what can be read with today's format, and never write over it.
      const readable = envelopeSchema.safeParse({ ...json, version: STORE_VERSION });
      const envelope = readable.success ? salvage(readable.data).envelope : emptyEnvelope();
      return { envelope, writable: false, problems: [{ kind: 'futureVersion', version }] };
    }
    const migrated = migrate(json, version);
    if (!migrated) return setAsideAndReplace(raw, 'version', 0, emptyEnvelope());
    const parsed = envelopeSchema.safeParse(migrated);
    if (!parsed.success) return setAsideAndReplace(raw, 'shape', 0, emptyEnvelope());
    const { envelope, dropped } = salvage(parsed.data);
    if (dropped > 0) return setAsideAndReplace(raw, 'items', dropped, envelope);
    if (version < STORE_VERSION) write(STORE_KEY, JSON.stringify(envelope));
    return { envelope, writable: true, problems: [] };
  }

  const problemsOf = (result: ReadResult): StorageProblem[] => [...setAside, ...result.problems];

  function fail<T>(error: StoreError, current: ReadResult, extra: StorageProblem[] = []): StoreResult<T> {
    const problems = [...problemsOf(current), ...extra];
    return { ok: false, error, state: toState(current.envelope, current.writable), problems };
  }

  type Change<T> = { next: Envelope; value: T } | { error: StoreError };

  /** Read, apply a change to the whole envelope, and store it with one write. */
  function change<T>(apply: (envelope: Envelope) => Change<T>): StoreResult<T> {
    const current = read();
    if (!current.writable) {
      return fail(current.problems.some((p) => p.kind === 'unavailable') ? 'unavailable' : 'readOnly', current);
    }
    const applied = apply(current.envelope);
    if ('error' in applied) return fail(applied.error, current);
    if (applied.next !== current.envelope && !write(STORE_KEY, JSON.stringify(applied.next))) {
      return fail('unavailable', current, [{ kind: 'unavailable' }]);
    }
    return { ok: true, value: applied.value, state: toState(applied.next, true), problems: problemsOf(current) };
  }

  const withProfile = (envelope: Envelope, id: string) => envelope.profiles.find((p) => p.id === id);

  /** An id not used by any of `profiles` (after 20 unusable ids from the injected source, the platform's). */
  function freshId(profiles: readonly Profile[], taken: ReadonlySet<string> = new Set()): string {
    for (let attempt = 0; ; attempt += 1) {
      const id = attempt < 20 ? randomId() : defaultRandomId();
      if (ID_PATTERN.test(id) && !taken.has(id) && !profiles.some((p) => p.id === id)) return id;
    }
  }

  const replaceProfile = (envelope: Envelope, profile: Profile): Envelope => ({
    ...envelope,
    profiles: envelope.profiles.map((p) => (p.id === profile.id ? profile : p)),
  });

  return {
    load() {
      const current = read();
      return { state: toState(current.envelope, current.writable), problems: problemsOf(current) };
    },

    saveDraft(city, values) {
      return change<Draft>((envelope) => {
        const version = factsVersionOf(city);
        if (version === null) return { error: 'unknownCity' };
        const stored = toStoredValues(values);
        if (!stored) return { error: 'invalidValues' };
        const previous = envelope.drafts[city];
        const unchanged =
          previous !== undefined &&
          previous.asOf === stored.asOf &&
          previous.factsVersion === version &&
          canonicalJson(previous.facts) === canonicalJson(stored.facts);
        if (unchanged) {
          return { next: envelope, value: previous };
        }
        const draft: Draft = { ...stored, factsVersion: version, updatedAt: isoNow() };
        return { next: { ...envelope, drafts: { ...envelope.drafts, [city]: draft } }, value: draft };
      });
    },

    discardDraft(city) {
      return change<null>((envelope) => {
        if (!Object.hasOwn(envelope.drafts, city)) return { next: envelope, value: null };
        const drafts = Object.fromEntries(Object.entries(envelope.drafts).filter(([key]) => key !== city));
        return { next: { ...envelope, drafts }, value: null };
      });
    },

    saveAs(name, city, values) {
      return change<Profile>((envelope) => {
        const clean = normaliseName(name);
        if (!isValidName(clean)) return { error: 'invalidName' };
        const version = factsVersionOf(city);
        if (version === null) return { error: 'unknownCity' };
        if (envelope.profiles.length >= MAX_PROFILES) return { error: 'tooMany' };
        const stored = toStoredValues(values);
        if (!stored) return { error: 'invalidValues' };
        const at = isoNow();
        const profile: Profile = {
          id: freshId(envelope.profiles),
          name: clean,
          city,
          ...stored,
          factsVersion: version,
          createdAt: at,
          updatedAt: at,
        };
        const next: Envelope = { ...envelope, profiles: [...envelope.profiles, profile], activeProfileId: profile.id };
        return { next, value: profile };
      });
    },

    update(id, values) {
      return change<Profile>((envelope) => {
        const existing = withProfile(envelope, id);
        if (!existing) return { error: 'notFound' };
        const version = factsVersionOf(existing.city);
        if (version === null) return { error: 'unknownCity' };
        const stored = toStoredValues(values);
        if (!stored) return { error: 'invalidValues' };
        const profile: Profile = { ...existing, ...stored, factsVersion: version, updatedAt: isoNow() };
        return { next: replaceProfile(envelope, profile), value: profile };
      });
    },

    rename(id, name) {
      return change<Profile>((envelope) => {
        const existing = withProfile(envelope, id);
        if (!existing) return { error: 'notFound' };
        const clean = normaliseName(name);
        if (!isValidName(clean)) return { error: 'invalidName' };
        if (clean === existing.name) return { next: envelope, value: existing };
        const profile: Profile = { ...existing, name: clean, updatedAt: isoNow() };
        return { next: replaceProfile(envelope, profile), value: profile };
      });
    },

    duplicate(id, name) {
      return change<Profile>((envelope) => {
        const index = envelope.profiles.findIndex((p) => p.id === id);
        const original = envelope.profiles[index];
        if (!original) return { error: 'notFound' };
        const clean = name === undefined ? original.name : normaliseName(name);
        if (!isValidName(clean)) return { error: 'invalidName' };
        if (envelope.profiles.length >= MAX_PROFILES) return { error: 'tooMany' };
        const at = isoNow();
        const copy: Profile = { ...original, id: freshId(envelope.profiles), name: clean, createdAt: at, updatedAt: at };
        const profiles = [...envelope.profiles.slice(0, index + 1), copy, ...envelope.profiles.slice(index + 1)];
        return { next: { ...envelope, profiles }, value: copy };
      });
    },

    remove(id) {
      return change<Profile>((envelope) => {
        const existing = withProfile(envelope, id);
        if (!existing) return { error: 'notFound' };
        const next: Envelope = {
          ...envelope,
          profiles: envelope.profiles.filter((p) => p.id !== id),
          activeProfileId: envelope.activeProfileId === id ? null : envelope.activeProfileId,
        };
        return { next, value: existing };
      });
    },

    open(id) {
      const current = read();
      const profile = withProfile(current.envelope, id);
      if (!profile) return fail('notFound', current);
      const value: OpenedProfile = { profile, issues: profileIssues(profile, validate) };
      if (!current.writable || current.envelope.activeProfileId === id) {
        // Opening still works read-only; only the "active" mark is not remembered.
        return { ok: true, value, state: toState(current.envelope, current.writable), problems: problemsOf(current) };
      }
      const next: Envelope = { ...current.envelope, activeProfileId: id };
      const saved = write(STORE_KEY, JSON.stringify(next));
      return {
        ok: true,
        value,
        state: toState(saved ? next : current.envelope, current.writable),
        problems: saved ? problemsOf(current) : [...problemsOf(current), { kind: 'unavailable' }],
      };
    },

    issuesOf(profile) {
      return profileIssues(profile, validate);
    },

    exportProfiles(ids) {
      const current = read();
      const wanted = ids ? new Set(ids) : null;
      const profiles = current.envelope.profiles.filter((p) => wanted === null || wanted.has(p.id));
      const document = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: isoNow(), profiles };
      const value = JSON.stringify(document, null, 2);
      return { ok: true, value, state: toState(current.envelope, current.writable), problems: problemsOf(current) };
    },

    importProfiles(text) {
      return change<ImportReport>((envelope) => {
        if (text.length > MAX_IMPORT_CHARS) return { error: 'fileTooLarge' };
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return { error: 'fileNotJson' };
        }
        const file = exportSchema.safeParse(json);
        if (!file.success) return { error: 'fileNotExport' };
        if (file.data.version > EXPORT_VERSION) return { error: 'fileFutureVersion' };

        const existingById = new Map(envelope.profiles.map((p) => [p.id, p]));
        const taken = new Set<string>();
        const imported: Profile[] = [];
        const skipped: { index: number; name: string | null; reason: ImportSkipReason }[] = [];
        file.data.profiles.forEach((item, index) => {
          const parsed = profileSchema.safeParse(item);
          if (!parsed.success) {
            const name = isPlainRecord(item) && typeof item.name === 'string' ? clipName(item.name) || null : null;
            skipped.push({ index, name, reason: 'invalid' });
            return;
          }
          const profile = parsed.data;
          const existing = existingById.get(profile.id);
          if (existing && sameContent(existing, profile)) {
            skipped.push({ index, name: profile.name, reason: 'alreadyPresent' });
            return;
          }
          if (envelope.profiles.length + imported.length >= MAX_PROFILES) {
            skipped.push({ index, name: profile.name, reason: 'tooMany' });
            return;
          }
          const clash = existing !== undefined || taken.has(profile.id);
          const id = clash ? freshId(envelope.profiles, taken) : profile.id;
          taken.add(id);
          imported.push(clash ? { ...profile, id } : profile);
        });
        const next = imported.length > 0 ? { ...envelope, profiles: [...envelope.profiles, ...imported] } : envelope;
        return { next, value: { imported, skipped } };
      });
    },
  };
}

/** Same name, city, date, facts version and facts (timestamps aside). */
function sameContent(a: Profile, b: Profile): boolean {
  return (
    a.name === b.name &&
    a.city === b.city &&
    a.asOf === b.asOf &&
    a.factsVersion === b.factsVersion &&
    canonicalJson(a.facts) === canonicalJson(b.facts)
  );
}

let defaultStore: ProfileStore | null = null;

/** Make the page's store run with `options` (tests, or another check of stored values); call before first use. */
export function configureDefaultProfileStore(options: ProfileStoreOptions): void {
  defaultStore = createProfileStore(options);
}

/** The page's store over localStorage, created on first use and shared by the draft hook and the panel. */
export function getDefaultProfileStore(): ProfileStore {
  defaultStore ??= createProfileStore();
  return defaultStore;
}
