/** Small helpers every city module uses to assemble a result trace. */
import { atLeast, sumPoints } from './points';
import type { Citation, Eligibility, Gate, Line, Message, ScoreSummary, Verdict, Veto } from './types';

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
