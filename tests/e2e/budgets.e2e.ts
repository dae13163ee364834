/**
 * The fast first load, on the build the browser tests serve: every size budget of .size-limit.ts holds (checked by
 * `size-limit` itself, so an overrun fails `npm test`); a first visit in Chromium fetches nothing beyond the files
 * the "first visit" and "after the first render" budgets count; React takes over the prerendered page in place
 * (same nodes, no layout shift, no console error) in Chinese, and replaces it without a shift in English; what the
 * user types or presses before the app has started is not lost.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { baseURL, useBrowser, type Session } from './browser';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface SizeCheck {
  name: string;
  passed: boolean;
  size: number;
  sizeLimit?: number;
}

/** `size-limit --json` over the served build. */
function runSizeLimit(): SizeCheck[] {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'size-limit', 'bin.js'), '--json'], {
    cwd: ROOT,
    env: { ...process.env, MINGFEN_DIST: inject('distDir') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const json = run.stdout.slice(run.stdout.indexOf('['));
  if (!json.trim()) throw new Error(`size-limit printed no results (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(json) as SizeCheck[];
}

/** The files the budgets count, as paths in the build (`index.html`, `assets/…`). */
async function budgetFiles(): Promise<{ firstVisit: Set<string>; afterFirstRender: Set<string> }> {
  process.env.MINGFEN_DIST = inject('distDir');
  const config = (await import('../../.size-limit')) as typeof import('../../.size-limit');
  return { firstVisit: config.firstVisit, afterFirstRender: config.afterFirstRender };
}

/** Records, from before the page's first script: layout shifts, the first `<h1>` node, and LCP entries. */
async function watchLoad(session: Session): Promise<void> {
  await session.context.addInitScript(() => {
    const w = window as unknown as { __shifts: number[]; __h1: Element | null; __lcp: number[] };
    w.__shifts = [];
    w.__lcp = [];
    w.__h1 = null;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp.push(entry.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      w.__h1 = document.querySelector('h1');
    });
  });
}

/** Layout shifts so far, whether the `<h1>` is still the node the HTML had, and the LCP entries' times. */
function loadRecord(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __shifts: number[]; __h1: Element | null; __lcp: number[] };
    return { shifts: w.__shifts, sameHeading: w.__h1 !== null && w.__h1 === document.querySelector('h1'), lcp: w.__lcp };
  });
}

/** The calculator has started: the total is on screen and the saved-profiles panel has rendered. */
async function calculatorReady(page: Page): Promise<void> {
  await page.getByTestId('total').waitFor();
  await page.locator('.profiles').first().waitFor();
}

const chromium = useBrowser();

/** A page whose entry module is held back until `release()`: the prerendered page before the app has started. */
async function withEntryHeld(session: Session): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await session.page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

describe('size budgets (.size-limit.ts)', () => {
  test('every budget holds on this build', () => {
    const checks = runSizeLimit();
    const table = checks.map((c) => `${c.passed ? 'ok  ' : 'OVER'} ${(c.size / 1000).toFixed(2).padStart(7)} kB / ${((c.sizeLimit ?? 0) / 1000).toFixed(0)} kB  ${c.name}`);
    console.info(`size budgets (gzip):\n${table.join('\n')}`);
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.filter((c) => !c.passed).map((c) => c.name), 'budgets exceeded').toEqual([]);
  });
});

describe('the first visit', () => {
  test('fetches only what the first-visit and after-first-render budgets count', async () => {
    const { firstVisit, afterFirstRender } = await budgetFiles();
    const session = await chromium.session('zh-CN');
    const { page } = session;
    const origin = new URL(baseURL()).origin;
    const fetched = new Set<string>();
    page.on('request', (request) => {
      if (request.serviceWorker()) return;
      const url = new URL(request.url());
      if (url.origin !== origin) return;
      fetched.add(url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
    });
    await page.goto(baseURL());
    await calculatorReady(page);
    await page.waitForLoadState('networkidle');

    // The service worker's own script is fetched by its registration; what it precaches is not the page's.
    const uncounted = [...fetched].filter((file) => !firstVisit.has(file) && !afterFirstRender.has(file) && file !== 'sw.js');
    expect(uncounted, 'fetched on a first visit but not in a budget').toEqual([]);
    const counted = [...firstVisit].filter((file) => file.endsWith('.js') || file === 'index.html');
    expect(counted.filter((file) => !fetched.has(file)), 'counted as first visit but not fetched').toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  test('in Chinese, React takes over the prerendered page in place: same nodes, no layout shift, no error', async () => {
    const session = await chromium.session('zh-CN');
    await watchLoad(session);
    const { page } = session;
    await page.goto(baseURL());
    await calculatorReady(page);
    const record = await loadRecord(page);
    expect(record.sameHeading, 'the <h1> is still the prerendered node (hydrated, not replaced)').toBe(true);
    expect(record.shifts, 'layout shifts').toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // The as-of date is the visitor's today, filled in before the first paint.
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(await page.locator('input[name="asOf"]').inputValue()).toBe(today);
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);

    // A reload with the untouched draft the first visit stored hydrates the same way.
    await page.reload();
    await calculatorReady(page);
    const again = await loadRecord(page);
    expect(again.sameHeading).toBe(true);
    expect(again.shifts).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  test('in English, the page is rendered afresh in place of the Chinese HTML, without a layout shift or an error', async () => {
    const session = await chromium.session('en-US');
    await watchLoad(session);
    const { page } = session;
    await page.goto(baseURL());
    await calculatorReady(page);
    const record = await loadRecord(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(record.sameHeading, 'the Chinese <h1> was replaced').toBe(false);
    expect(record.shifts, 'layout shifts').toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  test('what is typed into the prerendered form before the app has started is kept and counted', async () => {
    const session = await chromium.session('zh-CN');
    const { page } = session;
    // Hold the app's entry module back until the answers are typed, as on a slow network.
    const release = await withEntryHeld(session);
    await page.goto(baseURL());
    await page.locator('input[name="asOf"]').fill('2025-06-01');
    await page.locator('input[name="facts.birthDate"]').fill('1990-01-01');
    expect(await page.getByTestId('total').count(), 'the app has not started yet').toBe(0);
    release();
    // Born 1990-01-01, as of 2025-06-01: 35 周岁 → 30 points.
    await expect.poll(async () => (await page.getByTestId('total').innerText()).replace(/\s+/g, ' ')).toBe('30 / 120');
    expect(await page.locator('input[name="asOf"]').inputValue()).toBe('2025-06-01');
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  test('a button pressed on the prerendered page before the app has started is pressed again once it runs', async () => {
    const session = await chromium.session('zh-CN');
    const { page } = session;
    const release = await withEntryHeld(session);
    await page.goto(baseURL());
    await page.getByRole('button', { name: 'English', exact: true }).click();
    release();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/[A-Za-z]/);
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  test('with answers in the draft, the page is rendered afresh with them, without an error', async () => {
    const session = await chromium.session('zh-CN');
    const { page } = session;
    await page.goto(baseURL());
    await calculatorReady(page);
    await page.locator('input[name="facts.siMonthsLast12"]').fill('12');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('mingfen.store') ?? '')).toContain('"siMonthsLast12":12');
    await page.reload();
    await calculatorReady(page);
    expect(await page.locator('input[name="facts.siMonthsLast12"]').inputValue()).toBe('12');
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
