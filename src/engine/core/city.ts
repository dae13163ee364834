/** The contract every city module fulfils. */
import type * as z from 'zod/mini';
import type { CityId, IsoDate, RulePackMeta, ScoreResult } from './types';

export interface CityModule<F> {
  readonly id: CityId;
  /** Version of this city's facts format (bumped on incompatible changes; share links carry it). */
  readonly factsVersion: number;
  /** The facts object without cross-field checks (used for the published JSON Schema). */
  readonly factsSchema: z.ZodMiniType<F>;
  /** The facts object with the checks that depend on the as-of date (future dates, working-life months …). */
  factsAt(asOf: IsoDate): z.ZodMiniType<F>;
  /** Score validated facts on a date. Pure. */
  evaluate(facts: F, asOf: IsoDate): ScoreResult;
  /** Rule packs, oldest first. */
  readonly packs: readonly RulePackMeta[];
  /** What the published JSON Schema says about the facts: the city's English name, a description, one
   *  sentence per fact. */
  readonly schemaInfo: {
    readonly name: string;
    readonly description: string;
    readonly factDescriptions: Readonly<Record<string, string>>;
  };
}
