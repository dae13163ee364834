/**
 * The on-device profile store (./store) checking values against the engine's facts format: the same drafts,
 * profiles, limits and storage format, with the engine's `parseDocument` as the check of a city's values and the
 * engine's city modules for facts-format versions. Scripts and tests use this; the page uses ./store, which checks
 * values with the city UIs it has loaded, so that the engine's rules for every city stay out of the first download.
 */
import { parseDocument, type DocumentIssue } from '../../engine/document';
import { cityModules, isSupportedCity } from '../../engine/registry';
import {
  createProfileStore as createStore,
  type Profile,
  type ProfileStore,
  type ProfileStoreOptions,
  type ValuesValidator,
} from './store';

export * from './store';

/** Facts as the city's facts format expects them: the form's still-empty list rows (`''`) left out. */
function withoutEmptyRows(facts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(facts).map(([key, value]) => [key, Array.isArray(value) ? value.filter((item) => item !== '') : value]),
  );
}

/** The engine's check: the values as a facts document of the city (`errors.*` keys, as for share links). */
export const validateWithFactsFormat: ValuesValidator = (city, asOf, version, facts) => {
  const parsed = parseDocument({ city, asOf, version, facts: withoutEmptyRows(facts) });
  return parsed.ok ? [] : parsed.issues;
};

/** The facts-format version of a city in the engine's registry, or null for a city it does not know. */
export function engineFactsVersionOf(city: string): number | null {
  return isSupportedCity(city) ? cityModules[city].factsVersion : null;
}

/** What the city's rules say about a profile's values now (empty when they are valid). */
export function profileIssues(profile: Profile, validate: ValuesValidator = validateWithFactsFormat): DocumentIssue[] {
  return validate(profile.city, profile.asOf, profile.factsVersion, profile.facts);
}

/** A store over `storage` (default: the page's localStorage) checking values with the engine's facts format. */
export function createProfileStore(options: ProfileStoreOptions = {}): ProfileStore {
  return createStore({
    ...options,
    validateValues: options.validateValues ?? validateWithFactsFormat,
    factsVersionOf: options.factsVersionOf ?? engineFactsVersionOf,
  });
}
