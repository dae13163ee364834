/**
 * Share links, saved profiles and the printable report in a real Chromium on a phone-sized screen (390×844),
 * against the production build served by `vite preview`.
 *
 * - Profiles written for this file (none is a fixture): each goes through the link CLI and the score CLI, and the
 *   CLI's link opens to the CLI's total, result first, with a notice naming the rule pack and the form pre-filled;
 *   the partial profile lists what is still missing. The WeChat variants of the same links (`?from=…#…`, the `#`
 *   dropped, `?share=<encoded>`) open to the same totals.
 * - Hostile links never crash the page, each shows a translated alert, and the stored draft and profiles stay
 *   byte-identical; nothing reaches Object.prototype.
 * - The draft survives a reload; exported profiles come back identical after clearing the storage and importing.
 * - The share panel: the link it makes opens to the same total; copy with the clipboard allowed and refused
 *   (selectable text); the system share sheet where there is one; the QR code.
 * - The print view: form hidden, header with city, pack, validity and dates, lines with citations, black on
 *   white; a PDF of a few A4 pages.
 * - axe with the link notice, the share panel and QR code, saved profiles and a broken-link alert.
 * Every test also checks that no request left the origin and nothing logged an error.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { encode as encodeQr } from 'uqr';
import { beforeAll, describe, expect, test } from 'vitest';
import zhRules from '../../src/i18n/locales/zh-CN/rules.json';
import { runScript, scratchFiles } from '../../scripts/cliTesting';
import { axeViolations, baseURL, expectClean, PHONE, useBrowser, waitUntilLive, type Session } from './browser';
import { squash, tr, type Lng } from './strings';

type City = 'shanghai' | 'guangzhou' | 'tianjin';

const STORE_KEY = 'mingfen.store';



// ---- profiles written for these tests (not fixtures) ----------------------------------------------------------

interface FactsDocument {
  readonly city: City;
  readonly asOf: string;
  readonly facts: Record<string, unknown>;
}

interface Persona {
  readonly name: string;
  readonly document: FactsDocument;
  /** Controls the form must show filled in: label key → value as the control holds it. */
  readonly prefilled: readonly (readonly [labelKey: string, value: string])[];
  readonly partial?: true;
}

const PERSONAS: readonly Persona[] = [
  {
    name: 'Shanghai: master, intermediate title, married to a Shanghai hukou holder',
    document: {
      city: 'shanghai',
      asOf: '2025-09-01',
      facts: {
        birthDate: '1987-11-02',
        residencePermit: true,
        education: 'master',
        educationVerified: true,
        title: 'intermediateTitle',
        titleMatchesPost: true,
        siMonthsLast12: 12,
        siPayingNow: true,
        siMonthsTotal: 84,
        siBase08Months: 44,
        siBase1Months: 30,
        spouseShanghaiHukou: true,
        marriageDate: '2016-05-01',
        awards: ['municipalComprehensive'],
      },
    },
    prefilled: [
      ['form.asOf.label', '2025-09-01'],
      ['shanghai:fields.birthDate.label', '1987-11-02'],
      ['shanghai:fields.education.label', 'master'],
      ['shanghai:fields.siMonthsTotal.label', '84'],
    ],
  },
  {
    name: 'Guangzhou: 2024 round, own flat, moved out of Tianhe, one shared invention patent',
    document: {
      city: 'guangzhou',
      asOf: '2024-11-20',
      facts: {
        roundYear: 2024,
        birthDate: '1986-04-10',
        residencePermit: true,
        employedInGuangzhou: true,
        residencePermitMonths: 100,
        ownsProperty: true,
        movedOutMonths: 40,
        pensionMonths: 110,
        medicalMonths: 115,
        unemploymentMonths: 100,
        workInjuryMonths: 100,
        maternityMonths: 96,
        housingFundMonths: 70,
        education: 'juniorCollege',
        technicalLevel: 'skillSenior',
        worksInCertifiedOccupation: true,
        patents: [{ kind: 'invention', inventors: 4, grantDate: '2022-03-01' }],
        volunteerHours: [
          { year: 2022, hours: 120 },
          { year: 2023, hours: 60 },
        ],
      },
    },
    prefilled: [
      ['form.asOf.label', '2024-11-20'],
      ['guangzhou:fields.roundYear.label', '2024'],
      ['guangzhou:fields.residencePermitMonths.label', '100'],
      ['guangzhou:fields.education.label', 'juniorCollege'],
      ['guangzhou:rows.patentInventors', '4'],
    ],
  },
  {
    name: 'Tianjin: period 2025-2, insurance months differing by type, renting',
    document: {
      city: 'tianjin',
      asOf: '2025-08-20',
      facts: {
        birthDate: '1990-02-14',
        residencePermit: true,
        tianjinEmployer: true,
        siMonthsLast12: 12,
        siPayingNow: true,
        siPensionMonths: 62,
        siMedicalMonths: 62,
        siUnemploymentMonths: 50,
        siInjuryMonths: 62,
        siMaternityMonths: 40,
        fundMonths: 55,
        rentMonths: 30,
        endorsementDates: ['2021-07-01', '2022-07-01', '2023-07-01'],
        education: 'bachelorOrAbove',
        skillLevel: 'intermediateWorker',
      },
    },
    prefilled: [
      ['form.asOf.label', '2025-08-20'],
      ['tianjin:fields.siUnemploymentMonths.label', '50'],
      ['tianjin:fields.fundMonths.label', '55'],
      ['tianjin:fields.rentMonths.label', '30'],
    ],
  },
  {
    name: 'Guangzhou, partial: only a few answers so far',
    document: {
      city: 'guangzhou',
      asOf: '2025-10-15',
      facts: { roundYear: 2025, birthDate: '1997-12-03', residencePermitMonths: 30, medicalMonths: 30, education: 'highSchool' },
    },
    prefilled: [
      ['guangzhou:fields.birthDate.label', '1997-12-03'],
      ['guangzhou:fields.medicalMonths.label', '30'],
    ],
    partial: true,
  },
];

