/**
 * Versions of the share-link format and the steps that bring an older link up to the current format.
 * Policy (docs/share-links.md): any change to what a link means, in the link format or in a city's facts format,
 * raises `SHARE_FORMAT_VERSION` by one and adds the step from the previous version here. Steps are never edited
 * or removed once released, and every released version keeps a frozen example link in the tests.
 */

/** The current share-link format version, written as `s=` in every link. */
export const SHARE_FORMAT_VERSION = 1;

/** A link's parameters after percent-decoding, by name, in link order. */
export type ShareParams = ReadonlyMap<string, string>;

/** Rewrites the parameters of a version-n link into version n + 1. Must not throw on any input. */
export type Migration = (params: ShareParams) => ShareParams;

/**
 * Steps by the version they start from (key n: version n → n + 1). Version 1 is the first released format, so
 * there is no step yet; the first one will be `1: (params) => …` when version 2 is introduced.
 */
export const migrations: Readonly<Record<number, Migration>> = {};

/**
 * The parameters of a version-`from` link brought up to version `to` by applying each step in order; the same
 * parameters when `from` is already `to`; null when a step is missing (the version cannot be read).
 */
export function migrateParams(
  params: ShareParams,
  from: number,
  table: Readonly<Record<number, Migration>> = migrations,
  to: number = SHARE_FORMAT_VERSION,
): ShareParams | null {
  let current = params;
  for (let version = from; version < to; version += 1) {
    const step = Object.hasOwn(table, version) ? table[version] : undefined;
    if (!step) return null;
    current = step(current);
  }
  return current;
}
