/**
 * The Guangzhou calculator in a real Chromium on a phone-sized screen (390×844), against the production build
 * served by `vite preview`: a profile filled through the UI shows all four scores (积分制入户, the basic-indicator
 * ranking key, 来穗积分 for services, 积分入学) with citations, the 入户 conditions as met / not met, and the
 * reported cut-off lines with their round and scale; axe finds nothing in Chinese or English, nothing is wider than
 * the screen, nothing leaves the origin.
 *
 * Expected values worked out by hand from the Guangzhou rules as documented in docs/rules/guangzhou.md ("Decisions on
 * ambiguous points" 1–10, "Indicators and their sources", "The round and its material cut-off date", "积分制入户
 * conditions"). As of 2025-11-01 → table 穗府规〔2021〕7号 (2021-11-16 → 2026-11-16); round 2025 → material cut-off
 * 2025-09-30, patents and social service 2020-09-30 → 2025-09-30, birth-date cut-off not published → 1979-01-01,
 * 1 January of (2025 − 46) (decision 8).
 *
 *   Basic indicators (the ranking key since the 2022 round):
 *     residence permit 75 months → 6 full years × 8                                   =  48
 *     rental 50 months → 4 full years × 5 = 20 (cap 20); no property                   =  20
 *     insurance, 2 per full year of each of the five types:
 *       pension 70 → 5, medical 66 → 5, unemployment 59 → 4, work injury 61 → 5,
 *       maternity 47 → 3: 22 full years × 2                                            =  44
 *     housing fund 38 months → 3 full years × 2                                        =   6
 *     age: born 1984-06-20, on 2025-09-30 aged 41 years 3 months → over 40 by 1.28,
 *       a part-year counts as a year (decision 1): 30 − 2 × ceil(1.28) = 30 − 4          =  26
 *     basic = 48 + 20 + 44 + 6 + 26                                                    = 144
 *   Bonus indicators:
 *     education 本科及以上                                                              =  30
 *     technical ability 技师 (tier 20), not working in that occupation (decision 3)     =  20  (not in the 入户 table)
 *     invention patent granted 2023-04-12, 3 inventors: 20 / 3 (decision 2)            =   6.67 (6.666…)
 *     volunteering (decision 4: 2 per full 50 h, at most 2 a year, window years 2020–2025):
 *       2019: 200 h → outside the window; 2021: 100 h → 4 → 2; 2023: 130 h → 4 → 2      =   4
 *   Deductions: a public-security penalty on 2022-08-15, within 5 years                = −10 (not for 积分入学)
 *
 *   积分制入户 (subset table: no technical ability, decision 6): 144 + 30 + 20/3 + 4 − 10 = 174.67 ≥ 150 → reached
 *   ranking key (basic only)                                                           = 144
 *   来穗积分 (full table with deductions): 144 + 30 + 20 + 20/3 + 4 − 10                = 194.67
 *   积分入学 (full table, no deductions): 144 + 30 + 20 + 20/3 + 4                       = 204.67
 *   Conditions: employed ✓, born 1984-06-20 ≥ 1979-01-01 ✓, residence permit ✓, each insurance type
 *   ≥ 48 months ✗ (maternity 47, decision 7), no criminal punishment ✓ → not eligible.
 *   Then maternity 48 months → 4 full years: insurance 46, so +2 on every score: 176.67 / 146 / 196.67 / 206.67,
 *   and every condition is met.
 *
 * Reported cut-off lines ("The ranking key and the published cut-off lines"): 2018 169, 2019 166, 2020 179,
 * 2021 184 (old table, total score); 2023 208 (basic-indicator score).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations, baseURL, expectClean, PHONE, useBrowser, waitUntilLive, type Session } from './browser';
import { squash, tr, type Lng } from './strings';

type ScoreId = 'hukou' | 'ranking' | 'services' | 'school';

const AS_OF = '2025-11-01';
const ROUND = 2025;
const CUTOFF_DATE = '2025-09-30';
const BIRTH_CUTOFF = '1979-01-01';
const INSTRUMENT_2021 = '穗府规〔2021〕7号';
const MEASURES_2023 = '穗府办规〔2023〕1号';

/** The four scores worked out by hand (header comment), before and after the maternity months reach 48. */
const SCORES: Readonly<Record<ScoreId, string>> = { hukou: '174.67', ranking: '144', services: '194.67', school: '204.67' };
const SCORES_AFTER: Readonly<Record<ScoreId, string>> = { hukou: '176.67', ranking: '146', services: '196.67', school: '206.67' };

