/**
 * The page's HTML at build time: the App in zh-CN with the default city's empty form, as the browser renders it
 * before anything device- or day-specific (the result, saved profiles, install hints, this month) appears. The
 * build (`mingfen:prerender` in vite.config.ts) puts it into index.html; src/main.tsx hydrates it.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { App, loadCalculator } from '../src/app/App';
import { DEFAULT_CITY, loadCity } from '../src/features/cities';
import { createI18n } from '../src/i18n';

/** `render` with the global clock (`new Date()`, `Date.now()`) reading `at`. */
function atTime<T>(at: Date, render: () => T): T {
  const RealDate = globalThis.Date;
  class FixedDate extends RealDate {
    constructor(...args: [] | ConstructorParameters<DateConstructor>) {
      if (args.length === 0) super(at.getTime());
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now(): number {
      return at.getTime();
    }
  }
  globalThis.Date = FixedDate as DateConstructor;
  try {
    return render();
  } finally {
    globalThis.Date = RealDate;
  }
}

/** A local date as YYYY-MM-DD. */
const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * The markup inside `#root`. Rendered on two distant days as well: the page's HTML must not depend on the day it
 * was built (the browser would otherwise hydrate a stale date), so a difference throws.
 */
export async function prerender(): Promise<string> {
  await Promise.all([loadCity(DEFAULT_CITY), loadCalculator()]);
  const render = () => {
    const i18n = createI18n('zh-CN');
    return renderToString(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <App today={isoDay(new Date())} prerendered />
        </I18nextProvider>
      </StrictMode>,
    );
  };
  const markup = render();
  for (const day of [new Date(2031, 0, 31, 23, 30), new Date(2036, 6, 1, 0, 30)]) {
    const other = atTime(day, render);
    if (other !== markup) {
      let at = 0;
      while (at < markup.length && markup[at] === other[at]) at += 1;
      throw new Error(
        `the prerendered page depends on the day (${isoDay(day)}): …${markup.slice(Math.max(0, at - 80), at + 80)}… vs …${other.slice(Math.max(0, at - 80), at + 80)}…`,
      );
    }
  }
  return markup;
}
