/**
 * The form's schema: the as-of date plus the city's facts, with the cross-field checks on the facts.
 * One difference from the facts format: a record-date row the user has just added may still be empty; it is
 * ignored (not an error) until a date is typed, and `shanghaiFactsFromForm` drops it.
 */
import * as z from 'zod/mini';
import { checkShanghaiFacts, shanghaiFactsShape, type ShanghaiFacts } from '../../engine/cities/shanghai/facts';
import { isoDate } from '../../engine/core/fields';

const dateRows = () => z.optional(z.array(z.union([z.literal(''), isoDate()])));

export const shanghaiFormSchema = z
  .object({
    asOf: isoDate(),
    facts: z.extend(shanghaiFactsShape, {
      falseMaterialDates: dateRows(),
      detentionDates: dateRows(),
      crimeDates: dateRows(),
    }),
  })
  .check(
    z.superRefine((value, ctx) => {
      // Empty rows are skipped by the checks, so issue paths keep the rows' positions.
      for (const issue of checkShanghaiFacts(value.facts as ShanghaiFacts, value.asOf)) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['facts', ...issue.path], input: value });
      }
    }),
  );

export type ShanghaiFormValues = z.input<typeof shanghaiFormSchema>;
type ParsedForm = z.output<typeof shanghaiFormSchema>;

/** The facts a parsed form describes: empty record-date rows removed. */
export function shanghaiFactsFromForm(facts: ParsedForm['facts']): ShanghaiFacts {
  const dates = (rows: readonly string[] | undefined) => {
    const filled = rows?.filter((d) => d !== '');
    return filled && filled.length > 0 ? filled : undefined;
  };
  const { falseMaterialDates, detentionDates, crimeDates, ...rest } = facts;
  const cleaned: ShanghaiFacts = { ...rest };
  const lists = { falseMaterialDates: dates(falseMaterialDates), detentionDates: dates(detentionDates), crimeDates: dates(crimeDates) };
  for (const [key, value] of Object.entries(lists)) if (value) cleaned[key as keyof typeof lists] = value;
  return cleaned;
}
