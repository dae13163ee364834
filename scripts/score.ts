/**
 * `npm run --silent score -- FILE`: score a facts document (or an array of them) and print the result trace as
 * JSON. FILE `-` reads standard input. Problems go to stderr with exit code 1 and nothing on stdout.
 * Format and examples: docs/facts.md.
 */
import { readFileSync } from 'node:fs';
import { todayIso } from '../src/engine/core/dates';
import { cliText, createTranslator, loadEnglishLocales, scoreText } from './cli-format';

function fail(lines: readonly string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
  process.stdout.write(`${cliText.usage}\n`);
  process.exit(0);
}
const file = args[0];
if (args.length !== 1 || file === undefined || file === '') fail([cliText.usage]);

let text: string;
try {
  text = readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (error) {
  fail([`Cannot read ${file === '-' ? 'standard input' : file}: ${(error as Error).message}`]);
}

const t = createTranslator(loadEnglishLocales(undefined, (message) => process.stderr.write(`warning: ${message}\n`)));
const outcome = scoreText(text, t, todayIso(), file === '-' ? 'standard input' : file);
if (outcome.code !== 0) fail(outcome.stderr);
process.stdout.write(outcome.stdout);
