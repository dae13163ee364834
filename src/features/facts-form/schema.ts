/** The form's schema: the as-of date plus the city's facts, with the cross-field checks on the facts. */
import * as z from 'zod/mini';
import { checkShanghaiFacts, shanghaiFactsShape } from '../../engine/cities/shanghai/facts';
import { isoDate } from '../../engine/core/fields';

export const shanghaiFormSchema = z
  .object({
    asOf: isoDate(),
    facts: shanghaiFactsShape,
  })
  .check(
    z.superRefine((value, ctx) => {
      for (const issue of checkShanghaiFacts(value.facts, value.asOf)) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['facts', ...issue.path], input: value });
      }
    }),
  );

export type ShanghaiFormValues = z.input<typeof shanghaiFormSchema>;
