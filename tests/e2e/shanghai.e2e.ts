/**
 * The Shanghai calculator in a real Chromium on a phone-sized screen (390×844), against the production build
 * served by `vite preview`: fill a profile through the UI, read the itemised result, see validation errors,
 * scan with axe in both languages, and check that nothing leaves the origin and nothing logs an error.
 *
 * Expected totals are worked out by hand from docs/rules/shanghai.md (as-of 2025-06-01, pack shanghai-2023):
 *   age: born 1990-01-01 → 35 周岁 → 30 (≤43 → 30)
 *   education: 本科+学士学位 → 90; title: 技能三级 → 60, not counted (pick-one: 90 > 60)
 *   SI years: 60 months → 5 full years × 3 → 15
 *   SI base: 40 of the last 48 months ≥ 0.8W (≥36 needed) → 25
 *   total 30 + 90 + 15 + 25 = 160 ≥ 120 → reached
 *   + detention on 2023-03-01 (within 5 years) → −50 → 110, not reached
 *   + detention on 2019-06-01 (more than 5 years before) → shown, not counted → still 110
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { evaluateShanghai } from '../../src/engine/cities/shanghai/evaluate';
import type { ShanghaiFacts } from '../../src/engine/cities/shanghai/facts';
import type { Line } from '../../src/engine/core/types';
import { axeViolations, baseURL, expectClean, PHONE, useBrowser, type Session } from './browser';
import { squash, text, tr, type Lng } from './strings';

const AS_OF = '2025-06-01';
const INSTRUMENT_2023 = '沪府规〔2022〕21号';

/** The facts of the profile in the header comment, as the UI fills them. */
const PROFILE: ShanghaiFacts = {
  birthDate: '1990-01-01',
  residencePermit: true,
  education: 'bachelorDegree',
  educationVerified: true,
  title: 'skill3',
  titleMatchesPost: true,
  siMonthsLast12: 12,
  siPayingNow: true,
  siMonthsTotal: 60,
  siBase08Months: 40,
};
const DETENTIONS = ['2023-03-01', '2019-06-01'];


