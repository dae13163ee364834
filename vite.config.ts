/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import react from '@vitejs/plugin-react';
import { createServer, defineConfig, type Plugin, type ResolvedConfig } from 'vite';
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
 * react-i18next reads `useSyncExternalStore` through the `use-sync-external-store/shim` package, a fallback for
 * React < 18; React 19 has it built in, so the shim's fallback code is left out of the bundle.
 */
function reactStoreShim(): Plugin {
  const id = '\0mingfen:use-sync-external-store-shim';
  return {
    name: 'mingfen:use-sync-external-store-shim',
    enforce: 'pre',
    resolveId(source) {
      return /^use-sync-external-store\/shim(\/index\.js)?$/.test(source) ? id : null;
    },
    load(loaded) {
      return loaded === id ? "export { useSyncExternalStore } from 'react';" : null;
    },
  };
}

/**
 * React DOM's production build creates five `Error` objects when its module is evaluated: markers it throws and
 * catches itself while rendering (a suspended component, a hydration mismatch …), compared by identity and never
 * shown. Chromium records a detailed stack for every `Error` created (for error reporting), and naming the frames of
 * that stack makes V8 parse React DOM's whole module function and the entry chunk a second time: ≈ 15 ms of the
 * task that evaluates the entry, ×4 on a mid-range phone. Here the markers are made as plain objects with
 * `Error.prototype` (still `instanceof Error`, same message, no stack), so nothing is captured. The build fails if
 * React DOM no longer declares them as expected (check the markers again after a React upgrade).
 */
function reactDomQuietMarkers(): Plugin {
  const markers = [519, 460, 474, 542, 461];
  return {
    name: 'mingfen:react-dom-quiet-markers',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/.test(id)) return null;
      let out = code;
      for (const marker of markers) {
        const declaration = new RegExp(`(\\b[A-Za-z]+Exception = )Error\\(formatProdErrorMessage\\(${marker}\\)\\)`);
        if (!declaration.test(out)) this.error(`react-dom-client.production.js no longer declares the marker error ${marker} as expected`);
        out = out.replace(
          declaration,
          (_, left: string) =>
            `${left}Object.create(Error.prototype, { message: { value: formatProdErrorMessage(${marker}), writable: !0, configurable: !0 } })`,
        );
      }
      return { code: out, map: null };
    },
  };
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

/**
 * Runs right after the prerendered page is parsed, before the first paint. It fills in the as-of field with the
 * visitor's today (local date, as `todayIso`), which the HTML built earlier cannot know (the form sets the same
 * value when it starts, so nothing changes on screen then); it records the controls the user changes and the
 * buttons they press until the app runs (src/app/earlyInput.ts replays them then); and it loads the app's entry
 * module only once the first contentful paint is on screen (reported by the Paint Timing API; two animation frames
 * where that is missing), so that the first paint never waits for JavaScript, however fast the network. A page
 * that is not painted (opened in the background) starts it after 3 s (0.5 s without Paint Timing).
 */
function startScript(entry: string): string {
  return [
    '(function(){',
    "var i=document.querySelector('#root input[name=\"asOf\"]');",
    "if(i&&!i.value){var d=new Date(),p=function(n){return(n<10?'0':'')+n};i.value=d.getFullYear()+'-'+p(d.getMonth()+1)+'-'+p(d.getDate())}",
    "var r=document.getElementById('root'),c=[],b=[];function n(e){if(c.indexOf(e.target)<0)c.push(e.target)}function k(e){b.push(e.target)}",
    "r.addEventListener('input',n,true);r.addEventListener('change',n,true);r.addEventListener('click',k,true);",
    "window.__mingfenEarlyInput={controls:c,presses:b,stop:function(){r.removeEventListener('input',n,true);r.removeEventListener('change',n,true);r.removeEventListener('click',k,true)}};",
    "var s=0;function go(){if(s)return;s=1;var e=document.createElement('script');e.type='module';e.crossOrigin='';",
    `e.src=${JSON.stringify(entry)};document.head.appendChild(e)}`,
    "var P=window.PerformanceObserver;if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf('paint')>=0){",
    "new P(function(l,o){if(l.getEntriesByName('first-contentful-paint').length){o.disconnect();setTimeout(go,0)}}).observe({type:'paint',buffered:true});setTimeout(go,3000)",
    '}else{requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(go,0)})});setTimeout(go,500)}',
    '})()',
  ].join('');
}

/**
 * Renders the page into the built index.html (scripts/prerender.tsx, loaded through a throw-away Vite server in
 * SSR mode) so that the first paint does not wait for JavaScript, and inlines the stylesheet (a hash of it goes
 * into the CSP, see `cspMetaTag`), removing the CSS file; a small inline script (`startScript`) fills in today's
 * as-of date and starts the app after the first paint. The build fails when the markup would not survive the
 * browser: a style attribute (the CSP blocks those), or markup that depends on the day of the build (checked by
 * scripts/prerender.tsx: the as-of date and this month are the visitor's).
 */
