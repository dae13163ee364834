/**
 * The Tianjin form's schema: the as-of date plus the facts, with the cross-field checks on the facts.
 * Differences from the facts format:
 * - a record-date or home row the user has just added may still be empty; it is ignored until something is typed,
 *   and `tianjinFactsFromForm` drops it (a half-filled home row is an error on its empty part);
 * - `siTypesDiffer` is a form-only switch: while it is not ticked, the one months field (stored as the pension
 *   months) stands for all five insurance types and `tianjinFactsFromForm` copies it to the other four.
 */
import * as z from 'zod/mini';
import { tianjinDistricts } from '../../engine/cities/tianjin/districts';
import {
  checkTianjinFacts,
  insuranceMonthsFact,
  tianjinFactsShape,
  type TianjinFacts,
  type TianjinHome,
} from '../../engine/cities/tianjin/facts';
import { flag, isoDate } from '../../engine/core/fields';

const dateRows = () => z.optional(z.array(z.union([z.literal(''), isoDate()])));

const homeRow = z.object({
  district: z.optional(z.union([z.literal(''), z.enum(tianjinDistricts, { error: 'errors.choice' })])),
  ownedFrom: z.optional(z.union([z.literal(''), isoDate()])),
  newCommodity: z.optional(flag()),
});

export const tianjinFormSchema = z
  .object({
    asOf: isoDate(),
    facts: z.extend(tianjinFactsShape, {
      endorsementDates: dateRows(),
      crimeSentenceEndDates: dateRows(),
      falseInfoDates: dateRows(),
      homes: z.optional(z.array(homeRow)),
      siTypesDiffer: z.optional(flag()),
    }),
  })
  .check(
    z.superRefine((value, ctx) => {
      const homes = value.facts.homes ?? [];
      homes.forEach((home, i) => {
        const hasDistrict = Boolean(home.district);
        const hasDate = Boolean(home.ownedFrom);
        if (hasDistrict && !hasDate) {
          ctx.addIssue({ code: 'custom', message: 'errors.date', path: ['facts', 'homes', i, 'ownedFrom'], input: value });
        }
        if (hasDate && !hasDistrict) {
          ctx.addIssue({ code: 'custom', message: 'errors.choice', path: ['facts', 'homes', i, 'district'], input: value });
        }
      });
      // Empty rows are skipped by the checks, so issue paths keep the rows' positions.
      const { siTypesDiffer, ...facts } = value.facts;
      // Hidden per-type answers are not checked while one answer stands for all five types.
      const checked: Record<string, unknown> = { ...facts };
      if (!siTypesDiffer) for (const fact of Object.values(insuranceMonthsFact)) if (fact !== 'siPensionMonths') delete checked[fact];
      for (const issue of checkTianjinFacts(checked as TianjinFacts, value.asOf)) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['facts', ...issue.path], input: value });
      }
    }),
  );

export type TianjinFormValues = z.input<typeof tianjinFormSchema>;
type ParsedForm = z.output<typeof tianjinFormSchema>;

/** The facts a parsed form describes: empty rows removed, one months answer copied to all five types. */
export function tianjinFactsFromForm(facts: ParsedForm['facts']): TianjinFacts {
  const dates = (rows: readonly string[] | undefined) => {
    const filled = rows?.filter((d) => d !== '');
    return filled && filled.length > 0 ? filled : undefined;
  };
  const { endorsementDates, crimeSentenceEndDates, falseInfoDates, homes, siTypesDiffer, ...rest } = facts;
  const cleaned: TianjinFacts = { ...rest };
  const lists = {
    endorsementDates: dates(endorsementDates),
    crimeSentenceEndDates: dates(crimeSentenceEndDates),
    falseInfoDates: dates(falseInfoDates),
  };
  for (const [key, value] of Object.entries(lists)) if (value) cleaned[key as keyof typeof lists] = value;
  const filledHomes: TianjinHome[] = (homes ?? []).flatMap((home) =>
    home.district && home.ownedFrom
      ? [{ district: home.district, ownedFrom: home.ownedFrom, ...(home.newCommodity ? { newCommodity: true } : {}) }]
      : [],
  );
  if (filledHomes.length > 0) cleaned.homes = filledHomes;
  if (!siTypesDiffer) {
    const months = cleaned.siPensionMonths;
    for (const fact of Object.values(insuranceMonthsFact)) {
      if (months === undefined) delete cleaned[fact];
      else cleaned[fact] = months;
    }
  }
  return cleaned;
}

/** Form facts for stored facts (e.g. a share link): the per-type switch is ticked when the five counts differ. */
export function tianjinFormFactsFromFacts(facts: TianjinFacts): ParsedForm['facts'] {
  const counts = Object.values(insuranceMonthsFact).map((fact) => facts[fact]);
  const differ = counts.some((m) => m !== counts[0]);
  return differ ? { ...facts, siTypesDiffer: true } : { ...facts };
}