/** Visible text must not contain raw i18n keys or template leftovers. */
const RAW_KEY =
  /\{\{|\}\}|\$t\(|\b(?:app|form|result|lang|city|units|shanghai|rules|lineTitle|line|reason|caveat|gate|fields|options|sections|bandFinder|errors|notice|veto|score)\.[A-Za-z]/;
async function expectNoRawKeys(page: Page, where = 'body') {
  const visible = await page.locator(where).innerText();
  const hit = RAW_KEY.exec(visible);
  expect(hit ? visible.slice(Math.max(0, hit.index - 60), hit.index + 80) : null, `raw i18n key or template on screen (${where})`).toBeNull();
}

/** Ways to reach the form's controls by their visible, translated labels. */
function formOf(page: Page, lng: Lng) {
  const label = (name: string) => tr(lng, `shanghai:fields.${name}.label`);
  const input = (name: string) => page.getByLabel(label(name), { exact: true });
  const group = (name: string) => page.getByRole('group', { name: label(name), exact: true });
  return {
    label,
    input,
    group,
    asOf: () => page.getByLabel(tr(lng, 'form.asOf.label'), { exact: true }),
    /** Focus the field with a click and type on the keyboard, replacing what was there. */
    async type(name: string, text: string) {
      const field = input(name);
      await field.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(text);
    },
    async date(name: string, value: string) {
      await input(name).fill(value);
    },
    async answer(name: string, yes: boolean) {
      await group(name)
        .getByRole('radio', { name: tr(lng, yes ? 'form.yes' : 'form.no'), exact: true })
        .check();
    },
    async choose(name: string, optionGroup: string, code: string) {
      await input(name).selectOption({ label: tr(lng, `shanghai:options.${optionGroup}.${code}`) });
    },
    async addRecord(name: string, date: string) {
      const list = group(name);
      const before = await list.locator('input[type="date"]').count();
      await list.getByRole('button', { name: tr(lng, 'form.addRecord'), exact: true }).click();
      const item = list.getByLabel(tr(lng, 'form.recordDate', { n: before + 1 }), { exact: true });
      await item.fill(date);
    },
  };
}

const totalText = (page: Page) => page.getByTestId('total').innerText();
const line = (page: Page, id: string) => page.locator(`li[data-line-id="${id}"]`);
const pointsOf = async (l: Locator) => (await l.locator('.line__points').innerText()).trim();

async function expectTotal(page: Page, total: string, threshold = 120) {
  await expect.poll(async () => squash(await totalText(page))).toBe(`${total} / ${threshold}`);
}

/** The profile of the header comment, filled through the UI (total 160). */
async function fillProfile(page: Page, lng: Lng) {
  const form = formOf(page, lng);
  await form.asOf().fill(AS_OF);
  await form.date('birthDate', '1990-01-01');
  await form.answer('residencePermit', true);
  await form.choose('education', 'education', 'bachelorDegree');
  await form.answer('educationVerified', true);
  await form.choose('title', 'title', 'skill3');
  await form.answer('titleMatchesPost', true);
  await form.type('siMonthsLast12', '12');
  await form.answer('siPayingNow', true);
  await form.type('siMonthsTotal', '60');
  await form.type('siBase08Months', '40');
  await page.keyboard.press('Tab');
  await expectTotal(page, '160');
  await expect.poll(() => page.getByRole('alert').count()).toBe(0);
}

/** Two detention records: one inside the 5-year window (−50), one outside it (shown, not counted). */
async function addDetentions(page: Page, lng: Lng) {
  const form = formOf(page, lng);
  await form.addRecord('detentionDates', '2023-03-01');
  await expectTotal(page, '110');
  await form.addRecord('detentionDates', '2019-06-01');
  await expect.poll(() => line(page, 'deduction.detention.expired').count()).toBe(1);
  await expectTotal(page, '110');
  await expect.poll(() => page.getByRole('alert').count()).toBe(0);
}

const chromium = useBrowser();

async function open(locale: 'zh-CN' | 'en-US'): Promise<Session> {
  const session = await chromium.session(locale);
  await session.page.goto(baseURL());
  await session.page.locator('h1').waitFor();
  return session;
}

/** A soft assertion, so one test reports the violations of every state it scans. */
async function expectNoAxeViolations(page: Page, state: string) {
  const violations = await axeViolations(page);
  expect.soft(violations, `axe violations (${state}):\n${violations.join('\n')}`).toEqual([]);
}

describe('Shanghai calculator in Chromium at 390×844', () => {
  test('a profile filled with clicks and the keyboard gives the itemised result the rules give', async () => {
    const session = await open('zh-CN');
    const { page } = session;
    const lng = 'zh-CN';
    await expect.poll(() => page.locator('h1').innerText()).toContain(tr(lng, 'app.name'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await fillProfile(page, lng);
    const summary = page.locator('.summary');
    expect(await summary.innerText()).toContain(tr(lng, 'result.verdict.reached', { threshold: 120, name: tr(lng, 'shanghai:city.thresholdName') }));
    expect(await summary.innerText()).toContain(tr(lng, 'result.eligible.yes'));

    await addDetentions(page, lng);
    expect(await summary.innerText()).toContain(tr(lng, 'result.verdict.notReached', { threshold: 120, name: tr(lng, 'shanghai:city.thresholdName') }));

    // Gates: all three met.
    const gates = page.locator('.gates > li');
    expect(await gates.count()).toBe(3);
    for (const gate of await gates.all()) {
      expect(await gate.getAttribute('class')).toContain('gate--pass');
      expect(await gate.innerText()).toContain(tr(lng, 'result.gateStatus.pass'));
    }

    // Points worked out by hand (header comment).
    const age = line(page, 'age');
    expect(await pointsOf(age)).toBe('+30');
    const education = line(page, 'education');
    expect(await pointsOf(education)).toBe('+90');
    expect(await education.getAttribute('class')).not.toContain('line--uncounted');
    const title = line(page, 'title');
    expect(await pointsOf(title)).toBe('+60');
    expect(await title.getAttribute('class')).toContain('line--uncounted');
    expect(await title.locator('s').count(), 'the would-be value is struck through').toBe(1);
    expect(await title.locator('.line__reason').innerText()).toContain(tr(lng, 'result.notCounted'));
    expect(await pointsOf(line(page, 'siYears'))).toBe('+15');
    expect(await pointsOf(line(page, 'siBase'))).toBe('+25');
    expect(await page.getByRole('heading', { name: tr(lng, 'result.linesTitle', { counted: 4, total: 5 }) }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: tr(lng, 'result.deductionsTitle'), exact: true }).count()).toBe(1);
    const detention = line(page, 'deduction.detention');
    expect(await pointsOf(detention)).toBe('−50');
    expect(await detention.getAttribute('class')).not.toContain('line--uncounted');
    const expired = line(page, 'deduction.detention.expired');
    expect(await expired.getAttribute('class')).toContain('line--uncounted');

    // Every line shows its title, the engine's explanation, reason, caveat and citation, translated.
    const expected = evaluateShanghai({ ...PROFILE, detentionDates: DETENTIONS }, AS_OF);
    expect(expected.total, 'the engine agrees with the hand calculation').toBe(110);
    const all: Line[] = [...expected.lines, ...expected.deductions];
    expect(all.map((l) => l.id).sort()).toEqual(
      ['age', 'education', 'title', 'siYears', 'siBase', 'deduction.detention', 'deduction.detention.expired'].sort(),
    );
    for (const l of all) {
      const item = line(page, l.id);
      const shown = squash(await item.innerText());
      expect(await item.locator('.line__title').innerText()).toBe(tr(lng, `shanghai:lineTitle.${l.id.replace(/\.expired$/, '')}`));
      expect(shown, `explanation of ${l.id}`).toContain(squash(text(lng, l.message)));
      if (l.notCountedReason) expect(shown, `reason of ${l.id}`).toContain(squash(text(lng, l.notCountedReason)));
      if (l.caveat) {
        const caveat = squash(await item.locator('.line__caveat').innerText());
        expect(caveat).toContain(tr(lng, 'result.caveat'));
        expect(caveat, `caveat of ${l.id}`).toContain(squash(tr(lng, l.caveat)));
      }
      const citation = item.locator('.citation a');
      expect(await citation.innerText(), `citation of ${l.id}`).toContain(INSTRUMENT_2023);
      expect(await citation.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await citation.getAttribute('rel')).toContain('noopener');
    }
    expect(await age.locator('.line__caveat').count(), 'the age line carries the as-of caveat').toBe(1);
    expect(squash(await title.locator('.line__reason').innerText())).toContain(
      squash(text(lng, expected.lines.find((l) => l.id === 'title')!.notCountedReason!)),
    );

    // The rule pack in force on the as-of date, and the total repeated in the sticky bar.
    const pack = squash(await page.locator('.pack').innerText());
    expect(pack).toContain(INSTRUMENT_2023);
    expect(pack).toContain('shanghai-2023');
    expect(await page.locator('.sticky-total').getAttribute('aria-label')).toBe(
      tr(lng, 'result.stickyAria', { total: 110, threshold: 120 }),
    );

    await expectNoRawKeys(page);
    // Nothing is wider than the phone's screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'page width at a 390 px viewport (horizontal scrolling)').toBeLessThanOrEqual(PHONE.width);

    expectClean(session);
  });

  test('the band finder tells the band of a monthly base', async () => {
    const session = await open('zh-CN');
    const { page } = session;
    for (const lng of ['zh-CN', 'en'] as const) {
      if (lng === 'en') await page.getByRole('button', { name: tr('en', 'lang.en'), exact: true }).click();
      const finder = page.locator('details.band-finder');
      if ((await finder.getAttribute('open')) === null) {
        await finder.getByText(tr(lng, 'shanghai:bandFinder.title'), { exact: true }).click();
      }
      // March 2025: W 12,307 (2024-07 → 2025-06), so 10,000 ≥ 0.8W = 9,845.6 but < 1W.
      await page.getByLabel(tr(lng, 'shanghai:bandFinder.monthLabel'), { exact: true }).fill('2025-03');
      const base = page.getByLabel(tr(lng, 'shanghai:bandFinder.baseLabel'), { exact: true });
      await base.fill('');
      await base.pressSequentially('10000');
      const result = finder.locator('.band-finder__result');
      await expect.poll(async () => squash(await result.innerText())).toContain(squash(tr(lng, 'shanghai:bandFinder.bands.from08')));
      await expectNoRawKeys(page, 'details.band-finder');
    }
    expectClean(session);
  });

  test('an invalid value shows a translated error next to the field, and the page keeps working', async () => {
    const session = await open('zh-CN');
    const { page } = session;
    const lng = 'zh-CN';
    const form = formOf(page, lng);
    await form.asOf().fill(AS_OF);
    await form.date('birthDate', '1990-01-01');
    await expectTotal(page, '30');

    // 13 in "months in the last 12".
    await form.type('siMonthsLast12', '13');
    const months = form.input('siMonthsLast12');
    await expect.poll(() => months.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await months.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
    const errorId = describedBy.find((id) => id.endsWith('-error'));
    expect(errorId, `aria-describedby="${describedBy.join(' ')}" names the error`).toBeDefined();
    const error = page.locator(`[id="${errorId}"]`);
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.innerText()).toBe(tr(lng, 'rules:errors.maxMonths12'));
    // The error sits in the same field block as the input.
    expect(await months.locator('xpath=ancestor::div[contains(@class,"field")][1]').locator(`[id="${errorId}"]`).count()).toBe(1);
    // The last valid result stays on screen, marked as stale.
    expect(await page.locator('.result').innerText()).toContain(tr(lng, 'result.stale'));
    await expectTotal(page, '30');

    // A scan while an error is shown.
    await expectNoAxeViolations(page, 'zh-CN, with a validation error');

    // Fixing it removes the error.
    await form.type('siMonthsLast12', '12');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    expect(await months.getAttribute('aria-invalid')).toBeNull();

    // A birth date after the as-of date.
    await form.date('birthDate', '2030-01-01');
    const birth = form.input('birthDate');
    await expect.poll(() => birth.getAttribute('aria-invalid')).toBe('true');
    const alerts = page.getByRole('alert');
    await expect.poll(() => alerts.count()).toBe(1);
    expect(await alerts.first().innerText()).toBe(tr(lng, 'rules:errors.futureBirth'));
    expect(await birth.getAttribute('aria-describedby')).toContain(await alerts.first().getAttribute('id'));

    // The page did not crash: the heading and the form are still there and still react.
    expect(await page.locator('h1').innerText()).toContain(tr(lng, 'app.name'));
    await form.date('birthDate', '1990-01-01');
    await expect.poll(() => alerts.count()).toBe(0);
    await expectTotal(page, '30');

    expectClean(session);
  });

  test('axe: the empty form has no violations in Chinese and, after switching, in English', async () => {
    const session = await open('zh-CN');
    const { page } = session;
    expect(await page.locator('h1').innerText()).toContain(tr('zh-CN', 'app.name'));
    await expectNoAxeViolations(page, 'zh-CN, empty form');
    await expectNoRawKeys(page);

    await page.getByRole('button', { name: tr('en', 'lang.en'), exact: true }).click();
    await expect.poll(() => page.locator('h1').innerText()).toContain(tr('en', 'app.name'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectNoAxeViolations(page, 'en, empty form');
    await expectNoRawKeys(page);

    expectClean(session);
  });

  test('axe: a filled form with gates, lines, deductions and caveats has no violations in both languages', async () => {
    const session = await open('zh-CN');
    const { page } = session;
    await fillProfile(page, 'zh-CN');
    await addDetentions(page, 'zh-CN');
    // Show the helper too.
    await page.getByText(tr('zh-CN', 'shanghai:bandFinder.title'), { exact: true }).click();
    expect(await page.locator('.gates > li').count()).toBe(3);
    expect(await page.locator('.line__caveat').count()).toBeGreaterThan(0);
    expect(await line(page, 'deduction.detention').count()).toBe(1);
    await expectNoAxeViolations(page, 'zh-CN, filled form');
    await expectNoRawKeys(page);

    await page.getByRole('button', { name: tr('en', 'lang.en'), exact: true }).click();
    await expect.poll(() => page.locator('h1').innerText()).toContain(tr('en', 'app.name'));
    // The answers survive the language switch, and the result is now in English.
    await expectTotal(page, '110');
    expect(await page.locator('.summary').innerText()).toContain(tr('en', 'result.verdict.notReached', { threshold: 120, name: tr('en', 'shanghai:city.thresholdName') }));
    expect(await line(page, 'age').locator('.line__title').innerText()).toBe(tr('en', 'shanghai:lineTitle.age'));
    expect(await formOf(page, 'en').input('birthDate').inputValue()).toBe('1990-01-01');
    await expectNoAxeViolations(page, 'en, filled form');
    await expectNoRawKeys(page);

    expectClean(session);
  });

  test('the language choice is remembered across a reload', async () => {
    const session = await open('zh-CN');
    const { page } = session;
    const zhButton = page.getByRole('button', { name: tr('zh-CN', 'lang.zh'), exact: true });
    const enButton = page.getByRole('button', { name: tr('en', 'lang.en'), exact: true });
    expect(await zhButton.getAttribute('aria-pressed')).toBe('true');
    expect(await enButton.getAttribute('aria-pressed')).toBe('false');

    await enButton.click();
    await expect.poll(() => page.locator('h1').innerText()).toContain(tr('en', 'app.name'));
    expect(await enButton.getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await page.locator('h1').waitFor();
    await expect.poll(() => page.locator('h1').innerText()).toContain(tr('en', 'app.name'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByLabel(tr('en', 'shanghai:fields.birthDate.label'), { exact: true }).count()).toBe(1);

    // And back to Chinese, which is remembered too.
    await zhButton.click();
    await expect.poll(() => page.locator('h1').innerText()).toContain(tr('zh-CN', 'app.name'));
    await page.reload();
    await page.locator('h1').waitFor();
    await expect.poll(() => page.locator('h1').innerText()).toContain(tr('zh-CN', 'app.name'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    expectClean(session);
  });

  test('keyboard: the first Tab reaches the skip link, which moves focus to the result', async () => {
    const session = await open('zh-CN');
    const { page } = session;
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    expect(await focused()).toBe(tr('zh-CN', 'app.skipToResult'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('result');
    expect(new URL(page.url()).hash).toBe('#result');
    expectClean(session);
  });

  test('an English-speaking browser gets the English interface', async () => {
    const session = await open('en-US');
    const { page } = session;
    await expect.poll(() => page.locator('h1').innerText()).toContain(tr('en', 'app.name'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByLabel(tr('en', 'form.asOf.label'), { exact: true }).count()).toBe(1);
    expectClean(session);
  });
});
