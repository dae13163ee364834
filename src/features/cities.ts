/**
 * The UI side of each city: its form, its form schema and how valid form values are scored. The engine side is
 * in src/engine/registry.ts; a city can be chosen in the app once it has both.
 */
import type { ComponentType } from 'react';
import type * as z from 'zod/mini';
import { evaluateGuangzhou } from '../engine/cities/guangzhou/evaluate';
import { evaluateShanghai } from '../engine/cities/shanghai/evaluate';
import type { CityId, IsoDate, ScoreResult } from '../engine/core/types';
import type { DocumentIssue, FactsDocument } from '../engine/document';
import { cityModules, type SupportedCity } from '../engine/registry';
import type { ValuesValidator } from './profiles/storage';
import { shanghaiFactsFromForm, shanghaiFormSchema } from './facts-form/schema';
import { GuangzhouForm } from './facts-form/GuangzhouForm';
import { guangzhouFactsFromForm, guangzhouFormSchema } from './facts-form/guangzhouSchema';
import { ShanghaiForm } from './facts-form/ShanghaiForm';
import { evaluateTianjin } from '../engine/cities/tianjin/evaluate';
import { tianjinFactsFromForm, tianjinFormFactsFromFacts, tianjinFormSchema } from './facts-form/tianjinSchema';
import { TianjinForm } from './facts-form/TianjinForm';

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
  /** Problems in raw form values (dotted path inside the values, `errors.*` key); empty when valid. */
  readonly issuesOf: (values: unknown) => DocumentIssue[];
  /** Form facts for a facts object (a share link's): identity unless the form has its own switches. */
  readonly formFactsOf: (facts: Record<string, unknown>) => Record<string, unknown>;
}

/** Tie a city's form schema, the facts it yields and its evaluation together with their types checked. */
function defineCityUi<FormFacts, Facts extends Record<string, unknown>>(definition: {
  city: SupportedCity;
  Form: ComponentType;
  formSchema: z.ZodMiniType<{ asOf: IsoDate; facts: FormFacts }>;
  factsFromForm: (facts: FormFacts) => Facts;
  formFactsOf?: (facts: Facts) => FormFacts;
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
    issuesOf(values) {
      const parsed = definition.formSchema.safeParse(values);
      if (parsed.success) return [];
      return parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message.startsWith('errors.') ? issue.message : 'errors.invalid',
      }));
    },
    formFactsOf(facts) {
      return (definition.formFactsOf ? definition.formFactsOf(facts as Facts) : facts) as Record<string, unknown>;
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
  guangzhou: defineCityUi({
    city: 'guangzhou',
    Form: GuangzhouForm,
    formSchema: guangzhouFormSchema,
    factsFromForm: guangzhouFactsFromForm,
    evaluate: evaluateGuangzhou,
  }),
  tianjin: defineCityUi({
    city: 'tianjin',
    Form: TianjinForm,
    formSchema: tianjinFormSchema,
    factsFromForm: tianjinFactsFromForm,
    formFactsOf: tianjinFormFactsFromFacts,
    evaluate: evaluateTianjin,
  }),
};

/** Checks stored profiles and drafts (form values) with their city's form schema. */
export const validateStoredValues: ValuesValidator = (city, asOf, _factsVersion, facts) => {
  const ui = cityUis[city as CityId];
  if (!ui) return [{ path: 'city', message: 'errors.city' }];
  return ui.issuesOf({ asOf, facts });
};

/** Cities in the order the city choice lists them. */
export const cityOrder: readonly CityId[] = ['shanghai', 'guangzhou', 'tianjin'];
