/**
 * The form kit in isolation, inside a tiny react-hook-form harness (zod/mini resolver, validation on change):
 * labels are associated, hints and errors are linked with aria-describedby, empty means "not answered"
 * (undefined), the yes/no control has three states, and date lists grow and shrink.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { FormProvider, useForm, type UseFormReturn } from 'react-hook-form';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { flag, isoDate, monthCount } from '../../engine/core/fields';
import { createI18n, resources } from '../../i18n';
import { CheckboxField, DateField, DateListField, MultiCheckField, NumberField, SelectField, YesNoField } from './fields';

const en = resources.en;

const schema = z.object({
  months: z.optional(monthCount(12)),
  amount: z.optional(z.number({ error: 'errors.number' })),
  day: z.optional(isoDate()),
  choice: z.optional(z.enum(['a', 'b'], { error: 'errors.choice' })),
  answer: z.optional(flag()),
  other: z.optional(flag()),
  ok: z.optional(flag()),
  many: z.optional(z.array(z.enum(['x', 'y']))),
  dates: z.optional(z.array(isoDate())),
});
type Values = z.input<typeof schema>;

let form: UseFormReturn<Values>;

function Harness({ children }: { children: ReactNode }) {
  const methods = useForm<Values>({ mode: 'onChange', resolver: zodResolver(schema), defaultValues: {} });
  form = methods;
  return (
    <FormProvider {...methods}>
      <form noValidate>{children}</form>
    </FormProvider>
  );
}

function renderKit(ui: ReactNode) {
  const user = userEvent.setup();
  const view = render(
    <I18nextProvider i18n={createI18n('en')}>
      <Harness>{ui}</Harness>
    </I18nextProvider>,
  );
  return { user, ...view };
}

/** Ids listed in an element's aria-describedby. */
function describedBy(element: HTMLElement): string[] {
  return (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
}

/** The texts of the elements an element's aria-describedby points to. */
function descriptions(element: HTMLElement): string[] {
  return describedBy(element).map((id) => document.getElementById(id)?.textContent ?? `<missing #${id}>`);
}

describe('NumberField', () => {
  test('its label is associated and its hint is linked through aria-describedby', () => {
    renderKit(<NumberField name="months" label="Insured months" hint="Only the last 12 months count." unit="months" />);
    const input = screen.getByLabelText('Insured months');
    expect(input).toHaveAttribute('type', 'text');
    expect(input).toHaveAttribute('inputmode', 'numeric');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(descriptions(input)).toEqual(['Only the last 12 months count.']);
    expect(input).toHaveAccessibleDescription('Only the last 12 months count.');
    expect(screen.getByText('months')).toBeInTheDocument();
  });

  test('an empty input means undefined; a number is stored as a number (spaces trimmed)', async () => {
    const { user } = renderKit(<NumberField name="months" label="Insured months" />);
    const input = screen.getByLabelText('Insured months');
    expect(form.getValues('months')).toBeUndefined();
    await user.type(input, '7');
    expect(form.getValues('months')).toBe(7);
    await user.clear(input);
    expect(form.getValues('months')).toBeUndefined();
    await user.type(input, ' 5 ');
    expect(form.getValues('months')).toBe(5);
    await user.clear(input);
    await user.type(input, '   ');
    expect(form.getValues('months')).toBeUndefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a decimal amount field asks for the decimal keypad', () => {
    renderKit(<NumberField name="amount" label="Tax share" step="any" />);
    expect(screen.getByLabelText('Tax share')).toHaveAttribute('inputmode', 'decimal');
  });

  test('an invalid value shows the translated error, linked and announced, and fixing it clears it', async () => {
    const { user } = renderKit(<NumberField name="months" label="Insured months" hint="Only the last 12 months count." />);
    const input = screen.getByLabelText('Insured months');
    await user.type(input, '13');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(en.rules.errors.maxMonths12);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(describedBy(input)).toContain(alert.id);
    expect(descriptions(input)).toEqual(['Only the last 12 months count.', en.rules.errors.maxMonths12]);

    await user.clear(input);
    await user.type(input, 'abc');
    expect(await screen.findByRole('alert')).toHaveTextContent(en.rules.errors.number);

    await user.clear(input);
    await user.type(input, '12');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(descriptions(input)).toEqual(['Only the last 12 months count.']);
  });

  test('a message that is not an errors.* key is shown as the generic "invalid" text', async () => {
    renderKit(<NumberField name="months" label="Insured months" />);
    act(() => form.setError('months', { type: 'custom', message: 'something internal' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(en.rules.errors.invalid);
  });
});

describe('DateField', () => {
  test('label, hint, value as YYYY-MM-DD, and empty means undefined', async () => {
    const { user } = renderKit(<DateField name="day" label="Date of birth" hint="As on your ID card." />);
    const input = screen.getByLabelText('Date of birth');
    expect(input).toHaveAttribute('type', 'date');
    expect(descriptions(input)).toEqual(['As on your ID card.']);
    await user.type(input, '1990-05-01');
    expect(form.getValues('day')).toBe('1990-05-01');
    await user.clear(input);
    expect(form.getValues('day')).toBeUndefined();
  });

  test('an error from the schema is translated and linked', async () => {
    renderKit(<DateField name="day" label="Date of birth" />);
    act(() => form.setError('day', { type: 'custom', message: 'errors.futureBirth' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(en.rules.errors.futureBirth);
    const input = screen.getByLabelText('Date of birth');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(describedBy(input)).toEqual([alert.id]);
  });
});

describe('SelectField', () => {
  test('the empty option means undefined; a choice stores its code', async () => {
    const { user } = renderKit(
      <SelectField
        name="choice"
        label="Education"
        hint="The highest level."
        options={[
          { value: 'a', label: 'Option A' },
          { value: 'b', label: 'Option B' },
        ]}
      />,
    );
    const select = screen.getByLabelText('Education');
    expect(descriptions(select)).toEqual(['The highest level.']);
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      en.common.form.choose,
      'Option A',
      'Option B',
    ]);
    expect(form.getValues('choice')).toBeUndefined();
    await user.selectOptions(select, 'Option B');
    expect(form.getValues('choice')).toBe('b');
    await user.selectOptions(select, en.common.form.choose);
    expect(form.getValues('choice')).toBeUndefined();
  });
});

describe('YesNoField', () => {
  test('three states: unanswered, yes, no — and "clear" goes back to unanswered', async () => {
    const { user } = renderKit(<YesNoField name="answer" label="Holds a residence permit" hint="A valid permit." />);
    const group = screen.getByRole('group', { name: 'Holds a residence permit' });
    expect(group).toHaveAccessibleDescription('A valid permit.');
    const yes = within(group).getByRole('radio', { name: en.common.form.yes });
    const no = within(group).getByRole('radio', { name: en.common.form.no });
    const clear = () => within(group).queryByRole('button', { name: en.common.form.clear });

    expect(form.getValues('answer')).toBeUndefined();
    expect(yes).not.toBeChecked();
    expect(no).not.toBeChecked();
    expect(clear()).toBeNull();

    await user.click(yes);
    expect(form.getValues('answer')).toBe(true);
    expect(yes).toBeChecked();
    expect(no).not.toBeChecked();
    expect(clear()).toBeInTheDocument();

    await user.click(no);
    expect(form.getValues('answer')).toBe(false);
    expect(yes).not.toBeChecked();
    expect(no).toBeChecked();

    await user.click(clear()!);
    expect(form.getValues('answer')).toBeUndefined();
    expect(yes).not.toBeChecked();
    expect(no).not.toBeChecked();
    expect(clear()).toBeNull();
  });

  test('two yes/no questions are independent radio groups', async () => {
    const { user } = renderKit(
      <>
        <YesNoField name="answer" label="First question" />
        <YesNoField name="other" label="Second question" />
      </>,
    );
    const first = screen.getByRole('group', { name: 'First question' });
    const second = screen.getByRole('group', { name: 'Second question' });
    await user.click(within(first).getByRole('radio', { name: en.common.form.yes }));
    await user.click(within(second).getByRole('radio', { name: en.common.form.no }));
    expect(within(first).getByRole('radio', { name: en.common.form.yes })).toBeChecked();
    expect(within(second).getByRole('radio', { name: en.common.form.no })).toBeChecked();
    expect(form.getValues()).toMatchObject({ answer: true, other: false });
  });

  test('an error is translated, announced and linked to the question', async () => {
    renderKit(<YesNoField name="answer" label="Holds a residence permit" hint="A valid permit." />);
    act(() => form.setError('answer', { type: 'custom', message: 'errors.boolean' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(en.rules.errors.boolean);
    const group = screen.getByRole('group', { name: 'Holds a residence permit' });
    // Like every other control of the kit, the error is part of the description (aria-describedby).
    expect(alert.id, 'the error element has an id').not.toBe('');
    expect(describedBy(group)).toContain(alert.id);
  });
});

describe('CheckboxField', () => {
  test('label, hint; checked means true and unchecked means undefined', async () => {
    const { user } = renderKit(<CheckboxField name="ok" label="Shortage major" hint="In the official list." />);
    const box = screen.getByLabelText('Shortage major');
    expect(box).toHaveAccessibleDescription('In the official list.');
    expect(form.getValues('ok')).toBeUndefined();
    await user.click(box);
    expect(form.getValues('ok')).toBe(true);
    await user.click(box);
    expect(form.getValues('ok')).toBeUndefined();
  });
});

describe('MultiCheckField', () => {
  test('several codes; none selected means undefined', async () => {
    const { user } = renderKit(
      <MultiCheckField
        name="many"
        label="Awards"
        hint="The highest counts."
        options={[
          { value: 'x', label: 'Award X' },
          { value: 'y', label: 'Award Y' },
        ]}
      />,
    );
    const group = screen.getByRole('group', { name: 'Awards' });
    expect(group).toHaveAccessibleDescription('The highest counts.');
    await user.click(within(group).getByLabelText('Award X'));
    await user.click(within(group).getByLabelText('Award Y'));
    expect(form.getValues('many')).toEqual(['x', 'y']);
    await user.click(within(group).getByLabelText('Award X'));
    expect(form.getValues('many')).toEqual(['y']);
    await user.click(within(group).getByLabelText('Award Y'));
    expect(form.getValues('many')).toBeUndefined();
  });
});

describe('DateListField', () => {
  const recordLabel = (n: number) => en.common.form.recordDate.replace('{{n}}', String(n));
  // The remove button's name is "Remove" plus the record's label (visually hidden); jsdom's accessible-name
  // computation drops the space that Chromium keeps, hence the \s*.
  const removeName = (n: number) => new RegExp(`^${en.common.form.remove}\\s*${recordLabel(n)}$`);

  test('records are added with a labelled date input and removed one by one', async () => {
    const { user } = renderKit(<DateListField name="dates" label="Detention dates" hint="Each record." />);
    const group = screen.getByRole('group', { name: 'Detention dates' });
    expect(group).toHaveAccessibleDescription('Each record.');
    expect(within(group).queryAllByRole('button', { name: new RegExp(`^${en.common.form.remove}`) })).toHaveLength(0);
    expect(form.getValues('dates')).toBeUndefined();

    const add = within(group).getByRole('button', { name: en.common.form.addRecord });
    await user.click(add);
    await user.type(within(group).getByLabelText(recordLabel(1)), '2023-03-01');
    await user.click(add);
    await user.type(within(group).getByLabelText(recordLabel(2)), '2019-06-01');
    expect(form.getValues('dates')).toEqual(['2023-03-01', '2019-06-01']);

    // Each remove button names the record it removes.
    await user.click(within(group).getByRole('button', { name: removeName(1) }));
    expect(form.getValues('dates')).toEqual(['2019-06-01']);
    expect(within(group).getByLabelText(recordLabel(1))).toHaveValue('2019-06-01');
    expect(within(group).queryByLabelText(recordLabel(2))).toBeNull();

    await user.click(within(group).getByRole('button', { name: removeName(1) }));
    expect(form.getValues('dates')).toBeUndefined();
    expect(within(group).queryByLabelText(recordLabel(1))).toBeNull();
  });

  test("an item's error is translated and linked to that item's input", async () => {
    const { user } = renderKit(<DateListField name="dates" label="Detention dates" />);
    const group = screen.getByRole('group', { name: 'Detention dates' });
    await user.click(within(group).getByRole('button', { name: en.common.form.addRecord }));
    const input = within(group).getByLabelText(recordLabel(1));
    await user.type(input, '2030-01-01');
    act(() => form.setError('dates.0', { type: 'custom', message: 'errors.afterAsOf' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(en.rules.errors.afterAsOf);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(describedBy(input)).toEqual([alert.id]);
  });
});
