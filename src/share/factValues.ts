/**
 * How one fact is written as text in a share link. The way to write each fact is read from the city's zod facts
 * schema itself (the zod/mini definitions), so every registered city works without a table of its own.
 * Reading never trusts the text: a value that does not convert is passed on as the raw text, and the city's
 * schema then rejects it with its own `errors.*` key, naming the field.
 */
import type * as z from 'zod/mini';

type ScalarKind = 'text' | 'number' | 'boolean';

/**
 * How a fact is written. `scalar`: text as is (dates, choices), numbers as plain decimals, booleans as 1/0.
 * `list`: scalars joined with `,`. `records`: a list of flat objects, each written `field:value;field:value`,
 * joined with `,`. `json`: anything else (none of the cities uses one today), as compact JSON. Inside lists and
 * records the characters `\ , ; :` are escaped with a backslash.
 */
export type FactKind =
  | { readonly form: 'scalar'; readonly scalar: ScalarKind }
  | { readonly form: 'list'; readonly scalar: ScalarKind }
  | { readonly form: 'records'; readonly fields: ReadonlyMap<string, ScalarKind> }
  | { readonly form: 'json' };

/** Property names that could reach an object's prototype; never copied from a link. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Wrappers that do not change how a value is written (their inner schema decides). */
const WRAPPERS: ReadonlySet<z.core.$ZodTypeDef['type']> = new Set([
  'optional',
  'default',
  'prefault',
  'readonly',
  'nonoptional',
  'catch',
]);

/** The schema under optional/default/readonly… wrappers and the input side of pipes. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  // Zod schemas cannot nest wrappers without end, but a bound keeps this loop obviously finite.
  for (let depth = 0; depth < 16; depth += 1) {
    const def = current._zod.def;
    if (WRAPPERS.has(def.type)) current = (def as z.core.$ZodOptionalDef).innerType;
    else if (def.type === 'pipe') current = (def as z.core.$ZodPipeDef).in;
    else return current;
  }
  return current;
}

/** The scalar kind of a list of literal values, when they all have the same primitive type. */
function kindOfValues(values: readonly unknown[]): ScalarKind | null {
  if (values.length === 0) return null;
  if (values.every((v) => typeof v === 'string')) return 'text';
  if (values.every((v) => typeof v === 'number')) return 'number';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  return null;
}

function scalarKind(schema: z.core.$ZodType): ScalarKind | null {
  const def = unwrap(schema)._zod.def;
  switch (def.type) {
    case 'string':
      return 'text';
    case 'number':
    case 'int':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return kindOfValues(Object.values((def as z.core.$ZodEnumDef).entries));
    case 'literal':
      return kindOfValues((def as z.core.$ZodLiteralDef<z.core.util.Literal>).values);
    default:
      return null;
  }
}

/** The scalar kind of each field of a flat object schema, or null when a field is not a scalar. */
function recordFields(schema: z.core.$ZodType): ReadonlyMap<string, ScalarKind> | null {
  const def = unwrap(schema)._zod.def;
  if (def.type !== 'object') return null;
  const fields = new Map<string, ScalarKind>();
  for (const [name, field] of Object.entries((def as z.core.$ZodObjectDef).shape)) {
    const scalar = scalarKind(field);
    if (!scalar || FORBIDDEN_KEYS.has(name)) return null;
    fields.set(name, scalar);
  }
  return fields;
}

/** How a fact with this schema is written in a link. */
export function factKindOf(schema: z.core.$ZodType): FactKind {
  const scalar = scalarKind(schema);
  if (scalar) return { form: 'scalar', scalar };
  const def = unwrap(schema)._zod.def;
  if (def.type === 'array') {
    const element = (def as z.core.$ZodArrayDef).element;
    const item = scalarKind(element);
    if (item) return { form: 'list', scalar: item };
    const fields = recordFields(element);
    if (fields) return { form: 'records', fields };
  }
  return { form: 'json' };
}

const kindsBySchema = new WeakMap<object, ReadonlyMap<string, FactKind>>();

/** Fact name → kind, in the schema's order, for a city's facts object schema (empty if it is not an object). */
export function factKinds(schema: z.core.$ZodType): ReadonlyMap<string, FactKind> {
  const cached = kindsBySchema.get(schema);
  if (cached) return cached;
  const kinds = new Map<string, FactKind>();
  const def = unwrap(schema)._zod.def;
  if (def.type === 'object') {
    for (const [name, fact] of Object.entries((def as z.core.$ZodObjectDef).shape)) {
      if (!FORBIDDEN_KEYS.has(name)) kinds.set(name, factKindOf(fact));
    }
  }
  kindsBySchema.set(schema, kinds);
  return kinds;
}

