/**
 * The Guangzhou form in jsdom, inside a react-hook-form harness like the app's (zod/mini resolver, validation on
 * change), in English: every control is labelled, record rows can be added and removed, partly filled rows name
 * the missing value with a linked alert, conditional questions follow the answers and the as-of date, and the
 * answers score through `guangzhouFactsFromForm` exactly as the fixtures say.
 *
 * Hand-worked values (spec §8 T1, 2025 round, cut-off 2025-09-30): permit 88 months → 56; rental 72 months → 20;
 * 5 × 74 months of insurance → 60; fund 60 months → 10; age 32 → 30 (basic 176); bachelor 30; 3 donations 6 → 212.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next, { type i18n } from 'i18next';
import type { ReactNode } from 'react';
import { FormProvider, useForm, type UseFormReturn } from 'react-hook-form';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, test } from 'vitest';
import { evaluateGuangzhou } from '../../engine/cities/guangzhou/evaluate';
import { resources } from '../../i18n';
import enGuangzhou from '../../i18n/locales/en/guangzhou.json';
import { GuangzhouForm } from './GuangzhouForm';
import { guangzhouFactsFromForm, guangzhouFormSchema, type GuangzhouFormValues } from './guangzhouSchema';

const en = enGuangzhou;

function createEnglish(): i18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  void instance.init({
    resources: { en: { ...resources.en, guangzhou: enGuangzhou } },
    lng: 'en',
    fallbackLng: false,
    ns: ['common', 'rules', 'guangzhou'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

let form: UseFormReturn<GuangzhouFormValues>;

function Harness({ asOf, children }: { asOf: string; children: ReactNode }) {
  const methods = useForm<GuangzhouFormValues>({ mode: 'onChange', resolver: zodResolver(guangzhouFormSchema), defaultValues: { asOf, facts: {} } });
  form = methods;
  return (
    <FormProvider {...methods}>
      <form noValidate>{children}</form>
    </FormProvider>
  );
}

function renderForm(asOf = '2025-10-15') {
  const user = userEvent.setup();
  const view = render(
    <I18nextProvider i18n={createEnglish()}>
      <Harness asOf={asOf}>
        <GuangzhouForm />
      </Harness>
    </I18nextProvider>,
  );
  return { user, ...view };
}

const label = (fact: keyof typeof en.fields) => en.fields[fact].label;

/** Score the current form values as the app does; null while some answer is invalid. */
function scoreNow() {
  const parsed = guangzhouFormSchema.safeParse(form.getValues());
  if (!parsed.success) return { issues: parsed.error.issues.map((i) => [i.path.join('.'), i.message]) };
  return evaluateGuangzhou(guangzhouFactsFromForm(parsed.data.facts), parsed.data.asOf);
}

async function yes(user: ReturnType<typeof userEvent.setup>, fact: keyof typeof en.fields, answer: 'Yes' | 'No' = 'Yes') {
  const group = screen.getByRole('group', { name: label(fact) });
  await user.click(within(group).getByRole('radio', { name: answer }));
}

