/**
 * Named personas with hand-computed expectations (rules spec /work/shared/rules/tianjin.md §6.2 cases A–F, the
 * product decisions, and boundaries). Each file holds the personas of one rule pack; each persona runs through
 * the city module as the CLI does: facts validated with `factsAt(asOf)`, then `evaluate`. Totals and lines are
 * compared to the cent.
 */
import type { Eligibility, GateStatus, Verdict } from '../../core/types';
import { itChecksTheFixtureFiles, loadFixtureFiles } from '../fixtureTesting';
import { tianjin } from './index';

interface Persona {
  readonly name: string;
  readonly source: string;
  readonly asOf: string;
  /** Whether the as-of date lies inside the pack's validity (default true). */
  readonly inValidity?: boolean;
  readonly facts: Record<string, unknown>;
  readonly expected: {
    readonly total: number | null;
    readonly verdict: Verdict;
    readonly eligible?: Eligibility;
    /** The cut-off date the facts are counted to (read from the period notice). */
    readonly cutoff?: string;
    readonly gates?: Readonly<Record<string, GateStatus>>;
    /** Notice keys that must be present. */
    readonly notices?: readonly string[];
    readonly lines: Readonly<Record<string, { readonly points: number; readonly counted: boolean }>>;
    readonly missing?: readonly string[];
  };
}

const packIds = ['tianjin-2022', 'tianjin-2023'] as const;

const files = loadFixtureFiles<Persona>(import.meta.url, packIds);

describe('Tianjin fixture files', () => {
  itChecksTheFixtureFiles(files, {
    minPersonas: 6,
    // Every expected value is a whole number of hundredths.
    alsoCheck: (p) => {
      for (const [id, line] of Object.entries(p.expected.lines)) {
        expect(Math.abs(line.points * 100 - Math.round(line.points * 100)), `${p.name} ${id}`).toBeLessThan(1e-9);
      }
    },
  });

  it('the 2023 file covers the spec cases A–F', () => {
    const sources = files.find((f) => f.packId === 'tianjin-2023')!.personas.map((p) => p.source).join('\n');
    for (const c of ['A', 'B', 'C', 'D', 'E', 'F']) expect(sources, c).toMatch(new RegExp(`case ${c}\\b`));
  });

  it('expected totals are the sums of the expected counted lines', () => {
    for (const { personas } of files) {
      for (const p of personas) {
        const hundredths = Object.values(p.expected.lines)
          .filter((l) => l.counted)
          .reduce((sum, l) => sum + Math.round(l.points * 100), 0);
        expect(hundredths / 100, p.name).toBe(p.expected.total);
      }
    }
  });
});

for (const { packId, personas } of files) {
  describe(`Tianjin personas, ${packId}`, () => {
    for (const persona of personas) {
      it(persona.name, () => {
        const parsed = tianjin.factsAt(persona.asOf).safeParse(persona.facts);
        if (!parsed.success) expect.fail(`facts rejected: ${JSON.stringify(parsed.error.issues)}`);
        const result = tianjin.evaluate(parsed.data, persona.asOf);
        const { expected } = persona;

        expect(result.status).toBe('scored');
        expect(result.fixedDecimals).toBe(2);
        expect(result.pack?.id).toBe(packId);
        expect(result.pack?.asOfInValidity).toBe(persona.inValidity ?? true);
        expect(result.total).toBe(expected.total);
        expect(result.scores[0]?.total).toBe(expected.total);
        expect(result.verdict).toBe(expected.verdict);
        if (expected.eligible !== undefined) expect(result.eligible).toBe(expected.eligible);

        const all = [...result.lines, ...result.deductions];
        const actualLines = Object.fromEntries(all.map((l) => [l.id, { points: l.points, counted: l.counted }]));
        expect(all.map((l) => l.id).sort()).toEqual(Object.keys(expected.lines).sort());
        expect(actualLines).toEqual(expected.lines);

        if (expected.gates) {
          const statuses = Object.fromEntries(result.gates.map((g) => [g.id, g.status]));
          expect(statuses).toMatchObject(expected.gates);
        }
        const noticeKeys = result.notices.map((n) => n.message.key);
        for (const key of expected.notices ?? []) expect(noticeKeys).toContain(key);
        if (expected.cutoff !== undefined) {
          const period = result.notices.find((n) => /notice\.period(Default)?$/.test(n.message.key));
          expect(period?.message.params?.cutoff).toBe(expected.cutoff);
        }
        if (expected.missing !== undefined) expect([...result.missing].sort()).toEqual([...expected.missing].sort());
      });
    }
  });
}
