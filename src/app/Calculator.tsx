/**
 * The calculator of one city: the facts form, the result that updates as you type, the draft kept on the device,
 * sharing and saved profiles. Its own chunk (react-hook-form, zod, the form kit, the result view), fetched together
 * with the city's chunk; the page's HTML shows the empty form before either has arrived.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { config as zodConfig } from 'zod/mini';
import { todayIso } from '../engine/core/dates';
import type { ScoreResult } from '../engine/core/types';
import type { FactsDocument } from '../engine/document';
import type { CityUi, FormValues, UiCity } from '../features/cities';
import { DateField } from '../features/facts-form/fields';
import { getDefaultProfileStore, type Profile } from '../features/profiles/store';
import { useDraft } from '../features/profiles/useDraft';
import { formatPoints } from '../features/result/format';
import { ResultView } from '../features/result/ResultView';
import { forgetLinkInAddressBar } from './App';
import { restoreControl, type EarlyInput } from './earlyInput';
import { setFormDirty } from './pwa';

// The CSP has no 'unsafe-eval'. zod's JIT (classic object schemas) probes `new Function`, and the probe alone is
// reported as a CSP violation even though zod catches it; jitless keeps it from trying. (zod/mini's objects do not
// compile parsers; this stays as a guard.) This chunk is evaluated before any form is parsed.
zodConfig({ jitless: true });

const SharePanel = lazy(() => import('../features/share/SharePanel').then((m) => ({ default: m.SharePanel })));
const ProfilesPanel = lazy(() => import('../features/profiles/ProfilesPanel').then((m) => ({ default: m.ProfilesPanel })));

/** Where a city's form starts: the user's own draft, a share link, or a saved profile they opened. */
export type Start =
  | { kind: 'draft' }
  | { kind: 'link'; document: FactsDocument }
  | { kind: 'profile'; values: FormValues };

/** A stored value that answers nothing (as a form that was never filled in stores it). */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.every(isBlank));
}

/** Whether the form of `city` starts without answers: no draft, or the draft of a form never filled in. */
export function startsBlank(city: UiCity): boolean {
  const draft = getDefaultProfileStore().load().state.drafts[city];
  return !draft || Object.values(draft.facts).every(isBlank);
}

/**
 * Result of the current answers, or of the last valid answers (marked stale) while some answer has an error; nothing
 * while `shown` is false (the result is not on screen yet: no need to compute it).
 */
function useLiveResult(ui: CityUi, values: unknown, shown: boolean): { result: ScoreResult | null; stale: boolean } {
  const lastValid = useRef<ScoreResult | null>(null);
  return useMemo(() => {
    if (!shown) return { result: null, stale: false };
    const result = ui.scoreValues(values);
    if (result) {
      lastValid.current = result;
      return { result, stale: false };
    }
    return { result: lastValid.current, stale: lastValid.current !== null };
  }, [ui, values, shown]);
}

function StickyTotal({ result }: { result: ScoreResult }) {
  const { t } = useTranslation();
  if (result.total === null) return null;
  const total = formatPoints(result.total, result.fixedDecimals);
  const threshold = result.threshold === null ? null : formatPoints(result.threshold, result.fixedDecimals);
  return (
    <a className="sticky-total" href="#result" aria-label={t('result.stickyAria', { total, threshold: threshold ?? '—' })}>
      <span>{t('result.total')}</span>
      <strong>
        {total}
        {threshold !== null ? ` / ${threshold}` : ''}
      </strong>
      <span>{t(`result.verdictShort.${result.verdict}`)}</span>
    </a>
  );
}

export interface CalculatorProps {
  ui: CityUi;
  /** The default as-of date (ISO); today where the page runs. */
  today?: string | undefined;
  start: Start;
  /** False while rendering at build time or hydrating that HTML: what depends on the device or the day waits. */
  onClient: boolean;
  /** False until the page has shown the result: sharing and saved profiles come after it. */
  complete: boolean;
  /** The recording of answers typed into the prerendered form before the app started: applied once the form runs. */
  earlyInput?: EarlyInput | undefined;
  onOpenProfile: (profile: Profile) => void;
}

interface LiveProps {
  ui: CityUi;
  control: Control<FormValues>;
  onClient: boolean;
  complete: boolean;
}

/**
 * The result of the answers as they are typed, the share panel and the sticky total; also keeps the draft. Only
 * this part (and the saved-profiles panel) re-renders on every keystroke, not the form.
 */