function prerenderPage(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'mingfen:prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const server = await createServer({
          configFile: false,
          root: config.root,
          base: config.base,
          mode: 'production',
          logLevel: 'error',
          appType: 'custom',
          plugins: [react()],
          server: { middlewareMode: true, hmr: false, ws: false, watch: null },
          optimizeDeps: { noDiscovery: true, include: [] },
        });
        let markup: string;
        try {
          const module = (await server.ssrLoadModule('/scripts/prerender.tsx')) as typeof import('./scripts/prerender');
          markup = await module.prerender();
        } finally {
          await server.close();
        }
        const styled = /<[^>]+\sstyle\s*=/i.exec(markup);
        if (styled) throw new Error(`the prerendered page has a style attribute, which the CSP blocks: ${styled[0]}`);
        if (!html.includes('<div id="root"></div>')) throw new Error('index.html has no empty <div id="root">');

        const entryTag = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
        if (!entryTag) throw new Error('index.html has no entry <script type="module">');
        let page = html
          .replace(entryTag[0], '')
          .replace(
            '<div id="root"></div>',
            () => `<div id="root" data-prerendered>${markup}</div>\n    <script>${startScript(entryTag[1]!)}</script>`,
          );
        for (const link of html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g)) {
          const [tag, href = ''] = link;
          const fileName = href.slice(config.base.length);
          const asset = bundle[fileName];
          if (!asset || asset.type !== 'asset') throw new Error(`stylesheet ${href} is not in the bundle`);
          const css = String(asset.source).trim();
          page = page.replace(tag, () => `<style>${css}</style>`);
          delete bundle[fileName];
          context.chunk?.viteMetadata?.importedCss.delete(fileName);
        }
        return page;
      },
    },
  };
}

/**
 * The calculator's chunk (src/app/Calculator.tsx): the form and schema libraries, the engine's core, the form kit,
 * the draft store and the result view. Every city's chunk builds on it. (Sharing and saved profiles come after the
 * first render, in chunks of their own.)
 */
const CALCULATOR_MODULES =
  /node_modules[\\/](zod|react-hook-form|@hookform)[\\/]|src[\\/](engine[\\/]core|features[\\/](facts-form[\\/]fields|profiles[\\/](store|useDraft)|result)|app[\\/]Calculator)/;

/**
 * Modules that must never be in the page's first download: the engine's registry (every city's rules), the link
 * codec, the cities themselves, and the calculator (it is fetched with the city's chunk, see `CALCULATOR_MODULES`).
 */
const NOT_IN_ENTRY = [
  /\/src\/engine\/(registry|document)\.ts$/,
  /\/src\/engine\/cities\//,
  /\/src\/share\/codec\.ts$/,
  CALCULATOR_MODULES,
];

/**
 * Fails the build when the chunks index.html loads (the entry and its static imports) contain a module from
 * `NOT_IN_ENTRY` or a locale other than the Chinese `common` and `rules`: those belong in chunks loaded on demand.
 */
function entryGuard(): Plugin {
  return {
    name: 'mingfen:entry-guard',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
      if (!entry || entry.type !== 'chunk') return;
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (seen.has(fileName) || !chunk || chunk.type !== 'chunk') return;
        seen.add(fileName);
        for (const id of Object.keys(chunk.modules)) {
          const path = id.replaceAll('\\', '/');
          const locale = /\/src\/i18n\/locales\/([^/]+)\/([^/.]+)\.json$/.exec(path);
          if (NOT_IN_ENTRY.some((pattern) => pattern.test(path)) || (locale && (locale[1] !== 'zh-CN' || !['common', 'rules'].includes(locale[2]!)))) {
            this.error(`${path} is in the page's first download (${fileName}); it must be loaded on demand`);
          }
        }
        chunk.imports.forEach(visit);
      };
      visit(entry.fileName);
    },
  };
}

export default defineConfig({
  base: BASE,
  plugins: [
    reactStoreShim(),
    reactDomQuietMarkers(),
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
    prerenderPage(),
    entryGuard(),
    cspMetaTag(),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // The manifest (dist/.vite/manifest.json) maps sources to chunks for the size budgets (.size-limit.ts).
    manifest: true,
    // Every browser the app supports has <link rel="modulepreload">; without it only preloading is lost.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What index.html loads, as one file: React, i18next, the page's shell and its Chinese strings.
            { name: 'index', tags: ['$initial'] },
            // The calculator, as one file fetched with the city's chunk: everything it and the cities share.
            { name: 'calculator', test: CALCULATOR_MODULES },
          ],
        },
      },
    },
  },
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
