/**
 * Form controls only the Tianjin form needs, wired to react-hook-form like the shared kit in fields.tsx: a list
 * of owned homes (district, start date, new or second-hand), each row a labelled group whose controls carry
 * their own labels, hints and errors (linked with aria-describedby, announced with role="alert").
 */
import { useId } from 'react';
import { Controller, useFormState, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { tianjinDistricts } from '../../engine/cities/tianjin/districts';
import { errorAt } from './fields';

/** A home row as the form holds it: empty strings until chosen or typed. */
export interface HomeRow {
  district?: string;
  ownedFrom?: string;
  newCommodity?: boolean;
}

/** The owned homes: add, edit and remove rows; only the best single home counts (the engine decides). */
export function HomeListField({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const id = useId();
  const { t } = useTranslation();
  const hintId = `${id}-hint`;
  const { errors } = useFormState({ name: name as FieldPath<FieldValues> });
  const errorText = (key: string | undefined) =>
    key ? t(key.startsWith('errors.') ? `rules:${key}` : 'rules:errors.invalid') : null;
  return (
    <Controller
      name={name}
      render={({ field }) => {
        const rows: HomeRow[] = Array.isArray(field.value) ? field.value : [];
        const update = (next: HomeRow[]) => field.onChange(next.length ? next : undefined);
        const edit = (i: number, change: Partial<HomeRow>) => update(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
        return (
          <fieldset className="field field--list" aria-describedby={hint ? hintId : undefined}>
            <legend>{label}</legend>
            {rows.map((row, i) => {
              const rowId = `${id}-${i}`;
              const title = t('tianjin:homes.item', { n: i + 1 });
              const districtError = errorText(errorAt(errors, `${name}.${i}.district`));
              const dateError = errorText(errorAt(errors, `${name}.${i}.ownedFrom`));
              const dateHintId = `${rowId}-date-hint`;
              return (
                <fieldset className="list-item home-row" key={i}>
                  <legend>{title}</legend>
                  <div className={districtError ? 'field field--invalid' : 'field'}>
                    <label htmlFor={`${rowId}-district`}>{t('tianjin:homes.district')}</label>
                    <select
                      id={`${rowId}-district`}
                      value={row.district ?? ''}
                      aria-invalid={districtError ? true : undefined}
                      aria-describedby={districtError ? `${rowId}-district-error` : undefined}
                      onChange={(e) => edit(i, { district: e.target.value })}
                      onBlur={field.onBlur}
                    >
                      <option value="">{t('form.choose')}</option>
                      {tianjinDistricts.map((code) => (
                        <option key={code} value={code}>
                          {t(`tianjin:options.district.${code}`)}
                        </option>
                      ))}
                    </select>
                    {districtError ? (
                      <p className="field__error" id={`${rowId}-district-error`} role="alert">
                        {districtError}
                      </p>
                    ) : null}
                  </div>
                  <div className={dateError ? 'field field--invalid' : 'field'}>
                    <label htmlFor={`${rowId}-date`}>{t('tianjin:homes.ownedFrom')}</label>
                    <input
                      id={`${rowId}-date`}
                      type="date"
                      value={row.ownedFrom ?? ''}
                      aria-invalid={dateError ? true : undefined}
                      aria-describedby={[dateHintId, dateError ? `${rowId}-date-error` : null].filter(Boolean).join(' ')}
                      onChange={(e) => edit(i, { ownedFrom: e.target.value })}
                      onBlur={field.onBlur}
                    />
                    <p className="field__hint" id={dateHintId}>
                      {t('tianjin:homes.ownedFromHint')}
                    </p>
                    {dateError ? (
                      <p className="field__error" id={`${rowId}-date-error`} role="alert">
                        {dateError}
                      </p>
                    ) : null}
                  </div>
                  <div className="field field--checkbox">
                    <input
                      id={`${rowId}-new`}
                      type="checkbox"
                      checked={row.newCommodity === true}
                      onChange={(e) => edit(i, { newCommodity: e.target.checked ? true : undefined })}
                      onBlur={field.onBlur}
                    />
                    <label htmlFor={`${rowId}-new`}>{t('tianjin:homes.newCommodity')}</label>
                  </div>
                  <button type="button" className="link-button" onClick={() => update(rows.filter((_, j) => j !== i))}>
                    {t('tianjin:homes.remove')}
                    <span className="visually-hidden"> {title}</span>
                  </button>
                </fieldset>
              );
            })}
            <button type="button" className="secondary-button" onClick={() => update([...rows, { district: '', ownedFrom: '' }])}>
              {t('tianjin:homes.add')}
            </button>
            {hint ? (
              <p className="field__hint" id={hintId}>
                {hint}
              </p>
            ) : null}
          </fieldset>
        );
      }}
    />
  );
}
