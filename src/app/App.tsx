/**
 * The single page: city choice, the facts form and the result that updates as you type.
 *
 * The page's HTML is rendered at build time (zh-CN, the default city, no answers) and hydrated in the browser
 * (src/main.tsx). This module is the page's shell (header, city choice, notices, footer); the calculator
 * (./Calculator: form, result, draft, sharing, profiles) and each city's form and rules are chunks loaded on
 * demand, both before the first render (src/main.tsx) and when another city is chosen. Everything that depends on
 * this device or this day (the result, which uses the as-of date; saved profiles; install hints) renders only once
 * the page runs in the browser (`usePhase`).
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cityOrder, DEFAULT_CITY, isUiCity, loadCity, loadedCity, type CityUi, type UiCity } from '../features/cities';
import type { Profile } from '../features/profiles/store';
import type { OpenedLink } from '../features/share/LinkNotice';
import type { Start } from './Calculator';
import { replayPresses, type EarlyInput } from './earlyInput';
import { InstallHint } from './InstallHint';
import { LanguageSwitch } from './LanguageSwitch';
import { UpdatePrompt } from './UpdatePrompt';

type CalculatorModule = typeof import('./Calculator');
let calculator: CalculatorModule | null = null;
let calculatorLoading: Promise<CalculatorModule> | null = null;

/** The calculator's chunk (react-hook-form, zod, the form kit, the result view), fetched once. */
export function loadCalculator(): Promise<CalculatorModule> {
  calculatorLoading ??= import('./Calculator').then(
    (module) => (calculator = module),
    (error: unknown) => {
      calculatorLoading = null;
      throw error;
    },
  );
  return calculatorLoading;
}

type LinkNoticeModule = typeof import('../features/share/LinkNotice');
let linkNotice: LinkNoticeModule | null = null;

/** What the page says about the link it was opened with: its own chunk, loaded (with the codec) only for links. */
export function loadLinkNotice(): Promise<LinkNoticeModule> {
  return import('../features/share/LinkNotice').then((module) => (linkNotice = module));
}

/** The app's own address (with its base path), without query or fragment: where share links point. */
function appAddress(): string {
  return new URL(import.meta.env.BASE_URL, window.location.origin).href;
}

/** Removes a share payload from the address bar (once the user edits, the page is theirs again). */
export function forgetLinkInAddressBar(): void {
  window.history.replaceState(window.history.state, '', appAddress());
}

/** How far the page has come since it started: the prerendered HTML, then the result, then everything else. */
type Phase = 'prerendered' | 'result' | 'complete';

/**
 * The page's phase. While rendering at build time and while hydrating that HTML (`prerendered`) it leaves out what
 * depends on the device or the day; then the result appears; then, a moment later, the parts below it (sharing,
 * saved profiles, install hints). Each step is a transition of its own, so that none of them blocks the main thread
 * for long. Without prerendered HTML the page is complete from the start.
 */
function usePhase(prerendered: boolean): Phase {
  const [phase, setPhase] = useState<Phase>(prerendered ? 'prerendered' : 'complete');
  useEffect(() => {
    if (phase === 'complete') return;
    const next: Phase = phase === 'prerendered' ? 'result' : 'complete';
    const timer = setTimeout(() => startTransition(() => setPhase(next)), 0);
    return () => clearTimeout(timer);
  }, [phase]);
  return phase;
}

/**
 * The city's UI and the calculator once their chunks and the city's strings (in the current language) are in;
 * loads what is missing.
 */
function useCalculator(city: UiCity): {
  ui: CityUi | null;
  Calculator: CalculatorModule['CityCalculator'] | null;
  failed: boolean;
  retry: () => void;
} {
  const { i18n } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [failedCity, setFailedCity] = useState<UiCity | null>(null);
  const [, setLoads] = useState(0);
  const candidate = loadedCity(city);
  const ui = candidate && i18n.hasLoadedNamespace(city) ? candidate : null;
  const ready = ui !== null && calculator !== null;
  useEffect(() => {
    if (ready) return;
    let current = true;
    Promise.all([loadCity(city), loadCalculator(), i18n.loadNamespaces(city)]).then(
      () => current && setLoads((n) => n + 1),
      () => current && setFailedCity(city),
    );
    return () => {
      current = false;
    };
  }, [city, ready, i18n, attempt]);
  const retry = useCallback(() => {
    setFailedCity(null);
    setAttempt((n) => n + 1);
  }, []);
  return {
    ui: ready ? ui : null,
    Calculator: ready ? calculator!.CityCalculator : null,
    failed: !ready && failedCity === city,
    retry,
  };
}