/** Lines and their points as shown (header comment). */
const LINES: Readonly<Record<string, string>> = {
  residencePermit: '+48',
  'housing.rental': '+20',
  insurance: '+44',
  housingFund: '+6',
  age: '+26',
  education: '+30',
  technicalAbility: '+20',
  'patent.invention': '+6.67',
  volunteering: '+4',
  'deduction.publicSecurity': '−10',
};

/** The reported cut-off lines listed in docs/rules/guangzhou.md: round, value, scale. */
const CUT_OFF_LINES = [
  { round: 2018, value: 169, scale: 'total' },
  { round: 2019, value: 166, scale: 'total' },
  { round: 2020, value: 179, scale: 'total' },
  { round: 2021, value: 184, scale: 'total' },
  { round: 2023, value: 208, scale: 'basic' },
] as const;

/** Which instrument each score cites: the 2023 入户 measures for 入户 and its ranking, the 2021 table otherwise. */
const SCORE_INSTRUMENT: Readonly<Record<ScoreId, string>> = {
  hukou: MEASURES_2023,
  ranking: MEASURES_2023,
  services: INSTRUMENT_2021,
  school: INSTRUMENT_2021,
};


const RAW_KEY = /\{\{|\}\}|\$t\(|\b(?:app|form|result|city|units|guangzhou|rules|lineTitle|line|reason|caveat|gate|fields|options|sections|rows|score|comparison|errors|notice)\.[A-Za-z]/;

/** Ways to reach the Guangzhou form's controls by their visible, translated labels. */
function formOf(page: Page, lng: Lng) {
  const label = (name: string) => tr(lng, `guangzhou:fields.${name}.label`);
  const input = (name: string) => page.getByLabel(label(name), { exact: true });
  const group = (name: string) => page.getByRole('group', { name: label(name), exact: true });
  return {
    input,
    group,
    async answer(name: string, yes: boolean) {
      await group(name).getByRole('radio', { name: tr(lng, yes ? 'form.yes' : 'form.no'), exact: true }).check();
    },
    async choose(name: string, optionGroup: string, code: string) {
      await input(name).selectOption({ label: tr(lng, `guangzhou:options.${optionGroup}.${code}`) });
    },
    /** Add a row to a record list and fill its cells (label key under `guangzhou:rows.` → value). */
    async addRow(list: string, addKey: string, rowTitle: string, cells: Readonly<Record<string, string>>) {
      const rows = group(list);
      await rows.getByRole('button', { name: tr(lng, `guangzhou:rows.${addKey}`), exact: true }).click();
      const row = rows.getByRole('group', { name: rowTitle, exact: true });
      for (const [cell, value] of Object.entries(cells)) {
        const control = row.getByLabel(tr(lng, `guangzhou:rows.${cell}`), { exact: true });
        if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption({ label: value });
        else await control.fill(value);
      }
    },
    async addDate(list: string, date: string) {
      const dates = group(list);
      const before = await dates.locator('input[type="date"]').count();
      await dates.getByRole('button', { name: tr(lng, 'form.addRecord'), exact: true }).click();
      await dates.getByLabel(tr(lng, 'form.recordDate', { n: before + 1 }), { exact: true }).fill(date);
    },
  };
}

const card = (page: Page, id: ScoreId) => page.locator(`[data-score-id="${id}"]`);
const line = (page: Page, id: string) => page.locator(`li[data-line-id="${id}"]`);

async function expectScores(page: Page, expected: Readonly<Record<ScoreId, string>>) {
  for (const [id, total] of Object.entries(expected)) {
    await expect.poll(() => card(page, id as ScoreId).getByTestId(`score-${id}`).innerText(), { message: `score ${id}` }).toBe(total);
  }
  // The primary total is the 积分制入户 score against its 150 points.
  await expect.poll(async () => squash(await page.getByTestId('total').innerText())).toBe(`${expected.hukou} / 150`);
}

/** The profile of the header comment, filled through the UI. */
async function fillProfile(page: Page, lng: Lng) {
  await page.getByRole('radio', { name: tr(lng, 'city.names.guangzhou'), exact: true }).check();
  const form = formOf(page, lng);
  await form.input('roundYear').waitFor();
  await page.getByLabel(tr(lng, 'form.asOf.label'), { exact: true }).fill(AS_OF);
  await form.input('roundYear').fill(String(ROUND));
  await form.input('birthDate').fill('1984-06-20');
  await form.answer('residencePermit', true);
  await form.input('residencePermitMonths').fill('75');
  await form.answer('employedInGuangzhou', true);
  await form.answer('ownsProperty', false);
  await form.input('rentalMonths').fill('50');
  await form.input('pensionMonths').fill('70');
  await form.input('medicalMonths').fill('66');
  await form.input('unemploymentMonths').fill('59');
  await form.input('workInjuryMonths').fill('61');
  await form.input('maternityMonths').fill('47');
  await form.input('housingFundMonths').fill('38');
  await form.choose('education', 'education', 'bachelorOrHigher');
  await form.choose('technicalLevel', 'technicalLevel', 'technician');
  await form.addRow('patents', 'addPatent', tr(lng, 'guangzhou:rows.patent', { n: 1 }), {
    patentKind: tr(lng, 'guangzhou:options.patentKind.invention'),
    patentInventors: '3',
    patentGrantDate: '2023-04-12',
  });
  const volunteering: readonly [string, string][] = [
    ['2019', '200'],
    ['2021', '100'],
    ['2023', '130'],
  ];
  for (const [i, [year, hours]] of volunteering.entries()) {
    await form.addRow('volunteerHours', 'addYear', tr(lng, 'guangzhou:rows.volunteerYear', { n: i + 1 }), { year, hours });
  }
  await form.addDate('publicSecurityPenaltyDates', '2022-08-15');
  await page.keyboard.press('Tab');
  await expectScores(page, SCORES);
  await expect.poll(() => page.getByRole('alert').count(), { message: 'no validation errors' }).toBe(0);
}

const chromium = useBrowser();

async function open(locale: 'zh-CN' | 'en-US'): Promise<Session> {
  const session = await chromium.session(locale);
  await session.page.goto(baseURL());
  await session.page.locator('h1').waitFor();
  // The prerendered HTML shows the form before the app reacts: wait until the draft line says the (still empty)
  // answers are kept.
  await waitUntilLive(session.page, locale === 'en-US' ? 'en' : 'zh-CN', ['profiles.draft.saved']);
  return session;
}

async function expectNoAxeViolations(page: Page, state: string) {
  const violations = await axeViolations(page);
  expect.soft(violations, `axe violations (${state}):\n${violations.join('\n')}`).toEqual([]);
}

async function expectNoRawKeys(page: Page) {
  const visible = await page.locator('body').innerText();
  const hit = RAW_KEY.exec(visible);
  expect(hit ? visible.slice(Math.max(0, hit.index - 60), hit.index + 80) : null, 'raw i18n key or template on screen').toBeNull();
}

/** The four score cards: label, total, pass mark, citation; the ranking card's cut-off lines. */
async function expectScoreCards(page: Page, lng: Lng, totals: Readonly<Record<ScoreId, string>>) {
  const cards = page.locator('[data-score-id]');
  await expect.poll(() => cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-score-id')))).toEqual([
    'hukou',
    'ranking',
    'services',
    'school',
  ]);
  for (const id of ['hukou', 'ranking', 'services', 'school'] as const) {
    const item = card(page, id);
    expect(await item.getByRole('heading').innerText(), `label of ${id}`).toBe(tr(lng, `guangzhou:score.${id}`));
    expect(await item.getByTestId(`score-${id}`).innerText(), `total of ${id}`).toBe(totals[id]);
    // The card's own citation (the comparisons carry theirs besides).
    const citation = item.locator(':scope > .citation').getByRole('link');
    expect(squash(await citation.innerText()), `citation of ${id}`).toContain(SCORE_INSTRUMENT[id]);
    expect(await citation.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await citation.isVisible()).toBe(true);
  }
  const hukou = squash(await card(page, 'hukou').innerText());
  expect(hukou).toContain('/ 150');
  expect(hukou).toContain(tr(lng, 'result.verdict.reached', { threshold: 150, name: tr(lng, 'guangzhou:city.thresholdName') }));
  expect(hukou).toContain(squash(tr(lng, 'guangzhou:score.hukouSubsetDescription', { threshold: 150, round: ROUND })));
  expect(squash(await card(page, 'school').innerText())).toContain(squash(tr(lng, 'guangzhou:score.schoolDescription')));

  // The ranking card lists the reported cut-off lines with their round and scale, each with a source.
  const comparisons = card(page, 'ranking').getByRole('listitem');
  expect(await comparisons.count()).toBe(CUT_OFF_LINES.length);
  for (const [i, cutOff] of CUT_OFF_LINES.entries()) {
    const item = comparisons.nth(i);
    const label = tr(lng, 'guangzhou:comparison.cutOffLine', { round: cutOff.round, scale: cutOff.scale });
    expect(squash(await item.innerText()), `cut-off line ${cutOff.round}`).toContain(squash(`${label}: ${cutOff.value}`));
    expect(label).toContain(tr(lng, `guangzhou:options.scale.${cutOff.scale}`));
    expect(await item.getByRole('link').getAttribute('href')).toMatch(/^https?:\/\//);
  }
}

/** The five 入户 conditions, met or not, each with its source. */
async function expectGates(page: Page, lng: Lng, insuranceMet: boolean) {
  const gates = page.getByRole('region', { name: tr(lng, 'result.gatesTitle'), exact: true }).getByRole('listitem');
  await expect.poll(() => gates.count()).toBe(5);
  const expected: readonly [message: string, pass: boolean][] = [
    [tr(lng, 'guangzhou:gate.employedInGuangzhou'), true],
    [tr(lng, 'guangzhou:gate.age', { date: BIRTH_CUTOFF, round: ROUND, maxAge: 45 }), true],
    [tr(lng, 'guangzhou:gate.residencePermit'), true],
    [tr(lng, 'guangzhou:gate.insurance', { min: 48 }), insuranceMet],
    [tr(lng, 'guangzhou:gate.criminalPunishment', { years: 5, date: CUTOFF_DATE }), true],
  ];
  for (const [message, pass] of expected) {
    const gate = gates.filter({ hasText: message });
    expect(await gate.count(), `gate “${message}”`).toBe(1);
    expect(await gate.getAttribute('class'), message).toContain(pass ? 'gate--pass' : 'gate--fail');
    expect(squash(await gate.innerText()), message).toContain(tr(lng, `result.gateStatus.${pass ? 'pass' : 'fail'}`));
    expect(await gate.getByRole('link').getAttribute('href')).toMatch(/^https?:\/\//);
  }
  if (!insuranceMet) {
    const insurance = gates.filter({ hasText: tr(lng, 'guangzhou:gate.insurance', { min: 48 }) });
    expect(squash(await insurance.innerText())).toContain(
      squash(tr(lng, 'guangzhou:gate.insuranceShort', { count: 1, type: 'maternity', months: 47, min: 48 })),
    );
  }
  const eligible = tr(lng, insuranceMet ? 'result.eligible.yes' : 'result.eligible.no');
  expect(squash(await card(page, 'hukou').innerText())).toContain(eligible);
}

describe('Guangzhou calculator in Chromium at 390×844', () => {
  test('a profile filled through the UI shows the four scores worked out by hand, with citations, conditions and cut-off lines', async () => {
    const session = await open('zh-CN');
    const { page } = session;
    const lng: Lng = 'zh-CN';
    await fillProfile(page, lng);

    await expectScoreCards(page, lng, SCORES);
    await expectGates(page, lng, false);

    // Every line, with the points worked out by hand and a source.
    for (const [id, points] of Object.entries(LINES)) {
      const item = line(page, id);
      expect((await item.locator('.line__points').innerText()).trim(), `points of ${id}`).toBe(points);
      expect(await item.getByRole('link').getAttribute('href'), `citation of ${id}`).toMatch(/^https?:\/\//);
    }
    expect(await line(page, 'technicalAbility').getByRole('link').innerText()).toContain(INSTRUMENT_2021);
    // The round and its cut-off date are said, and the rule pack in force.
    const result = squash(await page.locator('#result').innerText());
    expect(result).toContain(squash(tr(lng, 'guangzhou:notice.referenceDate', { round: ROUND, date: CUTOFF_DATE })));
    expect(result).toContain('guangzhou-2021');

    // Phone layout: nothing wider than the screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'page width at a 390 px viewport (horizontal scrolling)').toBeLessThanOrEqual(PHONE.width);
    await expectNoRawKeys(page);
    await expectNoAxeViolations(page, 'zh-CN, filled Guangzhou profile');

    // In English: the same scores, English labels, and still nothing for axe to find.
    await page.getByRole('button', { name: tr('en', 'lang.en'), exact: true }).click();
    await expect.poll(() => page.locator('h1').innerText()).toContain(tr('en', 'app.name'));
    await expectScores(page, SCORES);
    await expectScoreCards(page, 'en', SCORES);
    await expectGates(page, 'en', false);
    expect(await formOf(page, 'en').input('maternityMonths').inputValue()).toBe('47');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoRawKeys(page);
    await expectNoAxeViolations(page, 'en, filled Guangzhou profile');

    // One more month of maternity insurance: a fourth full year (+2 everywhere) and every condition met.
    await formOf(page, 'en').input('maternityMonths').fill('48');
    await page.keyboard.press('Tab');
    await expectScores(page, SCORES_AFTER);
    await expectGates(page, 'en', true);
    expect((await line(page, 'insurance').locator('.line__points').innerText()).trim()).toBe('+46');

    expectClean(session);
  });
});
