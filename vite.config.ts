/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The public path the app is served from: BASE_PATH (e.g. `/mingfen/` for a project page), always with both slashes. */
function basePath(raw = process.env.BASE_PATH?.trim()): string {
  if (!raw || raw === '/') return '/';
  return `/${raw.replace(/^\/+|\/+$/g, '')}/`;
}

const BASE = basePath();
const BRAND_BLUE = '#1f4e8c';

/** SHA-256 source expressions ('sha256-…') for the text of every inline `<tag>` element that has no `src`. */
function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))) {
    const [, attributes = '', body = ''] = match;
    if (/\bsrc\s*=/.test(attributes) || body.length === 0) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The page's Content-Security-Policy: same origin only, no eval, inline code only when the build hashed it. */
function contentSecurityPolicy(html: string): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...inlineHashes(html, 'script')],
    'style-src': ["'self'", ...inlineHashes(html, 'style')],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'manifest-src': ["'self'"],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Adds the CSP meta tag to the built index.html, right after the charset (a meta CSP only governs what follows it).
 * Build only: the dev server needs its inline React refresh preamble. Inline event handlers would be blocked, so
 * the build fails if one appears.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'mingfen:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const handler = /<[^>]+\son[a-z]+\s*=/i.exec(html);
        if (handler) throw new Error(`index.html has an inline event handler, which the CSP blocks: ${handler[0]}`);
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html)}" />`;
        const anchor = /<meta\s+charset=[^>]*>/i.exec(html) ?? /<head[^>]*>/i.exec(html);
        if (!anchor) throw new Error('index.html has no <head> to carry the CSP meta tag');
        const at = anchor.index + anchor[0].length;
        return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
      },
    },
  };
}

export default defineConfig({
  base: BASE,
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      // Never swap the app under a half-filled form: the page asks, the user decides (src/app/pwa.ts).
      registerType: 'prompt',
      // Registration goes through `virtual:pwa-register`, loaded after the first render; nothing is injected.
      injectRegister: null,
      scope: BASE,
      // Icons are precached by the glob patterns below.
      includeManifestIcons: false,
      manifest: {
        id: BASE,
        name: '明分 · 居住证积分计算器',
        short_name: '明分',
        description: '居住证积分计算器：逐项计分、注明条款出处，全部在本机计算，不上传任何信息。',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: BASE,
        scope: BASE,
        display: 'standalone',
        theme_color: BRAND_BLUE,
        background_color: '#ffffff',
        categories: ['utilities', 'productivity'],
        // Relative to the manifest's own URL, so they follow the base path.
        icons: [
          { src: 'icons/pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the calculator needs: every city's rules and every locale are inside the JS chunks. The web
        // manifest (manifest.webmanifest) is precached by the plugin itself, so the glob leaves it out.
        globPatterns: ['**/*.{js,css,html,json,svg,png}'],
        // Deep links and share links (`?s=…`, `?from=…` added by WeChat, any #fragment) open the app offline.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
    cspMetaTag(),
  ],
  build: { target: 'es2022', sourcemap: false },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['./tests/setup-dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['./tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
