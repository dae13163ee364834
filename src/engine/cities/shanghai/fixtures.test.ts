/**
 * Named personas with hand-computed expectations (docs: /work/shared/rules/shanghai.md §5, §10 and the
 * product decisions). Each file holds the personas of one rule pack; each persona runs through the same path
 * as the CLI and share links: parseDocument → scoreDocument.
 */
import { parseDocument, scoreDocument } from '../../document';
import type { Eligibility, Verdict } from '../../core/types';
import { itChecksTheFixtureFiles, loadFixtureFiles } from '../fixtureTesting';

interface Persona {
  readonly name: string;
  readonly source: string;
  readonly asOf: string;
  readonly facts: Record<string, unknown>;
  readonly expected: {
    readonly total: number | null;
    readonly verdict: Verdict;
    readonly eligible?: Eligibility;
    readonly lines: Readonly<Record<string, { readonly points: number; readonly counted: boolean }>>;
    readonly missing?: readonly string[];
  };
}

const packIds = ['shanghai-2015', 'shanghai-2018', 'shanghai-2023'] as const;

const files = loadFixtureFiles<Persona>(import.meta.url, packIds);

describe('Shanghai fixture files', () => {
  itChecksTheFixtureFiles(files, { minPersonas: 6 });

  it('the 2023 file covers every published and derived case of the spec', () => {
    const sources = files.find((f) => f.packId === 'shanghai-2023')!.personas.map((p) => p.source).join('\n');
    const cases = [
      ...Array.from({ length: 13 }, (_, i) => `E${i + 1}`),
      ...Array.from({ length: 8 }, (_, i) => `T${i + 1}`),
      ...Array.from({ length: 9 }, (_, i) => `V${i + 1}`),
    ];
    for (const c of cases) expect(sources, c).toMatch(new RegExp(`\\b${c}\\b`));
  });
});

for (const { packId, personas } of files) {
  describe(`Shanghai personas, ${packId}`, () => {
    for (const persona of personas) {
      it(persona.name, () => {
        const parsed = parseDocument({ city: 'shanghai', asOf: persona.asOf, version: 1, facts: persona.facts });
        if (!parsed.ok) expect.fail(`facts rejected: ${JSON.stringify(parsed.issues)}`);
        const result = scoreDocument(parsed.document);
        const { expected } = persona;

        expect(result.status).toBe('scored');
        expect(result.pack?.id).toBe(packId);
        expect(result.pack?.asOfInValidity).toBe(true);
        expect(result.total).toBe(expected.total);
        expect(result.verdict).toBe(expected.verdict);
        if (expected.eligible !== undefined) expect(result.eligible).toBe(expected.eligible);

        const all = [...result.lines, ...result.deductions];
        const actualLines = Object.fromEntries(all.map((l) => [l.id, { points: l.points, counted: l.counted }]));
        expect(all.map((l) => l.id).sort()).toEqual(Object.keys(expected.lines).sort());
        expect(actualLines).toEqual(expected.lines);

        if (expected.missing !== undefined) expect([...result.missing].sort()).toEqual([...expected.missing].sort());
      });
    }
  });
}
