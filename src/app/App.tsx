/** The single page: city choice, the facts form and the result that updates as you type. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { evaluateShanghai } from '../engine/cities/shanghai/evaluate';
import { todayIso } from '../engine/core/dates';
import type { ScoreResult } from '../engine/core/types';
import { plannedCities, supportedCities } from '../engine/registry';
import { DateField } from '../features/facts-form/fields';
import { shanghaiFactsFromForm, shanghaiFormSchema, type ShanghaiFormValues } from '../features/facts-form/schema';
import { ShanghaiForm } from '../features/facts-form/ShanghaiForm';
import { formatPoints } from '../features/result/format';
import { ResultView } from '../features/result/ResultView';
import { LanguageSwitch } from './LanguageSwitch';

/** Result of the current answers, or of the last valid answers while some answer has an error. */
function useLiveResult(values: unknown): { result: ScoreResult | null; stale: boolean } {
  const lastValid = useRef<ScoreResult | null>(null);
  return useMemo(() => {
    const parsed = shanghaiFormSchema.safeParse(values);
    if (parsed.success) {
      lastValid.current = evaluateShanghai(shanghaiFactsFromForm(parsed.data.facts), parsed.data.asOf);
      return { result: lastValid.current, stale: false };
    }
    return { result: lastValid.current, stale: lastValid.current !== null };
  }, [values]);
}

export function App({ today = todayIso() }: { today?: string }) {
  const { t } = useTranslation();
  const methods = useForm<ShanghaiFormValues>({
    resolver: zodResolver(shanghaiFormSchema),
    mode: 'onChange',
    defaultValues: { asOf: today, facts: {} },
  });
  const values = useWatch({ control: methods.control });
  const { result, stale } = useLiveResult(values);

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
        <div className="layout__form">
          <fieldset className="city-choice">
            <legend>{t('city.label')}</legend>
            {[...supportedCities, ...plannedCities].map((city) => {
              const available = (supportedCities as string[]).includes(city);
              return (
                <label key={city} className={available ? 'city-option' : 'city-option city-option--planned'}>
                  <input type="radio" name="city" value={city} defaultChecked={city === 'shanghai'} disabled={!available} />
                  {t(`city.names.${city}`)}
                  {!available ? <span className="city-option__soon"> {t('city.comingSoon')}</span> : null}
                </label>
              );
            })}
          </fieldset>
          <p className="privacy-note">{t('app.privacy')}</p>
          <FormProvider {...methods}>
            <form noValidate onSubmit={(e) => e.preventDefault()} aria-label={t('form.label')}>
              <section className="form-section" aria-labelledby="section-asof">
                <h2 id="section-asof">{t('form.title')}</h2>
                <DateField name="asOf" label={t('form.asOf.label')} hint={t('form.asOf.hint')} />
              </section>
              <ShanghaiForm />
            </form>
          </FormProvider>
        </div>
        <section id="result" className="layout__result" aria-labelledby="result-title" tabIndex={-1}>
          <h2 id="result-title">{t('result.title')}</h2>
          {result ? <ResultView result={result} stale={stale} /> : <p>{t('result.fixErrors')}</p>}
        </section>
        {result && result.total !== null ? (
        <a className="sticky-total" href="#result" aria-label={t('result.stickyAria', { total: formatPoints(result.total), threshold: result.threshold ?? 0 })}>
          <span>{t('result.total')}</span>
          <strong>
            {formatPoints(result.total)} / {result.threshold}
          </strong>
          <span>{t(`result.verdictShort.${result.verdict}`)}</span>
        </a>
        ) : null}
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
