/** Small helpers every city module uses to assemble a result trace. */
import { atLeast, sumPoints } from './points';
import { withinYears } from './dates';
import type {
  Citation,
  CityId,
  Eligibility,
  Gate,
  IsoDate,
  Line,
  Message,
  ScoreResult,
  ScoreSummary,
  Verdict,
  Veto,
} from './types';

/** Build a message. */
export const msg = (key: string, params?: Message['params']): Message => (params ? { key, params } : { key });

/** A line that counts. */
export function countedLine(line: Omit<Line, 'counted' | 'notCountedReason'>): Line {
  return { ...line, counted: true };
}

/** A line that does not count, with the reason. */
export function uncountedLine(line: Omit<Line, 'counted' | 'notCountedReason'>, reason: Message): Line {
  return { ...line, counted: false, notCountedReason: reason };
}

/** Sum of the counted lines among `lines` (deductions are negative), floored at `floor` when given. */
export function totalOf(lines: readonly Line[], floor: number | null): number {
  const raw = sumPoints(lines.filter((l) => l.counted).map((l) => l.points));
  return floor === null ? raw : atLeast(raw, floor);
}

/** Overall eligibility from the gates and the veto: any failure → no; all pass → yes; otherwise unknown. */
export function eligibilityOf(gates: readonly Gate[], veto: Veto): Eligibility {
  if (veto.vetoed || gates.some((g) => g.status === 'fail')) return 'no';
  return gates.every((g) => g.status === 'pass') ? 'yes' : 'unknown';
}

/** Verdict of a total against its threshold. */
export function verdictOf(total: number | null, threshold: number | null, vetoed: boolean): Verdict {
  if (vetoed) return 'vetoed';
  if (threshold === null) return 'noThreshold';
  if (total === null) return 'notReached';
  return total >= threshold ? 'reached' : 'notReached';
}

/** A score over a subset of lines. */
export function scoreOver(options: {
  id: string;
  label: Message;
  lines: readonly Line[];
  floor: number | null;
  threshold: number | null;
  vetoed: boolean;
  citation: Citation;
}): ScoreSummary {
  const total = options.vetoed ? null : totalOf(options.lines, options.floor);
  return {
    id: options.id,
    label: options.label,
    lineIds: options.lines.map((l) => l.id),
    total,
    threshold: options.threshold,
    verdict: verdictOf(total, options.threshold, options.vetoed),
    citation: options.citation,
  };
}

/** The result for a date no rule pack covers: no pack, no lines, no total, and a notice saying why. */
export function notModelledResult(city: CityId, asOf: IsoDate, notice: Message): ScoreResult {
  return {
    city,
    asOf,
    status: 'notModelled',
    pack: null,
    gates: [],
    lines: [],
    deductions: [],
    veto: { vetoed: false, reasons: [] },
    total: null,
    threshold: null,
    verdict: 'notModelled',
    eligible: 'unknown',
    scores: [],
    notices: [{ level: 'warning', message: notice }],
    missing: [],
  };
}

/** One kind of record that costs points while it is recent (a detention, a false statement …). */
export interface WindowedDeduction {
  /** Line id suffix: `deduction.<kind>` (and `deduction.<kind>.expired` for records outside the window). */
  readonly kind: string;
  readonly dates: readonly IsoDate[] | undefined;
  /** Points taken off per record inside the window (a positive number). */
  readonly pointsEach: number;
  readonly windowYears: number;
  readonly citation: Citation;
  readonly caveat?: string;
}

/**
 * Deduction lines for records dated within `windowYears` before `asOf` (counted, one line per kind) and for
 * older records (shown as not counted: the window has passed). Message keys: `<ns>line.deduction.<kind>` and
 * `<ns>line.deductionExpired.<kind>` with { count, each, years }.
 */
export function windowedDeductionLines(ns: string, asOf: IsoDate, kinds: readonly WindowedDeduction[]): Line[] {
  const lines: Line[] = [];
  for (const { kind, dates, pointsEach, windowYears, citation, caveat } of kinds) {
    if (!dates || dates.length === 0) continue;
    const inside = dates.filter((d) => withinYears(d, asOf, windowYears)).length;
    const outside = dates.length - inside;
    const base = { category: 'deduction', citation } as const;
    if (inside > 0) {
      lines.push(
        countedLine({
          ...base,
          id: `deduction.${kind}`,
          points: -pointsEach * inside,
          message: msg(`${ns}line.deduction.${kind}`, { count: inside, each: pointsEach, years: windowYears }),
          ...(caveat ? { caveat } : {}),
        }),
      );
    }
    if (outside > 0) {
      lines.push(
        uncountedLine(
          {
            ...base,
            id: `deduction.${kind}.expired`,
            points: -pointsEach * outside,
            message: msg(`${ns}line.deductionExpired.${kind}`, { count: outside, each: pointsEach, years: windowYears }),
          },
          msg('rules:reason.windowPassed', { years: windowYears }),
        ),
      );
    }
  }
  return lines;
}
