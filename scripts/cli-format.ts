/**
 * Formatting for the `score` command: input text → validated documents → result traces → JSON, and validation
 * issues → one message line each. The engine does all the scoring; this module only parses, calls
 * `parseDocument`/`scoreDocument` and formats. Texts are rendered from the English locale files; a key without a
 * translation is shown as the key itself.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { formatPoints } from '../src/features/result/format';
import type { DocumentIssue, FactsDocument } from '../src/engine/document';
import { parseDocument, scoreDocument } from '../src/engine/document';
import { supportedCities } from '../src/engine/registry';
import type { Citation, Confidence, IsoDate, Line, Message, ScoreResult } from '../src/engine/core/types';

/** Renders a message key (with an optional `ns:` prefix; default namespace `rules`) to English text. */
export type Translate = (key: string, params?: Message['params']) => string;

/** Locale resources by namespace, as read from `src/i18n/locales/en/*.json`. */
export type LocaleResources = Record<string, Record<string, unknown>>;

/** The shared `rules` namespace and one namespace per supported city. */
const LOCALE_NAMESPACES = ['rules', ...supportedCities];

/**
 * Read the English locale files at run time. A missing file gives an empty namespace (every key then falls back
 * to itself); an unreadable or invalid file is reported through `warn` and treated the same way.
 */
export function loadEnglishLocales(
  dir: string = fileURLToPath(new URL('../src/i18n/locales/en/', import.meta.url)),
  warn: (message: string) => void = () => {},
): LocaleResources {
  const resources: LocaleResources = {};
  for (const ns of LOCALE_NAMESPACES) {
    const file = `${dir.replace(/\/?$/, '/')}${ns}.json`;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`Cannot read ${file}; showing message keys.`);
      resources[ns] = {};
      continue;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      resources[ns] = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      warn(`${file} is not valid JSON; showing message keys.`);
      resources[ns] = {};
    }
  }
  return resources;
}

/** An English translator over `resources` that returns the key itself when there is no translation. */
export function createTranslator(resources: LocaleResources): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    lng: 'en',
    fallbackLng: false,
    resources: { en: resources },
    ns: Object.keys(resources),
    defaultNS: 'rules',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  // Keys are built at run time, so the typed `t` signature is bypassed on purpose.
  const t = instance.t as unknown as (key: string, options?: Record<string, unknown>) => unknown;
  return (key, params) => {
    const options = params ? { ...params } : {};
    if (!instance.exists(key, options)) return key;
    const text = t(key, options);
    return typeof text === 'string' ? text : key;
  };
}

/** A line's citation as printed. */
export interface CliCitation {
  readonly instrument: string;
  readonly article: string;
  readonly url: string;
  readonly confidence: Confidence;
}

export interface CliLine {
  readonly id: string;
  readonly category: Line['category'];
  readonly points: number;
  /** The points as the app shows them (Tianjin: always 2 decimals, e.g. "42.90"). */
  readonly pointsText: string;
  readonly cap: number | null;
  readonly counted: boolean;
  /** `notCountedReason` key, or null when the line counts. */
  readonly reason: string | null;
  readonly reasonText: string | null;
  /** How the points were reached, in plain English. */
  readonly explanation: string;
  /** Caveat key where the rule is uncertain, or null. */
  readonly caveat: string | null;
  readonly caveatText: string | null;
  readonly citation: CliCitation;
}

export interface CliGate {
  readonly id: string;
  readonly status: 'pass' | 'fail' | 'unknown';
  /** The condition, in plain English. */
  readonly condition: string;
  /** Key of why it passed, failed or is unknown. */
  readonly reason: string;
  readonly reasonText: string;
  readonly citation: CliCitation;
}

