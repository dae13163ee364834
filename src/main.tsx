/**
 * The page's start. index.html already shows the page as rendered at build time (zh-CN, the default city, no
 * answers; see scripts/prerender.tsx), and its inline script loads this module after the first paint. Here the
 * calculator's and the city's chunks and the language's strings are loaded (in parallel), then React takes over
 * that HTML (`hydrateRoot`) when the browser would render the same thing, or renders afresh in its place
 * (`createRoot`) when it would not: another language, a share link, or a draft with answers.
 */
import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App, loadCalculator, loadLinkNotice } from './app/App';
import { recordEarlyInput } from './app/earlyInput';
import { listenForInstallPrompt, registerPwa } from './app/pwa';
import { DEFAULT_CITY, isUiCity, loadCity, loadCityEngine } from './features/cities';
import type { OpenedLink } from './features/share/LinkNotice';
import { createPageI18n, loadLocale, ready, toLanguage } from './i18n/page';
import './styles.css';

listenForInstallPrompt();

/**
 * Whether the address may carry a share link: any query or fragment other than the page's own `#result` anchor
 * (the codec decides what it holds). Only then is the codec, with every city's facts format, loaded.
 */
function mayCarryLink(): boolean {
  const { search, hash } = window.location;
  return search.length > 1 || (hash.length > 1 && hash !== '#result');
}

/**
 * The share link the page was opened with, read by the codec (its own chunk) with the one city the link names, or
 * null when there is none.
 */
async function readOpenedLink(): Promise<OpenedLink | null> {
  if (!mayCarryLink()) return null;
  const [{ openShareLink }] = await Promise.all([import('./share/codec'), loadLinkNotice()]);
  const opened = openShareLink(window.location.href);
  if (!opened.ok) return opened.error.code === 'empty' ? null : opened;
  if (isUiCity(opened.city)) void loadCity(opened.city).catch(() => undefined);
  return opened.finish(await loadCityEngine(opened.city));
}

/** Resolves in a later task (lets the browser breathe between two pieces of start-up work). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function start(): Promise<void> {
  // Evaluating this module (React, i18next, the shell) is a task of its own; the work below starts in the next one.
  await nextTask();
  const container = document.getElementById('root')!;
  const early = recordEarlyInput(container);
  // Fetch what the first render needs at once (the default city, unless a link may name another), then start the
  // app over later tasks, so that evaluating this module, setting up i18next (the first read of localStorage is
  // slow) and the rest are short tasks, not one long one.
  const calculatorLoaded = loadCalculator();
  if (!mayCarryLink()) {
    loadCity(DEFAULT_CITY).catch(() => undefined);
    // The browser's language (the remembered choice is read with the rest, a task later: reading storage the first
    // time is slow); a wrong guess only fetches a few kB more.
    loadLocale(toLanguage(navigator.language), DEFAULT_CITY).catch(() => undefined);
  }
  await nextTask();
  const i18n = createPageI18n();
  await nextTask();
  const link = await readOpenedLink().catch(() => null);
  const city = link?.ok && isUiCity(link.document.city) ? link.document.city : DEFAULT_CITY;
  // A failed load is the App's to report (with a retry); the page still renders.
  const calculator = await Promise.all([calculatorLoaded, loadCity(city), ready(i18n, [city])]).then(
    ([module]) => module,
    () => null,
  );

  const sameAsBuilt =
    container.hasAttribute('data-prerendered') &&
    link === null &&
    city === DEFAULT_CITY &&
    calculator !== null &&
    i18n.language === 'zh-CN' &&
    calculator.startsBlank(city);
  // Buttons pressed so far are pressed again once React has taken over (presses from then on are React's). Changed
  // fields: the calculator applies them when it runs. Rendering afresh replaces the HTML and what was done in it.
  const earlyPresses = early.takePresses();
  if (!sameAsBuilt) early.stop();
  const app = (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App
          link={link}
          prerendered={sameAsBuilt}
          earlyInput={sameAsBuilt ? early : undefined}
          earlyPresses={sameAsBuilt ? earlyPresses : undefined}
        />
      </I18nextProvider>
    </StrictMode>
  );
  // As transitions, hydrating and rendering yield to the browser every few milliseconds instead of blocking it.
  startTransition(() => {
    if (sameAsBuilt) hydrateRoot(container, app);
    else createRoot(container).render(app);
  });
  // After the first render; a no-op where there is no service worker (iOS WeChat), the app works as a page.
  void registerPwa();
}

// Not called from the module's top level: where the browser records stacks (DevTools and Lighthouse traces record one
// for every request, timer and DOM change), a stack that holds the top-level frame makes V8 parse this whole file
// again to name it. From a microtask the stack holds only start() and what it calls.
queueMicrotask(() => void start());
