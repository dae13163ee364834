/** The page's synchronous city table agrees with the engine, and every city's UI chunk loads and scores. */
import { describe, expect, test } from 'vitest';
import { cityModules, supportedCities } from '../engine/registry';
import { cityFactsVersions, cityOrder, isUiCity, loadCity, loadedCity, validateStoredValues } from './cities';

describe('the city table', () => {
  test('lists exactly the engine’s cities, each with the engine’s facts version', () => {
    expect([...cityOrder].sort()).toEqual([...supportedCities].sort());
    for (const city of cityOrder) expect(cityFactsVersions[city], city).toBe(cityModules[city].factsVersion);
  });

  test('knows its own ids and nothing else', () => {
    expect(isUiCity('shanghai')).toBe(true);
    expect(isUiCity('atlantis')).toBe(false);
    expect(isUiCity('constructor')).toBe(false);
  });
});

describe('loadCity', () => {
  test.each(cityOrder)('%s: loads once, then is available synchronously and scores empty answers', async (city) => {
    const ui = await loadCity(city);
    expect(ui.city).toBe(city);
    expect(loadedCity(city)).toBe(ui);
    expect(await loadCity(city)).toBe(ui);
    expect(ui.scoreValues({ asOf: '2025-06-01', facts: {} })?.city).toBe(city);
    expect(ui.documentOf({ asOf: '2025-06-01', facts: {} })).toEqual({
      city,
      asOf: '2025-06-01',
      version: cityModules[city].factsVersion,
      facts: {},
    });
  });

  test('stored values are checked with the city’s form schema once it is loaded; an unknown city is an issue', async () => {
    await loadCity('shanghai');
    expect(validateStoredValues('shanghai', '2025-06-01', 1, { birthDate: 'not a date' })).toEqual([
      { path: 'facts.birthDate', message: expect.stringMatching(/^errors\./) },
    ]);
    expect(validateStoredValues('atlantis', '2025-06-01', 1, {})).toEqual([{ path: 'city', message: 'errors.city' }]);
  });
});