/** What the CLI prints for one document. */
export interface CliResult {
  readonly city: ScoreResult['city'];
  readonly asOf: IsoDate;
  readonly status: ScoreResult['status'];
  readonly pack: {
    readonly id: string;
    readonly instrument: string;
    readonly validFrom: IsoDate;
    readonly validTo: IsoDate;
    readonly validToAssumed: boolean;
    readonly asOfInValidity: boolean;
  } | null;
  readonly total: number | null;
  /** The total as the app shows it (Tianjin: 2 decimals). */
  readonly totalText: string | null;
  readonly threshold: number | null;
  readonly verdict: ScoreResult['verdict'];
  readonly eligible: ScoreResult['eligible'];
  readonly vetoed: boolean;
  readonly vetoReasons: readonly { readonly id: string; readonly text: string; readonly citation: CliCitation }[];
  readonly gates: readonly CliGate[];
  /** The result's points lines followed by its deduction lines. */
  readonly lines: readonly CliLine[];
  /** Facts that were not given but change the result. */
  readonly missing: readonly string[];
  /** Notice keys. */
  readonly notices: readonly string[];
  /** The notices in plain English, in the same order. */
  readonly noticeTexts: readonly string[];
  /** Every score the city computes (Shanghai has one; Guangzhou has services, school, hukou and a ranking key). */
  readonly scores: readonly CliScore[];
}

export interface CliScore {
  readonly id: string;
  readonly label: string;
  readonly total: number | null;
  readonly threshold: number | null;
  readonly verdict: string;
  readonly eligible: string | null;
  readonly gateIds: readonly string[] | null;
  readonly lineIds: readonly string[];
  readonly comparisons: readonly { readonly id: string; readonly label: string; readonly value: number; readonly citation: CliCitation }[];
}

function citation(c: Citation): CliCitation {
  return { instrument: c.instrument, article: c.article, url: c.url, confidence: c.confidence };
}

function render(t: Translate, message: Message): string {
  return t(message.key, message.params);
}

function formatLine(t: Translate, line: Line, decimals: number | undefined): CliLine {
  return {
    id: line.id,
    category: line.category,
    points: line.points,
    pointsText: formatPoints(line.points, decimals),
    cap: line.cap ?? null,
    counted: line.counted,
    reason: line.notCountedReason?.key ?? null,
    reasonText: line.notCountedReason ? render(t, line.notCountedReason) : null,
    explanation: render(t, line.message),
    caveat: line.caveat ?? null,
    caveatText: line.caveat ? t(line.caveat) : null,
    citation: citation(line.citation),
  };
}

/** The CLI's view of a result trace (nothing is recomputed; texts are rendered with `t`). */
export function formatResult(result: ScoreResult, t: Translate): CliResult {
  return {
    city: result.city,
    asOf: result.asOf,
    status: result.status,
    pack: result.pack
      ? {
          id: result.pack.id,
          instrument: result.pack.instrument,
          validFrom: result.pack.validFrom,
          validTo: result.pack.validTo,
          validToAssumed: result.pack.validToAssumed,
          asOfInValidity: result.pack.asOfInValidity,
        }
      : null,
    total: result.total,
    totalText: result.total === null ? null : formatPoints(result.total, result.fixedDecimals),
    threshold: result.threshold,
    verdict: result.verdict,
    eligible: result.eligible,
    vetoed: result.veto.vetoed,
    vetoReasons: result.veto.reasons.map((r) => ({ id: r.id, text: render(t, r.message), citation: citation(r.citation) })),
    gates: result.gates.map((g) => ({
      id: g.id,
      status: g.status,
      condition: render(t, g.message),
      reason: g.reason.key,
      reasonText: render(t, g.reason),
      citation: citation(g.citation),
    })),
    lines: [...result.lines, ...result.deductions].map((line) => formatLine(t, line, result.fixedDecimals)),
    missing: [...result.missing],
    notices: result.notices.map((n) => n.message.key),
    noticeTexts: result.notices.map((n) => render(t, n.message)),
    scores: result.scores.map((score) => ({
      id: score.id,
      label: render(t, score.label),
      total: score.total,
      threshold: score.threshold,
      verdict: score.verdict,
      eligible: score.eligible ?? null,
      gateIds: score.gateIds ? [...score.gateIds] : null,
      lineIds: [...score.lineIds],
      comparisons: (score.comparisons ?? []).map((c) => ({
        id: c.id,
        label: render(t, c.label),
        value: c.value,
        citation: citation(c.citation),
      })),
    })),
  };
}