// ---- the command-line tools -----------------------------------------------------------------------------------

/** What the score CLI prints that these tests read. */
interface CliResult {
  readonly city: City;
  readonly asOf: string;
  readonly total: number | null;
  readonly totalText: string | null;
  readonly threshold: number | null;
  readonly pack: { readonly id: string; readonly instrument: string; readonly validFrom: string; readonly validTo: string } | null;
  readonly missing: readonly string[];
  readonly lines: readonly { readonly id: string; readonly caveat: string | null; readonly citation: { readonly instrument: string; readonly url: string } }[];
}

interface CliOutput {
  readonly link: string;
  readonly score: CliResult;
}

/** Run `scripts/<script>.ts` with Node and tsx, as a user of the repository would; its stdout. */
function runCli(script: 'link' | 'score', args: readonly string[]): string {
  const run = runScript(script, args);
  if (run.code !== 0) throw new Error(`${script} CLI exited with ${run.code}:\n${run.stderr}`);
  return run.stdout;
}

/** The displayed total of a CLI result ("202.05" for Tianjin, "243" elsewhere). */
const cliTotal = (score: CliResult) => score.totalText ?? String(score.total);

// ---- the page -------------------------------------------------------------------------------------------------

const chromium = useBrowser();
const { write: file } = scratchFiles('share-e2e');
const cli = new Map<string, CliOutput>();
const cliOf = (persona: Persona) => cli.get(persona.name)!;

