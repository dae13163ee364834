/**
 * Accessible form controls wired to react-hook-form: every control has a label, its hint and its error are
 * linked with aria-describedby, and errors (translated `errors.*` keys) are announced with role="alert".
 */
import { useId, type ReactNode } from 'react';
import { Controller, useFormContext, useFormState, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** Read the error message key at a dotted path from react-hook-form's nested error object. */
export function errorAt(errors: unknown, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** A translated error for the field at `path`, or null. */
export function useFieldError(path: string): string | null {
  const { t } = useTranslation();
  const { errors } = useFormState({ name: path as FieldPath<FieldValues> });
  const key = errorAt(errors, path);
  if (!key) return null;
  return t(key.startsWith('errors.') ? `rules:${key}` : 'rules:errors.invalid');
}

interface FrameProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | null;
  children: (describedBy: string | undefined) => ReactNode;
}

function FieldFrame({ id, label, hint, error, children }: FrameProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(describedBy)}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface BaseProps {
  /** Dotted path in the form values, e.g. `facts.birthDate`. */
  name: string;
  label: string;
  hint?: string | undefined;
}

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** A whole-number or amount input: empty means "not answered"; anything else must parse as a number. */
export function NumberField({ name, label, hint, unit, step }: BaseProps & { unit?: string; step?: 'any' | '1' }) {
  const id = useId();
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <span className="field__with-unit">
          <input
            id={id}
            type="text"
            inputMode={step === 'any' ? 'decimal' : 'numeric'}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            {...register(name, {
              setValueAs: (v: unknown) => {
                const raw = emptyToUndefined(typeof v === 'string' ? v.trim() : v);
                return raw === undefined ? undefined : Number(raw);
              },
            })}
          />
          {unit ? <span className="field__unit">{unit}</span> : null}
        </span>
      )}
    </FieldFrame>
  );
}

/** A calendar date (YYYY-MM-DD). */
export function DateField({ name, label, hint }: BaseProps) {
  const id = useId();
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          type="date"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...register(name, { setValueAs: emptyToUndefined })}
        />
      )}
    </FieldFrame>
  );
}

/** A choice from a list of codes; the empty option means "not answered". */
export function SelectField({
  name,
  label,
  hint,
  options,
}: BaseProps & { options: readonly { value: string; label: string }[] }) {
  const id = useId();
  const { register } = useFormContext();
  const { t } = useTranslation();
  const error = useFieldError(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <select
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...register(name, { setValueAs: emptyToUndefined })}
        >
          <option value="">{t('form.choose')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** A yes/no fact with an explicit "not answered" state (gates are unknown until answered). */
export function YesNoField({ name, label, hint }: BaseProps) {
  const id = useId();
  const { t } = useTranslation();
  const error = useFieldError(name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <Controller
      name={name}
      render={({ field }) => (
        <fieldset className="field field--yesno" aria-describedby={describedBy}>
          <legend>{label}</legend>
          <div className="yesno">
            {(['yes', 'no'] as const).map((choice) => (
              <label key={choice} className="yesno__option">
                <input
                  type="radio"
                  name={`${id}-${name}`}
                  checked={field.value === (choice === 'yes')}
                  onChange={() => field.onChange(choice === 'yes')}
                  onBlur={field.onBlur}
                />
                {t(`form.${choice}`)}
              </label>
            ))}
            {field.value !== undefined ? (
              <button type="button" className="link-button" onClick={() => field.onChange(undefined)}>
                {t('form.clear')}
              </button>
            ) : null}
          </div>
          {hint ? (
            <p className="field__hint" id={hintId}>
              {hint}
            </p>
          ) : null}
          {error ? (
            <p className="field__error" id={errorId} role="alert">
              {error}
            </p>
          ) : null}
        </fieldset>
      )}
    />
  );
}

/** A single checkbox for a fact that is simply true when it applies. */
export function CheckboxField({ name, label, hint }: BaseProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <Controller
      name={name}
      render={({ field }) => (
        <div className="field field--checkbox">
          <input
            id={id}
            type="checkbox"
            checked={field.value === true}
            onChange={(e) => field.onChange(e.target.checked ? true : undefined)}
            onBlur={field.onBlur}
            aria-describedby={hint ? hintId : undefined}
          />
          <label htmlFor={id}>{label}</label>
          {hint ? (
            <p className="field__hint" id={hintId}>
              {hint}
            </p>
          ) : null}
        </div>
      )}
    />
  );
}

/** Several codes that may each apply (e.g. awards). */
export function MultiCheckField({
  name,
  label,
  hint,
  options,
}: BaseProps & { options: readonly { value: string; label: string }[] }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <Controller
      name={name}
      render={({ field }) => {
        const selected: string[] = Array.isArray(field.value) ? field.value : [];
        const toggle = (value: string, on: boolean) => {
          const next = on ? [...selected, value] : selected.filter((v) => v !== value);
          field.onChange(next.length ? next : undefined);
        };
        return (
          <fieldset className="field field--multi" aria-describedby={hint ? hintId : undefined}>
            <legend>{label}</legend>
            {options.map((o) => (
              <label key={o.value} className="check">
                <input
                  type="checkbox"
                  checked={selected.includes(o.value)}
                  onChange={(e) => toggle(o.value, e.target.checked)}
                />
                {o.label}
              </label>
            ))}
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

/** A list of dates (e.g. the dates of recorded penalties), each removable. */
export function DateListField({ name, label, hint }: BaseProps) {
  const id = useId();
  const { t } = useTranslation();
  const hintId = `${id}-hint`;
  const { errors } = useFormState({ name: name as FieldPath<FieldValues> });
  return (
    <Controller
      name={name}
      render={({ field }) => {
        const dates: string[] = Array.isArray(field.value) ? field.value : [];
        const update = (next: string[]) => field.onChange(next.length ? next : undefined);
        return (
          <fieldset className="field field--list" aria-describedby={hint ? hintId : undefined}>
            <legend>{label}</legend>
            {dates.map((date, i) => {
              const itemId = `${id}-${i}`;
              const key = errorAt(errors, `${name}.${i}`);
              return (
                <div className="list-item" key={i}>
                  <label htmlFor={itemId}>{t('form.recordDate', { n: i + 1 })}</label>
                  <input
                    id={itemId}
                    type="date"
                    value={date}
                    aria-invalid={key ? true : undefined}
                    aria-describedby={key ? `${itemId}-error` : undefined}
                    onChange={(e) => update(dates.map((d, j) => (j === i ? e.target.value : d)))}
                  />
                  <button type="button" className="link-button" onClick={() => update(dates.filter((_, j) => j !== i))}>
                    {t('form.remove')}
                    <span className="visually-hidden"> {t('form.recordDate', { n: i + 1 })}</span>
                  </button>
                  {key ? (
                    <p className="field__error" id={`${itemId}-error`} role="alert">
                      {t(key.startsWith('errors.') ? `rules:${key}` : 'rules:errors.invalid')}
                    </p>
                  ) : null}
                </div>
              );
            })}
            <button type="button" className="secondary-button" onClick={() => update([...dates, ''])}>
              {t('form.addRecord')}
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