/** English texts for problems the CLI finds itself (they have no `errors.*` key in the engine). */
export const cliText = {
  usage: [
    'Usage: npm run --silent score -- FILE',
    '',
    'Scores a facts document and prints the result trace as JSON.',
    'FILE holds { "city": "shanghai", "asOf": "YYYY-MM-DD", "facts": { … } } or an array of such documents;',
    '"-" reads standard input. asOf defaults to today. See docs/facts.md.',
  ].join('\n'),
  notDocument: 'must be a JSON object with "city" and "facts"',
  notObjectOrArray: 'The input must be a JSON object (one document) or an array of documents.',
} as const;

/** One message line per issue: `[index] path: text` (the index only for documents inside an array). */
export function formatIssues(issues: readonly DocumentIssue[], t: Translate, index?: number): string[] {
  const prefix = index === undefined ? '' : `[${index}] `;
  return issues.map((issue) => {
    const where = issue.path === '' ? '(document)' : issue.path;
    // `errors.*` keys live in the `rules` namespace (the default one).
    const text = issue.message.startsWith('errors.') ? t(issue.message) : issue.message;
    return `${prefix}${where}: ${text}`;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A document that is not an object at all is described as such; any message that is not an `errors.*` key
 * (zod's own wording) is reported as `errors.invalid`. Unknown fields are already named by `parseDocument`.
 */
export function refineIssues(input: unknown, issues: readonly DocumentIssue[]): DocumentIssue[] {
  if (!isPlainObject(input)) return [{ path: '', message: cliText.notDocument }];
  return issues.map((issue) => (issue.message.startsWith('errors.') ? issue : { ...issue, message: 'errors.invalid' }));
}

/** What the command writes and its exit code. */
export interface CliOutcome {
  readonly code: 0 | 1;
  /** JSON text (with a final newline) on success; empty on failure. */
  readonly stdout: string;
  /** Message lines for stderr. */
  readonly stderr: readonly string[];
}

/**
 * The documents in the JSON text of a document or an array of documents, validated, or a failed outcome listing
 * every problem of every document (naming the field); `many` says whether the text held an array.
 */
export function readDocuments(
  text: string,
  t: Translate,
  today: IsoDate,
  source = 'input',
): { readonly ok: true; readonly documents: FactsDocument[]; readonly many: boolean } | { readonly ok: false; readonly outcome: CliOutcome } {
  const failed = (stderr: readonly string[]) => ({ ok: false as const, outcome: { code: 1 as const, stdout: '', stderr } });
  let input: unknown;
  try {
    // A byte-order mark (common in files saved on Windows) is not JSON; drop it.
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return failed([`${source}: invalid JSON: ${(error as Error).message}`]);
  }
  const many = Array.isArray(input);
  if (!many && !isPlainObject(input)) return failed([cliText.notObjectOrArray]);
  const items: unknown[] = Array.isArray(input) ? input : [input];
  const documents: FactsDocument[] = [];
  const problems: string[] = [];
  items.forEach((item, i) => {
    const parsed = parseDocument(item, today);
    if (parsed.ok) documents.push(parsed.document);
    else problems.push(...formatIssues(refineIssues(item, parsed.issues), t, many ? i : undefined));
  });
  return problems.length > 0 ? failed(problems) : { ok: true, documents, many };
}

/**
 * Score the JSON text of a document or an array of documents. Any problem in any document fails the whole run:
 * every problem is listed and nothing is printed on stdout.
 */
export function scoreText(text: string, t: Translate, today: IsoDate, source = 'input'): CliOutcome {
  const read = readDocuments(text, t, today, source);
  if (!read.ok) return read.outcome;
  const results = read.documents.map((document) => formatResult(scoreDocument(document), t));
  return { code: 0, stdout: `${JSON.stringify(read.many ? results : results[0], null, 2)}\n`, stderr: [] };
}
