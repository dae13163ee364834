/**
 * Share links: a facts document written into the URL fragment as readable `name=value` pairs, and read back
 * from whatever URL a browser or a chat app hands over. Format, accepted variants, versions and limits:
 * docs/share-links.md.
 *
 * `#s=1&c=shanghai&v=1&d=2025-06-01&p=shanghai-2023&birthDate=1990-03-15&education=bachelorDegree&…`
 *
 * Reading never throws and never trusts the link: values are converted using the city's facts schema, then the
 * whole document is validated with `parseCityDocument`; parameter names live in a Map and only names of the city's
 * facts are copied into the facts object.
 *
 * This module does not import the cities: reading and writing take the city's module from the caller, so the page
 * loads only the city a link names. `./links.ts` binds these functions to every city (CLI, tests).
 */
import { isSupportedCity, type SupportedCity } from '../engine/cityIds';
import { parseCityDocument, type DocumentIssue, type FactsDocument } from '../engine/cityDocument';
import type { CityModule } from '../engine/core/city';
import { choosePack } from '../engine/core/packs';
import type { IsoDate } from '../engine/core/types';
import { factKinds, FORBIDDEN_KEYS, readFactValue, writeFactValue } from './factValues';
import { forgivingDecode, readParams, writeParams } from './params';
import { migrateParams, migrations, SHARE_FORMAT_VERSION, type Migration } from './migrations';

export { SHARE_FORMAT_VERSION } from './migrations';

/** Longest link read, in UTF-16 code units (8 KiB); longer input is refused before any parsing. */
export const MAX_LINK_LENGTH = 8192;

/** Most parameters read from one link (a profile with every Shanghai fact has 35). */
export const MAX_PARAMETERS = 200;

/** Most warnings returned for one link. */
export const MAX_WARNINGS = 20;

/** Parameter names as shown in warnings are cut to this many characters. */
const MAX_NAME_LENGTH = 40;

/** The envelope parameters: format version, city, facts version, as-of date, rule pack. */
export const envelopeParams = {
  version: 's',
  city: 'c',
  factsVersion: 'v',
  asOf: 'd',
  pack: 'p',
} as const satisfies Record<string, string>;

/** The query parameter that may hold a whole percent-encoded payload (`?share=s%3D1%26c%3D…`). */
export const SHARE_QUERY_PARAM = 'share';

const envelopeNames: ReadonlySet<string> = new Set<string>([...Object.values(envelopeParams), SHARE_QUERY_PARAM]);

/**
 * Parameters that chat apps, share flows and trackers add to URLs (WeChat: `from`, `isappinstalled`, `scene` …),
 * and the app's own language switch. They are ignored without a warning; any other unknown name is reported.
 */
const noiseParams: ReadonlySet<string> = new Set([
  'from',
  'isappinstalled',
  'scene',
  'subscene',
  'clicktime',
  'enterid',
  'sessionid',
  'ascene',
  'devicetype',
  'nettype',
  'pass_ticket',
  'exportkey',
  'wx_header',
  'nsukey',
  'fbclid',
  'gclid',
  'spm',
  'lng',
  'lang',
]);
const noisePrefixes = ['utm_', 'sharer_'] as const;

/** Whether a parameter is one that share flows and trackers add (ignored without a warning). */
export function isIgnoredParam(name: string): boolean {
  return noiseParams.has(name) || noisePrefixes.some((prefix) => name.startsWith(prefix));
}

// ---- results ----------------------------------------------------------------------------------------------

/**
 * Why a link cannot be read. `empty`: the URL holds no share payload (the app opened normally); `tooLong`: over
 * `MAX_LINK_LENGTH` characters or `MAX_PARAMETERS` parameters; `malformed`: a payload whose envelope is broken;
 * `unknownCity`: a city this calculator does not support; `futureVersion`: made by a newer version of the
 * calculator (reload to update); `unsupportedVersion`: a version that cannot be read; `invalidFacts`: the
 * document fails validation (issues as from `parseDocument`: dotted path and `errors.*` key).
 */
