/**
 * Deep freezing for data that outlives one call: the rule packs, and the parts of results that several results
 * share (a message that only depends on the table, the notices of one as-of date …). Frozen, a shared part cannot
 * be changed through one result and show up changed in another, and values derived from a pack stay valid.
 */

/** `value`, with every object and array reachable from it frozen. Already-frozen objects are taken as deep-frozen. */
export function deepFrozen<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFrozen((value as Record<string, unknown>)[key]);
  return value;
}
