/**
 * `npm run lighthouse`: Lighthouse (mobile emulation, simulated slow 4G and 4× CPU slowdown, Debian's Chromium) on
 * the production build served by `vite preview` on 127.0.0.1. Runs several times and keeps the median run; prints
 * the category scores and LCP, TBT and CLS, fails (exit 1) when a target is missed, and writes the summary into
 * docs/performance.md (between the `lighthouse:<language>` markers).
 *
 * Targets: performance, accessibility, best practices and SEO 100; LCP ≤ 1.2 s; TBT ≤ 50 ms; CLS 0.
 *
 * Options: --lang zh-CN|en (the browser's language; default zh-CN, the language the page is prerendered in),
 * --runs <n> (default 3), --dist <dir> (serve that build instead of building afresh), --no-write (do not touch docs).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAndServe, CHROMIUM_FLAGS, chromiumPath, option, ROOT } from './preview';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

const TARGETS = { score: 100, lcpMs: 1200, tbtMs: 50, cls: 0 } as const;

interface Audit {
  readonly title: string;
  readonly score: number | null;
  readonly scoreDisplayMode: string;
  readonly numericValue?: number;
  readonly displayValue?: string;
}
interface Report {
  readonly lighthouseVersion: string;
  readonly fetchTime: string;
  readonly environment: { readonly hostUserAgent: string; readonly benchmarkIndex: number };
  readonly categories: Record<Category, { readonly score: number | null; readonly auditRefs: { id: string; weight: number }[] }>;
  readonly audits: Record<string, Audit>;
}

interface Run {
  readonly scores: Record<Category, number>;
  readonly fcpMs: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
  readonly siMs: number;
  /** Audits that cost points in a category (weight > 0, score < 1). */
  readonly lost: string[];
  readonly report: Report;
}

