/**
 * `npm run schema`: writes the published JSON Schemas of the facts format from the zod schemas, so they never
 * drift (scripts/schema.test.ts compares the committed files with `buildSchemas()`).
 *
 * - docs/schema/shanghai-facts.v1.json: the Shanghai facts object.
 * - docs/schema/facts-document.v1.json: the document envelope, with each city's facts schema under `$defs`.
 *
 * Cross-field checks (dates after the as-of date, months beyond working life, nested band counts) cannot be
 * expressed in JSON Schema; they are listed in docs/facts.md and applied by the engine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod/mini';
import { SHANGHAI_FACTS_VERSION, shanghaiFactsShape } from '../src/engine/cities/shanghai/facts';
import { supportedCities } from '../src/engine/registry';

type JsonObject = Record<string, unknown>;

export const SCHEMA_DIR = fileURLToPath(new URL('../docs/schema/', import.meta.url));

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** One sentence per Shanghai fact (units, window, meaning). Every fact must have one. */
export const shanghaiFactDescriptions: Readonly<Record<keyof z.infer<typeof shanghaiFactsShape>, string>> = {
  birthDate: 'Date of birth (YYYY-MM-DD). Age in completed years on the as-of date gives the age points.',
  residencePermit: 'Holds a valid Shanghai residence permit (eligibility condition).',
  education: 'Highest education level held (education points; the higher of education and title counts).',
  educationVerified:
    'The education is state-recognised and verifiable on 学信网 (foreign degrees: 留服 recognition). false: education scores 0.',
  title: 'Professional title or vocational skill level (title points; the higher of education and title counts).',
  titleMatchesPost: 'The title or skill matches the post the employer appointed the holder to (聘任). false: title scores 0.',
  titleBaseMonthsLast12:
    'Months in the last 12 with a social-insurance base of at least 1× the average wage (needed for the 100 and 140 title tiers: at least 6).',
  shortageMajor: 'Holds a full-time junior-college major listed in the shortage-major catalogue (紧缺急需专业), job matching.',
  siMonthsLast12:
    'Months of Shanghai employee social insurance in the last 12 months, back-payments excluded (eligibility from 2018: at least 6).',
  siPayingNow: 'Employed and paying Shanghai employee social insurance in the application month (eligibility from 2018).',
  siMonthsTotal:
    'Cumulative months of Shanghai employee social insurance, excluding back-paid months and months paid by another employer than the one on the labour contract (3 points per full year).',
  siBase08Months: 'Months in the last 48 with a contribution base of at least 0.8× the average wage (25 points from 36 months).',
  siBase1Months: 'Months in the last 48 with a contribution base of at least 1× the average wage (50 points from 36 months).',
  siBase2Months: 'Months in the last 48 with a contribution base of at least 2× the average wage (100 points from 36 months).',
  siBaseCeilingMonths:
    'Months in the last 36 with a contribution base at the ceiling (3× the average wage) (120 points from 24 months).',
  sanitationMonths: 'Months employed in the designated public-service field (环卫) (4 points per full year, counted from 5 full years).',
  remoteArea: 'Works and lives in a remote key area (远郊重点区域) or the Lingang new area (临港新片区).',
  remoteAreaMonths:
    'Months working and living in that area (2 points per full year, cap 20; counted from 5 full years, Lingang from 3 and, from 2024-08-21, from the first).',
  spouseShanghaiHukou: 'The spouse holds a Shanghai hukou (4 points per full year of marriage, cap 40).',
  marriageDate: 'Date of marriage (YYYY-MM-DD), for the spouse points.',
  freshGraduate: 'Full-time fresh university graduate (应届), as declared (10 points).',
  investTaxShareYuan:
    "Personal share, in yuan, of the invested company's average yearly tax over the last 3 years (10 points per full 100,000 yuan, cap 120).",
  investHukouHires:
    "The invested company's average yearly number of Shanghai-hukou employees over the last 3 years (10 points per full 10 people, cap 120; the larger of tax and hires counts).",
  entrepreneur: 'Qualifies as an entrepreneur (创业人才) or innovation intermediary (创新创业中介服务人才) (120 points).',
  awards: 'Government awards won while working in Shanghai, one entry per award (the highest single award counts).',
  falseMaterialDates: 'Dates (YYYY-MM-DD) on which false materials were found (−150 each within 3 years).',
  detentionDates: 'Dates (YYYY-MM-DD) of administrative detention records (−50 each within 5 years).',
  crimeDates: 'Dates (YYYY-MM-DD) of general criminal records (−150 each within 5 years).',
  familyPlanningViolation: 'Has a record of violating family-planning policy (veto: not eligible).',
  seriousCrime: 'Has a serious criminal record (veto: not eligible).',
};

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
  const shanghai = factsSchemaOf(shanghaiFactsShape, shanghaiFactDescriptions);
  const { $schema, ...shanghaiBody } = shanghai;
  const shanghaiFile: JsonObject = {
    $schema,
    $id: `urn:mingfen:schema:shanghai-facts:v${SHANGHAI_FACTS_VERSION}`,
    title: `Mingfen Shanghai facts, version ${SHANGHAI_FACTS_VERSION}`,
    description:
      'Facts about one person for the Shanghai residence-permit points (上海市居住证积分). Every fact is optional; a missing fact leaves a condition unknown or a line not counted. Cross-field checks (no date after the as-of date, months within working life, nested base bands) are applied by the calculator and described in docs/facts.md.',
    ...shanghaiBody,
  };
  const cityFacts = { shanghai: { version: SHANGHAI_FACTS_VERSION, body: shanghaiBody } };
  const documentFile: JsonObject = {
    $schema,
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
        version: { const: cityFacts[city].version },
        facts: { $ref: `#/$defs/${city}-facts-v${cityFacts[city].version}` },
      },
    })),
    $defs: Object.fromEntries(
      supportedCities.map((city) => [`${city}-facts-v${cityFacts[city].version}`, cityFacts[city].body]),
    ),
  };
  return {
    'shanghai-facts.v1.json': shanghaiFile,
    'facts-document.v1.json': documentFile,
  };
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
