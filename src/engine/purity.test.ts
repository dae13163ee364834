/** The engine stays pure: no UI, DOM or i18n imports, and nothing imported from outside src/engine. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const engineDir = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const forbiddenPackages = /^(react|react-dom|i18next|react-i18next|i18next-browser-languagedetector|react-hook-form)(\/|$)/;

describe('engine purity', () => {
  const files = sourceFiles(engineDir);

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(engineDir, f), f]))('%s imports neither UI libraries nor code outside the engine', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(importPattern)) {
      const spec = match[1] ?? match[2]!;
      expect(spec, `${file} imports ${spec}`).not.toMatch(forbiddenPackages);
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        expect(relative(engineDir, target).startsWith('..'), `${file} imports ${spec} from outside src/engine`).toBe(false);
      }
    }
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code, `${file} touches browser globals`).not.toMatch(
      /\b(window\.|localStorage|sessionStorage|navigator\.|document\.(body|cookie|documentElement|querySelector|getElement|createElement))/,
    );
  });
});