function summarise(report: Report): Run {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((report.categories[c].score ?? 0) * 100)]),
  ) as Record<Category, number>;
  const metric = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  const lost = CATEGORIES.flatMap((c) =>
    report.categories[c].auditRefs
      .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${c}: ${ref.id} (${report.audits[ref.id]?.displayValue ?? report.audits[ref.id]?.score})`),
  );
  return {
    scores,
    fcpMs: metric('first-contentful-paint'),
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    siMs: metric('speed-index'),
    lost,
    report,
  };
}

function lighthouse(url: string, language: string, outPath: string): Report {
  const cli = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const run = spawnSync(
    process.execPath,
    [
      cli,
      url,
      '--output=json',
      `--output-path=${outPath}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      '--form-factor=mobile',
      '--throttling-method=simulate',
      // Headless Chromium takes its languages (navigator.languages, Accept-Language) from --accept-lang, not --lang.
      `--chrome-flags=${[...CHROMIUM_FLAGS, `--lang=${language}`, `--accept-lang=${language}`].join(' ')}`,
      '--quiet',
    ],
    { cwd: ROOT, env: { ...process.env, CHROME_PATH: chromiumPath() }, encoding: 'utf8', timeout: 180_000 },
  );
  if (run.status !== 0) throw new Error(`lighthouse failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(readFileSync(outPath, 'utf8')) as Report;
}

const ms = (value: number) => `${Math.round(value)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;

/** The problems of a run against the targets (empty when every target is met). */
function misses(run: Run): string[] {
  const problems = CATEGORIES.filter((c) => run.scores[c] < TARGETS.score).map((c) => `${c} ${run.scores[c]} < ${TARGETS.score}`);
  if (!(run.lcpMs <= TARGETS.lcpMs)) problems.push(`LCP ${ms(run.lcpMs)} > ${ms(TARGETS.lcpMs)}`);
  if (!(run.tbtMs <= TARGETS.tbtMs)) problems.push(`TBT ${ms(run.tbtMs)} > ${ms(TARGETS.tbtMs)}`);
  // Lighthouse shows CLS with three decimals; "0" is what it shows.
  if (!(run.cls < 0.0005)) problems.push(`CLS ${run.cls.toFixed(4)} > ${TARGETS.cls}`);
  return problems;
}

/** The middle value of `values` (the lower middle for an even count). */
function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** A row of each column's own median over the runs, so that a metric's spread is not hidden by the median run. */
function rowOfMedians(runs: readonly Run[]): string {
  const of = (pick: (r: Run) => number) => middle(runs.map(pick));
  return `| each column's median | ${CATEGORIES.map((c) => of((r) => r.scores[c])).join(' | ')} | ${seconds(of((r) => r.fcpMs))} | ${seconds(
    of((r) => r.lcpMs),
  )} | ${ms(of((r) => r.tbtMs))} | ${of((r) => r.cls).toFixed(3)} | ${seconds(of((r) => r.siMs))} |`;
}

function markdown(language: string, runs: Run[], median: Run, load: number): string {
  const { report } = median;
  const row = (r: Run, label: string) =>
    `| ${label} | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} | ${seconds(r.fcpMs)} | ${seconds(r.lcpMs)} | ${ms(r.tbtMs)} | ${r.cls.toFixed(3)} | ${seconds(r.siMs)} |`;
  return [
    `Lighthouse ${report.lighthouseVersion}, mobile emulation (simulated slow 4G, 4× CPU slowdown), browser language`,
    `${language}, ${runs.length} runs on ${report.fetchTime.slice(0, 10)}; Chromium \`${report.environment.hostUserAgent.replace(/.*(Chrome\/[\d.]+).*/, '$1')}\`,`,
    `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, load average ${load.toFixed(1)} at the start`,
    `(Lighthouse benchmark index ${Math.round(report.environment.benchmarkIndex)}).`,
    '',
    '| run | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | Speed Index |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map((r, i) => row(r, r === median ? `${i + 1} (median)` : String(i + 1))),
    rowOfMedians(runs),
    '',
    median.lost.length === 0 ? 'No audit cost a point in any category.' : `Audits that cost points: ${median.lost.join('; ')}.`,
  ].join('\n');
}

function writeDocs(language: string, block: string): void {
  const path = join(ROOT, 'docs', 'performance.md');
  const start = `<!-- lighthouse:${language}:start -->`;
  const end = `<!-- lighthouse:${language}:end -->`;
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    process.stderr.write(`docs/performance.md has no ${start} … ${end} markers; not written\n`);
    return;
  }
  writeFileSync(path, `${text.slice(0, from + start.length)}\n${block}\n${text.slice(to)}`);
  process.stderr.write(`wrote the summary into docs/performance.md (${language})\n`);
}

async function main(): Promise<number> {
  const language = option('lang') ?? 'zh-CN';
  const count = Math.max(1, Number(option('runs') ?? 3));
  const load = loadavg()[0] ?? 0;
  const served = await buildAndServe(option('dist'));
  const scratch = mkdtempSync(join(tmpdir(), 'mingfen-lighthouse-'));
  const runs: Run[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const run = summarise(lighthouse(served.url, language, join(scratch, `run-${i + 1}.json`)));
      runs.push(run);
      process.stderr.write(
        `run ${i + 1}/${count}: ${CATEGORIES.map((c) => `${c} ${run.scores[c]}`).join(', ')}; LCP ${ms(run.lcpMs)}, TBT ${ms(run.tbtMs)}, CLS ${run.cls.toFixed(4)}\n`,
      );
    }
  } finally {
    await served.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  // The median run by performance score, then by LCP.
  const ordered = [...runs].sort((a, b) => a.scores.performance - b.scores.performance || b.lcpMs - a.lcpMs);
  const median = ordered[Math.floor((ordered.length - 1) / 2)]!;
  const block = markdown(language, runs, median, load);
  process.stdout.write(`${block}\n`);
  if (!process.argv.includes('--no-write')) writeDocs(language, block);
  const problems = misses(median);
  if (problems.length > 0) {
    process.stderr.write(`targets missed: ${problems.join('; ')}\n`);
    return 1;
  }
  process.stderr.write('every target met\n');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
