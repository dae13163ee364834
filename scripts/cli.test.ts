import { describe, expect, it } from 'vitest';
import { evaluateShanghai } from '../src/engine/cities/shanghai/evaluate';
import { todayIso } from '../src/engine/core/dates';
import { parseDocument } from '../src/engine/document';
import { runScript, scratchFiles } from './cliTesting';
import { createTranslator, formatIssues, formatResult, refineIssues, scoreText } from './cli-format';

const scratch = scratchFiles('cli');
const file = scratch.write;
/** Run the command the way `npm run score` does. */
const score = (args: string[], input?: string) => runScript('score', args, input);

/**
 * 2026-06-01, pack shanghai-2023. By hand from docs/rules/shanghai.md:
 * age 36 → 30; 中级职称 100 (6+ of 12 months ≥ 1W) beats 本科+学士 90 (pick-one); 50 SI months → 4 full years → 12;
 * 38 of 48 months ≥ 1W (10 ≥ 2W) → 50; married 2020-10-01 → 5 full years → 20; one detention 2023 → −50.
 * Total 30 + 100 + 12 + 50 + 20 − 50 = 162 ≥ 120.
 */
const worker = {
  city: 'shanghai',
  asOf: '2026-06-01',
  facts: {
    birthDate: '1990-05-15',
    residencePermit: true,
    siMonthsLast12: 12,
    siPayingNow: true,
    education: 'bachelorDegree',
    educationVerified: true,
    title: 'intermediateTitle',
    titleMatchesPost: true,
    titleBaseMonthsLast12: 8,
    siMonthsTotal: 50,
    siBase08Months: 40,
    siBase1Months: 38,
    siBase2Months: 10,
    spouseShanghaiHukou: true,
    marriageDate: '2020-10-01',
    detentionDates: ['2023-03-01'],
  },
};

/** Published example E1 under the 2015 pack: age ≤ 43 (30) + 本科 with 学士 (90) = 120; no SI gate before 2018. */
const graduate2016 = {
  city: 'shanghai',
  asOf: '2016-01-01',
  facts: { birthDate: '1985-01-01', residencePermit: true, education: 'bachelorDegree', siMonthsTotal: 0 },
};

interface OutLine {
  id: string;
  points: number;
  counted: boolean;
  reason: string | null;
  cap: number | null;
  citation: { instrument: string; article: string; url: string };
  explanation: string;
}

