/**
 * What the fixture tests of every city share (src/engine/cities/<city>/fixtures.test.ts): reading the persona files
 * of a city's rule packs and the checks every file must pass. Test code only: nothing in the engine imports it.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

/** The part of a fixture persona every city has. */
export interface FixturePersona {
  readonly name: string;
  readonly source: string;
  readonly asOf: string;
  readonly facts: Record<string, unknown>;
  readonly expected: { readonly lines: Readonly<Record<string, unknown>> };
}

export interface FixtureFile<P> {
  readonly packId: string;
  readonly personas: readonly P[];
}

/** The persona files `fixtures/<packId>.json` beside `testUrl` (the calling test's `import.meta.url`). */
export function loadFixtureFiles<P extends FixturePersona>(testUrl: string, packIds: readonly string[]): FixtureFile<P>[] {
  return packIds.map((packId) => ({
    packId,
    personas: JSON.parse(readFileSync(new URL(`./fixtures/${packId}.json`, testUrl), 'utf8')) as P[],
  }));
}

/**
 * The checks every city's persona files pass: names unique across the files, each persona well formed (a source,
 * an ISO as-of date, an age line, plus `alsoCheck`), and at least `minPersonas` personas per file.
 */
export function itChecksTheFixtureFiles<P extends FixturePersona>(
  files: readonly FixtureFile<P>[],
  options: { readonly minPersonas: number; readonly alsoCheck?: (persona: P) => void },
): void {
  it('persona names are unique across all files', () => {
    const names = files.flatMap((f) => f.personas.map((p) => p.name));
    expect(new Set(names).size).toBe(names.length);
  });

  it('every persona is well formed', () => {
    for (const { personas } of files) {
      for (const p of personas) {
        expect(typeof p.name, p.name).toBe('string');
        expect(p.source, p.name).toMatch(/\S/);
        expect(p.asOf, p.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Object.keys(p.expected.lines), p.name).toContain('age');
        options.alsoCheck?.(p);
      }
    }
  });

  it(`each file has at least ${options.minPersonas} personas`, () => {
    for (const { packId, personas } of files) expect(personas.length, packId).toBeGreaterThanOrEqual(options.minPersonas);
  });
}
