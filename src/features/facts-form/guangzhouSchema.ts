/**
 * The Guangzhou form's schema: the as-of date plus the facts, with the cross-field checks on the facts. Differences
 * from the facts format, all removed by `guangzhouFactsFromForm`:
 * - a date row or record row the user has just added may still be empty; it is ignored (not an error);
 * - a record row that is partly filled reports each missing value on its own control;
 * - awards are rows `{ level }` (the facts hold the plain list of levels).
 */
import * as z from 'zod/mini';
import {
  checkGuangzhouFacts,
  guangzhouAwardLevels,
  guangzhouFactsShape,
  guangzhouPatentShape,
  guangzhouTaxYearShape,
  guangzhouVolunteerYearShape,
  type GuangzhouAward,
  type GuangzhouFacts,
  type GuangzhouPatent,
} from '../../engine/cities/guangzhou/facts';
import { isoDate } from '../../engine/core/fields';

const dateRows = () => z.optional(z.array(z.union([z.literal(''), isoDate()])));

/** Row shapes while typing: each value may still be missing, and is checked like the facts format once given. */
const patent = guangzhouPatentShape.shape;
const patentRow = z.object({
  kind: z.optional(patent.kind),
  inventors: z.optional(patent.inventors),
  firstInventor: z.optional(z.boolean()),
  grantDate: z.optional(z.union([z.literal(''), isoDate()])),
});
const yearHoursRow = z.object({
  year: z.optional(guangzhouVolunteerYearShape.shape.year),
  hours: z.optional(guangzhouVolunteerYearShape.shape.hours),
});
const yearYuanRow = z.object({
  year: z.optional(guangzhouTaxYearShape.shape.year),
  yuan: z.optional(guangzhouTaxYearShape.shape.yuan),
});
const awardRow = z.object({ level: z.optional(z.enum(guangzhouAwardLevels, { error: 'errors.choice' })) });

const rows = <T extends z.ZodMiniType>(row: T) => z.optional(z.array(row));

type Row = Readonly<Record<string, unknown>>;

/** A row whose values are all empty (a checkbox left unticked counts as empty). */
const isBlank = (row: Row) => Object.values(row).every((v) => v === undefined || v === '' || v === false || v === null);

/** Required values of each record list and the error a missing one shows. */
const REQUIRED = {
  patents: { kind: 'errors.choice', inventors: 'errors.number', grantDate: 'errors.date' },
  volunteerHours: { year: 'errors.number', hours: 'errors.number' },
  incomeTax: { year: 'errors.number', yuan: 'errors.number' },
  companyTax: { year: 'errors.number', yuan: 'errors.number' },
  awards: { level: 'errors.choice' },
} as const satisfies Record<string, Record<string, string>>;

/** The facts as the checks and the facts schema see them: blank rows and empty dates dropped, awards as levels. */
function cleanFacts(facts: Readonly<Record<string, unknown>>): { facts: GuangzhouFacts; positions: Record<string, number[]> } {
  const cleaned: Record<string, unknown> = { ...facts };
  const positions: Record<string, number[]> = {};
  for (const key of ['bloodDonationDates', 'taxEvasionDates', 'publicSecurityPenaltyDates', 'criminalPunishmentDates']) {
    const list = facts[key];
    if (!Array.isArray(list)) continue;
    const kept = list.flatMap((d, i) => (d === '' ? [] : [[d, i] as const]));
    positions[key] = kept.map(([, i]) => i);
    if (kept.length > 0) cleaned[key] = kept.map(([d]) => d);
    else delete cleaned[key];
  }
  for (const key of Object.keys(REQUIRED)) {
    const list = facts[key];
    if (!Array.isArray(list)) continue;
    const kept = list.flatMap((row: Row, i) => (isBlank(row) ? [] : [[row, i] as const]));
    positions[key] = kept.map(([, i]) => i);
    if (kept.length === 0) {
      delete cleaned[key];
      continue;
    }
    const values = kept.map(([row]) => {
      const entries = Object.entries(row).filter(([, v]) => v !== undefined && v !== '');
      return Object.fromEntries(entries);
    });
    cleaned[key] = key === 'awards' ? values.map((row) => row.level) : values;
  }
  return { facts: cleaned as GuangzhouFacts, positions };
}

export const guangzhouFormSchema = z
  .object({
    asOf: isoDate(),
    facts: z.extend(guangzhouFactsShape, {
      patents: rows(patentRow),
      volunteerHours: rows(yearHoursRow),
      incomeTax: rows(yearYuanRow),
      companyTax: rows(yearYuanRow),
      awards: rows(awardRow),
      bloodDonationDates: dateRows(),
      taxEvasionDates: dateRows(),
      publicSecurityPenaltyDates: dateRows(),
      criminalPunishmentDates: dateRows(),
    }),
  })
  .check(
    z.superRefine((value, ctx) => {
      const raw = value.facts as Readonly<Record<string, unknown>>;
      const report = (path: readonly (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', message, path: ['facts', ...path], input: value });

      // A partly filled row names each missing value.
      for (const [key, required] of Object.entries(REQUIRED)) {
        const list = raw[key];
        if (!Array.isArray(list)) continue;
        list.forEach((row: Row, i) => {
          if (isBlank(row)) return;
          for (const [field, message] of Object.entries(required)) {
            if (row[field] === undefined || row[field] === '') report([key, i, field], message);
          }
        });
      }

      // Cross-field checks run on the cleaned facts; issue paths are mapped back to the rows' positions.
      const { facts, positions } = cleanFacts(raw);
      const toFormPath = (path: readonly (string | number)[]) => {
        const [key, index, ...rest] = path;
        if (typeof key === 'string' && typeof index === 'number' && positions[key]) {
          return [key, positions[key]![index] ?? index, ...rest];
        }
        return [...path];
      };
      for (const issue of checkGuangzhouFacts(facts, value.asOf)) report(toFormPath(issue.path), issue.message);
    }),
  );

export type GuangzhouFormValues = z.input<typeof guangzhouFormSchema>;
type ParsedForm = z.output<typeof guangzhouFormSchema>;

/** The facts a parsed form describes: blank rows and empty dates removed, awards as a list of levels. */
export function guangzhouFactsFromForm(facts: ParsedForm['facts']): GuangzhouFacts {
  const { facts: cleaned } = cleanFacts(facts as Readonly<Record<string, unknown>>);
  const result: GuangzhouFacts = { ...cleaned };
  if (cleaned.patents) {
    result.patents = cleaned.patents.map((p): GuangzhouPatent => ({
      kind: p.kind,
      inventors: p.inventors,
      grantDate: p.grantDate,
      ...(p.firstInventor ? { firstInventor: true } : {}),
    }));
  }
  if (cleaned.awards) result.awards = cleaned.awards as GuangzhouAward[];
  return result;
}
