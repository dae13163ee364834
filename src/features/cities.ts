/**
 * The UI side of each city: its form, its form schema and how valid form values are scored. The engine side is
 * in src/engine/registry.ts; a city can be chosen in the app once it has both.
 */
import type { ComponentType } from 'react';
import type * as z from 'zod/mini';
import { evaluateShanghai } from '../engine/cities/shanghai/evaluate';
import type { CityId, IsoDate, ScoreResult } from '../engine/core/types';
import type { FactsDocument } from '../engine/document';
import { cityModules, type SupportedCity } from '../engine/registry';
import { shanghaiFactsFromForm, shanghaiFormSchema } from './facts-form/schema';
import { ShanghaiForm } from './facts-form/ShanghaiForm';

/** What every city's form holds: the as-of date and the city's facts (typed per city inside its form). */
export interface FormValues {
  asOf: IsoDate;
  facts: Record<string, unknown>;
}

export interface CityUi {
  readonly Form: ComponentType;
  /** The form schema (`{ asOf, facts }` plus the city's cross-field checks), for react-hook-form's resolver. */
  readonly formSchema: z.ZodMiniType<FormValues, FormValues>;
  /** Score raw form values; null while some answer is invalid. */
  readonly scoreValues: (values: unknown) => ScoreResult | null;
  /** The facts document raw form values describe (for share links); null while some answer is invalid. */
  readonly documentOf: (values: unknown) => FactsDocument | null;
}

/** Tie a city's form schema, the facts it yields and its evaluation together with their types checked. */
function defineCityUi<FormFacts, Facts extends Record<string, unknown>>(definition: {
  city: SupportedCity;
  Form: ComponentType;
  formSchema: z.ZodMiniType<{ asOf: IsoDate; facts: FormFacts }>;
  factsFromForm: (facts: FormFacts) => Facts;
  evaluate: (facts: Facts, asOf: IsoDate) => ScoreResult;
}): CityUi {
  return {
    Form: definition.Form,
    // The form itself is untyped across cities; the city's own types are checked by this function's signature.
    formSchema: definition.formSchema as unknown as CityUi['formSchema'],
    scoreValues(values) {
      const parsed = definition.formSchema.safeParse(values);
      if (!parsed.success) return null;
      return definition.evaluate(definition.factsFromForm(parsed.data.facts), parsed.data.asOf);
    },
    documentOf(values) {
      const parsed = definition.formSchema.safeParse(values);
      if (!parsed.success) return null;
      return {
        city: definition.city,
        asOf: parsed.data.asOf,
        version: cityModules[definition.city].factsVersion,
        facts: definition.factsFromForm(parsed.data.facts),
      };
    },
  };
}

export const cityUis: Partial<Record<CityId, CityUi>> = {
  shanghai: defineCityUi({
    city: 'shanghai',
    Form: ShanghaiForm,
    formSchema: shanghaiFormSchema,
    factsFromForm: shanghaiFactsFromForm,
    evaluate: evaluateShanghai,
  }),
};

/** Cities in the order the city choice lists them. */
export const cityOrder: readonly CityId[] = ['shanghai', 'guangzhou', 'tianjin'];