async function open(url: string, locale: 'zh-CN' | 'en-US' = 'zh-CN', prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Session> {
  const session = await chromium.session(locale);
  if (prepare) await prepare(session.context);
  await session.page.goto(url);
  await session.page.locator('h1').waitFor();
  await waitUntilLive(session.page, locale === 'en-US' ? 'en' : 'zh-CN');
  return session;
}

/** The total as shown, without the " / threshold" part. */
async function shownTotal(page: Page): Promise<string> {
  const text = squash(await page.getByTestId('total').innerText());
  return text.split(' / ')[0]!.trim();
}

async function expectTotal(page: Page, total: string) {
  await expect.poll(() => shownTotal(page), { timeout: 10_000 }).toBe(total);
}

const formOf = (page: Page, lng: Lng) => page.getByRole('form', { name: tr(lng, 'form.label'), exact: true });
const field = (page: Page, lng: Lng, labelKey: string) => page.getByLabel(tr(lng, labelKey), { exact: true });

/** The stored envelope's text, exactly as it is in localStorage. */
const storedText = (page: Page) => page.evaluate((key) => window.localStorage.getItem(key), STORE_KEY);

interface StoredProfile {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly asOf: string;
  readonly factsVersion: number;
  readonly facts: Record<string, unknown>;
  readonly createdAt: string;
  readonly updatedAt: string;
}
async function storedProfiles(page: Page): Promise<StoredProfile[]> {
  const text = await storedText(page);
  return text === null ? [] : (JSON.parse(text) as { profiles: StoredProfile[] }).profiles;
}

/** Keys that a polluting link could have added to Object.prototype, as seen in the page. */
const prototypePollution = (page: Page) =>
  page.evaluate(() => {
    const probe = {} as Record<string, unknown>;
    return [...Object.keys(Object.prototype), ...['x', 'y', 'polluted'].filter((k) => probe[k] !== undefined)];
  });

/** Save the form's current answers as a profile named `name`, through the profiles panel. */
async function saveProfile(page: Page, lng: Lng, name: string) {
  const nameField = field(page, lng, 'profiles.saveAs.label');
  await nameField.fill(name);
  await page.getByRole('button', { name: tr(lng, 'profiles.saveAs.submit'), exact: true }).click();
  await expect
    .poll(async () => (await page.getByRole('status').allInnerTexts()).map(squash))
    .toContain(squash(tr(lng, 'profiles.status.saved', { name })));
}

/** The list of saved profiles (by its accessible name), as the names shown. */
async function listedProfileNames(page: Page, lng: Lng): Promise<string[]> {
  const list = page.getByRole('list', { name: tr(lng, 'profiles.listLabel'), exact: true });
  if ((await list.count()) === 0) return [];
  return list.locator(':scope > li strong').allInnerTexts();
}

/**
 * Wait until the stored draft of `city` holds these answers (the status line says "saved" already after the first
 * write of the untouched form, so it cannot tell), and the status line says it was saved.
 */
async function waitForStoredDraft(page: Page, lng: Lng, city: City, asOf: string, facts: Readonly<Record<string, unknown>>) {
  await expect
    .poll(async () => {
      const text = await storedText(page);
      const draft = text === null ? undefined : (JSON.parse(text) as { drafts: Record<string, { asOf: string; facts: Record<string, unknown> }> }).drafts[city];
      return draft ? { asOf: draft.asOf, facts: Object.fromEntries(Object.keys(facts).map((k) => [k, draft.facts[k]])) } : null;
    })
    .toEqual({ asOf, facts });
  await expect.poll(async () => (await page.getByRole('status').allInnerTexts()).map(squash)).toContain(squash(tr(lng, 'profiles.draft.saved')));
}

async function expectNoAxeViolations(page: Page, state: string) {
  const violations = await axeViolations(page);
  expect.soft(violations, `axe violations (${state}):\n${violations.join('\n')}`).toEqual([]);
}

beforeAll(() => {
  PERSONAS.forEach((persona) => {
    const path = file(JSON.stringify(persona.document, null, 2));
    const link = runCli('link', [path, '--base', baseURL()]).trim();
    const score = JSON.parse(runCli('score', [path])) as CliResult;
    cli.set(persona.name, { link, score });
  });
});

// ---- links from the CLI ---------------------------------------------------------------------------------------

describe('a link made by the CLI opens in Chromium to the CLI’s result', () => {
  test('the CLI gives one link and one result per profile, on the test server', () => {
    for (const persona of PERSONAS) {
      const { link, score } = cliOf(persona);
      expect(link.startsWith(`${baseURL()}#s=1&c=${persona.document.city}&`), link).toBe(true);
      expect(link.split('\n'), 'one link').toHaveLength(1);
      expect(score.city).toBe(persona.document.city);
      expect(score.asOf).toBe(persona.document.asOf);
      expect(score.pack, `${persona.name}: a rule pack applies`).not.toBeNull();
      expect(link).toContain(`&p=${score.pack!.id}&`);
      expect(score.total, `${persona.name}: a total`).not.toBeNull();
      if (persona.partial) expect(score.missing.length, 'the partial profile misses facts').toBeGreaterThan(2);
    }
  });

  for (const persona of PERSONAS) {
    test(`${persona.name}: same total, result first, notice with the pack, form pre-filled`, async () => {
      const { link, score } = cliOf(persona);
      const lng: Lng = 'zh-CN';
      const session = await open(link);
      const { page } = session;
      await expectTotal(page, cliTotal(score));

      // The notice says the answers came from a link, and with which rule pack.
      const notice = page.getByRole('status').filter({ hasText: tr(lng, 'share.fromLink', { pack: score.pack!.id }) });
      await expect.poll(() => notice.count()).toBe(1);
      expect(squash(await notice.innerText())).toContain(score.pack!.id);
      expect(await notice.getByRole('button', { name: tr(lng, 'share.backToDraft'), exact: true }).count()).toBe(1);
      expect(await page.getByRole('alert').count(), 'no alert for a valid link').toBe(0);

      // The chosen city is the link's.
      expect(await page.getByRole('radio', { name: tr(lng, `city.names.${persona.document.city}`), exact: true }).isChecked()).toBe(true);

      // On the phone layout the result comes before the form.
      const result = page.locator('#result');
      const form = formOf(page, lng);
      await form.waitFor();
      const resultBox = await result.boundingBox();
      const formBox = await form.boundingBox();
      expect(resultBox && formBox, 'both are laid out').toBeTruthy();
      expect(resultBox!.y + resultBox!.height, 'the result ends above the form').toBeLessThanOrEqual(formBox!.y + 1);

      // The form holds the link's answers.
      for (const [labelKey, value] of persona.prefilled) {
        await expect.poll(() => field(page, lng, labelKey).inputValue(), { message: labelKey }).toBe(value);
      }

      // The pack section and the missing facts agree with the CLI.
      expect(squash(await page.locator('#result').innerText())).toContain(score.pack!.id);
      const missing = page.getByRole('region', { name: tr(lng, 'result.missingTitle'), exact: true });
      if (score.missing.length > 0) {
        const expected = score.missing.map((name) => tr(lng, `${persona.document.city}:fields.${name}.label`));
        await expect.poll(async () => (await missing.getByRole('listitem').allInnerTexts()).map(squash)).toEqual(expected.map(squash));
      } else {
        expect(await missing.count(), 'nothing is missing').toBe(0);
      }
      if (persona.partial) {
        expect(score.missing.length).toBeGreaterThan(2);
        expect(await missing.isVisible()).toBe(true);
      }

      // Viewing a link does not touch the user's own draft (waiting longer than the draft's write delay).
      await page.waitForTimeout(1_000);
      expect(await storedText(page), 'nothing stored by opening a link').toBeNull();
      expect(await page.getByRole('status').filter({ hasText: tr(lng, 'profiles.draft.link') }).count(), 'the draft line says so').toBe(1);
      expectClean(session);
    });
  }

  test('WeChat variants: `?from=…#…`, the `#` dropped, and `?share=<encoded>` all open to the same total', async () => {
    const session = await open(baseURL());
    const { page } = session;
    for (const persona of PERSONAS.filter((p) => !p.partial)) {
      const { link, score } = cliOf(persona);
      const payload = link.slice(link.indexOf('#') + 1);
      const variants = {
        fromBeforeHash: `${baseURL()}?from=singlemessage&isappinstalled=0#${payload}`,
        hashDropped: `${baseURL()}?from=singlemessage&${payload}`,
        shareParameter: `${baseURL()}?share=${encodeURIComponent(payload)}`,
      };
      for (const [variant, url] of Object.entries(variants)) {
        await page.goto('about:blank');
        await page.goto(url);
        await page.locator('h1').waitFor();
        await expectTotal(page, cliTotal(score));
        const notice = page.getByRole('status').filter({ hasText: tr('zh-CN', 'share.fromLink', { pack: score.pack!.id }) });
        await expect.poll(() => notice.count(), { message: `${persona.name} (${variant})` }).toBe(1);
        expect(await page.getByRole('alert').count(), `${persona.name} (${variant}): no alert`).toBe(0);
        expect(await page.getByRole('radio', { name: tr('zh-CN', `city.names.${persona.document.city}`), exact: true }).isChecked()).toBe(true);
      }
    }
    expectClean(session);
  });
});

// ---- hostile links --------------------------------------------------------------------------------------------

type ShareErrorKey = keyof typeof zhRules.errors.share;

interface HostileLink {
  readonly name: string;
  /** What follows the app's base URL. */
  readonly suffix: string;
  /** The translated error the alert must show (rules:errors.share.*). */
  readonly error: ShareErrorKey;
  /** Field messages (rules:errors.*) the alert lists for invalid answers. */
  readonly details?: readonly string[];
}

const VALID_PAYLOAD = 's=1&c=shanghai&v=1&d=2025-09-01&p=shanghai-2023&birthDate=1987-11-02&residencePermit=1';

const HOSTILE_LINKS: readonly HostileLink[] = [
  { name: 'garbage', suffix: '#s=%F0%9F%92%A9%00&c=%01%02zz&@@@=!!!&=&&', error: 'malformed' },
  { name: 'truncated payload', suffix: `#${VALID_PAYLOAD.slice(0, VALID_PAYLOAD.indexOf('d=') + 7)}`, error: 'invalidFacts', details: ['errors.date'] },
  { name: '20 kB payload', suffix: `#s=1&c=shanghai&d=2025-09-01&birthDate=${'9'.repeat(20_000)}`, error: 'tooLong' },
  {
    name: 'wrong types',
    suffix: '#s=1&c=shanghai&v=1&d=2025-09-01&siMonthsTotal=fifty&residencePermit=maybe&awards=1,2',
    error: 'invalidFacts',
    details: ['errors.number', 'errors.boolean', 'errors.choice'],
  },
  { name: 'unknown city', suffix: '#s=1&c=atlantis&v=1&d=2025-09-01', error: 'unknownCity' },
  { name: 'future version s=99', suffix: '#s=99&c=shanghai&v=1&d=2025-09-01&birthDate=1987-11-02', error: 'futureVersion' },
  { name: '__proto__[x]=1', suffix: '#s=1&c=__proto__&__proto__[x]=1&__proto__%5Bpolluted%5D=1', error: 'unknownCity' },
  {
    name: 'constructor[prototype][x]=1',
    suffix: '#s=1&c=constructor&constructor[prototype][x]=1&constructor.prototype.polluted=1',
    error: 'unknownCity',
  },
  { name: 'a bad date', suffix: '#s=1&c=shanghai&v=1&d=2025-02-30&birthDate=1990-13-45', error: 'invalidFacts', details: ['errors.date'] },
  {
    name: 'negative months',
    suffix: '#s=1&c=shanghai&v=1&d=2025-09-01&siMonthsTotal=-12&siMonthsLast12=-1',
    error: 'invalidFacts',
    details: ['errors.negative'],
  },
  { name: 'broken % escapes', suffix: '#s=1&c=shang%ZZhai%E0%A4%A&d=%%%41%', error: 'unknownCity' },
  {
    name: 'a JSON blob in a value',
    suffix: `#s=1&c=shanghai&v=1&d=2025-09-01&awards=${encodeURIComponent('{"__proto__":{"polluted":1}}')}`,
    error: 'invalidFacts',
    details: ['errors.choice'],
  },
  {
    name: 'WeChat form, `#` dropped, negative months',
    suffix: '?from=singlemessage&isappinstalled=0&s=1&c=shanghai&v=1&d=2025-09-01&siMonthsTotal=-3',
    error: 'invalidFacts',
    details: ['errors.negative'],
  },
  { name: '`?share=` holding a polluting payload', suffix: `?share=${encodeURIComponent('s=1&c=__proto__&__proto__[x]=1')}`, error: 'unknownCity' },
  {
    name: 'a JSON blob instead of a payload',
    suffix: `#${encodeURIComponent('{"s":1,"c":"shanghai","d":"2025-09-01","facts":{"__proto__":{"polluted":1},"birthDate":"1987-11-02"}}')}`,
    error: 'malformed',
  },
];

describe('hostile links', () => {
  test('every hostile link: the page renders, a translated alert shows, stored data is byte-identical, nothing is polluted', async () => {
    const lng: Lng = 'zh-CN';
    const session = await open(baseURL());
    const { page, context } = session;

    // Seed the store through the UI: an answer (the draft) and a named profile.
    await field(page, lng, 'form.asOf.label').fill('2025-09-01');
    await field(page, lng, 'shanghai:fields.birthDate.label').fill('1987-11-02');
    await expectTotal(page, '30');
    await waitForStoredDraft(page, lng, 'shanghai', '2025-09-01', { birthDate: '1987-11-02' });
    const profileName = '我自己 2025';
    await saveProfile(page, lng, profileName);
    await expect.poll(() => listedProfileNames(page, lng)).toEqual([profileName]);
    const before = await storedText(page);
    expect(before, 'the store was written').not.toBeNull();
    const seeded = JSON.parse(before!) as { drafts: Record<string, unknown>; profiles: StoredProfile[] };
    expect(Object.keys(seeded.drafts)).toEqual(['shanghai']);
    expect(seeded.profiles.map((p) => p.name)).toEqual([profileName]);

    for (const hostile of HOSTILE_LINKS) {
      const tab = await context.newPage();
      const url = `${baseURL()}${hostile.suffix}`;
      await tab.goto(url);
      await tab.locator('h1').waitFor();
      expect(await tab.locator('h1').isVisible(), `${hostile.name}: the heading renders`).toBe(true);
      const message = tr(lng, `rules:errors.share.${hostile.error}`);
      const alert = tab.getByRole('alert').filter({ hasText: message });
      // Soft, so that one link without its alert does not hide what the others (and the storage check) show.
      await alert.first().waitFor({ timeout: 5_000 }).catch(() => undefined);
      expect.soft(await alert.count(), `${hostile.name}: alert “${message}”`).toBe(1);
      if ((await alert.count()) === 1) {
        const text = squash(await alert.innerText());
        expect(text, `${hostile.name}: own data is said to be safe`).toContain(squash(tr(lng, 'share.ownDataSafe')));
        for (const detail of hostile.details ?? []) expect(text, `${hostile.name}: ${detail}`).toContain(tr(lng, `rules:${detail}`));
      }
      // The calculator is still there, on the user's own draft.
      await expect.poll(() => field(tab, lng, 'shanghai:fields.birthDate.label').inputValue(), { message: hostile.name }).toBe('1987-11-02');
      expect(await prototypePollution(tab), `${hostile.name}: Object.prototype`).toEqual([]);
      const after = await storedText(tab);
      // A readable difference first, then the byte-for-byte comparison.
      if (after !== before) expect(JSON.parse(after ?? 'null'), `${hostile.name}: stored data unchanged`).toEqual(seeded);
      expect(after, `${hostile.name}: stored data unchanged (same text)`).toBe(before);
      await tab.close();
      expect(session.pageErrors, `${hostile.name}: no uncaught error`).toEqual([]);
    }

    // A plain in-page anchor (the skip link's `#result`) is not a share link: no alert.
    const anchor = await context.newPage();
    await anchor.goto(`${baseURL()}#result`);
    await anchor.locator('h1').waitFor();
    await expectTotal(anchor, '30');
    expect(await anchor.getByRole('alert').count(), '#result is not a broken link').toBe(0);
    await anchor.close();

    // A valid link carrying polluting names opens, with a warning naming what was ignored.
    const tab = await context.newPage();
    await tab.goto(`${baseURL()}#${VALID_PAYLOAD}&__proto__[x]=1&constructor[prototype][y]=2`);
    await tab.locator('h1').waitFor();
    const notice = tab.getByRole('status').filter({ hasText: tr(lng, 'share.fromLink', { pack: 'shanghai-2023' }) });
    await expect.poll(() => notice.count()).toBe(1);
    expect(squash(await notice.innerText())).toContain(squash(tr(lng, 'rules:share.warning.ignoredParameter', { name: '__proto__[x]' })));
    expect(await prototypePollution(tab)).toEqual([]);
    await tab.close();

    // After all of them: the stored text is byte-identical, and the profile is still listed.
    expect(await storedText(page), 'stored data after every hostile link').toBe(before);
    await page.reload();
    await page.locator('h1').waitFor();
    await waitUntilLive(page, lng);
    await expect.poll(() => listedProfileNames(page, lng)).toEqual([profileName]);
    expect(await prototypePollution(page)).toEqual([]);
    expect(await storedText(page)).toBe(before);
    expectClean(session);
  });
});

// ---- draft and profiles ---------------------------------------------------------------------------------------

describe('drafts and saved profiles', () => {
  test('a reload keeps the draft: the same answers in the form and the same total', async () => {
    const lng: Lng = 'zh-CN';
    const session = await open(baseURL());
    const { page } = session;
    await field(page, lng, 'form.asOf.label').fill('2025-09-01');
    await field(page, lng, 'shanghai:fields.birthDate.label').fill('1979-05-30');
    await field(page, lng, 'shanghai:fields.education.label').selectOption({ label: tr(lng, 'shanghai:options.education.bachelorDegree') });
    await field(page, lng, 'shanghai:fields.siMonthsTotal.label').fill('75');
    // By hand (docs/rules/shanghai.md): 46 on 2025-09-01 → 5 + 2 × (56 − 46) = 25; 本科 + 学士学位 → 90;
    // 75 months → 6 full years × 3 = 18. Total 25 + 90 + 18 = 133.
    await expectTotal(page, '133');
    await waitForStoredDraft(page, lng, 'shanghai', '2025-09-01', { birthDate: '1979-05-30', education: 'bachelorDegree', siMonthsTotal: 75 });

    await page.reload();
    await page.locator('h1').waitFor();
    await waitUntilLive(page, lng);
    await expectTotal(page, '133');
    await expect.poll(() => field(page, lng, 'form.asOf.label').inputValue()).toBe('2025-09-01');
    expect(await field(page, lng, 'shanghai:fields.birthDate.label').inputValue()).toBe('1979-05-30');
    expect(await field(page, lng, 'shanghai:fields.education.label').inputValue()).toBe('bachelorDegree');
    expect(await field(page, lng, 'shanghai:fields.siMonthsTotal.label').inputValue()).toBe('75');
    expectClean(session);
  });

  test('export → clear storage → import gives back identical profiles', async () => {
    const lng: Lng = 'zh-CN';
    const session = await open(baseURL());
    const { page } = session;

    // A Shanghai profile …
    await field(page, lng, 'form.asOf.label').fill('2025-09-01');
    await field(page, lng, 'shanghai:fields.birthDate.label').fill('1992-08-08');
    await field(page, lng, 'shanghai:fields.siMonthsTotal.label').fill('40');
    await expectTotal(page, '39'); // 33 → 30; 40 months → 3 full years × 3 = 9
    await saveProfile(page, lng, '陈先生（上海）');
    // … and a Guangzhou one.
    await page.getByRole('radio', { name: tr(lng, 'city.names.guangzhou'), exact: true }).check();
    await field(page, lng, 'form.asOf.label').fill('2025-10-15');
    await field(page, lng, 'guangzhou:fields.roundYear.label').fill('2025');
    await field(page, lng, 'guangzhou:fields.birthDate.label').fill('1990-01-31');
    await field(page, lng, 'guangzhou:fields.residencePermitMonths.label').fill('50');
    await field(page, lng, 'guangzhou:fields.education.label').selectOption({ label: tr(lng, 'guangzhou:options.education.bachelorOrHigher') });
    await expect.poll(() => page.getByTestId('score-ranking').innerText()).toBe('62'); // permit 50 months → 4 × 8 = 32; 35 on 2025-09-30 → 30
    await saveProfile(page, lng, 'Client B, Guangzhou');
    await expect.poll(() => listedProfileNames(page, lng)).toEqual(['陈先生（上海）', 'Client B, Guangzhou']);
    const saved = await storedProfiles(page);
    expect(saved.map((p) => [p.name, p.city, p.asOf])).toEqual([
      ['陈先生（上海）', 'shanghai', '2025-09-01'],
      ['Client B, Guangzhou', 'guangzhou', '2025-10-15'],
    ]);

    // Export: the file offered for download.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: tr(lng, 'profiles.actions.export'), exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^mingfen-profiles-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const fileText = readFileSync(path, 'utf8');
    const exported = JSON.parse(fileText) as { format: string; version: number; profiles: StoredProfile[] };
    expect(exported.format).toBe('mingfen-profiles');
    expect(exported.version).toBe(1);
    expect(exported.profiles, 'the export holds the stored profiles').toEqual(saved);
    await expect
      .poll(async () => (await page.getByRole('status').allInnerTexts()).map(squash))
      .toContain(squash(tr(lng, 'profiles.status.exported', { count: 2 })));

    // A new device: nothing stored.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.locator('h1').waitFor();
    await waitUntilLive(page, lng);
    await expect.poll(() => page.getByText(tr(lng, 'profiles.empty'), { exact: true }).count()).toBe(1);
    expect(await storedProfiles(page)).toEqual([]);

    // Import the exported file through the file input.
    await field(page, lng, 'profiles.actions.import').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(fileText, 'utf8'),
    });
    await expect
      .poll(async () => (await page.getByRole('status').allInnerTexts()).map(squash))
      .toContain(squash(tr(lng, 'profiles.status.imported', { count: 2 })));
    await expect.poll(() => listedProfileNames(page, lng)).toEqual(['陈先生（上海）', 'Client B, Guangzhou']);
    const imported = await storedProfiles(page);
    const essentials = (profiles: readonly StoredProfile[]) =>
      profiles.map(({ name, city, asOf, factsVersion, facts }) => ({ name, city, asOf, factsVersion, facts }));
    expect(essentials(imported), 'names, cities, dates and facts').toEqual(essentials(exported.profiles));
    expect(imported, 'the whole profiles, ids and timestamps included').toEqual(exported.profiles);

    // An imported profile opens with its answers.
    await page.getByRole('button', { name: tr(lng, 'profiles.actions.openNamed', { name: 'Client B, Guangzhou' }), exact: true }).click();
    await expect.poll(() => field(page, lng, 'guangzhou:fields.residencePermitMonths.label').inputValue()).toBe('50');
    await expect.poll(() => page.getByTestId('score-ranking').innerText()).toBe('62');
    expectClean(session);
  });
});

