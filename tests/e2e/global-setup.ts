/**
 * Global set-up of the "browser" test project: find Chromium, build the app into a temporary directory, serve it
 * with `vite preview` on a free port of 127.0.0.1, and hand the base URL and the Chromium path to the tests
 * (`inject('baseURL')`, `inject('chromiumPath')`) and the build directory (`inject('distDir')`). The returned
 * teardown stops the server and removes the build.
 *
 * It never skips: without Chromium the browser tests fail loudly with the command that installs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

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

const INSTALL_HINT =
  'Chromium not found: the browser tests cannot run. Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH)';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH, else /usr/bin/chromium, else `chromium` on PATH; throws an actionable error otherwise. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`${INSTALL_HINT}. CHROMIUM_PATH is set to "${fromEnv}", which is not an executable file.`);
  }
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'chromium');
    if (isExecutable(candidate)) return candidate;
  }
  throw new Error(INSTALL_HINT);
}

/** A TCP port that was free a moment ago (the server is started with --strictPort, so a race fails loudly). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not allocate a free port'));
      });
    });
  });
}

/** The environment for the build and the server: the app at `/`, whatever the caller's BASE_PATH. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.BASE_PATH;
  // Vitest sets these in its own process; a child `vite` must not believe it runs under Vitest.
  delete env.VITEST;
  delete env.VITEST_MODE;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  delete env.TEST;
  env.NODE_ENV = 'production';
  return env;
}

function build(outDir: string): void {
  const started = Date.now();
  const result = spawnSync(process.execPath, [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: childEnv(),
    encoding: 'utf8',
    timeout: 110_000,
  });
  if (result.error) throw new Error(`vite build could not run: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(
      `vite build failed (exit ${result.status ?? result.signal}); the browser tests need a built app.\n${result.stdout}\n${result.stderr}`,
    );
  }
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`vite build produced no index.html in ${outDir}`);
  console.info(`[browser tests] built the app in ${Date.now() - started} ms`);
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      done();
      return;
    }
    const pid = child.pid;
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal); // the whole process group (detached child leads its own group)
      } catch {
        try {
          child.kill(signal);
        } catch {
          /* already gone */
        }
      }
    };
    const force = setTimeout(() => kill('SIGKILL'), 3_000);
    const giveUp = setTimeout(done, 6_000);
    child.once('exit', () => {
      clearTimeout(force);
      clearTimeout(giveUp);
      done();
    });
    kill('SIGTERM');
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`vite preview exited early (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        const html = await response.text();
        if (html.includes('id="root"')) return;
        lastError = 'the page does not look like the app';
      } else {
        lastError = `HTTP ${response.status}`;
      }
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms (${lastError}):\n${output()}`);
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  const outDir = mkdtempSync(join(tmpdir(), 'mingfen-e2e-'));
  let child: ChildProcess | undefined;
  const cleanup = async () => {
    if (child) await stopServer(child);
    rmSync(outDir, { recursive: true, force: true });
  };
  const onExit = () => {
    if (child?.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  process.once('exit', onExit);

  try {
    build(outDir);
    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}/`;
    let log = '';
    child = spawn(
      process.execPath,
      [VITE_BIN, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
      { cwd: ROOT, env: childEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitUntilAnswering(baseURL, child, () => log);

    project.provide('baseURL', baseURL);
    project.provide('chromiumPath', chromiumPath);
    project.provide('distDir', outDir);
  } catch (error) {
    await cleanup();
    process.off('exit', onExit);
    throw error;
  }

  return async () => {
    await cleanup();
    process.off('exit', onExit);
  };
}
