/**
 * The saved-profiles panel in jsdom, driven like a user (mostly by keyboard): save, open, update, rename,
 * duplicate, delete after an in-page confirmation, export → import round trip, and the alert for damaged,
 * newer or unusable storage. Texts come from the app's `common` namespace.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next, { type i18n as I18n } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { resources } from '../../i18n';
import type { FormValues } from '../cities';
import { ProfilesPanel } from './ProfilesPanel';
import {
  CORRUPT_KEY_PREFIX,
  STORE_KEY,
  createProfileStore,
  type KeyValueStorage,
  type Profile,
  type ProfileStore,
} from './storage';

type Language = 'zh-CN' | 'en';
const missingKeys: string[] = [];

/** An i18n instance with the app's `common` strings; records any key it cannot find. */
function testI18n(lng: Language): I18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  void instance.init({
    resources: {
      'zh-CN': { common: resources['zh-CN'].common },
      en: { common: resources.en.common },
    },
    lng,
    fallbackLng: false,
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => missingKeys.push(key),
  });
  return instance;
}

const en = testI18n('en');
/** The English string at `profiles.<key>`. */
const tr = (key: string, params: Record<string, unknown> = {}) => en.t(`profiles.${key}`, params);

const wangValues: FormValues = { asOf: '2025-06-01', facts: { birthDate: '1990-01-01', education: 'bachelorDegree' } };
const degreeValues: FormValues = { asOf: '2026-01-01', facts: { birthDate: '1990-01-01', education: 'master' } };

function storedProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'a1',
    name: 'client Wang',
    city: 'shanghai',
    asOf: '2025-06-01',
    factsVersion: 1,
    facts: { birthDate: '1990-01-01' },
    createdAt: '2025-05-01T08:00:00.000Z',
    updatedAt: '2025-05-02T08:00:00.000Z',
    ...overrides,
  };
}

function storeEnvelope(profiles: Profile[]) {
  localStorage.setItem(STORE_KEY, JSON.stringify({ version: 1, drafts: {}, profiles, activeProfileId: null }));
}

interface RenderOptions {
  lng?: Language;
  values?: FormValues;
  store?: ProfileStore;
}

/** Render the panel over jsdom's localStorage (a fresh store each time, as after a reload). */
function renderPanel({ lng = 'en', values = wangValues, store = createProfileStore() }: RenderOptions = {}) {
  const user = userEvent.setup();
  const onOpen = vi.fn();
  const ui = (current: FormValues) => (
    <I18nextProvider i18n={lng === 'en' ? en : testI18n(lng)}>
      <ProfilesPanel city="shanghai" currentValues={current} onOpen={onOpen} store={store} />
    </I18nextProvider>
  );
  const view = render(ui(values));
  return { user, onOpen, store, rerenderWith: (next: FormValues) => view.rerender(ui(next)), ...view };
}

const storedProfiles = () => createProfileStore().load().state.profiles;
const status = () => screen.getByRole('status');
const list = () => screen.getByRole('list', { name: tr('listLabel') });
const item = (name: string) => {
  const found = within(list())
    .getAllByRole('listitem')
    .find((li) => li.querySelector('strong')?.textContent === name);
  if (!found) throw new Error(`no profile named ${name}`);
  return found;
};
const button = (container: HTMLElement, key: string, name: string) =>
  within(container).getByRole('button', { name: tr(`actions.${key}Named`, { name }) });

/** Save the current values under `name` with the keyboard: type in the name field, press Enter. */
async function saveAs(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByLabelText(tr('saveAs.label')));
  await user.keyboard(`${name}{Enter}`);
  await waitFor(() => expect(status()).toHaveTextContent(tr('status.saved', { name: name.trim() })));
}

beforeEach(() => {
  missingKeys.length = 0;
});
afterEach(() => {
  expect(missingKeys).toEqual([]);
  vi.restoreAllMocks();
});

