/**
 * Helps users fill the SI-base months: type a monthly contribution base and a month, see which band it falls in
 * against the average wage W in force that month (decision 13). It only informs; it changes no facts.
 */
import { useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { averageWageFor, bandOf } from '../../engine/cities/shanghai/averageWage';

const noSubscription = () => () => {};
const thisMonth = () => new Date().toISOString().slice(0, 7);
const noMonth = () => '';

export function BandFinder() {
  const { t } = useTranslation('shanghai');
  const id = useId();
  const [base, setBase] = useState('');
  // The page's HTML is rendered at build time: the month defaults to the visitor's, only once in the browser.
  const currentMonth = useSyncExternalStore(noSubscription, thisMonth, noMonth);
  const [chosenMonth, setMonth] = useState<string | null>(null);
  const month = chosenMonth ?? currentMonth;
  const amount = base.trim() === '' ? null : Number(base);
  const row = /^\d{4}-\d{2}$/.test(month) ? averageWageFor(month) : null;
  const band = amount !== null && Number.isFinite(amount) && amount >= 0 && row ? bandOf(amount, month) : null;
  return (
    <details className="band-finder">
      <summary>{t('bandFinder.title')}</summary>
      <div className="band-finder__inputs">
        <div className="field">
          <label htmlFor={`${id}-base`}>{t('bandFinder.baseLabel')}</label>
          <input
            id={`${id}-base`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={base}
            onChange={(e) => setBase(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-month`}>{t('bandFinder.monthLabel')}</label>
          <input id={`${id}-month`} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </div>
      </div>
      <p aria-live="polite" className="band-finder__result">
        {!row
          ? t('bandFinder.noData')
          : band
            ? t('bandFinder.result', { band: t(`bandFinder.bands.${band}`), wage: row.wage, ceiling: row.ceiling })
            : ''}
        {row && [row.confidence, row.fromConfidence, row.toConfidence].some((c) => c && c !== 'high')
          ? ` ${t('bandFinder.lowConfidence')}`
          : ''}
      </p>
    </details>
  );
}
