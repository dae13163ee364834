/**
 * The update notice in jsdom with a fake `registerSW`: it appears when a new version waits, reloads only when the
 * user presses Reload (and only once the new version controls the page), says that answers are kept when the form
 * holds some, and never reloads on its own — not even when another tab let the new version take over.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { RegisterSWOptions } from 'virtual:pwa-register';
import { createI18n, type Language } from '../i18n';
import enCommon from '../i18n/locales/en/common.json';
import zhCommon from '../i18n/locales/zh-CN/common.json';
import { getPwaState, registerPwa, resetPwaForTests, setFormDirty } from './pwa';
import { UpdatePrompt } from './UpdatePrompt';

/** The app's i18n. */
function testI18n(lng: Language): I18n {
  const i18n = createI18n(lng);
  return i18n;
}

/** A fake service worker registration: the test plays the browser's events through `sw.options`. */
function fakeRegistration() {
  const sw = {
    options: undefined as RegisterSWOptions | undefined,
    updateSW: vi.fn(async (_reloadPage?: boolean) => {}),
    reload: vi.fn(),
  };
  const registerSW = vi.fn((options: RegisterSWOptions) => {
    sw.options = options;
    return sw.updateSW;
  });
  return { sw, registerSW, start: () => registerPwa({ load: async () => registerSW, reload: sw.reload }) };
}

function renderPrompt(lng: Language = 'zh-CN') {
  const i18n = testI18n(lng);
  render(
    <I18nextProvider i18n={i18n}>
      <UpdatePrompt />
    </I18nextProvider>,
  );
  return i18n;
}

const zh = zhCommon.pwa;
const en = enCommon.pwa;

beforeEach(() => {
  Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
});

afterEach(() => {
  cleanup(); // unmount before the store resets, so the reset renders nothing
  resetPwaForTests();
  delete (navigator as { serviceWorker?: unknown }).serviceWorker;
  vi.useRealTimers();
});

describe('UpdatePrompt', () => {
  test('registers once, immediately, and shows nothing but an empty live region until something happens', async () => {
    const { sw, registerSW, start } = fakeRegistration();
    await start();
    await start();
    expect(registerSW).toHaveBeenCalledTimes(1);
    expect(sw.options?.immediate).toBe(true);
    renderPrompt();
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('a waiting version shows Reload / Later; Reload hands over to it and reloads once it controls the page', async () => {
    const { sw, start } = fakeRegistration();
    await start();
    renderPrompt();
    act(() => sw.options?.onNeedRefresh?.());
    expect(screen.getByRole('status')).toHaveTextContent(zh.update.ready);
    expect(screen.getByRole('status')).not.toHaveTextContent(zh.update.answersKept);
    expect(sw.reload).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: zh.update.reload }));
    expect(sw.updateSW).toHaveBeenCalledWith(true);
    expect(screen.getByRole('button', { name: zh.update.reloading })).toBeDisabled();
    expect(screen.queryByRole('button', { name: zh.update.later })).toBeNull();
    expect(sw.reload, 'not before the new version controls the page').not.toHaveBeenCalled();

    act(() => sw.options?.onNeedReload?.());
    expect(sw.reload).toHaveBeenCalledTimes(1);
  });

  test('Later hides the notice and changes nothing', async () => {
    const { sw, start } = fakeRegistration();
    await start();
    renderPrompt();
    act(() => sw.options?.onNeedRefresh?.());
    await userEvent.click(screen.getByRole('button', { name: zh.update.later }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(sw.updateSW).not.toHaveBeenCalled();
    expect(sw.reload).not.toHaveBeenCalled();
    expect(getPwaState().needRefresh).toBe(false);
  });

  test('with answers in the form, the notice says they are kept', async () => {
    const { sw, start } = fakeRegistration();
    await start();
    renderPrompt();
    act(() => {
      setFormDirty(true);
      sw.options?.onNeedRefresh?.();
    });
    expect(screen.getByRole('status')).toHaveTextContent(`${zh.update.ready}${zh.update.answersKept}`);
    expect(sw.reload).not.toHaveBeenCalled();
  });

  test('when another tab lets the new version take over, this page is not reloaded: it offers the reload', async () => {
    const { sw, start } = fakeRegistration();
    await start();
    renderPrompt();
    act(() => sw.options?.onNeedReload?.());
    expect(sw.reload).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent(zh.update.ready);

    // The new version already controls the page: Reload just reloads.
    await userEvent.click(screen.getByRole('button', { name: zh.update.reload }));
    expect(sw.reload).toHaveBeenCalledTimes(1);
    expect(sw.updateSW).not.toHaveBeenCalled();
  });

  test('if no version takes over after Reload, the page reloads anyway after a few seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { sw, start } = fakeRegistration();
    await start();
    renderPrompt();
    act(() => sw.options?.onNeedRefresh?.());
    await userEvent.click(screen.getByRole('button', { name: zh.update.reload }));
    expect(sw.reload).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(5_000));
    expect(sw.reload).toHaveBeenCalledTimes(1);
  });

  test('the first install says the app works offline, in English too, until dismissed', async () => {
    const { sw, start } = fakeRegistration();
    await start();
    const i18n = renderPrompt();
    act(() => sw.options?.onOfflineReady?.());
    expect(screen.getByRole('status')).toHaveTextContent(zh.offlineReady);
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('status')).toHaveTextContent(en.offlineReady);
    await userEvent.click(screen.getByRole('button', { name: en.dismiss }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(sw.reload).not.toHaveBeenCalled();
  });

  test('the English update notice', async () => {
    const { sw, start } = fakeRegistration();
    await start();
    renderPrompt('en');
    act(() => {
      setFormDirty(true);
      sw.options?.onNeedRefresh?.();
    });
    expect(screen.getByRole('status')).toHaveTextContent(`${en.update.ready} ${en.update.answersKept}`);
    expect(screen.getByRole('button', { name: en.update.reload })).toBeEnabled();
    expect(screen.getByRole('button', { name: en.update.later })).toBeEnabled();
  });

  test('without service workers (iOS WeChat) nothing is loaded or registered, and the notice stays empty', async () => {
    delete (navigator as { serviceWorker?: unknown }).serviceWorker;
    expect('serviceWorker' in navigator).toBe(false);
    const { registerSW, start } = fakeRegistration();
    await start();
    expect(registerSW).not.toHaveBeenCalled();
    renderPrompt();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
