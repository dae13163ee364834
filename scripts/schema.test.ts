import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shanghaiFactsShape } from '../src/engine/cities/shanghai/facts';
import { supportedCities } from '../src/engine/registry';
import { buildSchemas, SCHEMA_DIR, schemaText } from './generate-schema';

describe('published JSON Schemas', () => {
  const schemas = buildSchemas();

  it.each(Object.keys(schemas))('docs/schema/%s equals what `npm run schema` generates now', (name) => {
    const committed = readFileSync(resolve(SCHEMA_DIR, name), 'utf8');
    // If this fails, the zod schema changed: run `npm run schema` and commit the result.
    expect(committed).toBe(schemaText(schemas[name]!));
  });

  it('describes every Shanghai fact and no other', () => {
    const facts = schemas['shanghai-facts.v1.json']!;
    const properties = facts.properties as Record<string, { description?: string }>;
    expect(Object.keys(properties)).toEqual(Object.keys(shanghaiFactsShape.shape));
    for (const [name, property] of Object.entries(properties)) expect(property.description, name).toBeTruthy();
    expect(facts.additionalProperties).toBe(false);
  });

  it('marks date facts as dates', () => {
    const properties = schemas['shanghai-facts.v1.json']!.properties as Record<string, Record<string, unknown>>;
    expect(properties.birthDate).toMatchObject({ type: 'string', format: 'date' });
    expect(properties.marriageDate).toMatchObject({ type: 'string', format: 'date' });
    expect(properties.crimeDates).toMatchObject({ type: 'array', items: { type: 'string', format: 'date' } });
    expect(properties.education).not.toHaveProperty('format');
  });

  it('lists the supported cities in the envelope and embeds each city schema', () => {
    const envelope = schemas['facts-document.v1.json']!;
    const properties = envelope.properties as Record<string, Record<string, unknown>>;
    expect(properties.city?.enum).toEqual(supportedCities);
    expect(envelope.required).toEqual(['city', 'facts']);
    const defs = envelope.$defs as Record<string, unknown>;
    const { $schema: _unused, $id: _id, title: _title, description: _description, ...shanghaiBody } =
      schemas['shanghai-facts.v1.json']!;
    expect(defs['shanghai-facts-v1']).toEqual(shanghaiBody);
  });
});