describe('GuangzhouForm (en)', () => {
  test('every section is a level-2 heading and the round note explains the cut-off date', async () => {
    const { user } = renderForm();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(Object.values(en.sections).map((s) => s.title));
    expect(screen.getByText('2025 round: counted on 2025-09-30 (published cut-off date).')).toBeInTheDocument();
    await user.type(screen.getByLabelText(label('roundYear')), '2024');
    expect(await screen.findByText('2024 round: cut-off date not found; counted on 2024-12-31.')).toBeInTheDocument();
    expect(screen.getByLabelText(label('roundYear'))).toHaveAccessibleDescription(en.fields.roundYear.hint);
  });

  test('T1 entered through the form scores 212 for 入户, 176 as ranking key', async () => {
    const { user } = renderForm();
    await user.type(screen.getByLabelText(label('roundYear')), '2025');
    await user.type(screen.getByLabelText(label('birthDate')), '1993-03-15');
    await yes(user, 'residencePermit');
    await yes(user, 'employedInGuangzhou');
    await user.type(screen.getByLabelText(label('residencePermitMonths')), '88');
    await yes(user, 'ownsProperty', 'No');
    await user.type(screen.getByLabelText(label('rentalMonths')), '72');
    for (const fact of ['pensionMonths', 'medicalMonths', 'unemploymentMonths', 'workInjuryMonths', 'maternityMonths'] as const) {
      await user.type(screen.getByLabelText(label(fact)), '74');
    }
    await user.type(screen.getByLabelText(label('housingFundMonths')), '60');
    await user.selectOptions(screen.getByLabelText(label('education')), en.options.education.bachelorOrHigher);
    const blood = screen.getByRole('group', { name: label('bloodDonationDates') });
    for (const date of ['2021-05-01', '2023-06-01', '2024-08-01']) {
      await user.click(within(blood).getByRole('button', { name: 'Add a record' }));
      const inputs = within(blood).getAllByLabelText(/Date of record/);
      await user.type(inputs[inputs.length - 1]!, date);
    }
    const result = scoreNow();
    if (!('scores' in result)) throw new Error(JSON.stringify(result));
    expect(result.scores.map((s) => [s.id, s.total])).toEqual([
      ['hukou', 212],
      ['ranking', 176],
      ['services', 212],
      ['school', 212],
    ]);
    expect(result.eligible).toBe('yes');
  });

  test('patent rows: added with labelled controls, partly filled rows name the missing value, removable', async () => {
    const { user } = renderForm();
    const list = screen.getByRole('group', { name: label('patents') });
    // A blank row is not an error.
    await user.click(within(list).getByRole('button', { name: en.rows.addPatent }));
    const row = within(list).getByRole('group', { name: 'Patent 1' });
    expect(scoreNow()).toHaveProperty('scores');
    // No first-inventor share from 2021, so the question is not asked.
    expect(within(row).queryByLabelText(en.rows.patentFirstInventor)).toBeNull();

    await user.selectOptions(within(row).getByLabelText(en.rows.patentKind), en.options.patentKind.invention);
    await user.type(within(row).getByLabelText(en.rows.patentInventors), '0');
    const inventors = within(row).getByLabelText(en.rows.patentInventors);
    await waitFor(() => expect(inventors).toHaveAttribute('aria-invalid', 'true'));
    expect(scoreNow()).toEqual({
      issues: expect.arrayContaining([
        ['facts.patents.0.inventors', 'errors.minOne'],
        ['facts.patents.0.grantDate', 'errors.date'],
      ]),
    });
    await user.clear(inventors);
    await user.type(inventors, '3');
    await user.type(within(row).getByLabelText(en.rows.patentGrantDate), '2023-01-01');
    await waitFor(() => expect(within(row).queryByRole('alert')).toBeNull());
    const result = scoreNow();
    if (!('lines' in result)) throw new Error(JSON.stringify(result));
    expect(result.lines.find((l) => l.id === 'patent.invention')?.points).toBe(20 / 3);

    await user.click(within(row).getByRole('button', { name: 'Remove Patent 1' }));
    expect(within(list).queryByRole('group', { name: 'Patent 1' })).toBeNull();
    expect(guangzhouFactsFromForm(guangzhouFormSchema.parse(form.getValues()).facts).patents).toBeUndefined();
  });

  test('errors inside rows are announced and linked with aria-describedby', async () => {
    const { user } = renderForm();
    const list = screen.getByRole('group', { name: label('volunteerHours') });
    await user.click(within(list).getByRole('button', { name: en.rows.addYear }));
    const year = within(list).getByLabelText(en.rows.year);
    await user.type(year, '2030');
    const alert = await within(list).findByRole('alert');
    expect(alert).toHaveTextContent((resources.en.rules.errors as unknown as Record<string, string>).yearAfterAsOf ?? 'errors.yearAfterAsOf');
    expect(year.getAttribute('aria-describedby')).toContain(alert.id);
  });

  test('questions follow the answers and the table in force', async () => {
    const { user } = renderForm('2020-06-01');
    // 2018 table: no housing fund, the first-inventor share and the Conghua/Zengcheng bonus exist.
    expect(screen.queryByLabelText(label('housingFundMonths'))).toBeNull();
    expect(screen.getByLabelText(label('rentalMonths'))).toBeInTheDocument();
    await yes(user, 'ownsProperty');
    expect(screen.queryByLabelText(label('rentalMonths'))).toBeNull();
    expect(screen.getByLabelText(label('propertyInConghuaOrZengcheng'))).toBeInTheDocument();
    expect(screen.queryByLabelText(label('worksInCertifiedOccupation'))).toBeNull();
    await user.selectOptions(screen.getByLabelText(label('technicalLevel')), en.options.technicalLevel.skillSenior);
    expect(screen.getByLabelText(label('worksInCertifiedOccupation'))).toBeInTheDocument();
    const list = screen.getByRole('group', { name: label('patents') });
    await user.click(within(list).getByRole('button', { name: en.rows.addPatent }));
    expect(within(list).getByLabelText(en.rows.patentFirstInventor)).toBeInTheDocument();
  });

  test('awards are rows of levels in the form and a list of levels in the facts', async () => {
    const { user } = renderForm();
    const list = screen.getByRole('group', { name: label('awards') });
    for (const level of ['municipal', 'meritThirdClass', 'meritThirdClass'] as const) {
      await user.click(within(list).getByRole('button', { name: en.rows.addAward }));
      const selects = within(list).getAllByLabelText(en.rows.awardLevel);
      await user.selectOptions(selects[selects.length - 1]!, en.options.awards[level]);
    }
    await user.click(within(list).getByRole('button', { name: en.rows.addAward }));
    const facts = guangzhouFactsFromForm(guangzhouFormSchema.parse(form.getValues()).facts);
    expect(facts.awards).toEqual(['municipal', 'meritThirdClass', 'meritThirdClass']);
  });
});
