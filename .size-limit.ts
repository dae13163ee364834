/**
 * Size budgets of the built app (gzip, level 9), checked by `size-limit` with @size-limit/file: after every
 * `npm run build`, and in `npm test` by tests/e2e/budgets.e2e.ts against the build the browser tests make. A budget
 * overrun fails either. What each budget holds and the measured sizes: docs/performance.md.
 *
 * Chunk names carry content hashes, so the files are looked up in the build's manifest (`.vite/manifest.json`,
 * source path → chunk and its static imports). MINGFEN_DIST names the build directory (default: dist).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(root, process.env.MINGFEN_DIST ?? 'dist');

interface ManifestChunk {
  file: string;
  name?: string;
  imports?: string[];
}
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;

/** The chunk built from `source` and every chunk it imports statically (what loading it fetches), as build paths. */
function withImports(source: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[source];
  if (!chunk) throw new Error(`${source} is not in the build's manifest (${dist})`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) withImports(imported, into);
  return into;
}

/** The manifest key of a chunk made by a `codeSplitting` group of vite.config.ts (it has no source of its own). */
function group(name: string): string {
  const key = Object.keys(manifest).find((k) => k.startsWith('_') && manifest[k]!.name === name);
  if (!key) throw new Error(`no chunk of the group "${name}" in the build's manifest (${dist})`);
  return key;
}

/**
 * The manifest key of a source whose key depends on where the project sits (a virtual module's key is relative to
 * the file-system root, a package's to node_modules): the one key ending in `suffix`.
 */
function endingIn(suffix: string): string {
  const keys = Object.keys(manifest).filter((k) => k.endsWith(suffix));
  if (keys.length !== 1) throw new Error(`${keys.length} chunks end in "${suffix}" in the build's manifest (${dist})`);
  return keys[0]!;
}

/** Files in `files` and not in any of `loaded`. */
function minus(files: Set<string>, ...loaded: Set<string>[]): Set<string> {
  return new Set([...files].filter((file) => !loaded.some((set) => set.has(file))));
}

/** The files index.html loads: the entry and its static imports (modulepreloaded). */
export const entry = withImports('index.html');
/** The calculator: react-hook-form, zod, the form kit, the draft store, the result view; loaded with the city. */
export const calculator = minus(withImports(group('calculator')), entry);
/** A city's form, schema, evaluation and rule packs, beyond what the entry and the calculator hold. */
export const city = (name: 'shanghai' | 'guangzhou' | 'tianjin') =>
  minus(withImports(`src/features/city-ui/${name}.ts`), entry, calculator);
/** One namespace of one language (Chinese `common` and `rules` are in the entry). */
export const locale = (language: 'zh-CN' | 'en', namespace: string) => withImports(`src/i18n/locales/${language}/${namespace}.json`);
/** Sharing, saved profiles (below the result and the form) and the service worker's registration: after the first render. */
export const afterFirstRender = minus(
  new Set([
    ...withImports('src/features/share/SharePanel.tsx'),
    ...withImports('src/features/profiles/ProfilesPanel.tsx'),
    ...withImports(endingIn('virtual:pwa-register')),
    ...withImports(endingIn('/workbox-window.prod.es5.mjs')),
  ]),
  entry,
  calculator,
);
/** The link codec, loaded when the page is opened from a share link or shares one (without any city). */
export const codec = minus(withImports('src/share/codec.ts'), entry, calculator, city('shanghai'));
/** What a city's engine module (facts schema with its checks, packs) adds to its UI chunk: loaded to read or write its links. */
export const cityEngine = (name: 'shanghai' | 'guangzhou' | 'tianjin') =>
  minus(withImports(`src/engine/cities/${name}/index.ts`), entry, calculator, city(name));
/** The notice shown above a result opened from a link. */
export const linkNotice = minus(withImports('src/features/share/LinkNotice.tsx'), entry, calculator);


/**
 * What a first visit in Chinese fetches to show and run the calculator (the default city, no share link): the
 * HTML (with the inlined stylesheet), the entry, the calculator and the default city with its strings, the web app
 * manifest and the icon. Fetched after the first render and counted apart (`afterFirstRender`): sharing, saved
 * profiles and the service worker's registration; not counted: the service worker itself and what it precaches once installed
 * (the whole app, for offline use). tests/e2e/budgets.e2e.ts checks in Chromium that a first visit fetches nothing
 * beyond these two lists.
 */
export const firstVisit = new Set([
  'index.html',
  ...entry,
  ...calculator,
  ...city('shanghai'),
  ...locale('zh-CN', 'shanghai'),
  'manifest.webmanifest',
  'favicon.svg',
]);

/** A first visit in Chinese from a Shanghai share link: the first visit, plus the codec, the engine module and the notice. */
export const linkVisit = new Set([...firstVisit, ...codec, ...cityEngine('shanghai'), ...linkNotice]);

const inDist = (files: Iterable<string>) => [...files].map((file) => (isAbsolute(file) ? file : join(dist, file)));

/** A gzip budget over some files of the build. */
const budget = (name: string, files: Iterable<string>, limit: string) => ({ name, path: inDist(files), limit, gzip: true });

export default [
  budget('Entry: the JavaScript index.html loads (entry + modulepreloads)', entry, '110 kB'),
  budget('First visit: HTML, entry, calculator, Shanghai + its zh-CN strings, manifest, icon', firstVisit, '160 kB'),
  budget('After the first render: sharing, saved profiles, service-worker registration', afterFirstRender, '10 kB'),
  budget('HTML: prerendered page with inlined CSS', ['index.html'], '12 kB'),
  budget('Calculator chunk (react-hook-form, zod, form kit, result)', calculator, '40 kB'),
  budget('City chunks: Shanghai', city('shanghai'), '20 kB'),
  budget('City chunks: Guangzhou', city('guangzhou'), '25 kB'),
  budget('City chunks: Tianjin', city('tianjin'), '25 kB'),
  budget('Locale zh-CN/shanghai', locale('zh-CN', 'shanghai'), '8 kB'),
  budget('Locale zh-CN/guangzhou', locale('zh-CN', 'guangzhou'), '10 kB'),
  budget('Locale zh-CN/tianjin', locale('zh-CN', 'tianjin'), '9 kB'),
  budget('Locale en/common', locale('en', 'common'), '5 kB'),
  budget('Locale en/rules', locale('en', 'rules'), '2.5 kB'),
  budget('Locale en/shanghai', locale('en', 'shanghai'), '8 kB'),
  budget('Locale en/guangzhou', locale('en', 'guangzhou'), '10 kB'),
  budget('Locale en/tianjin', locale('en', 'tianjin'), '9 kB'),
  budget('First visit from a Shanghai share link (first visit + codec, engine module, link notice)', linkVisit, '170 kB'),
  budget('Share-link codec (reads the city named in the link only)', codec, '6 kB'),
  budget('Engine module for links: Shanghai', cityEngine('shanghai'), '4 kB'),
  budget('Engine module for links: Guangzhou', cityEngine('guangzhou'), '4 kB'),
  budget('Engine module for links: Tianjin', cityEngine('tianjin'), '4 kB'),
];
