/**
 * Named personas with hand-computed expectations (spec: /work/shared/rules/guangzhou.md §8 T1–T12 and the product
 * decisions; the 2018 seed table and its certificate example). Each file holds the personas of one rule pack.
 * Facts are validated with the same schema the CLI and share links use, then scored; every score, gate and line is
 * compared. Point values may be written as exact fractions ("50/3").
 */
import type { Eligibility, GateStatus, Verdict } from '../../core/types';
import { evaluateGuangzhou } from './evaluate';
import { guangzhouFactsAt } from './facts';
import { itChecksTheFixtureFiles, loadFixtureFiles } from '../fixtureTesting';

/** A number, or an exact fraction written "numerator/denominator". */
type Points = number | string;

interface Persona {
  readonly name: string;
  readonly source: string;
  readonly asOf: string;
  readonly facts: Record<string, unknown>;
  readonly expected: {
    /** Whether the as-of date lies inside the pack's validity (default true). */
    readonly inValidity?: boolean;
    readonly scores: Readonly<Record<'hukou' | 'ranking' | 'services' | 'school', Points>>;
    readonly threshold: number;
    readonly verdict: Verdict;
    readonly eligible?: Eligibility;
    readonly gates?: Readonly<Record<string, GateStatus>>;
    readonly lines: Readonly<Record<string, { readonly points: Points; readonly counted: boolean }>>;
    readonly notices?: readonly string[];
    readonly missing?: readonly string[];
  };
}

function value(points: Points): number {
  if (typeof points === 'number') return points;
  const m = /^(-?\d+)\/(\d+)$/.exec(points);
  if (!m) throw new Error(`not a fraction: ${points}`);
  return Number(m[1]) / Number(m[2]);
}

const packIds = ['guangzhou-2018', 'guangzhou-2021'] as const;

const files = loadFixtureFiles<Persona>(import.meta.url, packIds);

describe('Guangzhou fixture files', () => {
  itChecksTheFixtureFiles(files, {
    minPersonas: 10,
    alsoCheck: (p) => expect(Object.keys(p.expected.scores).sort(), p.name).toEqual(['hukou', 'ranking', 'school', 'services']),
  });

  it('the 2021 file covers every derived case T1–T12 of the spec', () => {
    const sources = files.find((f) => f.packId === 'guangzhou-2021')!.personas.map((p) => p.source).join('\n');
    for (let i = 1; i <= 12; i++) expect(sources, `T${i}`).toMatch(new RegExp(`\\bT${i}\\b`));
  });

  it('the 2018 file covers the seed certificate example (中级 20, 高级 30)', () => {
    const personas = files.find((f) => f.packId === 'guangzhou-2018')!.personas;
    const seed = personas.filter((p) => p.source.includes('seed certificate page'));
    expect(seed.map((p) => p.expected.lines.technicalAbility?.points).sort()).toEqual([20, 30]);
  });
});

for (const { packId, personas } of files) {
  describe(`Guangzhou personas, ${packId}`, () => {
    for (const persona of personas) {
      it(persona.name, () => {
        const parsed = guangzhouFactsAt(persona.asOf).safeParse(persona.facts);
        if (!parsed.success) expect.fail(`facts rejected: ${JSON.stringify(parsed.error.issues)}`);
        const result = evaluateGuangzhou(parsed.data, persona.asOf);
        const { expected } = persona;

        expect(result.status).toBe('scored');
        expect(result.pack?.id).toBe(packId);
        expect(result.pack?.asOfInValidity).toBe(expected.inValidity ?? true);

        const scores = Object.fromEntries(result.scores.map((s) => [s.id, s]));
        expect(result.scores.map((s) => s.id)).toEqual(['hukou', 'ranking', 'services', 'school']);
        for (const [id, points] of Object.entries(expected.scores)) {
          expect(scores[id]?.total, `score ${id}`).toBeCloseTo(value(points), 6);
        }
        expect(result.total).toBe(scores.hukou!.total);
        expect(result.threshold).toBe(expected.threshold);
        expect(scores.hukou!.threshold).toBe(expected.threshold);
        expect(result.verdict).toBe(expected.verdict);
        if (expected.eligible !== undefined) {
          expect(result.eligible).toBe(expected.eligible);
          expect(scores.hukou!.eligible).toBe(expected.eligible);
        }
        if (expected.gates !== undefined) {
          expect(Object.fromEntries(result.gates.map((g) => [g.id, g.status]))).toEqual(expected.gates);
        }

        const all = [...result.lines, ...result.deductions];
        expect(all.map((l) => l.id).sort()).toEqual(Object.keys(expected.lines).sort());
        for (const line of all) {
          const want = expected.lines[line.id]!;
          expect(line.counted, `${line.id} counted`).toBe(want.counted);
          expect(line.points, `${line.id} points`).toBeCloseTo(value(want.points), 9);
        }

        if (expected.notices !== undefined) expect(result.notices.map((n) => n.message.key)).toEqual(expected.notices);
        if (expected.missing !== undefined) expect([...result.missing].sort()).toEqual([...expected.missing].sort());
      });
    }
  });
}
