/**
 * Reading a facts document for one city whose module the caller holds: `{ "city", "asOf", "version", "facts" }`
 * validated against that city's facts schema. `document.ts` does the same for any city through the registry; the
 * page's share-link reader uses this one with the city it has loaded, so it need not load every city.
 */
import * as z from 'zod/mini';
import { isIsoDate, todayIso } from './core/dates';
import type { IsoDate } from './core/types';
import type { SupportedCity } from './cityIds';
import type { CityModule } from './core/city';

export interface FactsDocument {
  readonly city: SupportedCity;
  readonly asOf: IsoDate;
  readonly version: number;
  readonly facts: Record<string, unknown>;
}

/** A validation problem: dotted path into the document and an `errors.*` key. */
export interface DocumentIssue {
  readonly path: string;
  readonly message: string;
}

export type ParseResult = { ok: true; document: FactsDocument } | { ok: false; issues: DocumentIssue[] };

const envelope = z.strictObject({
  city: z.string({ error: 'errors.city' }),
  asOf: z.optional(z.string().check(z.refine(isIsoDate, { error: 'errors.date' }))),
  version: z.optional(z.number({ error: 'errors.version' })),
  facts: z.record(z.string(), z.unknown(), { error: 'errors.factsObject' }),
});

function pathOf(parts: readonly PropertyKey[]): string {
  return parts.map(String).join('.');
}

/** Zod issues as document issues; an unknown key is reported at its own path so the message names it. */
function toIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): DocumentIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathOf([...prefix, ...issue.path, key]), message: 'errors.unknownKey' }))
      : [{ path: pathOf([...prefix, ...issue.path]), message: issue.message }],
  );
}

/**
 * Validate a document for `module`'s city (defaulting `asOf` to `today`); never throws. A document of another city,
 * or with no city module given, fails with `errors.city` once its envelope is well-formed.
 */
export function parseCityDocument(
  module: CityModule<unknown> | null,
  input: unknown,
  today: IsoDate = todayIso(),
): ParseResult {
  const env = envelope.safeParse(input);
  if (!env.success) {
    return { ok: false, issues: toIssues(env.error.issues, []) };
  }
  const { city, facts } = env.data;
  if (module === null || city !== module.id) return { ok: false, issues: [{ path: 'city', message: 'errors.city' }] };
  if (env.data.version !== undefined && env.data.version !== module.factsVersion) {
    return { ok: false, issues: [{ path: 'version', message: 'errors.version' }] };
  }
  const asOf = env.data.asOf ?? today;
  const parsed = module.factsAt(asOf).safeParse(facts);
  if (!parsed.success) {
    return { ok: false, issues: toIssues(parsed.error.issues, ['facts']) };
  }
  return { ok: true, document: { city: module.id as SupportedCity, asOf, version: module.factsVersion, facts: parsed.data as Record<string, unknown> } };
}
