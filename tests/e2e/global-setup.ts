/**
 * Global set-up of the "browser" test project: find Chromium, build the app into a temporary directory, serve it
 * with `vite preview` on a free port of 127.0.0.1, and hand the base URL and the Chromium path to the tests
 * (`inject('baseURL')`, `inject('chromiumPath')`) and the build directory (`inject('distDir')`). The returned
 * teardown stops the server and removes the build.
 *
 * It never skips: without Chromium the browser tests fail loudly with the command that installs it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp, findChromium, startPreview, type Preview } from '../../scripts/serve';

declare module 'vitest' {
  interface ProvidedContext {
    /** Origin of the `vite preview` server, with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
    baseURL: string;
    /** Absolute path of the Chromium executable the tests drive. */
    chromiumPath: string;
    /** The build directory `vite preview` serves (the size budgets are checked against it). */
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  const outDir = mkdtempSync(join(tmpdir(), 'mingfen-e2e-'));
  let preview: Preview | undefined;
  const cleanup = async () => {
    await preview?.stop();
    rmSync(outDir, { recursive: true, force: true });
  };
  try {
    const took = buildApp(outDir, { timeoutMs: 110_000 });
    console.info(`[browser tests] built the app in ${took} ms`);
    preview = await startPreview(outDir);
    project.provide('baseURL', preview.url);
    project.provide('chromiumPath', chromiumPath);
    project.provide('distDir', outDir);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return cleanup;
}
