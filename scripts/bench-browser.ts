/**
 * `npm run bench:browser` (also the second half of `npm run bench`): the time from a keystroke to the next frame
 * with the recomputed result, in the production build, in Debian's Chromium (playwright-core). For each city the
 * richest fixture persona is opened through a share link (so the whole form is filled), then digits are typed into
 * and deleted from a months field; for every keystroke the page records `keydown.timeStamp` and the time of the
 * first animation frame after React has changed the result (a MutationObserver on the result section, then
 * requestAnimationFrame). Reports the median and p95, without and with a 4× CPU slowdown (a mid-range phone).
 * This is a benchmark, not a test: nothing fails on slow machines. Target: median ≤ 8 ms.
 *
 * Options: --keys <n> keystrokes per city and setting (default 60), --dist <dir> (serve that build), --json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { parseDocument } from '../src/engine/document';
import { supportedCities, type SupportedCity } from '../src/engine/registry';
import { loadCity } from '../src/features/cities';
import { encodeShareLink } from '../src/share/links';
import { buildAndServe, CHROMIUM_FLAGS, chromiumPath, option, ROOT } from './preview';

/**
 * The months field typed into, per city: shown for every persona, with no cross-field limit that 1 or 12 months
 * would break, and named in its line's explanation (so every keystroke changes the result).
 */
const MONTHS_FIELD: Record<SupportedCity, string> = {
  shanghai: 'facts.sanitationMonths',
  guangzhou: 'facts.residencePermitMonths',
  tianjin: 'facts.siPensionMonths',
};

interface Persona {
  name: string;
  asOf: string;
  facts: Record<string, unknown>;
}

/** The fixture persona of `city` with the most facts that its form accepts as they are, as a share link to `base`. */
async function richestPersonaLink(city: SupportedCity, base: string): Promise<{ name: string; link: string }> {
  const ui = await loadCity(city);
  const dir = join(ROOT, 'src', 'engine', 'cities', city, 'fixtures');
  const documents = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Persona[])
    .flatMap((persona) => {
      const parsed = parseDocument({ city, asOf: persona.asOf, facts: persona.facts });
      if (!parsed.ok) return [];
      const { document } = parsed;
      return ui.issuesOf({ asOf: document.asOf, facts: ui.formFactsOf(document.facts) }).length === 0 ? [{ persona, document }] : [];
    });
  const richest = documents.reduce((best, d) => (Object.keys(d.document.facts).length > Object.keys(best.document.facts).length ? d : best));
  return { name: richest.persona.name, link: encodeShareLink(richest.document, base) };
}

/**
 * In the page, per keystroke: from `keydown.timeStamp` to the moment React has changed the result in the DOM (the
 * MutationObserver's callback, right after the commit) and to the first animation frame after it (when the browser
 * can paint it; frames come every 16.7 ms, so this adds the wait for the next one).
 */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __commits: number[]; __frames: number[]; __pending: number | null };
    w.__commits = [];
    w.__frames = [];
    w.__pending = null;
    document.addEventListener(
      'keydown',
      (event) => {
        w.__pending = event.timeStamp;
      },
      { capture: true },
    );
    const result = document.getElementById('result')!;
    new MutationObserver(() => {
      const started = w.__pending;
      if (started === null) return;
      w.__pending = null;
      w.__commits.push(performance.now() - started);
      requestAnimationFrame(() => w.__frames.push(performance.now() - started));
    }).observe(result, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at]!;
}

/**
 * Set the months field to 1, then alternately type "2" (12 months) and delete it (1 month), one keystroke at a
 * time, each waited for; the measured times (ms).
 */
async function measureKeystrokes(page: Page, field: string, keys: number): Promise<{ commits: number[]; frames: number[] }> {
  const input = page.locator(`input[name="${field}"]`);
  await input.fill('1');
  await input.press('End');
  await page.waitForTimeout(100);
  await installProbe(page);
  for (let i = 0; i < keys; i += 1) {
    const before = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.length);
    await page.keyboard.press(i % 2 === 0 ? '2' : 'Backspace');
    await page
      .waitForFunction((count) => (window as unknown as { __frames: number[] }).__frames.length > count, before, { timeout: 5_000 })
      .catch(() => {
        throw new Error(`keystroke ${i + 1} in ${field} changed nothing in the result within 5 s`);
      });
  }
  return page.evaluate(() => {
    const w = window as unknown as { __commits: number[]; __frames: number[] };
    return { commits: w.__commits.slice(), frames: w.__frames.slice() };
  });
}

interface Row {
  city: SupportedCity;
  persona: string;
  cpuSlowdown: number;
  keys: number;
  /** Keystroke → result changed in the DOM. */
  commit: { medianMs: number; p95Ms: number };
  /** Keystroke → next animation frame after that. */
  frame: { medianMs: number; p95Ms: number };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
};

async function main(): Promise<void> {
  const keys = Math.max(8, Number(option('keys') ?? 60));
  const served = await buildAndServe(option('dist'));
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
  const rows: Row[] = [];
  try {
    for (const city of supportedCities) {
      const { name, link } = await richestPersonaLink(city, served.url);
      for (const cpuSlowdown of [1, 4]) {
        const context = await browser.newContext({
          locale: 'zh-CN',
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 3,
          isMobile: true,
          hasTouch: true,
          serviceWorkers: 'block',
        });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await page.goto(link);
        await page.getByTestId('total').waitFor().catch(async (error: unknown) => {
          throw new Error(`${city}: no result at ${link}: ${(await page.locator('main').innerText()).slice(0, 300)}`, { cause: error });
        });
        await page.locator(`input[name="${MONTHS_FIELD[city]}"]`).waitFor();
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
        // A few keystrokes first, so that code paths are compiled as they are during real typing.
        await measureKeystrokes(page, MONTHS_FIELD[city], 8);
        const { commits, frames } = await measureKeystrokes(page, MONTHS_FIELD[city], keys);
        rows.push({ city, persona: name, cpuSlowdown, keys: frames.length, commit: stats(commits), frame: stats(frames) });
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `Chromium ${browser.version()}, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${keys} keystrokes per row\n`,
  );
  process.stdout.write('                  keystroke → DOM updated   keystroke → next frame\n');
  process.stdout.write('city        CPU     median      p95        median      p95   persona\n');
  const cell = (v: number) => `${v.toFixed(1).padStart(6)} ms`;
  for (const r of rows) {
    process.stdout.write(
      `${r.city.padEnd(11)} ${`${r.cpuSlowdown}×`.padEnd(4)} ${cell(r.commit.medianMs)} ${cell(r.commit.p95Ms)}    ${cell(r.frame.medianMs)} ${cell(r.frame.p95Ms)}   ${r.persona}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