function LiveResult({
  ui,
  control,
  onClient,
  complete,
  keepDraft,
  save,
}: LiveProps & { keepDraft: boolean; save: (values: FormValues) => void }) {
  const { t } = useTranslation();
  const values = useWatch({ control }) as FormValues;
  const { result, stale } = useLiveResult(ui, values, onClient);
  useEffect(() => {
    if (!keepDraft) save(values);
  }, [keepDraft, save, values]);
  const document = useMemo(() => (complete ? ui.documentOf(values) : null), [ui, values, complete]);
  return (
    <>
      <section id="result" className="layout__result" aria-labelledby="result-title" tabIndex={-1}>
        <h2 id="result-title">{t('result.title')}</h2>
        {/* The result depends on the as-of date: the visitor's today (or the draft's), never the build's. */}
        {!onClient ? null : result ? <ResultView result={result} stale={stale} /> : <p>{t('result.fixErrors')}</p>}
        {complete ? (
          <Suspense fallback={null}>
            <SharePanel document={document} />
          </Suspense>
        ) : null}
      </section>
      {complete && result ? <StickyTotal result={result} /> : null}
    </>
  );
}

/** Saved profiles, given the answers as they are (to save them); loaded after the first render. */
function LiveProfiles({
  city,
  control,
  onOpen,
}: {
  city: CityUi['city'];
  control: Control<FormValues>;
  onOpen: (profile: Profile) => void;
}) {
  const values = useWatch({ control }) as FormValues;
  return (
    <Suspense fallback={null}>
      <ProfilesPanel city={city} currentValues={values} onOpen={onOpen} />
    </Suspense>
  );
}

/** Form and result for one city; remounted when the city or the starting values change. */
export function CityCalculator({ ui, today, start, onClient, complete, earlyInput, onOpenProfile }: CalculatorProps) {
  const { t } = useTranslation();
  const { city, Form } = ui;
  const { draft, save, status } = useDraft(city);
  const [defaultValues] = useState<FormValues>(() =>
    start.kind === 'link'
      ? { asOf: start.document.asOf, facts: ui.formFactsOf(start.document.facts) }
      : start.kind === 'profile'
        ? start.values
        : draft
          ? { asOf: draft.asOf, facts: draft.facts }
          : { asOf: today ?? todayIso(), facts: {} },
  );
  const methods = useForm<FormValues>({ resolver: zodResolver(ui.formSchema), mode: 'onChange', defaultValues });
  // Trigger validation once so that values that came from storage or a link show their errors at once.
  useEffect(() => {
    if (start.kind !== 'draft' || draft) void methods.trigger();
  }, [methods, start.kind, draft]);
  // Answers typed before the app started. The form's own fields hold them already (react-hook-form read those
  // without a default, converted as the field converts them) except the as-of date, which it set to its default;
  // the form is told about them all at once. Other controls (the band finder) are set back as the user set them.
  useEffect(() => {
    const changes = earlyInput?.stop() ?? [];
    const own = changes.filter((c) => c.control.name === 'asOf' || c.control.name.startsWith('facts.'));
    if (own.length > 0) {
      const values = methods.getValues();
      const asOf = own.find((c) => c.control.name === 'asOf');
      methods.reset(asOf && typeof asOf.value === 'string' && asOf.value ? { ...values, asOf: asOf.value } : values, {
        keepDefaultValues: true,
      });
      void methods.trigger();
    }
    const others = changes.filter((c) => !own.includes(c));
    const timer = setTimeout(() => others.forEach(restoreControl), 0);
    return () => clearTimeout(timer);
  }, [earlyInput, methods]);
  const { isDirty } = methods.formState;
  // A link's answers are not the user's draft: keep their own draft until they change something here.
  const keepDraft = start.kind === 'link' && !isDirty;
  useEffect(() => {
    if (start.kind === 'link' && isDirty) forgetLinkInAddressBar();
  }, [start.kind, isDirty]);
  // An update notice says whether answers are in progress (they are kept: drafts are saved as you type).
  useEffect(() => setFormDirty(isDirty), [isDirty]);
  // The form re-renders on its own (react-hook-form subscriptions, the language), not with the calculator: its
  // form state changes (ready, dirty) and the draft status would otherwise re-render every question.
  const form = useMemo(
    () => (
      <FormProvider {...methods}>
        <form noValidate onSubmit={(e) => e.preventDefault()} aria-label={t('form.label')} data-city={city}>
          <section className="form-section" aria-labelledby="section-asof">
            <h2 id="section-asof">{t('form.title')}</h2>
            <DateField name="asOf" label={t('form.asOf.label')} hint={t('form.asOf.hint')} />
          </section>
          <Form />
        </form>
      </FormProvider>
    ),
    [methods, Form, city, t],
  );

  return (
    <>
      <div className="layout__form">
        {form}
        <p className="draft-status" role="status">
          {keepDraft ? t('profiles.draft.link') : status === 'idle' ? '' : t(`profiles.draft.${status}`)}
        </p>
        {complete ? <LiveProfiles city={city} control={methods.control} onOpen={onOpenProfile} /> : null}
      </div>
      <LiveResult ui={ui} control={methods.control} onClient={onClient} complete={complete} keepDraft={keepDraft} save={save} />
    </>
  );
}
