/**
 * Building the app and serving the build with `vite preview` on 127.0.0.1, and finding Debian's Chromium: what the
 * browser tests (tests/e2e/global-setup.ts, the sub-path build in tests/e2e/pwa.e2e.ts) and the measuring scripts
 * (preview.ts and the scripts that use it) share.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/**
 * The flags every Chromium here starts with: headless, and none of the background connections (updates, sync,
 * safe browsing) that a closed network refuses.
 */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const INSTALL_HINT =
  'Chromium not found: the browser tests and measurements need it. Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH)';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH (or CHROME_PATH), else /usr/bin/chromium, else `chromium` on PATH; throws an actionable error. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH?.trim() || env.CHROME_PATH?.trim();
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

/**
 * The environment of a child `vite`: production, the app at `basePath` (default `/`, whatever the caller's
 * BASE_PATH), and not believing it runs under Vitest (Vitest sets these in its own process).
 */
export function viteEnv(basePath?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  if (basePath) env.BASE_PATH = basePath;
  else delete env.BASE_PATH;
  for (const name of ['VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST']) delete env[name];
  return env;
}

/** A TCP port that was free a moment ago (the server is started with --strictPort, so a race fails loudly). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** `vite build` into `outDir` (emptied first); throws with vite's output when it fails. Returns the time taken. */
export function buildApp(outDir: string, options: { basePath?: string; timeoutMs?: number } = {}): number {
  const started = Date.now();
  const result = spawnSync(process.execPath, [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: viteEnv(options.basePath),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
  });
  const what = `vite build${options.basePath ? ` (BASE_PATH=${options.basePath})` : ''}`;
  if (result.error) throw new Error(`${what} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${what} produced no index.html in ${outDir}`);
  return Date.now() - started;
}

export interface Preview {
  /** The origin, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** The app's address: origin + base path, with a trailing slash. */
  readonly url: string;
  /** What the server printed so far. */
  log(): string;
  /** Stop the server (its whole process group) and wait until it has exited. */
  stop(): Promise<void>;
}

/** Serve the build in `outDir` with `vite preview` on a free port; resolves once it answers with the app's page. */
export async function startPreview(outDir: string, options: { basePath?: string; timeoutMs?: number } = {}): Promise<Preview> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}${options.basePath ?? '/'}`;
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [VITE_BIN, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
    // Detached: the server leads its own process group, so that stopping it stops everything it started.
    { cwd: ROOT, env: viteEnv(options.basePath), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const running = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      try {
        child.kill(name);
      } catch {
        // Already gone.
      }
    }
  };
  // If this process exits without stopping the server, take the server with it.
  const onExit = () => {
    if (running()) signal('SIGKILL');
  };
  process.once('exit', onExit);
  const stop = () =>
    new Promise<void>((done) => {
      process.off('exit', onExit);
      if (!running()) {
        done();
        return;
      }
      const force = setTimeout(() => signal('SIGKILL'), 3_000);
      const giveUp = setTimeout(done, 6_000);
      child.once('exit', () => {
        clearTimeout(force);
        clearTimeout(giveUp);
        done();
      });
      signal('SIGTERM');
    });

  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    if (!running()) {
      await stop();
      throw new Error(`vite preview exited early (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok && (await response.text()).includes('id="root"')) break;
      lastError = response.ok ? 'the page does not look like the app' : `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms (${lastError}):\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { origin, url, log: () => output, stop };
}
