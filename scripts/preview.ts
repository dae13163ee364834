/**
 * For the measuring scripts (lighthouse.ts, bench-browser.ts): build the app into a temporary directory (or use a
 * given build), serve it with `vite preview` on a free port of 127.0.0.1, and stop and clean up afterwards.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp, findChromium, startPreview } from './serve';

export { CHROMIUM_FLAGS, ROOT } from './serve';

/** Debian's Chromium (CHROMIUM_PATH or CHROME_PATH override it). */
export const chromiumPath = (): string => findChromium();

export interface Served {
  /** The app's URL, with a trailing slash. */
  readonly url: string;
  /** The build directory being served. */
  readonly dist: string;
  close(): Promise<void>;
}

/**
 * Serve `dist` (a finished build) or, without it, a fresh build in a temporary directory (removed on close).
 * The build runs `vite build` only: type-checking and the size budgets are `npm run build`'s.
 */
export async function buildAndServe(dist?: string): Promise<Served> {
  const temporary = dist ? null : mkdtempSync(join(tmpdir(), 'mingfen-measure-'));
  const outDir = dist ? resolve(dist) : temporary!;
  if (temporary) {
    process.stderr.write(`building into ${temporary} …\n`);
    buildApp(temporary);
  }
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${outDir} holds no build (no index.html)`);
  const preview = await startPreview(outDir);
  return {
    url: preview.url,
    dist: outDir,
    async close() {
      await preview.stop();
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}

/** The value of `--name value` among the arguments, if given. */
export function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