// ---- writing ----------------------------------------------------------------------------------------------

function scalarText(kind: ScalarKind, value: unknown): string {
  if (kind === 'boolean') return value === true ? '1' : value === false ? '0' : String(value);
  // JavaScript's shortest round-trip decimal; -0 is written as 0.
  if (kind === 'number' && Object.is(value, -0)) return '0';
  return String(value);
}

/** Escapes the separators of lists and records (`\ , ; :`) with a backslash. */
function escapeSeparators(text: string): string {
  return text.replace(/[\\,;:]/g, '\\$&');
}

function recordText(fields: ReadonlyMap<string, ScalarKind>, record: unknown): string {
  if (typeof record !== 'object' || record === null) return '';
  const values = record as Readonly<Record<string, unknown>>;
  const parts: string[] = [];
  for (const [name, kind] of fields) {
    const value = values[name];
    if (value !== undefined) parts.push(`${name}:${escapeSeparators(scalarText(kind, value))}`);
  }
  return parts.join(';');
}

/** A fact value as link text (before percent-encoding). An empty list is written as an empty value. */
export function writeFactValue(kind: FactKind, value: unknown): string {
  switch (kind.form) {
    case 'scalar':
      return scalarText(kind.scalar, value);
    case 'list':
      return Array.isArray(value) ? value.map((item) => escapeSeparators(scalarText(kind.scalar, item))).join(',') : '';
    case 'records':
      return Array.isArray(value) ? value.map((record) => recordText(kind.fields, record)).join(',') : '';
    case 'json':
      return JSON.stringify(value) ?? '';
  }
}

// ---- reading ----------------------------------------------------------------------------------------------

/** A plain decimal, optionally with an exponent (what `String(number)` writes). No hex, no `Infinity`, no blanks. */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function readScalar(kind: ScalarKind, text: string): unknown {
  if (kind === 'number') return text.length <= 64 && DECIMAL.test(text) ? Number(text) : text;
  if (kind === 'boolean') {
    // A switch, not a lookup table: `constructor` or `__proto__` must not find anything.
    switch (text) {
      case '1':
      case 'true':
        return true;
      case '0':
      case 'false':
        return false;
      default:
        return text;
    }
  }
  return text;
}

/** Parts of `text` between unescaped `separator`s; escapes are kept for the next level to split on. */
function splitUnescaped(text: string, separator: ',' | ';' | ':', limit = Infinity): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length && parts.length < limit - 1; i += 1) {
    const ch = text.charAt(i);
    if (ch === '\\') i += 1;
    else if (ch === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unescapeSeparators(text: string): string {
  return text.replace(/\\([\s\S])/g, '$1');
}

/** One record; fields the schema does not have are left out and their names added to `ignored`. */
function readRecord(fields: ReadonlyMap<string, ScalarKind>, text: string, ignored: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  if (text === '') return record;
  for (const part of splitUnescaped(text, ';')) {
    const [rawName = '', rawValue = ''] = splitUnescaped(part, ':', 2);
    const name = unescapeSeparators(rawName);
    const kind = FORBIDDEN_KEYS.has(name) ? undefined : fields.get(name);
    if (kind === undefined) ignored.push(name);
    else if (!Object.hasOwn(record, name)) record[name] = readScalar(kind, unescapeSeparators(rawValue));
  }
  return record;
}

/** Deepest JSON nesting copied from a link; deeper values are cut (and then rejected by the schema). */
const MAX_JSON_DEPTH = 32;

/** A parsed JSON value copied into fresh plain objects and arrays, without prototype-reaching keys. */
function copyJson(value: unknown, depth: number): unknown {
  if (depth > MAX_JSON_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => copyJson(item, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!FORBIDDEN_KEYS.has(key)) copy[key] = copyJson(item, depth + 1);
  }
  return copy;
}

/**
 * A fact value read from link text. Text that does not convert is returned as is, for the schema to reject;
 * record fields the schema does not have are dropped and their names added to `ignored`.
 */
export function readFactValue(kind: FactKind, text: string, ignored: string[] = []): unknown {
  switch (kind.form) {
    case 'scalar':
      return readScalar(kind.scalar, text);
    case 'list':
      if (text === '') return [];
      return splitUnescaped(text, ',').map((item) => readScalar(kind.scalar, unescapeSeparators(item)));
    case 'records':
      if (text === '') return [];
      return splitUnescaped(text, ',').map((item) => readRecord(kind.fields, item, ignored));
    case 'json':
      try {
        return copyJson(JSON.parse(text), 0);
      } catch {
        return text;
      }
  }
}
