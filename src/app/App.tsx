/** The single page: city choice, the facts form and the result that updates as you type. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../engine/core/dates';
import type { CityId, ScoreResult } from '../engine/core/types';
import { cityOrder, cityUis, type CityUi, type FormValues } from '../features/cities';
import { DateField } from '../features/facts-form/fields';
import { formatPoints } from '../features/result/format';
import { ResultView } from '../features/result/ResultView';
import { LanguageSwitch } from './LanguageSwitch';

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

/** Form and result for one city; remounted when the city changes so each city starts from its own defaults. */
function CityCalculator({ city, ui, today }: { city: CityId; ui: CityUi; today: string }) {
  const { t } = useTranslation();
  const methods = useForm<FormValues>({
    resolver: zodResolver(ui.formSchema),
    mode: 'onChange',
    defaultValues: { asOf: today, facts: {} },
  });
  const values = useWatch({ control: methods.control });
  const { result, stale } = useLiveResult(ui, values);
  const { Form } = ui;
  return (
    <>
      <div className="layout__form">
        <FormProvider {...methods}>
          <form noValidate onSubmit={(e) => e.preventDefault()} aria-label={t('form.label')} data-city={city}>
            <section className="form-section" aria-labelledby="section-asof">
              <h2 id="section-asof">{t('form.title')}</h2>
              <DateField name="asOf" label={t('form.asOf.label')} hint={t(`form.asOf.hint`)} />
            </section>
            <Form />
          </form>
        </FormProvider>
      </div>
      <section id="result" className="layout__result" aria-labelledby="result-title" tabIndex={-1}>
        <h2 id="result-title">{t('result.title')}</h2>
        {result ? <ResultView result={result} stale={stale} /> : <p>{t('result.fixErrors')}</p>}
      </section>
      {result ? <StickyTotal result={result} /> : null}
    </>
  );
}

export function App({ today = todayIso() }: { today?: string }) {
  const { t } = useTranslation();
  const [city, setCity] = useState<CityId>('shanghai');
  const ui = cityUis[city];

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
      <main className="layout">
        <div className="layout__intro">
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
                    onChange={() => setCity(id)}
                  />
                  {t(`city.names.${id}`)}
                  {!available ? <span className="city-option__soon"> {t('city.comingSoon')}</span> : null}
                </label>
              );
            })}
          </fieldset>
          <p className="privacy-note">{t('app.privacy')}</p>
        </div>
        {ui ? <CityCalculator key={city} city={city} ui={ui} today={today} /> : null}
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
