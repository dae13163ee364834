/**
 * What the tests of the command-line scripts share: running a script the way `npm run <name>` does, and scratch
 * files for its input. Test code only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run scripts/<script>.ts as `npm run <script>` does (tsx), through node's tsx loader to skip npm's start-up. */
export function runScript(script: 'score' | 'link', args: readonly string[], input?: string): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join('scripts', `${script}.ts`), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    ...(input !== undefined ? { input } : {}),
  });
  if (result.error) throw new Error(`scripts/${script}.ts could not run: ${result.error.message}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface ScratchFiles {
  /** Writes a file (a value as JSON, a string as it is) and returns its path. */
  write(content: unknown): string;
  /** The path of `name` in the scratch directory (nothing is written). */
  pathOf(name: string): string;
}

/** A scratch directory for the calling test file, removed after its tests. */
export function scratchFiles(prefix: string): ScratchFiles {
  const dir = mkdtempSync(join(tmpdir(), `mingfen-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let count = 0;
  return {
    write(content) {
      const path = join(dir, `doc-${count++}.json`);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    },
    pathOf: (name) => join(dir, name),
  };
}
