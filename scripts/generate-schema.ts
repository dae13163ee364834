/**
 * `npm run schema`: writes the published JSON Schemas of the facts format from the zod schemas, so they never
 * drift (scripts/schema.test.ts compares the committed files with `buildSchemas()`).
 *
 * - docs/schema/<city>-facts.v<N>.json: each city's facts object.
 * - docs/schema/facts-document.v1.json: the document envelope, with each city's facts schema under `$defs`.
 *
 * Cross-field checks (dates after the as-of date, months beyond working life, nested band counts) cannot be
 * expressed in JSON Schema; they are listed in docs/facts.md and applied by the engine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { cityModules, supportedCities } from '../src/engine/registry';

type JsonObject = Record<string, unknown>;

export const SCHEMA_DIR = fileURLToPath(new URL('../docs/schema/', import.meta.url));

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function isDateString(zodSchema: unknown): boolean {
  const def = (zodSchema as { _zod?: { def?: { type?: string; checks?: { _zod?: { def?: { check?: string } } }[] } } })
    ._zod?.def;
  // In the facts format the only free strings are dates (`isoDate()`: a string with a custom check).
  return def?.type === 'string' && (def.checks ?? []).some((c) => c._zod?.def?.check === 'custom');
}

function factsSchemaOf(schema: z.ZodMiniType, descriptions: Readonly<Record<string, string>>): JsonObject {
  const json = z.toJSONSchema(schema, {
    override: (ctx) => {
      if (isDateString(ctx.zodSchema)) Object.assign(ctx.jsonSchema, { format: 'date', pattern: DATE_PATTERN });
    },
  }) as JsonObject;
  const properties = json.properties as Record<string, JsonObject>;
  for (const [name, property] of Object.entries(properties)) {
    const description = descriptions[name];
    if (!description) throw new Error(`no description for fact ${name}`);
    properties[name] = { description, ...property };
  }
  return json;
}

/** The schemas as written to docs/schema, keyed by file name. */
export function buildSchemas(): Record<string, JsonObject> {
  const files: Record<string, JsonObject> = {};
  const bodies: Record<string, { version: number; body: JsonObject }> = {};
  let draft: unknown;
  for (const city of supportedCities) {
    const module = cityModules[city];
    const { $schema, ...body } = factsSchemaOf(module.factsSchema, module.schemaInfo.factDescriptions);
    draft = $schema;
    bodies[city] = { version: module.factsVersion, body };
    files[`${city}-facts.v${module.factsVersion}.json`] = {
      $schema,
      $id: `urn:mingfen:schema:${city}-facts:v${module.factsVersion}`,
      title: `Mingfen ${module.schemaInfo.name} facts, version ${module.factsVersion}`,
      description: module.schemaInfo.description,
      ...body,
    };
  }
  files['facts-document.v1.json'] = {
    $schema: draft,
    $id: 'urn:mingfen:schema:facts-document:v1',
    title: 'Mingfen facts document, version 1',
    description:
      'A person\'s facts for one city on one date: { "city", "asOf", "version", "facts" }. The CLI reads it (one document or an array) and share links carry it. See docs/facts.md.',
    type: 'object',
    properties: {
      city: { description: 'City whose rules apply.', type: 'string', enum: [...supportedCities] },
      asOf: {
        description: 'Date to score on (YYYY-MM-DD), usually the planned application date. Omitted: today.',
        type: 'string',
        format: 'date',
        pattern: DATE_PATTERN,
      },
      version: { description: "Version of the city's facts format. Omitted: the current one.", type: 'integer' },
      facts: { description: "The city's facts object.", type: 'object' },
    },
    required: ['city', 'facts'],
    additionalProperties: false,
    oneOf: supportedCities.map((city) => ({
      properties: {
        city: { const: city },
        version: { const: bodies[city]!.version },
        facts: { $ref: `#/$defs/${city}-facts-v${bodies[city]!.version}` },
      },
    })),
    $defs: Object.fromEntries(
      supportedCities.map((city) => [`${city}-facts-v${bodies[city]!.version}`, bodies[city]!.body]),
    ),
  };
  return files;
}

/** The file text for a schema (2-space JSON with a final newline). */
export function schemaText(schema: JsonObject): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function isMain(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href;
}

if (isMain()) {
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [name, schema] of Object.entries(buildSchemas())) {
    const file = resolve(SCHEMA_DIR, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, schemaText(schema));
    process.stdout.write(`wrote ${file}\n`);
  }
}
