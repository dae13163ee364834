/**
 * Core types shared by every city module. The engine is pure: facts in, a result trace out.
 * The UI, the CLI, share links and tests all read the same trace; none of them re-derive points.
 */

/** Cities the engine knows. */
export type CityId = 'shanghai' | 'guangzhou' | 'tianjin';

/** A calendar date as `YYYY-MM-DD` (no time zone: policy dates are local dates). */
export type IsoDate = string;

/** How sure the research is about a rule or value. */
export type Confidence = 'high' | 'medium' | 'low';

/** Where a number comes from: the instrument (document number), the article, and a source page. */
export interface Citation {
  /** Document name and number, e.g. 沪府规〔2022〕21号. */
  readonly instrument: string;
  /** Article, item or table row, e.g. 第六条第一项 or 指标及分值表·年龄. */
  readonly article: string;
  /** A page where the text (or a faithful repost of it) can be read. */
  readonly url: string;
  /** How sure we are; anything below high should come with a caveat on the lines it feeds. */
  readonly confidence: Confidence;
  /** Short research note (why this reading, what is unverified). Not shown as the main explanation. */
  readonly note?: string;
}

/** A parameter value with its citation: rule packs hold nothing else. */
export interface Cited<T> {
  readonly value: T;
  readonly cite: Citation;
}

/** A translatable message: the UI (or CLI) looks up `key` with `params`; the engine never writes prose. */
export interface Message {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A dated rule pack: metadata plus cited parameters. */
export interface RulePackMeta {
  readonly id: string;
  readonly city: CityId;
  /** Instrument(s) the pack implements, e.g. 沪府规〔2022〕21号. */
  readonly instrument: string;
  /** First day in force (inclusive). */
  readonly validFrom: IsoDate;
  /** Last day in force (inclusive). */
  readonly validTo: IsoDate;
  /** True when `validTo` is our assumption rather than a published date. */
  readonly validToAssumed?: boolean;
  /** Source for the validity dates. */
  readonly validityCite: Citation;
}

export interface RulePack<P> extends RulePackMeta {
  readonly params: P;
}

/** Summary of the pack used, as reported in a result. */
export interface PackInfo {
  readonly id: string;
  readonly instrument: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate;
  readonly validToAssumed: boolean;
  /** Whether the as-of date lies inside [validFrom, validTo]. */
  readonly asOfInValidity: boolean;
}

export type GateStatus = 'pass' | 'fail' | 'unknown';

/** An eligibility condition, shown before the points. */
export interface Gate {
  readonly id: string;
  readonly status: GateStatus;
  /** What the condition is, e.g. "holds a valid residence permit". */
  readonly message: Message;
  /** Why it passed, failed or is unknown. */
  readonly reason: Message;
  readonly citation: Citation;
  readonly caveat?: string;
}

export type LineCategory = 'basic' | 'bonus' | 'guidance' | 'additional' | 'deduction';

/** One itemised line of the score. Deductions carry negative points. */
export interface Line {
  /** Stable id, e.g. `age`, `education`, `deduction.detention`. */
  readonly id: string;
  readonly category: LineCategory;
  /** Points this line would give (negative for deductions); counted only when `counted` is true. */
  readonly points: number;
  /** The cap that applies to this line, if any. */
  readonly cap?: number;
  readonly counted: boolean;
  /** Why the line does not count (pick-one rule, gate not met, window passed, missing fact …). */
  readonly notCountedReason?: Message;
  /** Plain explanation of how the points were reached. */
  readonly message: Message;
  readonly citation: Citation;
  /** i18n key of a caveat shown to the user where the rule is uncertain. */
  readonly caveat?: string;
}

/** `noThreshold`: the score has no pass mark (e.g. a ranking key or a score used only for services). */
export type Verdict = 'reached' | 'notReached' | 'noThreshold' | 'vetoed' | 'notModelled';

/** A published reference value to compare a score with (e.g. a past round's cut-off line). */
export interface Comparison {
  readonly id: string;
  /** What the value is, e.g. "2023 round cut-off (basic score)". */
  readonly label: Message;
  readonly value: number;
  readonly citation: Citation;
  readonly caveat?: string;
}

/** One score computed from the lines (a city may have several, e.g. Guangzhou's services/school/hukou). */
export interface ScoreSummary {
  readonly id: string;
  /** i18n key naming the score's purpose. */
  readonly label: Message;
  /** Plain explanation of what the score is used for and how it differs from the others. */
  readonly description?: Message;
  /** Line ids that enter this score. */
  readonly lineIds: readonly string[];
  /** Sum of counted lines, floored where the rules say so; null when vetoed or not modelled. */
  readonly total: number | null;
  readonly threshold: number | null;
  readonly verdict: Verdict;
  readonly citation: Citation;
  /** Ids of the gates that apply to this score (all gates when absent). */
  readonly gateIds?: readonly string[];
  /** Eligibility for this score's purpose, from its gates (and the veto). */
  readonly eligible?: Eligibility;
  /** Published values to compare with (cut-off lines …), each labelled with its year, scale and source. */
  readonly comparisons?: readonly Comparison[];
}

export interface Veto {
  readonly vetoed: boolean;
  readonly reasons: readonly { readonly id: string; readonly message: Message; readonly citation: Citation }[];
}

export type Eligibility = 'yes' | 'no' | 'unknown';

/** Notices about the result as a whole (pack expired, rules not modelled for that date …). */
export interface Notice {
  readonly level: 'info' | 'warning';
  readonly message: Message;
}

/** The full trace for one person on one as-of date. */
export interface ScoreResult {
  readonly city: CityId;
  readonly asOf: IsoDate;
  /** `notModelled` when no rule pack covers the as-of date (for example before a system existed). */
  readonly status: 'scored' | 'notModelled';
  readonly pack: PackInfo | null;
  readonly gates: readonly Gate[];
  /** Points lines (basic and bonus), counted or not. */
  readonly lines: readonly Line[];
  /** Deduction lines (negative points), counted or not. */
  readonly deductions: readonly Line[];
  readonly veto: Veto;
  /** Primary score total (same as scores[0].total). */
  readonly total: number | null;
  readonly threshold: number | null;
  readonly verdict: Verdict;
  readonly eligible: Eligibility;
  readonly scores: readonly ScoreSummary[];
  readonly notices: readonly Notice[];
  /** Fact names that were not provided but change the result. */
  readonly missing: readonly string[];
  /** Show every point value with this many decimals (Tianjin: 2); otherwise whole numbers as they are. */
  readonly fixedDecimals?: number;
}