/** The city and starting values of the page: a readable link's, else the default city with the user's draft. */
function initialSession(link: OpenedLink | null): { key: number; city: UiCity; start: Start } {
  if (link?.ok && isUiCity(link.document.city)) {
    return { key: 0, city: link.document.city, start: { kind: 'link', document: link.document } };
  }
  return { key: 0, city: DEFAULT_CITY, start: { kind: 'draft' } };
}

export interface AppProps {
  /** The default as-of date (ISO); today where the page runs (the calculator's default). */
  today?: string;
  /** The share link the page was opened with, as read by the codec (src/main.tsx reads it before rendering). */
  link?: OpenedLink | null;
  /** Rendering at build time, or hydrating that HTML: the first render leaves out what depends on the device or day. */
  prerendered?: boolean;
  /** The recording of answers typed into the prerendered form before the app started (for the first calculator). */
  earlyInput?: EarlyInput | undefined;
  /** Buttons pressed on the prerendered page before the app started: pressed again once it runs. */
  earlyPresses?: readonly HTMLButtonElement[] | undefined;
}

export function App({ today, link: openedLink = null, prerendered = false, earlyInput, earlyPresses }: AppProps) {
  const { t } = useTranslation();
  const phase = usePhase(prerendered);
  const pressesReplayed = useRef(false);
  useEffect(() => {
    if (!earlyPresses || pressesReplayed.current) return;
    pressesReplayed.current = true;
    replayPresses(earlyPresses);
  }, [earlyPresses]);
  const [link, setLink] = useState<OpenedLink | null>(openedLink);
  const [, setNoticeLoaded] = useState(linkNotice !== null);
  useEffect(() => {
    if (link && !linkNotice) void loadLinkNotice().then(() => setNoticeLoaded(true));
  }, [link]);
  const LinkNotice = link ? linkNotice?.LinkNotice : undefined;
  const [session, setSession] = useState(() => initialSession(openedLink));
  const { city } = session;
  const { ui, Calculator, failed, retry } = useCalculator(city);
  const fromLink = session.start.kind === 'link';

  const chooseCity = (next: UiCity) => setSession((s) => ({ key: s.key + 1, city: next, start: { kind: 'draft' } }));
  const backToDraft = () => {
    setLink(null);
    forgetLinkInAddressBar();
    setSession((s) => ({ key: s.key + 1, city: s.city, start: { kind: 'draft' } }));
  };
  const openProfile = (profile: Profile) => {
    const profileCity = profile.city;
    if (!isUiCity(profileCity)) return;
    setSession((s) => ({
      key: s.key + 1,
      city: profileCity,
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
      <main className={fromLink ? 'layout layout--result-first' : 'layout'}>
        <div className="layout__intro">
          {link && LinkNotice ? <LinkNotice link={link} active={fromLink} onBackToDraft={backToDraft} /> : null}
          <fieldset className="city-choice">
            <legend>{t('city.label')}</legend>
            {cityOrder.map((id) => (
              <label key={id} className="city-option">
                <input type="radio" name="city" value={id} checked={city === id} onChange={() => chooseCity(id)} />
                {t(`city.names.${id}`)}
              </label>
            ))}
          </fieldset>
          <p className="privacy-note">{t('app.privacy')}</p>
        </div>
        {ui && Calculator ? (
          <Calculator
            key={session.key}
            ui={ui}
            today={today}
            start={session.start}
            onClient={phase !== 'prerendered'}
            complete={phase === 'complete'}
            earlyInput={session.key === 0 ? earlyInput : undefined}
            onOpenProfile={openProfile}
          />
        ) : (
          <div className="layout__form" aria-busy={!failed}>
            {failed ? (
              <div className="notice notice--error" role="alert">
                <p>{t('city.loadFailed')}</p>
                <button type="button" className="secondary-button" onClick={retry}>
                  {t('city.retry')}
                </button>
              </div>
            ) : null}
          </div>
        )}
      </main>
      {/* Notices that appear after the page has loaded sit below the content, so that nothing on screen moves. */}
      <UpdatePrompt />
      {phase === 'complete' ? <InstallHint /> : null}
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