describe('score CLI', { timeout: 30_000 }, () => {
  it('scores a valid Shanghai document', () => {
    const run = score([file(worker)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      city: 'shanghai',
      asOf: '2026-06-01',
      status: 'scored',
      pack: { id: 'shanghai-2023', validFrom: '2023-01-01', validTo: '2027-12-31', asOfInValidity: true },
      total: 162,
      threshold: 120,
      verdict: 'reached',
      eligible: 'yes',
      vetoed: false,
      missing: [],
      notices: [],
    });
    expect(out.gates.map((g: { id: string; status: string }) => [g.id, g.status])).toEqual([
      ['residencePermit', 'pass'],
      ['siMonthsLast12', 'pass'],
      ['siPayingNow', 'pass'],
    ]);
    const lines = out.lines as OutLine[];
    expect(lines.map((l) => [l.id, l.points, l.counted])).toEqual([
      ['age', 30, true],
      ['education', 90, false],
      ['title', 100, true],
      ['siYears', 12, true],
      ['siBase', 50, true],
      ['spouse', 20, true],
      ['deduction.detention', -50, true],
    ]);
    expect(lines.find((l) => l.id === 'education')?.reason).toBe('shanghai:reason.pickOne');
    expect(lines.find((l) => l.id === 'age')?.cap).toBe(30);
    expect(lines.find((l) => l.id === 'siYears')?.cap).toBeNull();
    for (const line of lines) {
      expect(line.citation.instrument).toContain('沪府规〔2022〕21号');
      expect(line.citation.article).toBeTruthy();
      expect(line.citation.url).toMatch(/^https?:\/\//);
      expect(typeof line.explanation).toBe('string');
    }
    expect(run.stdout).toBe(`${JSON.stringify(out, null, 2)}\n`);
  });

  it('scores an array of two documents into an array', () => {
    const run = score([file([worker, graduate2016])]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Array.isArray(out)).toBe(true);
    expect(out).toHaveLength(2);
    expect(out[0].total).toBe(162);
    expect(out[1]).toMatchObject({ asOf: '2016-01-01', pack: { id: 'shanghai-2015' }, total: 120, verdict: 'reached' });
    expect(out[1].gates.map((g: { id: string }) => g.id)).toEqual(['residencePermit']);
    expect(out[1].lines.map((l: OutLine) => [l.id, l.points, l.counted])).toEqual([
      ['age', 30, true],
      ['education', 90, true],
      ['siYears', 0, true],
    ]);
  });

  it('reads standard input with "-" and defaults asOf to today', () => {
    const { asOf: _asOf, ...undated } = worker;
    const run = score(['-'], JSON.stringify(undated));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).asOf).toBe(todayIso());
  });

  it('rejects a birth date after the as-of date, naming the field, with nothing on stdout', () => {
    const run = score([file({ ...worker, facts: { ...worker.facts, birthDate: '2030-01-01' } })]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^facts\.birthDate: /m);
  });

  it('prefixes problems inside an array with the index and prints nothing when any document fails', () => {
    const bad = { ...worker, facts: { ...worker.facts, siMonthsTotal: -3 } };
    const run = score([file([worker, graduate2016, bad])]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^\[2\] facts\.siMonthsTotal: /m);
  });

  it('rejects invalid JSON', () => {
    const path = file('{"city": "shanghai", ');
    const run = score([path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${path}: invalid JSON`);
  });

  it('rejects an unknown city', () => {
    const run = score([file({ ...worker, city: 'atlantis' })]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^city: /m);
  });

  it('names unknown fields', () => {
    const run = score([file({ ...worker, facts: { ...worker.facts, salary: 1 } })]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^facts\.salary: /m);
  });

  it('rejects input that is neither an object nor an array', () => {
    const run = score([file('42')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('JSON object');
  });

  it('reports a missing file', () => {
    const run = score([scratch.pathOf('does-not-exist.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('does-not-exist.json');
  });

  it('prints usage on stderr without an argument', () => {
    const run = score([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage:');
  });
});

describe('cli-format', () => {
  const t = createTranslator({
    rules: { errors: { futureBirth: 'The birth date cannot be after the as-of date.' }, gate: { yes: 'Yes.' } },
    shanghai: { line: { age: 'Age {{age}}: {{points}} points.' } },
  });

  it('translates with interpolation and falls back to the key', () => {
    expect(t('shanghai:line.age', { age: 36, points: 30 })).toBe('Age 36: 30 points.');
    expect(t('rules:gate.yes')).toBe('Yes.');
    expect(t('shanghai:line.nothing')).toBe('shanghai:line.nothing');
    expect(t('errors.unheard')).toBe('errors.unheard');
  });

  it('formats issues with the path, the translated text and the array index', () => {
    const issues = [{ path: 'facts.birthDate', message: 'errors.futureBirth' }];
    expect(formatIssues(issues, t)).toEqual(['facts.birthDate: The birth date cannot be after the as-of date.']);
    expect(formatIssues([{ path: 'facts.siMonthsTotal', message: 'errors.negative' }], t, 2)).toEqual([
      '[2] facts.siMonthsTotal: errors.negative',
    ]);
  });

  it('names unknown envelope and facts fields', () => {
    const issuesOf = (doc: unknown) => {
      const parsed = parseDocument(doc, '2025-06-01');
      return parsed.ok ? [] : refineIssues(doc, parsed.issues);
    };
    expect(issuesOf({ city: 'shanghai', facts: {}, extra: 1 })).toEqual([{ path: 'extra', message: 'errors.unknownKey' }]);
    expect(issuesOf({ city: 'shanghai', facts: { x: 1 } })).toEqual([{ path: 'facts.x', message: 'errors.unknownKey' }]);
    expect(refineIssues('text', [])).toEqual([{ path: '', message: expect.any(String) }]);
  });

  it('copies the trace without recomputing: lines then deductions, veto as a boolean', () => {
    const result = evaluateShanghai({ birthDate: '1990-01-01', detentionDates: ['2025-01-01'], seriousCrime: true }, '2026-01-01');
    const age = result.lines[0]!;
    // Translate the age line's own message key, whatever it is, with its parameters.
    const [ns, ...path] = age.message.key.split(/[:.]/);
    const nested = path.reduceRight<unknown>((inner, part) => ({ [part]: inner }), 'Age {{age}}: {{points}} points.');
    const out = formatResult(result, createTranslator({ [ns!]: nested as Record<string, unknown> }));
    expect(out.lines.map((l) => l.id)).toEqual([...result.lines, ...result.deductions].map((l) => l.id));
    expect(out.lines.map((l) => [l.points, l.counted])).toEqual(
      [...result.lines, ...result.deductions].map((l) => [l.points, l.counted]),
    );
    expect(out.vetoed).toBe(true);
    expect(out.verdict).toBe('vetoed');
    expect(out.total).toBeNull();
    expect(out.lines[0]?.explanation).toBe('Age 36: 30 points.');
    // No translation for the deduction's key: the key itself is shown.
    expect(out.lines.at(-1)?.explanation).toBe(result.deductions.at(-1)!.message.key);
  });

  it('fails the whole run on any bad document', () => {
    const outcome = scoreText(JSON.stringify([worker, { city: 'shanghai' }]), t, '2026-06-01');
    expect(outcome).toEqual({ code: 1, stdout: '', stderr: ['[1] facts: errors.factsObject'] });
  });
});
