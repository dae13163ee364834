/**
 * A repeatable group of fields (one row per patent, per year of volunteering or tax, per award), wired to
 * react-hook-form's field arrays. Each row is a fieldset named by its legend; every control has a label, and its
 * error (a translated `errors.*` key) is announced with role="alert" and linked with aria-describedby.
 */
import { useId } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldError } from './fields';

/** One control of a row: its key inside the row object, its label, and how it is entered. */
export type RecordColumn =
  | { readonly kind: 'number'; readonly key: string; readonly label: string; readonly unit?: string; readonly decimal?: boolean }
  | { readonly kind: 'date'; readonly key: string; readonly label: string }
  | { readonly kind: 'select'; readonly key: string; readonly label: string; readonly options: readonly { value: string; label: string }[] }
  | { readonly kind: 'checkbox'; readonly key: string; readonly label: string };

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

function Cell({ path, id, column }: { path: string; id: string; column: RecordColumn }) {
  const { register } = useFormContext();
  const { t } = useTranslation();
  const error = useFieldError(path);
  const errorId = `${id}-error`;
  const invalid = error ? true : undefined;
  const describedBy = error ? errorId : undefined;
  const errorText = error ? (
    <p className="field__error" id={errorId} role="alert">
      {error}
    </p>
  ) : null;

  if (column.kind === 'checkbox') {
    return (
      <div className="field field--checkbox">
        <input id={id} type="checkbox" aria-invalid={invalid} aria-describedby={describedBy} {...register(path)} />
        <label htmlFor={id}>{column.label}</label>
        {errorText}
      </div>
    );
  }
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{column.label}</label>
      {column.kind === 'number' ? (
        <span className="field__with-unit">
          <input
            id={id}
            type="text"
            inputMode={column.decimal ? 'decimal' : 'numeric'}
            autoComplete="off"
            aria-invalid={invalid}
            aria-describedby={describedBy}
            {...register(path, {
              setValueAs: (v: unknown) => {
                const raw = emptyToUndefined(typeof v === 'string' ? v.trim() : v);
                return raw === undefined ? undefined : Number(raw);
              },
            })}
          />
          {column.unit ? <span className="field__unit">{column.unit}</span> : null}
        </span>
      ) : column.kind === 'date' ? (
        <input id={id} type="date" aria-invalid={invalid} aria-describedby={describedBy} {...register(path, { setValueAs: emptyToUndefined })} />
      ) : (
        <select id={id} aria-invalid={invalid} aria-describedby={describedBy} {...register(path, { setValueAs: emptyToUndefined })}>
          <option value="">{t('form.choose')}</option>
          {column.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
      {errorText}
    </div>
  );
}

/**
 * A list of records: each row is a fieldset titled `rowTitle(n)` with the given columns and a remove button; the
 * add button appends `emptyRow` and moves focus into it. An empty list is stored as an empty array.
 */
export function RecordListField({
  name,
  label,
  hint,
  columns,
  rowTitle,
  addLabel,
  emptyRow,
}: {
  /** Dotted path of the list in the form values, e.g. `facts.patents`. */
  name: string;
  label: string;
  hint?: string;
  columns: readonly RecordColumn[];
  rowTitle: (n: number) => string;
  addLabel: string;
  emptyRow: Record<string, unknown>;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const { t } = useTranslation();
  const { control } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name });
  return (
    <fieldset className="field field--list" aria-describedby={hint ? hintId : undefined}>
      <legend>{label}</legend>
      {fields.map((field, i) => {
        const title = rowTitle(i + 1);
        return (
          <fieldset key={field.id} className="list-item list-item--record">
            <legend>{title}</legend>
            {columns.map((column) => (
              <Cell key={column.key} path={`${name}.${i}.${column.key}`} id={`${id}-${field.id}-${column.key}`} column={column} />
            ))}
            <button type="button" className="link-button" onClick={() => remove(i)}>
              {t('guangzhou:rows.remove', { item: title })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="secondary-button" onClick={() => append(emptyRow)}>
        {addLabel}
      </button>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}
