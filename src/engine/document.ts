/**
 * A facts document: `{ "city": "shanghai", "asOf": "YYYY-MM-DD", "version": 1, "facts": { … } }`.
 * The CLI reads it, share links carry it, and `scoreDocument` turns it into a result trace.
 */
import { parseCityDocument, type FactsDocument, type ParseResult } from './cityDocument';
import { todayIso } from './core/dates';
import type { IsoDate, ScoreResult } from './core/types';
import { cityModules, isSupportedCity } from './registry';

export { parseCityDocument, type DocumentIssue, type FactsDocument, type ParseResult } from './cityDocument';

/** Validate a document of any supported city (defaulting `asOf` to `today`); never throws. */
export function parseDocument(input: unknown, today: IsoDate = todayIso()): ParseResult {
  const city = typeof input === 'object' && input !== null ? (input as { city?: unknown }).city : undefined;
  return parseCityDocument(isSupportedCity(city) ? cityModules[city] : null, input, today);
}

/** Score a validated document. */
export function scoreDocument(document: FactsDocument): ScoreResult {
  return cityModules[document.city].evaluate(document.facts as never, document.asOf);
}
