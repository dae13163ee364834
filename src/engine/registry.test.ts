import { describe, expect, it } from 'vitest';
import { isSupportedCity, supportedCities } from './cityIds';
import { parseCityDocument, parseDocument } from './document';
import { cityModules } from './registry';

describe('city ids and modules', () => {
  it('the id list and the registry name the same cities, each module under its own id', () => {
    expect(Object.keys(cityModules).sort()).toEqual([...supportedCities].sort());
    for (const city of supportedCities) expect(cityModules[city].id).toBe(city);
  });

  it('only listed ids are supported (no inherited names)', () => {
    expect(supportedCities.every(isSupportedCity)).toBe(true);
    for (const value of ['chengdu', 'toString', '__proto__', '', null, 1]) expect(isSupportedCity(value)).toBe(false);
  });
});

describe('parseCityDocument', () => {
  const document = { city: 'tianjin', asOf: '2026-03-10', facts: { birthDate: '1990-01-01' } };

  it("reads a document with its city's module as parseDocument does", () => {
    expect(parseCityDocument(cityModules.tianjin, document)).toEqual(parseDocument(document));
  });

  it("refuses another city's document, or none, with errors.city", () => {
    const refused = { ok: false, issues: [{ path: 'city', message: 'errors.city' }] };
    expect(parseCityDocument(cityModules.shanghai, document)).toEqual(refused);
    expect(parseCityDocument(null, document)).toEqual(refused);
  });

  it('reports a broken envelope before the city', () => {
    const result = parseCityDocument(cityModules.shanghai, { city: 'tianjin', facts: 3 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([{ path: 'facts', message: 'errors.factsObject' }]);
  });
});