export type ShareError =
  | { readonly code: 'empty' }
  | { readonly code: 'tooLong'; readonly limit: number }
  | { readonly code: 'malformed'; readonly reason: 'version' | 'city' | 'factsVersion' | 'unexpected' }
  | { readonly code: 'unknownCity'; readonly city: string }
  | { readonly code: 'futureVersion'; readonly version: number; readonly supported: number }
  | { readonly code: 'unsupportedVersion'; readonly version: number }
  | { readonly code: 'invalidFacts'; readonly issues: readonly DocumentIssue[] };

export type ShareErrorCode = ShareError['code'];

/**
 * Something in a readable link that the reader should know about. `ignoredParameter`: a name that is not a fact
 * of the city (dropped); `duplicateParameter`: a name given twice (the first value is used); `packChanged`: the
 * link was made with another rule pack than the one this calculator now applies on its as-of date.
 */
export type ShareWarning =
  | { readonly code: 'ignoredParameter'; readonly name: string }
  | { readonly code: 'duplicateParameter'; readonly name: string }
  | { readonly code: 'packChanged'; readonly linkPack: string; readonly currentPack: string | null };

export type DecodeResult =
  | {
      readonly ok: true;
      readonly document: FactsDocument;
      readonly warnings: readonly ShareWarning[];
      /** The rule pack named in the link (for information; the pack applied is chosen from the as-of date). */
      readonly packId: string | null;
    }
  | { readonly ok: false; readonly error: ShareError };

// The i18n keys of errors and warnings live in ./messages, so that the page can show them without this module.
export { shareErrorKeys, shareWarningKeys } from './messages';

// ---- finding the payload ----------------------------------------------------------------------------------

function hasVersionParam(text: string): boolean {
  return new URLSearchParams(text).has(envelopeParams.version);
}

/** The payload in `candidate`, unwrapping it when a share flow percent-encoded it once or twice more. */
function unwrapPayload(candidate: string | null): string | null {
  let text = candidate;
  for (let round = 0; round < 3 && text !== null && text !== ''; round += 1) {
    if (hasVersionParam(text)) return text;
    // `s%3D1%26c%3D…` (or `s%253D1…`): the whole payload was encoded as one value; decode it and look again.
    text = /%(?:25)*3D/i.test(text) ? forgivingDecode(text) : null;
  }
  return null;
}

/**
 * The share payload (`s=1&c=…`) in any URL or part of one, or null when there is none. Looked for, in order:
 * the fragment (`#s=1&…`, also `location.hash`), a `share` query parameter holding the encoded payload, the query
 * itself (`?from=singlemessage&s=1&c=…`, as when WeChat dropped the `#`; also `location.search`), and text that
 * is itself a payload. A payload encoded once or twice more is unwrapped; `&amp;` (a link copied out of HTML) is
 * read as `&`.
 */
export function extractPayload(href: string): string | null {
  if (typeof href !== 'string' || href.length > MAX_LINK_LENGTH) return null;
  const text = href.trim().replace(/&amp;/gi, '&');
  const hashAt = text.indexOf('#');
  const beforeHash = hashAt >= 0 ? text.slice(0, hashAt) : text;
  const queryAt = beforeHash.indexOf('?');
  const query = queryAt >= 0 ? beforeHash.slice(queryAt + 1) : null;
  const candidates = [
    hashAt >= 0 ? text.slice(hashAt + 1) : null,
    query !== null ? new URLSearchParams(query).get(SHARE_QUERY_PARAM) : null,
    query,
    hashAt < 0 && queryAt < 0 ? text : null,
  ];
  for (const candidate of candidates) {
    const payload = unwrapPayload(candidate);
    if (payload !== null) return payload;
  }
  return null;
}

// ---- reading ----------------------------------------------------------------------------------------------

/** Options for reading a link. */
export interface DecodeOptions {
  /** The as-of date used when the link has none (default: today, as in `parseDocument`). */
  readonly today?: IsoDate;
  /** The migration table and the version it leads to; tests use them to rehearse a future format. */
  readonly migrations?: Readonly<Record<number, Migration>>;
  readonly formatVersion?: number;
}

const VERSION_TEXT = /^\d{1,6}$/;
const PACK_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

function clip(name: string): string {
  return name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH)}…` : name;
}

function failure(error: ShareError): { readonly ok: false; readonly error: ShareError } {
  return { ok: false, error };
}

/** An in-page anchor such as `#result`: a fragment that is not meant as a payload. */
const PLAIN_ANCHOR = /^[A-Za-z][\w-]*$/;

