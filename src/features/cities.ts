/**
 * The UI side of each city: its form, its form schema and how valid form values are scored. The engine side is
 * in src/engine/registry.ts; a city can be chosen in the app once it has both.
 *
 * Each city's UI (form, form schema, evaluation and rule packs) is its own chunk, fetched by `loadCity` when the
 * city is first shown; this module keeps only what the page needs before that: the city ids in display order and
 * each city's facts-format version (checked against the engine's by src/features/cities.test.ts).
 */
import type { ComponentType } from 'react';
import type * as z from 'zod/mini';
import type { CityModule } from '../engine/core/city';
import type { CityId, IsoDate, ScoreResult } from '../engine/core/types';
import type { DocumentIssue, FactsDocument } from '../engine/document';
import type { ValuesValidator } from './profiles/store';

/** What every city's form holds: the as-of date and the city's facts (typed per city inside its form). */
export interface FormValues {
  asOf: IsoDate;
  facts: Record<string, unknown>;
}

/** Cities in the order the city choice lists them; every one of them has a UI chunk. */
export const cityOrder = ['shanghai', 'guangzhou', 'tianjin'] as const satisfies readonly CityId[];

/** A city the app can show. */
export type UiCity = (typeof cityOrder)[number];

/** The city the page starts with when neither a link nor a profile names one. */
export const DEFAULT_CITY: UiCity = 'shanghai';

/** Whether `value` names a city the app can show. */
export function isUiCity(value: unknown): value is UiCity {
  return typeof value === 'string' && (cityOrder as readonly string[]).includes(value);
}

/** Facts-format version of each city, as its engine module declares it (drafts and profiles are stamped with it). */
export const cityFactsVersions = {
  shanghai: 1,
  guangzhou: 1,
  tianjin: 1,
} as const satisfies Record<UiCity, number>;

/** The facts-format version of a city, or null for a city the app does not know. */
export function factsVersionOf(city: string): number | null {
  return isUiCity(city) ? cityFactsVersions[city] : null;
}

export interface CityUi {
  readonly city: UiCity;
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
export function defineCityUi<FormFacts, Facts extends Record<string, unknown>>(definition: {
  city: UiCity;
  Form: ComponentType;
  formSchema: z.ZodMiniType<{ asOf: IsoDate; facts: FormFacts }>;
  factsFromForm: (facts: FormFacts) => Facts;
  formFactsOf?: (facts: Facts) => FormFacts;
  evaluate: (facts: Facts, asOf: IsoDate) => ScoreResult;
}): CityUi {
  const { city, formSchema, factsFromForm, evaluate } = definition;
  return {
    city,
    Form: definition.Form,
    // The form itself is untyped across cities; the city's own types are checked by this function's signature.
    formSchema: formSchema as unknown as CityUi['formSchema'],
    scoreValues(values) {
      const parsed = formSchema.safeParse(values);
      if (!parsed.success) return null;
      return evaluate(factsFromForm(parsed.data.facts), parsed.data.asOf);
    },
    issuesOf(values) {
      const parsed = formSchema.safeParse(values);
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
      const parsed = formSchema.safeParse(values);
      if (!parsed.success) return null;
      return { city, asOf: parsed.data.asOf, version: cityFactsVersions[city], facts: factsFromForm(parsed.data.facts) };
    },
  };
}

/** One dynamic import per city: each becomes its own chunk (the service worker precaches them all). */
const loaders: Record<UiCity, () => Promise<CityUi>> = {
  shanghai: () => import('./city-ui/shanghai').then((m) => m.shanghaiUi),
  guangzhou: () => import('./city-ui/guangzhou').then((m) => m.guangzhouUi),
  tianjin: () => import('./city-ui/tianjin').then((m) => m.tianjinUi),
};

/**
 * A city's engine module (facts schema with its cross-field checks, rule packs, evaluation): what the share-link
 * codec needs to read or write a link of that city. Loaded on demand like the UI; most of it is the same code.
 */
const engineLoaders: Record<UiCity, () => Promise<CityModule<unknown>>> = {
  shanghai: () => import('../engine/cities/shanghai').then((m) => m.shanghai as CityModule<unknown>),
  guangzhou: () => import('../engine/cities/guangzhou').then((m) => m.guangzhou as CityModule<unknown>),
  tianjin: () => import('../engine/cities/tianjin').then((m) => m.tianjin as CityModule<unknown>),
};

export function loadCityEngine(city: UiCity): Promise<CityModule<unknown>> {
  return engineLoaders[city]();
}

const loaded = new Map<UiCity, CityUi>();
const loading = new Map<UiCity, Promise<CityUi>>();
const listeners = new Set<() => void>();

/** The city's UI, fetching its chunk the first time; a failed fetch (offline, no cache) may be retried. */
export function loadCity(city: UiCity): Promise<CityUi> {
  const ready = loaded.get(city);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(city);
  if (!pending) {
    pending = loaders[city]().then(
      (ui) => {
        loaded.set(city, ui);
        loading.delete(city);
        for (const listener of listeners) listener();
        return ui;
      },
      (error: unknown) => {
        loading.delete(city);
        throw error;
      },
    );
    loading.set(city, pending);
  }
  return pending;
}

/** The city's UI if its chunk has been loaded, else undefined. */
export function loadedCity(city: string): CityUi | undefined {
  return isUiCity(city) ? loaded.get(city) : undefined;
}

/** Call `listener` whenever another city's UI has been loaded; returns the unsubscribe function. */
export function subscribeCityLoads(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How many cities' UIs are loaded (changes exactly when `subscribeCityLoads` listeners are called). */
export function loadedCityCount(): number {
  return loaded.size;
}

/**
 * Checks stored profiles and drafts (form values) with their city's form schema. A city whose chunk is not loaded
 * yet has nothing to say: its load is started and the caller asks again once it is in (`subscribeCityLoads`).
 */
export const validateStoredValues: ValuesValidator = (city, asOf, _factsVersion, facts) => {
  if (!isUiCity(city)) return [{ path: 'city', message: 'errors.city' }];
  const ui = loaded.get(city);
  if (!ui) {
    loadCity(city).catch(() => undefined);
    return [];
  }
  return ui.issuesOf({ asOf, facts });
};
