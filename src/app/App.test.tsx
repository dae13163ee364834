/**
 * The whole page in jsdom, driven like a user (user-event), in Chinese by default: the total follows the answers,
 * a bad value shows a translated error, the language switch works, the pick-one rule is visible and a veto hides
 * the total. Labels are the app's own translations, read from the locale files.
 *
 * Hand-worked values (as-of 2025-06-01, pack shanghai-2023): born 1990-01-01 → 35 周岁 → age 30; 本科+学士学位 → 90;
 * 技能三级 → 60, not counted under the pick-one rule because 90 is higher.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, test } from 'vitest';
import { createI18n, resources, type Language } from '../i18n';
import { App } from './App';

const TODAY = '2025-06-01';

const translators = new Map<Language, I18n>();
/** The app's string for `key` (namespace `common` unless `ns:` is given); throws when the locale lacks it. */
function tr(lng: Language, key: string, params: Record<string, string | number> = {}): string {
  let instance = translators.get(lng);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources: resources as unknown as Resource,
      lng,
      fallbackLng: false,
      ns: ['common', 'rules', 'shanghai'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    translators.set(lng, instance);
  }
  if (!instance.exists(key)) throw new Error(`the ${lng} locale has no string at ${key}`);
  return instance.t(key, params);
}
const fieldLabel = (name: string, lng: Language = 'zh-CN') => tr(lng, `shanghai:fields.${name}.label`);
const option = (group: string, code: string) => tr('zh-CN', `shanghai:options.${group}.${code}`);

/** Render the page and wait for the calculator (its chunk and the city's are loaded on demand). */
async function renderApp() {
  const user = userEvent.setup();
  const view = render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <App today={TODAY} />
    </I18nextProvider>,
  );
  await screen.findByRole('form', { name: tr('zh-CN', 'form.label') });
  return { user, ...view };
}

const total = () => screen.getByTestId('total');
async function expectTotal(value: string, threshold = 120) {
  await waitFor(() => expect(total().textContent?.replace(/\s+/g, ' ').trim()).toBe(`${value} / ${threshold}`));
}
function line(container: HTMLElement, id: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`li[data-line-id="${id}"]`);
  if (!element) throw new Error(`no result line ${id}`);
  return element;
}

describe('App (zh-CN, today 2025-06-01)', () => {
  test('starts in Chinese with the as-of date set to today and an itemised result', async () => {
    await renderApp();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(tr('zh-CN', 'app.name'));
    expect(screen.getByLabelText(tr('zh-CN', 'form.asOf.label'))).toHaveValue(TODAY);
    expect(screen.getByRole('button', { name: tr('zh-CN', 'lang.zh') })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('heading', { name: tr('zh-CN', 'result.gatesTitle') })).toBeInTheDocument();
  });

  test('the total follows the answers: birth date → 30, then 本科+学士学位 → 120', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByLabelText(fieldLabel('birthDate')), '1990-01-01');
    await expectTotal('30');
    expect(screen.getByText(tr('zh-CN', 'result.verdict.notReached', { threshold: 120, name: tr('zh-CN', 'shanghai:city.thresholdName') }))).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText(fieldLabel('education')), option('education', 'bachelorDegree'));
    await expectTotal('120');
    expect(screen.getByText(tr('zh-CN', 'result.verdict.reached', { threshold: 120, name: tr('zh-CN', 'shanghai:city.thresholdName') }))).toBeInTheDocument();
    // The sticky bar repeats the total for screen-reader and phone users.
    expect(screen.getByRole('link', { name: tr('zh-CN', 'result.stickyAria', { total: 120, threshold: 120 }) })).toHaveAttribute(
      'href',
      '#result',
    );
  });

  test('pick-one: the higher of education and title counts, the other is shown as not counted', async () => {
    const { user, container } = await renderApp();
    await user.type(screen.getByLabelText(fieldLabel('birthDate')), '1990-01-01');
    await user.selectOptions(screen.getByLabelText(fieldLabel('education')), option('education', 'bachelorDegree'));
    await user.selectOptions(screen.getByLabelText(fieldLabel('title')), option('title', 'skill3'));
    await expectTotal('120');

    const education = line(container, 'education');
    expect(education).not.toHaveClass('line--uncounted');
    expect(within(education).getByText('+90')).toBeInTheDocument();
    expect(within(education).queryByText(tr('zh-CN', 'result.notCounted'))).toBeNull();

    const title = line(container, 'title');
    expect(title).toHaveClass('line--uncounted');
    expect(within(title).getByText(tr('zh-CN', 'result.notCounted'))).toBeInTheDocument();
    // The would-be value stays visible, struck through.
    expect(title.querySelector('s')).toHaveTextContent('+60');
  });

  test('a bad value shows the translated error on the field, and the last valid result is kept', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByLabelText(fieldLabel('birthDate')), '1990-01-01');
    await expectTotal('30');

    const months = screen.getByLabelText(fieldLabel('siMonthsLast12'));
    await user.type(months, '13');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(tr('zh-CN', 'rules:errors.maxMonths12'));
    expect(months).toHaveAttribute('aria-invalid', 'true');
    expect(months.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
    expect(screen.getByText(tr('zh-CN', 'result.stale'))).toBeInTheDocument();
    await expectTotal('30');

    await user.clear(months);
    await user.type(months, '12');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(months).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(tr('zh-CN', 'result.stale'))).toBeNull();
  });

  test('a birth date after the as-of date is an error on the birth date', async () => {
    const { user } = await renderApp();
    const birth = screen.getByLabelText(fieldLabel('birthDate'));
    await user.type(birth, '2030-01-01');
    expect(await screen.findByRole('alert')).toHaveTextContent(tr('zh-CN', 'rules:errors.futureBirth'));
    expect(birth).toHaveAttribute('aria-invalid', 'true');
  });

  test('the language button switches to English', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: tr('en', 'lang.en') }));
    expect(await screen.findByLabelText(fieldLabel('birthDate', 'en'))).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(tr('en', 'app.name'));
    expect(screen.getByLabelText(tr('en', 'form.asOf.label'))).toHaveValue(TODAY);
    expect(screen.getByRole('button', { name: tr('en', 'lang.en') })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByLabelText(fieldLabel('birthDate', 'zh-CN'))).toBeNull();
    expect(document.documentElement.lang).toBe('en');
  });

  test('a veto hides the total and says why', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByLabelText(fieldLabel('birthDate')), '1990-01-01');
    await user.selectOptions(screen.getByLabelText(fieldLabel('education')), option('education', 'bachelorDegree'));
    await expectTotal('120');

    await user.click(screen.getByLabelText(fieldLabel('familyPlanningViolation')));
    await waitFor(() => expect(total()).toHaveTextContent(/^—/));
    expect(total()).not.toHaveTextContent('120 /');
    expect(screen.getByText(tr('zh-CN', 'result.verdict.vetoed'))).toBeInTheDocument();
    const veto = screen.getByRole('region', { name: tr('zh-CN', 'result.vetoTitle') });
    expect(veto).toHaveTextContent(tr('zh-CN', 'shanghai:veto.familyPlanningViolation'));
    expect(screen.queryByRole('link', { name: /120/ })).toBeNull();

    // Unticking it brings the total back.
    await user.click(screen.getByLabelText(fieldLabel('familyPlanningViolation')));
    await expectTotal('120');
  });
});
