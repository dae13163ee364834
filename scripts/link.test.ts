import { describe, expect, it } from 'vitest';
import { decodeShareLink } from '../src/share/links';
import { runScript, scratchFiles } from './cliTesting';
import { createTranslator } from './cli-format';
import { isUsableBase, linksFromText, parseLinkArgs, PLACEHOLDER_BASE } from './link';

const scratch = scratchFiles('link');
const file = scratch.write;
/** Run the command the way `npm run link` does. */
const link = (args: string[], input?: string) => runScript('link', args, input);

const client = {
  city: 'shanghai',
  asOf: '2025-06-01',
  facts: {
    birthDate: '1990-03-15',
    residencePermit: true,
    education: 'bachelorDegree',
    siMonthsTotal: 50,
    awards: ['municipalSpecial', 'provincialOrHigher'],
  },
};
const clientLink =
  'https://example.org/mingfen/#s=1&c=shanghai&v=1&d=2025-06-01&p=shanghai-2023&birthDate=1990-03-15' +
  '&residencePermit=1&education=bachelorDegree&siMonthsTotal=50&awards=municipalSpecial,provincialOrHigher';
const second = { city: 'shanghai', asOf: '2016-06-30', facts: { birthDate: '1988-03-01', siMonthsTotal: 2 } };

const t = createTranslator({ rules: { errors: { date: 'Enter a real date.' } } });

describe('parseLinkArgs', () => {
  it.each([
    [['a.json'], { file: 'a.json', base: null }],
    [['-'], { file: '-', base: null }],
    [['a.json', '--base', 'https://x.org/'], { file: 'a.json', base: 'https://x.org/' }],
    [['--base', 'https://x.org/', 'a.json'], { file: 'a.json', base: 'https://x.org/' }],
    [['a.json', '--base=https://x.org/'], { file: 'a.json', base: 'https://x.org/' }],
  ])('%j', (args, expected) => {
    expect(parseLinkArgs(args)).toEqual(expected);
  });

  it.each([[[]], [['a.json', 'b.json']], [['a.json', '--base']], [['--base', 'x', '--base', 'y', 'a.json']], [['--bogus', 'a.json']], [['']]])(
    'refuses %j',
    (args) => {
      expect(parseLinkArgs(args)).toBeNull();
    },
  );
});

describe('isUsableBase', () => {
  it.each(['https://example.org/mingfen/', 'http://localhost:5173/', 'https://example.org/?from=cli', PLACEHOLDER_BASE])(
    'accepts %s',
    (base) => {
      expect(isUsableBase(base)).toBe(true);
    },
  );
  it.each(['example.org', '/mingfen/', 'ftp://example.org/', 'javascript:alert(1)', 'https://example.org/#x', ''])(
    'refuses %s',
    (base) => {
      expect(isUsableBase(base)).toBe(false);
    },
  );
});

describe('linksFromText', () => {
  it('prints the link of one document', () => {
    expect(linksFromText(JSON.stringify(client), 'https://example.org/mingfen/', t, '2026-01-15')).toEqual({
      code: 0,
      stdout: `${clientLink}\n`,
      stderr: [],
    });
  });

  it('prints one link per document, in order, for an array', () => {
    const outcome = linksFromText(JSON.stringify([client, second]), 'https://example.org/mingfen/', t, '2026-01-15');
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(clientLink);
    expect(lines[1]).toBe('https://example.org/mingfen/#s=1&c=shanghai&v=1&d=2016-06-30&p=shanghai-2015&birthDate=1988-03-01&siMonthsTotal=2');
    expect(lines[2]).toBe('');
  });

  it('freezes a missing as-of date at today', () => {
    const outcome = linksFromText(JSON.stringify({ city: 'shanghai', facts: {} }), 'https://x.org/', t, '2026-01-15');
    expect(outcome.stdout).toBe('https://x.org/#s=1&c=shanghai&v=1&d=2026-01-15&p=shanghai-2023\n');
  });

  it('reads a file with a byte-order mark', () => {
    expect(linksFromText(`\uFEFF${JSON.stringify(client)}`, 'https://example.org/mingfen/', t, '2026-01-15').stdout).toBe(
      `${clientLink}\n`,
    );
  });

  it('names every bad field of every document and prints no link at all', () => {
    const bad = { city: 'shanghai', asOf: '2025-06-01', facts: { birthDate: '1990-02-30', colour: 'red' } };
    expect(linksFromText(JSON.stringify([client, bad]), 'https://x.org/', t, '2026-01-15')).toEqual({
      code: 1,
      stdout: '',
      stderr: ['[1] facts.birthDate: Enter a real date.', '[1] facts.colour: errors.unknownKey'],
    });
  });

  it.each([
    ['invalid JSON', '{', /^input: invalid JSON/],
    ['a number', '42', /JSON object/],
    ['an unknown city', JSON.stringify({ city: 'beijing', facts: {} }), /^city: /],
    ['an array item that is not an object', JSON.stringify([client, 3]), /^\[1\] \(document\): must be a JSON object/],
  ])('%s fails', (_, text, message) => {
    const outcome = linksFromText(text, 'https://x.org/', t, '2026-01-15');
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr[0]).toMatch(message);
  });
});

describe('npm run link', () => {
  it('prints the link of a file, and the link opens the same document', () => {
    const run = link([file(client), '--base', 'https://example.org/mingfen/']);
    expect(run).toEqual({ code: 0, stdout: `${clientLink}\n`, stderr: '' });
    const back = decodeShareLink(run.stdout.trim());
    expect(back.ok && back.document).toEqual({ ...client, version: 1 });
  });

  it('reads standard input and prints one link per line, with a note when the placeholder base is used', () => {
    const run = link(['-'], JSON.stringify([client, second]));
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.startsWith(`${PLACEHOLDER_BASE}#s=1&c=shanghai&`)).toBe(true);
    expect(run.stderr).toMatch(/placeholder/);
  });

  it('bad input: the field on stderr, exit 1, nothing on stdout', () => {
    const run = link([file({ city: 'shanghai', asOf: '2025-06-01', facts: { birthDate: '2030-01-01' } }), '--base=https://x.org/']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('facts.birthDate: The birth date cannot be after the as-of date.\n');
  });

  it('a bad base, a missing file or wrong arguments: a message, exit 1, nothing on stdout', () => {
    for (const args of [[file(client), '--base', 'example.org'], [scratch.pathOf('missing.json')], [], ['a.json', 'b.json']]) {
      const run = link(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.length).toBeGreaterThan(0);
    }
  });

  it('--help prints the usage', () => {
    const run = link(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run --silent link -- FILE \[--base URL\]/);
  });
});
