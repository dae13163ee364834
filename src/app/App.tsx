/** The single page: city choice, the facts form and the result that updates as you type. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../engine/core/dates';
import type { CityId, ScoreResult } from '../engine/core/types';
import { cityOrder, cityUis, type CityUi, type FormValues } from '../features/cities';
import { DateField } from '../features/facts-form/fields';
import { ProfilesPanel } from '../features/profiles/ProfilesPanel';
import type { Profile } from '../features/profiles/storage';
import { useDraft } from '../features/profiles/useDraft';
import { formatPoints } from '../features/result/format';
import { ResultView } from '../features/result/ResultView';
import { LinkNotice, type OpenedLink } from '../features/share/LinkNotice';
import { SharePanel, appBaseUrl } from '../features/share/SharePanel';
import { decodeShareLink } from '../share/codec';
import { InstallHint } from './InstallHint';
import { LanguageSwitch } from './LanguageSwitch';
import { setFormDirty } from './pwa';
import { UpdatePrompt } from './UpdatePrompt';

/** Where a city's form starts: the user's own draft, a share link, or a saved profile they opened. */
type Start = { kind: 'draft' } | { kind: 'link' | 'profile'; values: FormValues };

/** Result of the current answers, or of the last valid answers (marked stale) while some answer has an error. */
function useLiveResult(ui: CityUi, values: unknown): { result: ScoreResult | null; stale: boolean } {
  const lastValid = useRef<ScoreResult | null>(null);
  return useMemo(() => {
    const result = ui.scoreValues(values);
    if (result) {
      lastValid.current = result;
      return { result, stale: false };
    }
    return { result: lastValid.current, stale: lastValid.current !== null };
  }, [ui, values]);
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

/** Removes a share payload from the address bar (once the user edits, the page is theirs again). */
function forgetLinkInAddressBar(): void {
  window.history.replaceState(window.history.state, '', appBaseUrl());
}

interface CalculatorProps {
  city: CityId;
  ui: CityUi;
  today: string;
  start: Start;
  onOpenProfile: (profile: Profile) => void;
}

/** Form and result for one city; remounted when the city or the starting values change. */
function CityCalculator({ city, ui, today, start, onOpenProfile }: CalculatorProps) {
  const { t } = useTranslation();
  const { draft, save, status } = useDraft(city);
  const [defaultValues] = useState<FormValues>(() =>
    start.kind !== 'draft'
      ? start.values
      : draft
        ? { asOf: draft.asOf, facts: draft.facts }
        : { asOf: today, facts: {} },
  );
  const methods = useForm<FormValues>({ resolver: zodResolver(ui.formSchema), mode: 'onChange', defaultValues });
  // Trigger validation once so that values that came from storage or a link show their errors at once.
  useEffect(() => {
    if (start.kind !== 'draft' || draft) void methods.trigger();
  }, [methods, start.kind, draft]);
  const values = useWatch({ control: methods.control }) as FormValues;
  const { isDirty } = methods.formState;
  const { result, stale } = useLiveResult(ui, values);
  // A link's answers are not the user's draft: keep their own draft until they change something here.
  const keepDraft = start.kind === 'link' && !isDirty;
  useEffect(() => {
    if (!keepDraft) save(values);
  }, [keepDraft, save, values]);
  useEffect(() => {
    if (start.kind === 'link' && isDirty) forgetLinkInAddressBar();
  }, [start.kind, isDirty]);
  // An update notice says whether answers are in progress (they are kept: drafts are saved as you type).
  useEffect(() => setFormDirty(isDirty), [isDirty]);
  const document = useMemo(() => ui.documentOf(values), [ui, values]);
  const { Form } = ui;

  return (
    <>
      <div className="layout__form">
        <FormProvider {...methods}>
          <form noValidate onSubmit={(e) => e.preventDefault()} aria-label={t('form.label')} data-city={city}>
            <section className="form-section" aria-labelledby="section-asof">
              <h2 id="section-asof">{t('form.title')}</h2>
              <DateField name="asOf" label={t('form.asOf.label')} hint={t('form.asOf.hint')} />
            </section>
            <Form />
          </form>
        </FormProvider>
        <p className="draft-status" role="status">
          {keepDraft ? t('profiles.draft.link') : status === 'idle' ? '' : t(`profiles.draft.${status}`)}
        </p>
        <ProfilesPanel city={city} currentValues={values} onOpen={onOpenProfile} />
      </div>
      <section id="result" className="layout__result" aria-labelledby="result-title" tabIndex={-1}>
        <h2 id="result-title">{t('result.title')}</h2>
        {result ? <ResultView result={result} stale={stale} /> : <p>{t('result.fixErrors')}</p>}
        <SharePanel document={document} />
      </section>
      {result ? <StickyTotal result={result} /> : null}
    </>
  );
}

/** Read the share link the page was opened with, once. */
function readOpenedLink(): OpenedLink | null {
  if (typeof window === 'undefined') return null;
  const decoded = decodeShareLink(window.location.href);
  if (decoded.ok) return decoded;
  return decoded.error.code === 'empty' ? null : decoded;
}

export function App({ today = todayIso() }: { today?: string }) {
  const { t } = useTranslation();
  const [link, setLink] = useState<OpenedLink | null>(readOpenedLink);
  const linkDocument = link?.ok && cityUis[link.document.city] ? link.document : null;
  const [session, setSession] = useState<{ key: number; city: CityId; start: Start }>(() =>
    linkDocument
      ? {
          key: 0,
          city: linkDocument.city,
          start: {
            kind: 'link',
            values: { asOf: linkDocument.asOf, facts: cityUis[linkDocument.city]!.formFactsOf(linkDocument.facts) },
          },
        }
      : { key: 0, city: 'shanghai', start: { kind: 'draft' } },
  );
  const { city } = session;
  const ui = cityUis[city];
  const fromLink = session.start.kind === 'link';

  const chooseCity = (next: CityId) => setSession((s) => ({ key: s.key + 1, city: next, start: { kind: 'draft' } }));
  const backToDraft = () => {
    setLink(null);
    forgetLinkInAddressBar();
    setSession((s) => ({ key: s.key + 1, city: s.city, start: { kind: 'draft' } }));
  };
  const openProfile = (profile: Profile) => {
    if (!cityUis[profile.city as CityId]) return;
    setSession((s) => ({
      key: s.key + 1,
      city: profile.city as CityId,
      start: { kind: 'profile', values: { asOf: profile.asOf, facts: profile.facts } },
    }));
  };

  return (
    <>
      <a className="skip-link" href="#result">
        {t('app.skipToResult')}
      </a>
      <header className="app-header">
        <div>
          <h1>
            {t('app.name')} <span className="app-header__sub">{t('app.subtitle')}</span>
          </h1>
          <p className="app-header__tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <UpdatePrompt />
      <InstallHint />
      <main className={fromLink ? 'layout layout--result-first' : 'layout'}>
        <div className="layout__intro">
          {link ? <LinkNotice link={link} active={fromLink} onBackToDraft={backToDraft} /> : null}
          <fieldset className="city-choice">
            <legend>{t('city.label')}</legend>
            {cityOrder.map((id) => {
              const available = cityUis[id] !== undefined;
              return (
                <label key={id} className={available ? 'city-option' : 'city-option city-option--planned'}>
                  <input
                    type="radio"
                    name="city"
                    value={id}
                    checked={city === id}
                    disabled={!available}
                    onChange={() => chooseCity(id)}
                  />
                  {t(`city.names.${id}`)}
                  {!available ? <span className="city-option__soon"> {t('city.comingSoon')}</span> : null}
                </label>
              );
            })}
          </fieldset>
          <p className="privacy-note">{t('app.privacy')}</p>
        </div>
        {ui ? (
          <CityCalculator
            key={session.key}
            city={city}
            ui={ui}
            today={today}
            start={session.start}
            onOpenProfile={openProfile}
          />
        ) : null}
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
