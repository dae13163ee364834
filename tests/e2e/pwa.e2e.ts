/**
 * The installable, offline-first app in Chromium against the production build served by `vite preview`:
 * the service worker becomes active; with the context offline a reload and a share link (query + fragment) both
 * render the calculator, which still computes; the manifest is served, valid and its icons exist; the built page
 * carries a strict CSP that nothing violates, and nothing leaves the origin. Then the same app built for a
 * sub-path (BASE_PATH=/mingfen/): it renders there, its service worker's scope is the sub-path, every asset loads,
 * and with its server stopped a share link under the sub-path still opens.
 *
 * Hand-worked value: as of 2025-06-01, born 1990-01-01 → 35 周岁 → age 30 points (≤ 43), total "30 / 120".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import zhCommon from '../../src/i18n/locales/zh-CN/common.json';
import { buildApp, startPreview, type Preview } from '../../scripts/serve';
import { axeViolations, baseURL, expectClean, useBrowser, type Session } from './browser';
import { squash, tr as trIn } from './strings';

const AS_OF = '2025-06-01';
const SUB_PATH = '/mingfen/';
/** A share link as WeChat may deliver it: a `?s=` payload, WeChat's own `from=`, and a fragment. */
const SHARE_SUFFIX = '?s=v1.test&from=singlemessage#v1.test';

const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/** The app's Chinese string at `key`. */
const tr = (key: string) => trIn('zh-CN', key);