// ---- the share panel ------------------------------------------------------------------------------------------

const sharePanel = (page: Page, lng: Lng) => page.getByRole('region', { name: tr(lng, 'share.title'), exact: true });

/** The dark modules of the QR code drawn as `M{x} {y}h1v1h-1z` squares, as "x,y" keys. */
async function qrModules(qr: ReturnType<Page['getByRole']>): Promise<{ size: number; dark: Set<string> }> {
  const { viewBox, d } = await qr.evaluate((svg) => ({
    viewBox: svg.getAttribute('viewBox') ?? '',
    d: svg.querySelector('path')?.getAttribute('d') ?? '',
  }));
  const size = Number(viewBox.split(/\s+/)[2]);
  const dark = new Set([...d.matchAll(/M(\d+) (\d+)/g)].map((m) => `${m[1]},${m[2]}`));
  return { size, dark };
}

describe('share panel', () => {
  test('the link it makes opens to the same total; copy works when the clipboard is allowed; the QR code holds the link', async () => {
    const lng: Lng = 'zh-CN';
    const persona = PERSONAS[1]!;
    const { link: cliLink, score } = cliOf(persona);
    const session = await open(cliLink, 'zh-CN', (context) =>
      context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL()).origin }),
    );
    const { page, context } = session;
    await expectTotal(page, cliTotal(score));

    await page.getByRole('button', { name: tr(lng, 'share.open'), exact: true }).click();
    const linkField = field(page, lng, 'share.linkLabel');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link.startsWith(`${baseURL()}#s=1&c=guangzhou&`), link).toBe(true);
    expect(link, 'the same answers give the same link as the CLI').toBe(cliLink);
    expect(await page.getByText(tr(lng, 'share.privacy'), { exact: true }).isVisible()).toBe(true);

    // The link opens, in another tab, to the same total.
    const other = await context.newPage();
    await other.goto(link);
    await other.locator('h1').waitFor();
    await expectTotal(other, cliTotal(score));
    await other.close();

    // Copy, with the clipboard allowed.
    await page.getByRole('button', { name: tr(lng, 'share.copy'), exact: true }).click();
    await expect.poll(() => sharePanel(page, lng).getByRole('status').innerText()).toBe(tr(lng, 'share.copied'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(await linkField.getAttribute('aria-describedby')).toBeTruthy();

    // The QR code: an image with a label, whose modules are the link's QR code.
    const showQr = page.getByRole('button', { name: tr(lng, 'share.showQr'), exact: true });
    expect(await showQr.getAttribute('aria-expanded')).toBe('false');
    await showQr.click();
    const qr = page.getByRole('img', { name: tr(lng, 'share.qrLabel'), exact: true });
    await qr.waitFor();
    expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    const expected = encodeQr(link, { ecc: 'L', border: 2 });
    const drawn = await qrModules(qr);
    expect(drawn.size).toBe(expected.size);
    const expectedDark = new Set(expected.data.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`${x},${y}`] : []))));
    expect([...drawn.dark].sort()).toEqual([...expectedDark].sort());
    const box = await qr.boundingBox();
    expect(box!.width, 'the QR code fits the phone screen').toBeLessThanOrEqual(PHONE.width);
    expect(box!.width).toBeGreaterThanOrEqual(150);
    const hideQr = page.getByRole('button', { name: tr(lng, 'share.hideQr'), exact: true });
    expect(await hideQr.getAttribute('aria-expanded')).toBe('true');
    await hideQr.click();
    await expect.poll(() => qr.count()).toBe(0);
    expectClean(session);
  });

  test('with the clipboard refused the status says so and the link text is selected; the system share sheet gets the link', async () => {
    const lng: Lng = 'zh-CN';
    const persona = PERSONAS[0]!;
    const { link: cliLink, score } = cliOf(persona);
    const session = await open(cliLink, 'zh-CN', (context) =>
      context.addInitScript(() => {
        // An in-app browser that refuses clipboard writes, and a system share sheet that records what it got.
        // (The Clipboard interface exists only in secure documents, not in the blank page a tab starts with.)
        if (typeof Clipboard !== 'undefined') {
          Object.defineProperty(Clipboard.prototype, 'writeText', {
            configurable: true,
            value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
          });
        }
        const shared: unknown[] = [];
        Object.defineProperty(window, '__shared', { value: shared });
        Object.defineProperty(Navigator.prototype, 'share', {
          configurable: true,
          value: (data: unknown) => {
            shared.push(data);
            return Promise.resolve();
          },
        });
      }),
    );
    const { page } = session;
    await expectTotal(page, cliTotal(score));
    await page.getByRole('button', { name: tr(lng, 'share.open'), exact: true }).click();
    const linkField = field(page, lng, 'share.linkLabel');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link.startsWith(`${baseURL()}#s=1&c=shanghai&`), link).toBe(true);

    // Move focus away first, so the selection seen afterwards is the app's doing.
    await page.getByRole('button', { name: tr(lng, 'share.copy'), exact: true }).focus();
    await page.getByRole('button', { name: tr(lng, 'share.copy'), exact: true }).click();
    await expect.poll(() => sharePanel(page, lng).getByRole('status').innerText()).toBe(tr(lng, 'share.copyRefused'));
    const selection = await linkField.evaluate((input: HTMLInputElement) => ({
      focused: document.activeElement === input,
      start: input.selectionStart,
      end: input.selectionEnd,
      length: input.value.length,
    }));
    expect(selection).toEqual({ focused: true, start: 0, end: link.length, length: link.length });
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(link);

    // The system share sheet, where the browser has one.
    await page.getByRole('button', { name: tr(lng, 'share.system'), exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared))
      .toEqual([{ title: tr(lng, 'share.shareTitle'), url: link }]);

    // The link still opens to the same total.
    const other = await session.context.newPage();
    await other.goto(link);
    await other.locator('h1').waitFor();
    await expectTotal(other, cliTotal(score));
    await other.close();
    expectClean(session);
  });
});