describe('ProfilesPanel', () => {
  test('says that everything stays on the device; labelled controls; an empty list to start', () => {
    renderPanel();
    expect(screen.getByRole('heading', { level: 2, name: tr('title') })).toBeInTheDocument();
    expect(screen.getByText(tr('onDevice'))).toBeInTheDocument();
    expect(screen.getByText(tr('empty'))).toBeInTheDocument();
    expect(screen.getByLabelText(tr('saveAs.label'))).toHaveAccessibleDescription(tr('saveAs.hint', { max: 60 }));
    expect(screen.getByLabelText(tr('actions.import'))).toHaveAttribute('type', 'file');
    expect(status()).toHaveTextContent('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('renders in Chinese', () => {
    renderPanel({ lng: 'zh-CN' });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('我的方案');
    expect(screen.getByText(resources['zh-CN'].common.profiles.onDevice)).toBeInTheDocument();
  });

  test('saves the current answers under a name, with the keyboard, and keeps them after a reload', async () => {
    const { user, unmount } = renderPanel();
    await saveAs(user, '  client Wang ');
    expect(screen.getByLabelText(tr('saveAs.label'))).toHaveValue('');
    const wang = item('client Wang');
    expect(wang).toHaveTextContent(tr('item.city', { city: 'Shanghai' }));
    expect(wang).toHaveTextContent(tr('item.asOf', { date: '2025-06-01' }));
    expect(wang).toHaveTextContent(tr('item.active').trim());
    expect(storedProfiles()).toMatchObject([{ name: 'client Wang', city: 'shanghai', ...wangValues }]);

    unmount();
    renderPanel();
    expect(item('client Wang')).toBeInTheDocument();
  });

  test('an empty or too long name is refused with an error linked to the field', async () => {
    const { user } = renderPanel();
    const field = screen.getByLabelText(tr('saveAs.label'));
    await user.click(screen.getByRole('button', { name: tr('saveAs.submit') }));
    const error = tr('errors.invalidName', { max: 60 });
    expect(screen.getByRole('alert')).toHaveTextContent(error);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining(error));
    await user.type(field, 'x'.repeat(61));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(error);
    expect(storedProfiles()).toEqual([]);
  });

  test('opens a profile: the app receives it, the status says so, and its changes can be saved back', async () => {
    storeEnvelope([storedProfile(), storedProfile({ id: 'b2', name: 'if I finish the degree' })]);
    const { user, onOpen, rerenderWith } = renderPanel();
    const degree = item('if I finish the degree');
    const updateName = tr('actions.updateNamed', { name: 'if I finish the degree' });
    expect(within(degree).queryByRole('button', { name: updateName })).toBeNull();

    button(degree, 'open', 'if I finish the degree').focus();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(storedProfile({ id: 'b2', name: 'if I finish the degree' }), []);
    expect(status()).toHaveTextContent(tr('status.opened', { name: 'if I finish the degree' }));
    expect(item('if I finish the degree')).toHaveTextContent(tr('item.active').trim());

    rerenderWith(degreeValues);
    await user.click(button(item('if I finish the degree'), 'update', 'if I finish the degree'));
    expect(status()).toHaveTextContent(tr('status.updated', { name: 'if I finish the degree' }));
    expect(storedProfiles()[1]).toMatchObject({ id: 'b2', ...degreeValues });
    expect(storedProfiles()[0]).toEqual(storedProfile());
  });

  test('a profile whose answers no longer pass the rules is kept, flagged, and opened with its issues', async () => {
    storeEnvelope([storedProfile({ facts: { birthDate: 'not a date' } })]);
    const { user, onOpen } = renderPanel();
    expect(item('client Wang')).toHaveTextContent(tr('item.needsCheck'));
    await user.click(button(item('client Wang'), 'open', 'client Wang'));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'a1' }), [
      { path: 'facts.birthDate', message: 'errors.date' },
    ]);
    expect(status()).toHaveTextContent(tr('status.openedNeedsCheck', { name: 'client Wang' }));
  });

  test('a profile for a city this version cannot calculate is listed but not opened', async () => {
    storeEnvelope([storedProfile({ city: 'atlantis' })]);
    const { user, onOpen } = renderPanel();
    expect(item('client Wang')).toHaveTextContent(tr('item.cityUnavailable'));
    await user.click(button(item('client Wang'), 'open', 'client Wang'));
    expect(onOpen).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(tr('errors.unknownCity'));
  });

  test('renames in place: the field takes focus, Enter saves, Escape cancels, focus returns to Rename', async () => {
    storeEnvelope([storedProfile()]);
    const { user } = renderPanel();
    button(item('client Wang'), 'rename', 'client Wang').focus();
    await user.keyboard('{Enter}');
    const field = screen.getByLabelText(tr('rename.label', { name: 'client Wang' }));
    expect(field).toHaveFocus();
    expect(field).toHaveValue('client Wang');

    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText(tr('rename.label', { name: 'client Wang' }))).toBeNull();
    expect(button(item('client Wang'), 'rename', 'client Wang')).toHaveFocus();
    expect(storedProfiles()[0]?.name).toBe('client Wang');

    await user.keyboard('{Enter}');
    await user.keyboard('{Control>}a{/Control}{Backspace}');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(tr('errors.invalidName', { max: 60 }));
    await user.keyboard('Mr Wang, 2026{Enter}');
    expect(status()).toHaveTextContent(tr('status.renamed', { name: 'Mr Wang, 2026' }));
    expect(button(item('Mr Wang, 2026'), 'rename', 'Mr Wang, 2026')).toHaveFocus();
    expect(storedProfiles()[0]).toMatchObject({ id: 'a1', name: 'Mr Wang, 2026', facts: storedProfile().facts });
  });

  test('duplicates right after the original under a "(copy)" name', async () => {
    storeEnvelope([storedProfile(), storedProfile({ id: 'b2', name: 'other' })]);
    const { user } = renderPanel();
    await user.click(button(item('client Wang'), 'duplicate', 'client Wang'));
    const copyName = tr('copyName', { name: 'client Wang' });
    expect(status()).toHaveTextContent(tr('status.duplicated', { name: copyName }));
    expect(within(list()).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'client Wang',
      copyName,
      'other',
    ]);
    expect(storedProfiles()[1]).toMatchObject({ name: copyName, facts: storedProfile().facts });
  });

  test('deletes only after an in-page confirmation that starts on Cancel and closes with Escape', async () => {
    storeEnvelope([storedProfile(), storedProfile({ id: 'b2', name: 'other' })]);
    const confirmSpy = vi.spyOn(window, 'confirm');
    const { user } = renderPanel();
    button(item('client Wang'), 'delete', 'client Wang').focus();
    await user.keyboard('{Enter}');
    const questionName = tr('confirmDelete.text', { name: 'client Wang' });
    const question = within(item('client Wang')).getByRole('group', { name: questionName });
    expect(within(question).getByRole('button', { name: tr('confirmDelete.cancel') })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(within(item('client Wang')).queryByRole('group', { name: questionName })).toBeNull();
    expect(button(item('client Wang'), 'delete', 'client Wang')).toHaveFocus();
    expect(storedProfiles()).toHaveLength(2);

    await user.keyboard('{Enter}');
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(screen.getByRole('button', { name: tr('confirmDelete.confirm') })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(status()).toHaveTextContent(tr('status.deleted', { name: 'client Wang' }));
    expect(screen.getByRole('heading', { level: 2, name: tr('title') })).toHaveFocus();
    expect(within(list()).getAllByRole('listitem')).toHaveLength(1);
    expect(storedProfiles().map((p) => p.name)).toEqual(['other']);
    expect(confirmSpy).not.toHaveBeenCalled();
  });

  test('every action is reachable with Tab, in reading order', async () => {
    storeEnvelope([storedProfile()]);
    const { user } = renderPanel();
    const expected = [
      screen.getByLabelText(tr('saveAs.label')),
      screen.getByRole('button', { name: tr('saveAs.submit') }),
      button(item('client Wang'), 'open', 'client Wang'),
      button(item('client Wang'), 'rename', 'client Wang'),
      button(item('client Wang'), 'duplicate', 'client Wang'),
      button(item('client Wang'), 'delete', 'client Wang'),
      screen.getByRole('button', { name: tr('actions.export') }),
      screen.getByLabelText(tr('actions.import')),
    ];
    for (const element of expected) {
      await user.tab();
      expect(element).toHaveFocus();
    }
  });

  test('export → import gives back identical profiles (downloaded as a .json file)', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob: Blob | MediaSource) => {
      if (blob instanceof Blob) blobs.push(blob);
      return 'blob:mingfen/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    const { user, unmount } = renderPanel();
    await saveAs(user, 'client Wang');
    const emoji = '边界 “quotes” 😀';
    await saveAs(user, emoji);
    await user.click(screen.getByRole('button', { name: tr('actions.export') }));
    expect(status()).toHaveTextContent(tr('status.exported', { count: 2 }));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toMatch(/^mingfen-profiles-\d{4}-\d{2}-\d{2}\.json$/);
    expect(clicked[0]!.href).toBe('blob:mingfen/1');
    expect(blobs[0]!.type).toBe('application/json');
    const text = await blobs[0]!.text();
    const original = storedProfiles();

    unmount();
    localStorage.clear();
    const second = renderPanel();
    const exported = new File([text], 'profiles.json', { type: 'application/json' });
    await second.user.upload(screen.getByLabelText(tr('actions.import')), exported);
    await waitFor(() => expect(status()).toHaveTextContent(tr('status.imported', { count: 2 })));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(storedProfiles()).toEqual(original);
    expect(item(emoji)).toBeInTheDocument();
  });

  test('import reports skipped profiles by name and reason, and never touches existing ones', async () => {
    storeEnvelope([storedProfile()]);
    const before = localStorage.getItem(STORE_KEY);
    const { user } = renderPanel();
    const file = JSON.stringify({
      format: 'mingfen-profiles',
      version: 1,
      profiles: [storedProfile(), storedProfile({ id: 'n1', name: 'new one' }), { name: 'broken', facts: 3 }, 42],
    });
    await user.upload(screen.getByLabelText(tr('actions.import')), new File([file], 'p.json'));
    await waitFor(() => expect(status()).toHaveTextContent(tr('status.imported', { count: 1 })));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(tr('skipped.title', { count: 3 }));
    expect(alert).toHaveTextContent(tr('skipped.item', { name: 'client Wang', reason: tr('skipped.reason.alreadyPresent') }));
    expect(alert).toHaveTextContent(tr('skipped.item', { name: 'broken', reason: tr('skipped.reason.invalid') }));
    const unnamed = tr('skipped.unnamed', { n: 4 });
    expect(alert).toHaveTextContent(tr('skipped.item', { name: unnamed, reason: tr('skipped.reason.invalid') }));
    expect(storedProfiles()[0]).toEqual(JSON.parse(before!).profiles[0]);
    expect(storedProfiles().map((p) => p.name)).toEqual(['client Wang', 'new one']);

    await user.upload(screen.getByLabelText(tr('actions.import')), new File(['{"__proto__": {"x": 1}} not json'], 'p.json'));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(tr('errors.fileNotJson')));
    expect(status()).toHaveTextContent('');
    expect(storedProfiles().map((p) => p.name)).toEqual(['client Wang', 'new one']);
    expect(Object.prototype).not.toHaveProperty('x');
  });

  test('a file of many bad profiles names the first 20 and counts the rest', async () => {
    const { user } = renderPanel();
    const file = JSON.stringify({ format: 'mingfen-profiles', version: 1, profiles: Array.from({ length: 25 }, () => 0) });
    await user.upload(screen.getByLabelText(tr('actions.import')), new File([file], 'p.json'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(tr('skipped.title', { count: 25 }));
    expect(within(alert).getAllByText(new RegExp(tr('skipped.reason.invalid')))).toHaveLength(20);
    expect(alert).toHaveTextContent(tr('skipped.more', { count: 5 }));
  });

  test('damaged stored data is set aside under a backup key and reported in an alert that can be dismissed', async () => {
    localStorage.setItem(STORE_KEY, '{"version": 1, "profiles": [tr');
    const { user } = renderPanel();
    const alert = screen.getByRole('alert');
    const backupKey = Object.keys(localStorage).find((k) => k.startsWith(CORRUPT_KEY_PREFIX));
    expect(backupKey).toBeDefined();
    expect(localStorage.getItem(backupKey!)).toBe('{"version": 1, "profiles": [tr');
    expect(alert).toHaveTextContent(tr('problems.corrupt', { key: backupKey }));
    await user.click(within(alert).getByRole('button', { name: tr('actions.dismiss') }));
    expect(screen.queryByRole('alert')).toBeNull();
    await saveAs(user, 'fresh start');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('data from a newer version is shown read-only: saving is refused and the data left as it was', async () => {
    const raw = JSON.stringify({ version: 2, drafts: {}, profiles: [storedProfile()] });
    localStorage.setItem(STORE_KEY, raw);
    const { user } = renderPanel();
    expect(screen.getByRole('alert')).toHaveTextContent(tr('problems.futureVersion'));
    expect(item('client Wang')).toBeInTheDocument();
    await user.type(screen.getByLabelText(tr('saveAs.label')), 'x{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(tr('errors.readOnly'));
    await user.click(button(item('client Wang'), 'delete', 'client Wang'));
    await user.click(screen.getByRole('button', { name: tr('confirmDelete.confirm') }));
    expect(screen.getByRole('alert')).toHaveTextContent(tr('errors.readOnly'));
    expect(localStorage.getItem(STORE_KEY)).toBe(raw);
  });

  test('a storage that throws (private browsing) is reported, and nothing crashes', async () => {
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const { user } = renderPanel({ store: createProfileStore({ storage: throwing }) });
    expect(screen.getByRole('alert')).toHaveTextContent(tr('problems.unavailable'));
    await user.type(screen.getByLabelText(tr('saveAs.label')), 'x{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(tr('errors.unavailable'));
  });

  test('shows what another tab saved', async () => {
    renderPanel();
    createProfileStore().saveAs('from the other tab', 'shanghai', wangValues);
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: STORE_KEY }));
    });
    expect(item('from the other tab')).toBeInTheDocument();
  });
});

describe('profiles locale files', () => {
  type Tree = { readonly [key: string]: string | Tree };
  const keys = (tree: Tree, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [`${prefix}${key}`.replace(/_(one|other)$/, '')] : keys(value, `${prefix}${key}.`),
    );

  test('both languages have the same `profiles` keys (plural forms aside)', () => {
    const zh = { profiles: resources['zh-CN'].common.profiles };
    const enTexts = { profiles: resources.en.common.profiles };
    expect([...new Set(keys(zh))].sort()).toEqual([...new Set(keys(enTexts))].sort());
  });

});