/** Record CSP violations in every document of the context, from before the first script runs. */
async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ← ${e.blockedURI}`));
  });
}
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

/** The calculator is on screen: the heading, the as-of field, the birth-date field and (once it runs) a total. */
async function expectCalculator(page: Page) {
  await expect.poll(() => page.locator('h1').innerText()).toContain(tr('app.name'));
  expect(await page.getByLabel(tr('form.asOf.label'), { exact: true }).count()).toBe(1);
  expect(await page.getByLabel(tr('shanghai:fields.birthDate.label'), { exact: true }).count()).toBe(1);
  // The page's HTML is prerendered: the form shows before the app has started and computed a total.
  await expect.poll(() => page.getByTestId('total').count()).toBe(1);
}

/** Wait (up to 15 s) for the service worker of this page to be activated; returns its scope and script URL. */
function activeServiceWorker(page: Page) {
  return page.evaluate(async () => {
    const activated = (async () => {
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active!;
      if (worker.state !== 'activated') {
        await new Promise<void>((done) => worker.addEventListener('statechange', () => worker.state === 'activated' && done()));
      }
      return { scope: registration.scope, script: worker.scriptURL, state: worker.state };
    })();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no service worker became active within 15 s')), 15_000),
    );
    return Promise.race([activated, timeout]);
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect(Array.from(bytes.subarray(0, 8)), 'PNG signature').toEqual(signature);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const chromium = useBrowser();

async function open(url: string): Promise<Session> {
  const session = await chromium.session('zh-CN');
  await recordCspViolations(session.context);
  await session.page.goto(url);
  await session.page.locator('h1').waitFor();
  return session;
}

describe('offline-first PWA (built app at /)', () => {
  test('after one visit the service worker is active, and offline a reload and a share link render a working calculator', async () => {
    const session = await open(baseURL());
    const { page, context } = session;
    const worker = await activeServiceWorker(page);
    expect(worker).toEqual({ scope: baseURL(), script: `${baseURL()}sw.js`, state: 'activated' });
    // The first install tells the user the app now works offline.
    await expect.poll(async () => squash(await page.locator('.pwa-notice').innerText())).toContain(zhCommon.pwa.offlineReady);

    await context.setOffline(true);
    await page.reload();
    await page.locator('h1').waitFor();
    await expectCalculator(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the reload was served by the worker').toBe(true);
    const before = squash(await page.getByTestId('total').innerText());
    await page.getByLabel(tr('form.asOf.label'), { exact: true }).fill(AS_OF);
    await page.getByLabel(tr('shanghai:fields.birthDate.label'), { exact: true }).fill('1990-01-01');
    await expect.poll(async () => squash(await page.getByTestId('total').innerText())).toBe('30 / 120');
    expect(before).not.toBe('30 / 120');

    // A share link opened in a new tab, still offline.
    const shared = await context.newPage();
    await shared.goto(`${baseURL()}${SHARE_SUFFIX}`);
    await shared.locator('h1').waitFor();
    await expectCalculator(shared);
    expect(new URL(shared.url()).search).toBe('?s=v1.test&from=singlemessage');

    expect(await cspViolations(page), 'CSP violations').toEqual([]);
    expect(await cspViolations(shared), 'CSP violations (share link)').toEqual([]);
    expectClean(session);
  });

  test('the built page carries a strict CSP and no-referrer, and nothing violates it or leaves the origin', async () => {
    const html = await (await fetch(baseURL())).text();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp, 'CSP meta tag in the built index.html').toBeDefined();
    // Before any script or stylesheet: a meta CSP governs only what follows it.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<link/));
    const directives = csp!.split(';').map((d) => d.trim());
    // 'self' everywhere, plus a hash per inline script and inline stylesheet the build emitted.
    expect(directives.map((d) => d.replace(/ 'sha256-[A-Za-z0-9+/=]+'/g, ''))).toEqual(CSP_DIRECTIVES);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(html).toContain('<meta name="referrer" content="no-referrer" />');
    const hashesIn = (name: string) => directives.find((d) => d.startsWith(`${name} `))?.match(/'sha256-/g)?.length ?? 0;
    const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/g)];
    expect(inlineScripts.length, 'inline scripts in the built page').toBe(hashesIn('script-src'));
    expect([...html.matchAll(/<style\b/g)].length, 'inline stylesheets in the built page').toBe(hashesIn('style-src'));

    const session = await open(baseURL());
    const { page } = session;
    expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null)).toBe(true);
    await page.getByLabel(tr('shanghai:fields.birthDate.label'), { exact: true }).fill('1990-01-01');
    await activeServiceWorker(page);
    expect(await cspViolations(page), 'CSP violations').toEqual([]);
    expect(session.consoleErrors.filter((m) => /Content Security Policy/i.test(m)), 'CSP reports in the console').toEqual([]);
    expectClean(session);
  });

  test('the web app manifest is served and valid, Chromium finds the app installable, and every icon exists', async () => {
    const session = await open(baseURL());
    const { page, context } = session;
    await activeServiceWorker(page);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBe('/manifest.webmanifest');
    const manifestURL = new URL(manifestHref!, baseURL()).href;
    const response = await fetch(manifestURL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/manifest\+json|application\/json/);
    const manifest = (await response.json()) as Record<string, unknown> & {
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      name: expect.stringContaining('明分'),
      short_name: '明分',
      lang: 'zh-CN',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#1f4e8c',
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
      description: expect.stringMatching(/\S/),
    });
    const icon = (size: number, purpose: string) =>
      manifest.icons.find((i) => i.sizes === `${size}x${size}` && (i.purpose ?? 'any').split(' ').includes(purpose));
    for (const [size, purpose] of [[192, 'any'], [512, 'any'], [512, 'maskable']] as const) {
      expect(icon(size, purpose), `icon ${size} ${purpose}`).toBeDefined();
    }
    const appleTouch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    const images = [
      ...manifest.icons.map((i) => ({ url: new URL(i.src, manifestURL).href, size: Number(i.sizes.split('x')[0]) })),
      { url: new URL(appleTouch!, baseURL()).href, size: 180 },
    ];
    for (const { url, size } of images) {
      const image = await fetch(url);
      expect(image.status, url).toBe(200);
      expect(image.headers.get('content-type'), url).toBe('image/png');
      expect(pngSize(new Uint8Array(await image.arrayBuffer())), url).toEqual({ width: size, height: size });
    }

    // Chromium's own reading of the manifest and its installability verdict.
    const cdp = await context.newCDPSession(page);
    const parsed = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[] };
    expect(parsed.url).toBe(manifestURL);
    expect(parsed.errors, 'manifest errors reported by Chromium').toEqual([]);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // Test contexts are incognito-like; that is the only acceptable reason.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    expectClean(session);
  });

  test('in WeChat the install hint explains the way through the system browser; it and the offline notice pass axe', async () => {
    const session = await chromium.session('zh-CN');
    const { page, context } = session;
    await context.addInitScript(() => {
      const wechat = `${navigator.userAgent} MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN`;
      Object.defineProperty(Navigator.prototype, 'userAgent', { get: () => wechat });
    });
    await page.goto(baseURL());
    await page.locator('h1').waitFor();
    const hint = page.getByRole('complementary', { name: zhCommon.pwa.install.label, exact: true });
    expect(squash(await hint.innerText())).toContain(zhCommon.pwa.install.wechat);
    await activeServiceWorker(page);
    await expect.poll(async () => squash(await page.locator('.pwa-notice').innerText())).toContain(zhCommon.pwa.offlineReady);
    const violations = await axeViolations(page);
    expect(violations, `axe violations:\n${violations.join('\n')}`).toEqual([]);

    await hint.getByRole('button', { name: zhCommon.pwa.dismiss, exact: true }).click();
    await page.reload();
    await page.locator('h1').waitFor();
    expect(await page.getByRole('complementary').count(), 'a dismissed hint stays away').toBe(0);
    expectClean(session);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The same app built for a sub-path, on its own `vite preview`.

describe(`the app built for a sub-path (BASE_PATH=${SUB_PATH})`, () => {
  let outDir = '';
  let server: Preview | undefined;
  let origin = '';

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'mingfen-e2e-subpath-'));
    buildApp(outDir, { basePath: SUB_PATH, timeoutMs: 60_000 });
    server = await startPreview(outDir, { basePath: SUB_PATH, timeoutMs: 20_000 });
    origin = server.origin;
  });

  afterAll(async () => {
    await server?.stop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('renders under the sub-path with every asset loading, the worker scoped to it, and share links working offline', async () => {
    const session = await chromium.session('zh-CN');
    await recordCspViolations(session.context);
    const { page, context } = session;
    const failed: string[] = [];
    context.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    context.on('requestfailed', (r) => failed.push(`failed ${r.url()} (${r.failure()?.errorText ?? ''})`));

    const home = `${origin}${SUB_PATH}`;
    await page.goto(home);
    await page.locator('h1').waitFor();
    await expectCalculator(page);
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe(`${SUB_PATH}manifest.webmanifest`);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe(`${SUB_PATH}favicon.svg`);
    const worker = await activeServiceWorker(page);
    expect(worker).toEqual({ scope: home, script: `${home}sw.js`, state: 'activated' });
    const manifest = (await (await fetch(`${home}manifest.webmanifest`)).json()) as { start_url: string; scope: string; icons: { src: string }[] };
    expect(manifest).toMatchObject({ start_url: SUB_PATH, scope: SUB_PATH });
    for (const icon of manifest.icons) expect((await fetch(new URL(icon.src, `${home}manifest.webmanifest`))).status, icon.src).toBe(200);

    // A share link under the sub-path, online.
    await page.goto(`${home}${SHARE_SUFFIX}`);
    await page.locator('h1').waitFor();
    await expectCalculator(page);
    expect(failed, 'responses ≥ 400 or failed requests').toEqual([]);

    // Really offline: the server is gone. The worker still serves the app and the share link.
    await server!.stop();
    const shared = await context.newPage();
    await shared.goto(`${home}${SHARE_SUFFIX}`);
    await shared.locator('h1').waitFor();
    await expectCalculator(shared);
    await shared.getByLabel(tr('form.asOf.label'), { exact: true }).fill(AS_OF);
    await shared.getByLabel(tr('shanghai:fields.birthDate.label'), { exact: true }).fill('1990-01-01');
    await expect.poll(async () => squash(await shared.getByTestId('total').innerText())).toBe('30 / 120');

    expect(await cspViolations(page)).toEqual([]);
    expect(await cspViolations(shared)).toEqual([]);
    // session.offOrigin() knows the shared server's origin; this server has its own.
    const offOrigin = session.requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
    expect(offOrigin, 'requests that left the origin').toEqual([]);
    expect(session.pageErrors, 'uncaught errors in the page').toEqual([]);
  });
});
