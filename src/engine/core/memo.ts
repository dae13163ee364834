/** Remembering what derives from a rule pack. */

/**
 * `build(key)`, computed the first time it is asked for a key object and remembered while that object lives. For
 * values derived from rule packs (frozen data, never changed once built): each result reuses them instead of
 * deriving them again.
 */
export function oncePer<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = build(key);
    cache.set(key, value);
    return value;
  };
}
