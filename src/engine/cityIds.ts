/**
 * The cities the engine scores, by id only. Code that loads a city's module on demand (the page, the share-link
 * reader) checks ids here without pulling every city in; `registry.ts` maps each id to its module, and its type
 * check fails if the two lists differ.
 */
export const supportedCities = ['shanghai', 'guangzhou', 'tianjin'] as const;

export type SupportedCity = (typeof supportedCities)[number];

export function isSupportedCity(value: unknown): value is SupportedCity {
  return typeof value === 'string' && (supportedCities as readonly string[]).includes(value);
}
