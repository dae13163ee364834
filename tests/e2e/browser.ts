/**
 * Helpers for the browser tests: one Chromium per test file (playwright-core, Debian's Chromium, no downloads),
 * one fresh context per test emulating a phone (390×844 @3x, touch), with every request URL, page error and
 * console error recorded so tests can assert that nothing left the origin and nothing went wrong.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { CHROMIUM_FLAGS } from '../../scripts/serve';
import { squash, tr, type Lng } from './strings';

/** The viewport of a common phone (iPhone 12–15 class). */
export const PHONE = { width: 390, height: 844 } as const;

export function baseURL(): string {
  return inject('baseURL');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), headless: true, args: CHROMIUM_FLAGS });
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request URL the page made, in order. */
  readonly requests: string[];
  /** Uncaught exceptions in the page. */
  readonly pageErrors: string[];
  /** console.error messages (and failed resource loads, which Chromium reports as console errors). */
  readonly consoleErrors: string[];
  /** Requests whose URL is neither on the app's origin nor data:/blob:. */
  offOrigin(): string[];
  close(): Promise<void>;
}

export async function newSession(browser: Browser, locale: 'zh-CN' | 'en-US'): Promise<Session> {
  const origin = new URL(baseURL()).origin;
  const context = await browser.newContext({
    viewport: PHONE,
    screen: PHONE,
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale,
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'allow',
  });
  context.setDefaultTimeout(10_000);
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('weberror', (webError) => {
    const error = webError.error();
    pageErrors.push(`${error.name}: ${error.message}\n${error.stack ?? ''}`);
  });
  context.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} @ ${message.location().url}`);
  });
  const page = await context.newPage();
  return {
    context,
    page,
    requests,
    pageErrors,
    consoleErrors,
    offOrigin: () =>
      requests.filter((url) => !(url === origin || url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:'))),
    close: () => context.close(),
  };
}

/** Run axe with the WCAG 2.0/2.1 A and AA rules plus best practices; returns readable violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 8)
      .map((n) => `    - ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}\n      ${n.html.slice(0, 240)}`)
      .join('\n');
    return `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.nodes.length} node(s)) ${v.helpUrl}\n${nodes}`;
  });
}

/**
 * One Chromium for the calling test file (launched before its tests, closed after them) and fresh sessions for its
 * tests, each closed when its test ends. Call at the top level of a test file.
 */
export function useBrowser(): { readonly browser: () => Browser; session(locale: 'zh-CN' | 'en-US'): Promise<Session> } {
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  const running = () => {
    if (!browser) throw new Error('the browser is not running (useBrowser must be called at the top level of a test file)');
    return browser;
  };
  return {
    browser: running,
    async session(locale) {
      const session = await newSession(running(), locale);
      sessions.push(session);
      return session;
    },
  };
}

/** The page loaded, nothing left the origin, and there were no uncaught errors and no console errors. */
export function expectClean(session: Session): void {
  expect(session.requests.length, 'the request recorder saw the page load').toBeGreaterThan(0);
  expect(session.offOrigin(), 'requests that left the origin').toEqual([]);
  expect(session.pageErrors, 'uncaught errors in the page').toEqual([]);
  expect(session.consoleErrors, 'console errors').toEqual([]);
}

/**
 * Wait until the app has taken over the page (the prerendered HTML shows the form before it reacts): the result
 * shows a total and the draft line says one of `said` (by default: saved, or kept while viewing a link).
 */
export async function waitUntilLive(
  page: Page,
  lng: Lng,
  said: readonly string[] = ['profiles.draft.saved', 'profiles.draft.link'],
): Promise<void> {
  await page.getByTestId('total').waitFor();
  const texts = said.map((key) => squash(tr(lng, key)));
  await expect
    .poll(async () => (await page.getByRole('status').allInnerTexts()).some((text) => texts.includes(squash(text))), {
      message: 'the app takes over the page',
    })
    .toBe(true);
}
