/**
 * For the measuring scripts (lighthouse.ts, bench-browser.ts): build the app into a temporary directory (or use a
 * given build), serve it with `vite preview` on a free port of 127.0.0.1, and stop and clean up afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** Debian's Chromium (CHROME_PATH or CHROMIUM_PATH override it). */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH?.trim() || process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: sudo apt-get update && sudo apt-get install -y chromium (or set CHROME_PATH)`);
  }
  return path;
}

/** The flags every measurement launches Chromium with. */
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

/** `vite` with the app at `/`, in production mode, not believing it runs under Vitest. */
function viteEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env.BASE_PATH;
  delete env.VITEST;
  return env;
}

function freePort(): Promise<number> {
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
    const build = spawnSync(process.execPath, [VITE_BIN, 'build', '--outDir', temporary, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      env: viteEnv(),
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
  }
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${outDir} holds no build (no index.html)`);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child: ChildProcess = spawn(
    process.execPath,
    [VITE_BIN, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
    { cwd: ROOT, env: viteEnv(), detached: true, stdio: 'ignore' },
  );
  const stop = () => {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', stop);
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      stop();
      throw new Error(`vite preview did not answer at ${url}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    dist: outDir,
    async close() {
      stop();
      await new Promise((r) => setTimeout(r, 200));
      process.off('exit', stop);
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}

/** The value of `--name value` among the arguments, if given. */
export function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
