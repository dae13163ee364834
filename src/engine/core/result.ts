/** Small helpers every city module uses to assemble a result trace. */
import { atLeast, roundedPoints } from './points';
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

type LineDraft = { -readonly [K in keyof Line]?: Line[K] };

/**
 * A copy of `line` with the same own enumerable keys in the same order, as `{ ...line }` gives. Object.assign is
 * several times faster than a spread here, because lines come in many shapes; it differs only for an own
 * `__proto__` key (which it would set as the prototype), so such a line is spread.
 */
function copyOfLine(line: Omit<Line, 'counted' | 'notCountedReason'>): LineDraft {
  return line != null && Object.hasOwn(line, '__proto__') ? { ...line } : Object.assign({}, line);
}

/** A line that counts. */
export function countedLine(line: Omit<Line, 'counted' | 'notCountedReason'>): Line {
  const copy = copyOfLine(line);
  copy.counted = true;
  return copy as Line;
}

/** A line that does not count, with the reason. */
export function uncountedLine(line: Omit<Line, 'counted' | 'notCountedReason'>, reason: Message): Line {
  const copy = copyOfLine(line);
  copy.counted = false;
  copy.notCountedReason = reason;
  return copy as Line;
}

/** Sum of the counted lines among `lines` (deductions are negative), floored at `floor` when given. */
export function totalOf(lines: readonly Line[], floor: number | null): number {
  let sum = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // The holes of a sparse array are skipped, as a filter would.
    if (line === undefined && !(i in lines)) continue;
    if (line.counted) sum += line.points;
  }
  const raw = roundedPoints(sum);
  return floor === null ? raw : atLeast(raw, floor);
}

/** Overall eligibility from the gates and the veto: any failure → no; all pass → yes; otherwise unknown. */
export function eligibilityOf(gates: readonly Gate[], veto: Veto): Eligibility {
  if (veto.vetoed) return 'no';
  let allPass = true;
  for (let i = 0; i < gates.length; i++) {
    const gate = gates[i]!;
    if (gate === undefined && !(i in gates)) continue;
    if (gate.status === 'fail') return 'no';
    if (gate.status !== 'pass') allPass = false;
  }
  return allPass ? 'yes' : 'unknown';
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
    lineIds: idsOf(options.lines),
    total,
    threshold: options.threshold,
    verdict: verdictOf(total, options.threshold, options.vetoed),
    citation: options.citation,
  };
}

/** The ids of `lines`, in order. */
function idsOf(lines: readonly Line[]): string[] {
  const ids: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A sparse list keeps its holes, as a map would.
    if (line === undefined && !(i in lines)) return lines.map((l) => l.id);
    ids.push(line.id);
  }
  return ids;
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
  for (const kind of kinds) pushWindowedDeductionLines(lines, ns, asOf, kind, kind.dates);
  return lines;
}

/** A kind of windowed deduction without its dates: the part a city can build once per rule pack. */
export type WindowedDeductionRule = Omit<WindowedDeduction, 'dates'>;

/**
 * Appends to `lines` what `windowedDeductionLines` gives for one kind with these `dates` (nothing when there are
 * none). The lines are built in their final shape, with the keys in the same order.
 */
export function pushWindowedDeductionLines(
  lines: Line[],
  ns: string,
  asOf: IsoDate,
  rule: WindowedDeductionRule,
  dates: readonly IsoDate[] | undefined,
): void {
  const { kind, pointsEach, windowYears, citation, caveat } = rule;
  if (!dates || dates.length === 0) return;
  let inside = 0;
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i]!;
    // A hole in a sparse list is not a record inside the window (as a filter would skip it).
    if (date === undefined && !(i in dates)) continue;
    if (withinYears(date, asOf, windowYears)) inside++;
  }
  const outside = dates.length - inside;
  if (inside > 0) {
    const id = `deduction.${kind}`;
    const points = -pointsEach * inside;
    const message: Message = {
      key: `${ns}line.deduction.${kind}`,
      params: { count: inside, each: pointsEach, years: windowYears },
    };
    lines.push(
      caveat
        ? { category: 'deduction', citation, id, points, message, caveat, counted: true }
        : { category: 'deduction', citation, id, points, message, counted: true },
    );
  }
  if (outside > 0) {
    lines.push({
      category: 'deduction',
      citation,
      id: `deduction.${kind}.expired`,
      points: -pointsEach * outside,
      message: { key: `${ns}line.deductionExpired.${kind}`, params: { count: outside, each: pointsEach, years: windowYears } },
      counted: false,
      notCountedReason: { key: 'rules:reason.windowPassed', params: { years: windowYears } },
    });
  }
}
