/**
 * The Tianjin form in jsdom inside a react-hook-form harness with the Tianjin form schema, driven like a user:
 * the period choice shows its cut-off, one months answer stands for the five insurance types until the user says
 * they differ, sex is asked only from 50, the home list adds and validates rows, and the parsed form scores a
 * hand-worked profile (spec case A: 184.00) through the engine.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormProvider, useForm, type UseFormReturn } from 'react-hook-form';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, test } from 'vitest';
import { evaluateTianjin } from '../../engine/cities/tianjin/evaluate';
import { createI18n, resources } from '../../i18n';
import enTianjin from '../../i18n/locales/en/tianjin.json';
import { TianjinForm } from './TianjinForm';
import { tianjinFactsFromForm, tianjinFormSchema, type TianjinFormValues } from './tianjinSchema';

const AS_OF = '2026-03-10';
const en = { ...resources.en, tianjin: enTianjin };
let form: UseFormReturn<TianjinFormValues>;

function Harness() {
  const methods = useForm<TianjinFormValues>({
    resolver: zodResolver(tianjinFormSchema),
    mode: 'onChange',
    defaultValues: { asOf: AS_OF, facts: {} },
  });
  form = methods;
  return (
    <FormProvider {...methods}>
      <form noValidate>
        <TianjinForm />
      </form>
    </FormProvider>
  );
}

function renderForm() {
  const i18n = createI18n('en');
  if (!i18n.hasResourceBundle('en', 'tianjin')) i18n.addResourceBundle('en', 'tianjin', enTianjin);
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <Harness />
    </I18nextProvider>,
  );
  return user;
}

const field = (name: keyof typeof enTianjin.fields) => en.tianjin.fields[name].label;
const parsedFacts = () => {
  const parsed = tianjinFormSchema.safeParse(form.getValues());
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return tianjinFactsFromForm(parsed.data.facts);
};

describe('TianjinForm', () => {
  test('offers the next period and the one after, each with its cut-off, and shows the cut-off in use', async () => {
    const user = renderForm();
    const select = screen.getByLabelText(field('applicationPeriod'));
    const options = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(options).toHaveLength(3);
    expect(options[1]).toContain('2025-12-31');
    expect(options[2]).toContain('2026-06-30');
    expect(screen.getByText(/Counted to 2025-12-31/)).toBeInTheDocument();
    await user.selectOptions(select, options[2]!);
    expect(await screen.findByText(/Counted to 2026-06-30/)).toBeInTheDocument();
  });

  test('one months answer stands for all five types; the hint says which months do not count', async () => {
    const user = renderForm();
    const months = screen.getByLabelText(field('siAllTypesMonths'));
    expect(months).toHaveAccessibleDescription(expect.stringMatching(/Back-paid months/));
    await user.type(months, '48');
    expect(parsedFacts()).toMatchObject({
      siPensionMonths: 48,
      siMedicalMonths: 48,
      siUnemploymentMonths: 48,
      siInjuryMonths: 48,
      siMaternityMonths: 48,
    });
    await user.click(screen.getByLabelText(field('siTypesDiffer')));
    const medical = await screen.findByLabelText(field('siMedicalMonths'));
    expect(medical).toHaveValue('48');
    await user.clear(medical);
    await user.type(medical, '40');
    await waitFor(() => expect(parsedFacts()).toMatchObject({ siPensionMonths: 48, siMedicalMonths: 40 }));
  });

  test('asks sex only from 50, and the post type only for women', async () => {
    const user = renderForm();
    const birth = screen.getByLabelText(field('birthDate'));
    await user.type(birth, '1990-01-01');
    expect(screen.queryByLabelText(field('sex'))).toBeNull();
    await user.clear(birth);
    await user.type(birth, '1974-06-01');
    const sex = await screen.findByLabelText(field('sex'));
    expect(screen.queryByLabelText(field('femalePostType'))).toBeNull();
    await user.selectOptions(sex, en.tianjin.options.sex.female);
    expect(await screen.findByLabelText(field('femalePostType'))).toBeInTheDocument();
  });

  test('the occupation is asked once a certificate is chosen', async () => {
    const user = renderForm();
    expect(screen.queryByLabelText(field('occupationShortage'))).toBeNull();
    await user.selectOptions(screen.getByLabelText(field('skillLevel')), en.tianjin.options.skillLevel.seniorWorker);
    expect(await screen.findByLabelText(field('occupationShortage'))).toBeInTheDocument();
  });

  test('homes: rows are labelled groups; a half-filled row is an error; a full row becomes a fact', async () => {
    const user = renderForm();
    const list = screen.getByRole('group', { name: field('homes') });
    await user.click(within(list).getByRole('button', { name: en.tianjin.homes.add }));
    const row = within(list).getByRole('group', { name: 'Home 1' });
    await user.selectOptions(within(row).getByLabelText(en.tianjin.homes.district), en.tianjin.options.district.binhai);
    const alert = await within(row).findByRole('alert');
    expect(alert).toHaveTextContent(en.rules.errors.date);
    const date = within(row).getByLabelText(en.tianjin.homes.ownedFrom);
    expect(date).toHaveAccessibleDescription(expect.stringContaining(en.rules.errors.date));
    await user.type(date, '2022-10-01');
    await user.click(within(row).getByLabelText(en.tianjin.homes.newCommodity));
    await waitFor(() => expect(within(row).queryByRole('alert')).toBeNull());
    expect(parsedFacts().homes).toEqual([{ district: 'binhai', ownedFrom: '2022-10-01', newCommodity: true }]);
    await user.click(within(row).getByRole('button', { name: /Remove/ }));
    expect(parsedFacts().homes).toBeUndefined();
  });

  test('a filled profile (spec case A) scores 184.00 through the engine', async () => {
    const user = renderForm();
    await user.type(screen.getByLabelText(field('birthDate')), '1995-06-15');
    await user.type(screen.getByLabelText(field('siMonthsLast12')), '12');
    await user.type(screen.getByLabelText(field('siAllTypesMonths')), '48');
    await user.type(screen.getByLabelText(field('fundMonths')), '48');
    await user.type(screen.getByLabelText(field('rentMonths')), '48');
    await user.selectOptions(screen.getByLabelText(field('education')), en.tianjin.options.education.bachelorOrAbove);
    const endorsements = screen.getByRole('group', { name: field('endorsementDates') });
    for (const [i, d] of ['2022-05-20', '2023-05-20', '2024-05-20', '2025-05-20'].entries()) {
      await user.click(within(endorsements).getByRole('button', { name: en.common.form.addRecord }));
      await user.type(within(endorsements).getByLabelText(`Date of record ${i + 1}`), d);
    }
    const result = evaluateTianjin(parsedFacts(), AS_OF);
    expect(result.total).toBe(184);
    expect(result.total!.toFixed(result.fixedDecimals)).toBe('184.00');
  });
});
