/**
 * `npm run --silent link -- FILE [--base URL]`: print the share link of a facts document (or one link per line
 * for an array of documents), so a consultant can send each client a link that opens the calculator with the
 * client's answers. FILE is the same input as `score`; `-` reads standard input. Problems go to stderr with exit
 * code 1 and nothing on stdout. Format of the links: docs/share-links.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayIso } from '../src/engine/core/dates';
import type { IsoDate } from '../src/engine/core/types';
import { encodeShareLink } from '../src/share/links';
import {
  createTranslator,
  loadEnglishLocales,
  readDocuments,
  type CliOutcome,
  type Translate,
} from './cli-format';

/** The base URL used without `--base`: a reserved example domain, to be replaced by the app's address. */
export const PLACEHOLDER_BASE = 'https://mingfen.example/';

export const linkText = {
  usage: [
    'Usage: npm run --silent link -- FILE [--base URL]',
    '',
    'Prints the share link of a facts document, one link per line for an array of documents.',
    'FILE holds { "city": "shanghai", "asOf": "YYYY-MM-DD", "facts": { … } } or an array of such documents;',
    '"-" reads standard input. asOf defaults to today.',
    `--base URL is the address the calculator is served at (default ${PLACEHOLDER_BASE}, a placeholder).`,
    'See docs/share-links.md.',
  ].join('\n'),
  badBase: '--base must be an absolute http:// or https:// URL without a "#" part, e.g. https://example.org/mingfen/',
  placeholderNote: `note: these links use the placeholder ${PLACEHOLDER_BASE}; pass --base with the app's address.`,
} as const;

/** The command line, read: the input file (`-` for stdin) and the base URL, or null when the usage is wrong. */
export interface LinkArgs {
  readonly file: string;
  readonly base: string | null;
}

/** Reads `FILE [--base URL]` in any order (`--base=URL` too); null on anything else. */
export function parseLinkArgs(args: readonly string[]): LinkArgs | null {
  let file: string | null = null;
  let base: string | null = null;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--base' && base === null && i + 1 < args.length) {
      i += 1;
      base = args[i] ?? '';
    } else if (arg.startsWith('--base=') && base === null) {
      base = arg.slice('--base='.length);
    } else if ((arg === '-' || !arg.startsWith('-')) && arg !== '' && file === null) {
      file = arg;
    } else {
      return null;
    }
  }
  return file === null ? null : { file, base };
}

/** Whether `base` can start a share link: an absolute http(s) URL with no fragment. */
export function isUsableBase(base: string): boolean {
  if (base.includes('#')) return false;
  try {
    const url = new URL(base);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The share links of the JSON text of a document or an array of documents, one per line. Any problem in any
 * document fails the whole run: every problem is listed, naming the field, and nothing is printed on stdout.
 */
export function linksFromText(text: string, base: string, t: Translate, today: IsoDate, source = 'input'): CliOutcome {
  const read = readDocuments(text, t, today, source);
  if (!read.ok) return read.outcome;
  return { code: 0, stdout: read.documents.map((document) => `${encodeShareLink(document, base)}\n`).join(''), stderr: [] };
}

function main(argv: readonly string[]): void {
  const fail = (lines: readonly string[]): never => {
    process.stderr.write(`${lines.join('\n')}\n`);
    process.exit(1);
  };
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    process.stdout.write(`${linkText.usage}\n`);
    process.exit(0);
  }
  const args = parseLinkArgs(argv);
  if (args === null) return fail([linkText.usage]);
  const base = args.base ?? PLACEHOLDER_BASE;
  if (!isUsableBase(base)) return fail([linkText.badBase]);
  const source = args.file === '-' ? 'standard input' : args.file;
  let text: string;
  try {
    text = readFileSync(args.file === '-' ? 0 : args.file, 'utf8');
  } catch (error) {
    return fail([`Cannot read ${source}: ${(error as Error).message}`]);
  }
  const t = createTranslator(loadEnglishLocales(undefined, (message) => process.stderr.write(`warning: ${message}\n`)));
  const outcome = linksFromText(text, base, t, todayIso(), source);
  if (outcome.code !== 0) return fail(outcome.stderr);
  if (args.base === null) process.stderr.write(`${linkText.placeholderNote}\n`);
  process.stdout.write(outcome.stdout);
}

// Run only when started as a script, so tests can import the functions above.
const startedAs = process.argv[1];
if (startedAs !== undefined && resolve(startedAs) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