/**
 * Whether a URL without a readable payload still looks like a share link that was damaged (rather than the app
 * opened normally): a fragment that is not a plain in-page anchor, or a `share` query parameter.
 */
function looksLikeBrokenLink(href: string): boolean {
  const hashAt = href.indexOf('#');
  const fragment = hashAt >= 0 ? href.slice(hashAt + 1).trim() : '';
  if (fragment !== '' && !PLAIN_ANCHOR.test(fragment)) return true;
  const beforeHash = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = beforeHash.indexOf('?');
  return queryAt >= 0 && new URLSearchParams(beforeHash.slice(queryAt + 1)).has(SHARE_QUERY_PARAM);
}

/** A link whose envelope has been read: its city, its parameters (migrated) and the warnings so far. */
interface Envelope {
  readonly city: SupportedCity;
  readonly params: ReadonlyMap<string, string>;
  readonly warnings: readonly ShareWarning[];
}

function readEnvelope(href: string, options: DecodeOptions): Envelope | { readonly ok: false; readonly error: ShareError } {
  if (typeof href !== 'string') return failure({ code: 'malformed', reason: 'unexpected' });
  if (href.length > MAX_LINK_LENGTH) return failure({ code: 'tooLong', limit: MAX_LINK_LENGTH });
  const payload = extractPayload(href);
  if (payload === null) {
    return failure(looksLikeBrokenLink(href) ? { code: 'malformed', reason: 'unexpected' } : { code: 'empty' });
  }
  const { params: linkParams, duplicates } = readParams(payload);
  if (linkParams.size + duplicates.length > MAX_PARAMETERS) return failure({ code: 'tooLong', limit: MAX_PARAMETERS });

  const formatVersion = options.formatVersion ?? SHARE_FORMAT_VERSION;
  const versionText = linkParams.get(envelopeParams.version) ?? '';
  if (!VERSION_TEXT.test(versionText)) return failure({ code: 'malformed', reason: 'version' });
  const version = Number(versionText);
  if (version > formatVersion) return failure({ code: 'futureVersion', version, supported: formatVersion });
  const table = options.migrations ?? migrations;
  const params = version >= 1 ? migrateParams(linkParams, version, table, formatVersion) : null;
  if (params === null) return failure({ code: 'unsupportedVersion', version });

  const city = params.get(envelopeParams.city) ?? '';
  if (city === '') return failure({ code: 'malformed', reason: 'city' });
  if (!isSupportedCity(city)) return failure({ code: 'unknownCity', city: clip(city) });
  return { city, params, warnings: duplicates.map((name) => ({ code: 'duplicateParameter', name: clip(name) })) };
}

function readFacts(envelope: Envelope, module: CityModule<unknown>, options: DecodeOptions): DecodeResult {
  const { city, params } = envelope;
  if (module.id !== city) return failure({ code: 'malformed', reason: 'unexpected' });
  const factsVersionText = params.get(envelopeParams.factsVersion);
  if (factsVersionText !== undefined) {
    if (!VERSION_TEXT.test(factsVersionText)) return failure({ code: 'malformed', reason: 'factsVersion' });
    const factsVersion = Number(factsVersionText);
    if (factsVersion > module.factsVersion) {
      return failure({ code: 'futureVersion', version: factsVersion, supported: module.factsVersion });
    }
    // An older facts version must have been rewritten by a migration step; if not, the link cannot be read.
    if (factsVersion < module.factsVersion) return failure({ code: 'unsupportedVersion', version: factsVersion });
  }

  const warnings: ShareWarning[] = [...envelope.warnings];
  const kinds = factKinds(module.factsSchema);
  const facts: Record<string, unknown> = {};
  for (const [name, text] of params) {
    if (envelopeNames.has(name)) continue;
    const kind = FORBIDDEN_KEYS.has(name) ? undefined : kinds.get(name);
    if (kind === undefined) {
      if (!isIgnoredParam(name)) warnings.push({ code: 'ignoredParameter', name: clip(name) });
      continue;
    }
    const ignoredFields: string[] = [];
    facts[name] = readFactValue(kind, text, ignoredFields);
    for (const field of new Set(ignoredFields)) {
      warnings.push({ code: 'ignoredParameter', name: clip(`${name}.${field}`) });
    }
  }

  const asOf = params.get(envelopeParams.asOf);
  const parsed = parseCityDocument(
    module,
    { city, ...(asOf !== undefined ? { asOf } : {}), version: module.factsVersion, facts },
    options.today,
  );
  if (!parsed.ok) return failure({ code: 'invalidFacts', issues: parsed.issues });

  const linkPack = params.get(envelopeParams.pack);
  const packId = linkPack !== undefined && PACK_ID.test(linkPack) ? linkPack : null;
  const currentPack = choosePack(module.packs, parsed.document.asOf).pack?.id ?? null;
  if (packId !== null && packId !== currentPack) warnings.push({ code: 'packChanged', linkPack: packId, currentPack });
  return { ok: true, document: parsed.document, warnings: warnings.slice(0, MAX_WARNINGS), packId };
}

