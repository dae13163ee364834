/**
 * Building blocks for the per-city facts schemas (zod/mini, so the form bundle stays small).
 * Every error message is an i18n key under `errors.*`; the UI and the CLI translate it.
 */
import * as z from 'zod/mini';
import { isIsoDate } from './dates';
import type { IsoDate } from './types';

/** A real calendar date `YYYY-MM-DD`. */
export const isoDate = () =>
  z.string().check(z.refine((v) => isIsoDate(v), { error: 'errors.date' }));

/** A whole number of months, 0 … `max` (the window the rule looks at). */
export const monthCount = (max = 1200) =>
  z.number({ error: 'errors.number' }).check(
    z.int({ error: 'errors.integer' }),
    z.minimum(0, { error: 'errors.negative' }),
    z.maximum(max, { error: max === 1200 ? 'errors.tooLarge' : `errors.maxMonths${max}` }),
  );

/** A whole count of things (records, people, donations …), 0 … `max`. */
export const count = (max = 100_000) =>
  z.number({ error: 'errors.number' }).check(
    z.int({ error: 'errors.integer' }),
    z.minimum(0, { error: 'errors.negative' }),
    z.maximum(max, { error: 'errors.tooLarge' }),
  );

/** A non-negative amount (yuan, people on average …), at most `max`. */
export const amount = (max = 1e12) =>
  z.number({ error: 'errors.number' }).check(
    z.minimum(0, { error: 'errors.negative' }),
    z.maximum(max, { error: 'errors.tooLarge' }),
  );

/** Yes/no fact. */
export const flag = () => z.boolean({ error: 'errors.boolean' });

/** A problem found by a city's cross-field checks: path inside the facts and an `errors.*` key. */
export interface FactIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * A facts schema that also runs the city's cross-field checks against `asOf` (checks that need several facts or
 * the date: nothing dated after it, months within working life …). The checks must never throw on malformed
 * input: zod reports malformed values itself.
 */
export function withFactChecks<T>(
  shape: z.ZodMiniType<T>,
  check: (facts: T, asOf: IsoDate) => FactIssue[],
  asOf: IsoDate,
): z.ZodMiniType<T> {
  return shape.check(
    z.superRefine((facts, ctx) => {
      for (const issue of check(facts, asOf)) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: [...issue.path], input: facts });
      }
    }),
  );
}