// ---- print ----------------------------------------------------------------------------------------------------

/** Number of pages in a PDF (page objects, not the page tree). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

describe('print view', () => {
  test('the printed result: header with city, pack and dates, lines with citations, black on white, a few A4 pages', async () => {
    const lng: Lng = 'zh-CN';
    const persona = PERSONAS[0]!;
    const { link, score } = cliOf(persona);
    const session = await open(link);
    const { page } = session;
    await expectTotal(page, cliTotal(score));
    const pack = score.pack!;

    await page.emulateMedia({ media: 'print' });
    const form = formOf(page, lng);
    await expect.poll(() => form.isVisible(), { message: 'the form is hidden on paper' }).toBe(false);
    for (const hidden of [
      page.getByRole('button', { name: tr(lng, 'share.open'), exact: true }),
      page.getByRole('button', { name: tr(lng, 'result.print'), exact: true }),
      page.getByRole('radio', { name: tr(lng, 'city.names.shanghai'), exact: true }),
      page.getByRole('status').filter({ hasText: tr(lng, 'share.fromLink', { pack: pack.id }) }),
    ]) {
      expect(await hidden.isVisible(), 'screen-only controls are hidden on paper').toBe(false);
    }

    // The header: what this is, for which city, rules and date, and when it was printed.
    const title = page.getByText(tr(lng, 'result.printTitle', { city: tr(lng, 'city.names.shanghai') }), { exact: true });
    await expect.poll(() => title.isVisible()).toBe(true);
    const printed = await page.evaluate(() => new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'long' }).format(new Date()));
    const meta = squash(await title.locator('xpath=following-sibling::p[1]').innerText());
    for (const part of [persona.document.asOf, pack.id, pack.instrument, pack.validFrom, pack.validTo, printed]) {
      expect(meta, `print header names ${part}`).toContain(part);
    }

    // Total, verdict, gates, every line with its citation (and caveat), the pack, the disclaimer.
    expect(await page.getByTestId('total').isVisible()).toBe(true);
    expect(squash(await page.locator('#result').innerText())).toContain(
      tr(lng, 'result.verdict.reached', { threshold: score.threshold!, name: tr(lng, 'shanghai:city.thresholdName') }),
    );
    const gates = page.getByRole('region', { name: tr(lng, 'result.gatesTitle'), exact: true });
    expect(await gates.isVisible()).toBe(true);
    expect(await gates.getByRole('listitem').count()).toBeGreaterThan(0);
    for (const line of score.lines) {
      const item = page.locator(`li[data-line-id="${line.id}"]`);
      expect(await item.isVisible(), `line ${line.id} is printed`).toBe(true);
      const citation = item.getByRole('link');
      expect(squash(await citation.innerText()), `citation of ${line.id}`).toContain(line.citation.instrument);
      expect(await citation.getAttribute('href')).toBe(line.citation.url);
      // The URL is written out after the link on paper.
      const after = await citation.evaluate((a) => getComputedStyle(a, '::after').content);
      expect(after, `printed URL of ${line.id}`).toContain(line.citation.url);
      if (line.caveat) expect(squash(await item.innerText()), `caveat of ${line.id}`).toContain(squash(tr(lng, line.caveat)));
    }
    expect(await page.getByText(tr(lng, 'result.disclaimer'), { exact: true }).isVisible()).toBe(true);
    expect(squash(await page.getByRole('region', { name: tr(lng, 'result.packTitle'), exact: true }).innerText())).toContain(
      squash(tr(lng, 'result.validity', { from: pack.validFrom, to: pack.validTo })),
    );

    // Black and white: every printed text is grey or black, on a white page.
    const colours = await page.locator('#result').evaluate((root) => {
      const found = new Set<string>();
      const grey = /^rgba?\((\d+), \1, \1(, [\d.]+)?\)$/;
      for (const el of [root, ...root.querySelectorAll('*')]) {
        const style = getComputedStyle(el);
        if (!el.checkVisibility({ visibilityProperty: true }) || !(el as HTMLElement).innerText?.trim()) continue;
        if (!grey.test(style.color)) found.add(`${el.tagName.toLowerCase()}.${el.className}: ${style.color}`);
      }
      return { coloured: [...found], body: getComputedStyle(document.body).backgroundColor };
    });
    expect(colours.coloured, 'coloured text on paper').toEqual([]);
    expect(colours.body).toMatch(/^rgb\(255, 255, 255\)$|^rgba\(0, 0, 0, 0\)$/);

    // A4 portrait, a few pages.
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPageCount(pdf);
    expect(pages, 'pages of the printed Shanghai profile').toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
    const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(mediaBox, 'a page size in the PDF').not.toBeNull();
    const [width, height] = [Number(mediaBox![1]), Number(mediaBox![2])];
    expect(Math.abs(width - 595.28), `A4 width in points (${width})`).toBeLessThan(2);
    expect(Math.abs(height - 841.89), `A4 height in points (${height})`).toBeLessThan(2);
    expectClean(session);
  });
});

// ---- accessibility --------------------------------------------------------------------------------------------

describe('axe', () => {
  test('link notice, share panel with QR code and saved profiles have no violations, in Chinese and English; nor has a broken-link alert', async () => {
    const persona = PERSONAS[1]!;
    const { link, score } = cliOf(persona);
    const session = await open(link);
    const { page, context } = session;
    await expectTotal(page, cliTotal(score));
    await expect.poll(() => page.getByRole('status').filter({ hasText: tr('zh-CN', 'share.fromLink', { pack: score.pack!.id }) }).count()).toBe(1);
    await saveProfile(page, 'zh-CN', '黄女士');
    await saveProfile(page, 'zh-CN', 'Mrs Huang, if she buys a flat');
    await page.getByRole('button', { name: tr('zh-CN', 'share.open'), exact: true }).click();
    await page.getByRole('button', { name: tr('zh-CN', 'share.showQr'), exact: true }).click();
    await page.getByRole('img', { name: tr('zh-CN', 'share.qrLabel'), exact: true }).waitFor();
    await expect.poll(() => listedProfileNames(page, 'zh-CN')).toEqual(['黄女士', 'Mrs Huang, if she buys a flat']);
    await expectNoAxeViolations(page, 'zh-CN: link notice, share panel with QR, two profiles');

    await page.getByRole('button', { name: tr('en', 'lang.en'), exact: true }).click();
    await expect.poll(() => page.locator('h1').innerText()).toContain(tr('en', 'app.name'));
    await expect.poll(() => page.getByRole('status').filter({ hasText: tr('en', 'share.fromLink', { pack: score.pack!.id }) }).count()).toBe(1);
    await page.getByRole('img', { name: tr('en', 'share.qrLabel'), exact: true }).waitFor();
    await expect.poll(() => listedProfileNames(page, 'en')).toEqual(['黄女士', 'Mrs Huang, if she buys a flat']);
    await expectNoAxeViolations(page, 'en: link notice, share panel with QR, two profiles');

    const broken = await context.newPage();
    await broken.goto(`${baseURL()}#s=1&c=shanghai&v=1&d=2025-09-01&siMonthsTotal=-12`);
    await broken.locator('h1').waitFor();
    await expect.poll(() => broken.getByRole('alert').filter({ hasText: tr('en', 'rules:errors.share.invalidFacts') }).count()).toBe(1);
    await expectNoAxeViolations(broken, 'en: broken-link alert');
    await broken.close();
    expectClean(session);
  });
});