/** A link read as far as it can be without its city's module: failed already, or waiting for the city named. */
export type OpenedShareLink =
  | { readonly ok: false; readonly error: ShareError }
  | {
      readonly ok: true;
      /** The city the link names (supported). */
      readonly city: SupportedCity;
      /** Read the facts with that city's module. Never throws. */
      finish(module: CityModule<unknown>): DecodeResult;
    };

/**
 * Read a share link (a full URL, `location.hash`, `location.search` or a bare payload) up to its city: what the
 * page does before it loads that city. Never throws.
 */
export function openShareLink(href: string, options: DecodeOptions = {}): OpenedShareLink {
  let envelope: ReturnType<typeof readEnvelope>;
  try {
    envelope = readEnvelope(href, options);
  } catch {
    return failure({ code: 'malformed', reason: 'unexpected' });
  }
  if (!('city' in envelope)) return envelope;
  const opened = envelope;
  return {
    ok: true,
    city: opened.city,
    finish(module) {
      try {
        return readFacts(opened, module, options);
      } catch {
        return failure({ code: 'malformed', reason: 'unexpected' });
      }
    },
  };
}

/**
 * Read a share link into a validated facts document, with warnings about what was dropped, taking the city's
 * module from `moduleOf`. Never throws.
 */
export function decodeShareLinkWith(
  href: string,
  moduleOf: (city: SupportedCity) => CityModule<unknown>,
  options: DecodeOptions = {},
): DecodeResult {
  const opened = openShareLink(href, options);
  if (!opened.ok) return opened;
  let module: CityModule<unknown>;
  try {
    module = moduleOf(opened.city);
  } catch {
    return failure({ code: 'malformed', reason: 'unexpected' });
  }
  return opened.finish(module);
}

// ---- writing ----------------------------------------------------------------------------------------------

/**
 * The payload of a facts document (the part after `#`): envelope first, then the facts in schema order. `module`
 * is the document's city's module.
 */
export function encodePayloadFor(module: CityModule<unknown>, document: FactsDocument): string {
  const pairs: [string, string][] = [
    [envelopeParams.version, String(SHARE_FORMAT_VERSION)],
    [envelopeParams.city, document.city],
    [envelopeParams.factsVersion, String(document.version)],
    [envelopeParams.asOf, document.asOf],
  ];
  const pack = choosePack(module.packs, document.asOf).pack;
  if (pack) pairs.push([envelopeParams.pack, pack.id]);
  // A validated document only holds facts of its city's strict schema, so every fact has a kind.
  for (const [name, kind] of factKinds(module.factsSchema)) {
    const value = document.facts[name];
    if (value !== undefined) pairs.push([name, writeFactValue(kind, value)]);
  }
  return writeParams(pairs);
}

/**
 * The share link of a validated facts document: `base` (the app's URL as served, e.g.
 * `https://example.org/mingfen/`; any fragment it has is dropped, its path and query are kept) + `#` + payload.
 */
export function encodeShareLinkFor(module: CityModule<unknown>, document: FactsDocument, base: string): string {
  const hashAt = base.indexOf('#');
  return `${hashAt >= 0 ? base.slice(0, hashAt) : base}#${encodePayloadFor(module, document)}`;
}
