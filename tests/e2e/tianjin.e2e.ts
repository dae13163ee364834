/**
 * DRAFT (not run: needs Tianjin in src/features/cities.ts and the `tianjin` namespace in src/i18n/index.ts).
 * The Tianjin calculator in a real Chromium on a phone-sized screen (390×844), against the production build.
 *
 * Expected values worked out by hand from docs/rules/tianjin.md (as-of 2026-03-10 → period 2026-1, cut-off
 * 2025-12-31, pack tianjin-2023) — spec case E:
 *   SI 70 months each type: pension 30 + 2 × 12 + 10 × 1.00 = 64.00; others 9 + 2 × 4 + 10 × 0.33 = 20.30 each
 *   fund 70 months: 15 + 10 × 0.33 = 18.30; rent 36 months: 18.00; Xiqing second-hand from 2023-05-15: 2 × 12 = 24.00
 *   6 endorsements: 36.00; age 33 → 10.00; junior college 10.00; 高级工 15.00; 一般紧缺 10.00 → 286.50, reached
 *   + a sentence that ended 2022-06-30 (within 5 years) → −100.00 → 186.50, still reached
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { evaluateTianjin } from '../../src/engine/cities/tianjin/evaluate';
import type { TianjinFacts } from '../../src/engine/cities/tianjin/facts';
import { axeViolations, baseURL, expectClean, PHONE, useBrowser, type Session } from './browser';
import { squash, text, tr, type Lng } from './strings';

const AS_OF = '2026-03-10';
const ENDORSEMENTS = ['2020-04-10', '2021-04-10', '2022-04-10', '2023-04-10', '2024-04-10', '2025-04-10'];
const PROFILE: TianjinFacts = {
  birthDate: '1992-11-11',
  residencePermit: true,
  tianjinEmployer: true,
  siMonthsLast12: 12,
  siPayingNow: true,
  siPensionMonths: 70,
  siMedicalMonths: 70,
  siUnemploymentMonths: 70,
  siInjuryMonths: 70,
  siMaternityMonths: 70,
  fundMonths: 70,
  rentMonths: 36,
  endorsementDates: ENDORSEMENTS,
  homes: [{ district: 'xiqing', ownedFrom: '2023-05-15' }],
  education: 'juniorCollege',
  skillLevel: 'seniorWorker',
  occupationShortage: 'general',
};

const line = (page: Page, id: string) => page.locator(`li[data-line-id="${id}"]`);
const RAW_KEY = /\{\{|\}\}|\$t\(|\b(?:app|form|result|city|units|tianjin|rules|lineTitle|line|reason|caveat|gate|fields|options|sections|homes|errors|notice|score)\.[A-Za-z]/;

function formOf(page: Page, lng: Lng) {
  const label = (name: string) => tr(lng, `tianjin:fields.${name}.label`);
  const input = (name: string) => page.getByLabel(label(name), { exact: true });
  const group = (name: string) => page.getByRole('group', { name: label(name), exact: true });
  return {
    input,
    group,
    async type(name: string, value: string) {
      const field = input(name);
      await field.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(value);
    },
    async answer(name: string, yes: boolean) {
      await group(name).getByRole('radio', { name: tr(lng, yes ? 'form.yes' : 'form.no'), exact: true }).check();
    },
    async choose(name: string, optionGroup: string, code: string) {
      await input(name).selectOption({ label: tr(lng, `tianjin:options.${optionGroup}.${code}`) });
    },
    async addDate(name: string, date: string) {
      const list = group(name);
      const before = await list.locator('input[type="date"]').count();
      await list.getByRole('button', { name: tr(lng, 'form.addRecord'), exact: true }).click();
      await list.getByLabel(tr(lng, 'form.recordDate', { n: before + 1 }), { exact: true }).fill(date);
    },
  };
}

async function expectTotal(page: Page, total: string) {
  await expect.poll(async () => squash(await page.getByTestId('total').innerText())).toBe(`${total} / 110.00`);
}

async function fillProfile(page: Page, lng: Lng) {
  await page.getByRole('radio', { name: tr(lng, 'city.names.tianjin'), exact: true }).check();
  await page.getByLabel(tr(lng, 'form.asOf.label'), { exact: true }).fill(AS_OF);
  const form = formOf(page, lng);
  await form.input('birthDate').fill(PROFILE.birthDate!);
  await form.answer('residencePermit', true);
  await form.answer('tianjinEmployer', true);
  await form.type('siMonthsLast12', '12');
  await form.answer('siPayingNow', true);
  await page.getByLabel(tr(lng, 'tianjin:fields.siAllTypesMonths.label'), { exact: true }).fill('70');
  await form.type('fundMonths', '70');
  for (const d of ENDORSEMENTS) await form.addDate('endorsementDates', d);
  await form.type('rentMonths', '36');
  const homes = form.group('homes');
  await homes.getByRole('button', { name: tr(lng, 'tianjin:homes.add'), exact: true }).click();
  const row = homes.getByRole('group', { name: tr(lng, 'tianjin:homes.item', { n: 1 }), exact: true });
  await row.getByLabel(tr(lng, 'tianjin:homes.district'), { exact: true }).selectOption({ label: tr(lng, 'tianjin:options.district.xiqing') });
  await row.getByLabel(tr(lng, 'tianjin:homes.ownedFrom'), { exact: true }).fill('2023-05-15');
  await form.choose('education', 'education', 'juniorCollege');
  await form.choose('skillLevel', 'skillLevel', 'seniorWorker');
  await form.choose('occupationShortage', 'occupationShortage', 'general');
  await page.keyboard.press('Tab');
  await expectTotal(page, '286.50');
  await expect.poll(() => page.getByRole('alert').count()).toBe(0);
}

const chromium = useBrowser();
async function open(locale: 'zh-CN' | 'en-US'): Promise<Session> {
  const session = await chromium.session(locale);
  await session.page.goto(baseURL());
  await session.page.locator('h1').waitFor();
  // The page's HTML is prerendered: wait until the app runs (it shows the total) before switching city.
  await session.page.getByTestId('total').waitFor();
  return session;
}

describe('Tianjin calculator in Chromium at 390×844', () => {
  test('a filled profile gives the itemised result to the cent, with citations', async () => {
    const session = await open('zh-CN');
    const { page } = session;
    const lng = 'zh-CN';
    await fillProfile(page, lng);

    const expected = evaluateTianjin(PROFILE, AS_OF);
    expect(expected.total, 'the engine agrees with the hand calculation').toBe(286.5);
    const points: Record<string, string> = {
      'socialInsurance.pension': '+64.00',
      'socialInsurance.medical': '+20.30',
      'housingFund': '+18.30',
      'residence.endorsements': '+36.00',
      'residence.rent': '+18.00',
      'residence.ownedHome': '+24.00',
      age: '+10.00',
      education: '+10.00',
      qualification: '+15.00',
      occupation: '+10.00',
    };
    for (const [id, shown] of Object.entries(points)) {
      expect((await line(page, id).locator('.line__points').innerText()).trim(), id).toBe(shown);
    }
    for (const l of expected.lines) {
      const item = line(page, l.id);
      expect(squash(await item.innerText()), `explanation of ${l.id}`).toContain(squash(text(lng, l.message)));
      expect(await item.locator('.citation a').getAttribute('href')).toMatch(/^https?:\/\//);
    }
    expect(squash(await page.locator('.pack').innerText())).toContain('tianjin-2023');
    expect(squash(await page.locator('.result').innerText())).toContain('2025-12-31');

    await formOf(page, lng).addDate('crimeSentenceEndDates', '2022-06-30');
    await expectTotal(page, '186.50');
    expect((await line(page, 'deduction.crime').locator('.line__points').innerText()).trim()).toBe('−100.00');

    expect(RAW_KEY.exec(await page.locator('body').innerText())).toBeNull();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    expect.soft(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: tr('en', 'lang.en'), exact: true }).click();
    await expectTotal(page, '186.50');
    expect(RAW_KEY.exec(await page.locator('body').innerText())).toBeNull();
    expect.soft(await axeViolations(page)).toEqual([]);
    expectClean(session);
  });
});
