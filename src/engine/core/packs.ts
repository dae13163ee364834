/** Choosing the rule pack in force on a date, and checking packs are well formed. */
import { nextDay } from './dates';
import type { Cited, IsoDate, PackInfo, RulePackMeta } from './types';

export interface PackChoice<P extends RulePackMeta> {
  /** The pack whose rules are applied, or null when the date is before every pack. */
  readonly pack: P | null;
  /** Whether the as-of date is inside the chosen pack's validity. */
  readonly inValidity: boolean;
}

/**
 * The pack in force on `asOf`. Packs must be sorted by `validFrom`. After the newest pack's end the newest
 * pack is still returned (with `inValidity: false`) so the result can say its rules may be out of date; before
 * the oldest pack nothing is returned, because older rules are not modelled and must not be guessed.
 */
export function choosePack<P extends RulePackMeta>(packs: readonly P[], asOf: IsoDate): PackChoice<P> {
  for (const pack of packs) {
    if (asOf >= pack.validFrom && asOf <= pack.validTo) return { pack, inValidity: true };
  }
  const newest = packs[packs.length - 1];
  if (newest && asOf > newest.validTo) return { pack: newest, inValidity: false };
  return { pack: null, inValidity: false };
}

/** Problems with a city's pack list: overlaps, gaps, or an inverted validity range (empty when sound). */
export function packTimelineProblems(packs: readonly RulePackMeta[]): string[] {
  const problems: string[] = [];
  packs.forEach((pack, i) => {
    if (pack.validFrom > pack.validTo) problems.push(`${pack.id}: validFrom after validTo`);
    const next = packs[i + 1];
    if (!next) return;
    if (next.validFrom <= pack.validTo) problems.push(`${pack.id} overlaps ${next.id}`);
    else if (next.validFrom !== nextDay(pack.validTo)) problems.push(`gap between ${pack.id} and ${next.id}`);
  });
  return problems;
}

/** Summary of a pack for the result trace. */
export function packInfo(pack: RulePackMeta, inValidity: boolean): PackInfo {
  return {
    id: pack.id,
    instrument: pack.instrument,
    validFrom: pack.validFrom,
    validTo: pack.validTo,
    validToAssumed: pack.validToAssumed ?? false,
    asOfInValidity: inValidity,
  };
}

function isCited(value: unknown): value is Cited<unknown> {
  return typeof value === 'object' && value !== null && 'value' in value && 'cite' in value;
}

/**
 * Paths of parameters in a pack's `params` that lack a complete citation. Every leaf of `params` must be a
 * `Cited` value (or an array/record of them) whose citation names an instrument, an article and a URL.
 */
export function uncitedParams(params: unknown, path = 'params'): string[] {
  if (isCited(params)) {
    const c = params.cite;
    const complete = Boolean(c && c.instrument && c.article && /^https?:\/\//.test(c.url) && c.confidence);
    return complete ? [] : [path];
  }
  if (Array.isArray(params)) return params.flatMap((item, i) => uncitedParams(item, `${path}[${i}]`));
  if (typeof params === 'object' && params !== null) {
    return Object.entries(params).flatMap(([k, v]) => uncitedParams(v, `${path}.${k}`));
  }
  return [path];
}
