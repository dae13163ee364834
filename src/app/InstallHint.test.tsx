/**
 * The install hint in jsdom: which explanation each browser gets (WeChat and other in-app browsers → open in the
 * system browser; iOS → Share → Add to Home Screen; Chromium's `beforeinstallprompt` → an Install button; nothing
 * when installed or elsewhere), and that a dismissal is remembered.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createI18n, type Language } from '../i18n';
import enCommon from '../i18n/locales/en/common.json';
import zhCommon from '../i18n/locales/zh-CN/common.json';
import { INSTALL_HINT_DISMISSED_KEY, InstallHint, installGuidance, type InstallEnvironment } from './InstallHint';
import { getPwaState, listenForInstallPrompt, resetPwaForTests } from './pwa';

const UA = {
  wechatAndroid:
    'Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  wechatIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN',
  qqAndroid:
    'Mozilla/5.0 (Linux; Android 12; PFEM10 Build/SKQ1.211019.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/6.2 TBS/047205 Mobile Safari/537.36 V1_AND_SQ_8.9.80_4614_YYB_D QQ/8.9.80.12440 NetType/WIFI WebP/0.3.0 AppId/537176902',
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
  ipadDesktopMode:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  qqBrowser:
    'Mozilla/5.0 (Linux; U; Android 12; zh-cn; PFEM10 Build/SKQ1.211019.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.2 Mobile Safari/537.36',
} as const;

const env = (userAgent: string, extra: Partial<InstallEnvironment> = {}): InstallEnvironment => ({
  userAgent,
  maxTouchPoints: 0,
  standalone: false,
  canPrompt: false,
  ...extra,
});

describe('installGuidance', () => {
  test.each([
    ['WeChat on Android', env(UA.wechatAndroid), 'wechat'],
    ['WeChat on Android even when a prompt was offered', env(UA.wechatAndroid, { canPrompt: true }), 'wechat'],
    ['WeChat on iOS', env(UA.wechatIos, { maxTouchPoints: 5 }), 'wechat'],
    ['QQ in-app browser', env(UA.qqAndroid), 'inApp'],
    ['Safari on iPhone', env(UA.iphoneSafari, { maxTouchPoints: 5 }), 'ios'],
    ['iPad in desktop mode (a Mac with touch)', env(UA.ipadDesktopMode, { maxTouchPoints: 5 }), 'ios'],
    ['Safari on a Mac', env(UA.ipadDesktopMode), 'none'],
    ['Chrome on Android with an install prompt', env(UA.androidChrome, { canPrompt: true }), 'prompt'],
    ['Chrome on Android without one', env(UA.androidChrome), 'none'],
    ['QQ Browser (a system-style browser, not the QQ app)', env(UA.qqBrowser), 'none'],
    ['already on the home screen', env(UA.iphoneSafari, { standalone: true, maxTouchPoints: 5 }), 'none'],
  ] as const)('%s → %s', (_name, environment, expected) => {
    expect(installGuidance(environment)).toBe(expected);
  });
});

function testI18n(lng: Language): I18n {
  const i18n = createI18n(lng);
  return i18n;
}

function renderHint(userAgent: string, lng: Language = 'zh-CN') {
  Object.defineProperty(navigator, 'userAgent', { value: userAgent, configurable: true });
  return render(
    <I18nextProvider i18n={testI18n(lng)}>
      <InstallHint />
    </I18nextProvider>,
  );
}

/** A stand-in for Chromium's `beforeinstallprompt`. */
function installPromptEvent(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true });
  const prompt = vi.fn(async () => {});
  Object.assign(event, { prompt, userChoice: Promise.resolve({ outcome, platform: 'web' }) });
  return { event, prompt };
}

const zh = zhCommon.pwa.install;
const en = enCommon.pwa.install;
let stopListening: (() => void) | undefined;

afterEach(() => {
  cleanup();
  stopListening?.();
  stopListening = undefined;
  resetPwaForTests();
  delete (navigator as { userAgent?: string }).userAgent;
  vi.unstubAllGlobals();
});

describe('InstallHint', () => {
  test('in WeChat it says to open the page in the system browser first, and remembers a dismissal', async () => {
    const { unmount } = renderHint(UA.wechatAndroid);
    const hint = screen.getByRole('complementary', { name: zh.label });
    expect(hint).toHaveTextContent(zh.wechat);
    expect(hint).toHaveTextContent('在浏览器打开');
    expect(screen.queryByRole('button', { name: zh.button })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: zhCommon.pwa.dismiss }));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(localStorage.getItem(INSTALL_HINT_DISMISSED_KEY)).toBe('1');
    unmount();

    renderHint(UA.wechatAndroid);
    expect(screen.queryByRole('complementary'), 'not shown again after a dismissal').toBeNull();
  });

  test('on iOS Safari it explains Share → Add to Home Screen, in English too', () => {
    renderHint(UA.iphoneSafari, 'en');
    expect(screen.getByRole('complementary', { name: en.label })).toHaveTextContent(en.ios);
  });

  test("Chromium's install offer becomes an Install button that opens the browser's dialog once", async () => {
    stopListening = listenForInstallPrompt(window);
    renderHint(UA.androidChrome);
    expect(screen.queryByRole('complementary'), 'nothing before the browser offers to install').toBeNull();

    const { event, prompt } = installPromptEvent('accepted');
    act(() => {
      window.dispatchEvent(event);
    });
    expect(event.defaultPrevented, "the browser's own mini-infobar is replaced by our button").toBe(true);
    expect(screen.getByRole('complementary', { name: zh.label })).toHaveTextContent(zh.prompt);

    await userEvent.click(screen.getByRole('button', { name: zh.button }));
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(getPwaState().installPrompt).toBeNull();
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  test('once installed (appinstalled) the offer is forgotten', () => {
    stopListening = listenForInstallPrompt(window);
    renderHint(UA.androidChrome);
    act(() => {
      window.dispatchEvent(installPromptEvent('dismissed').event);
    });
    expect(screen.getByRole('button', { name: zh.button })).toBeInTheDocument();
    act(() => {
      window.dispatchEvent(new Event('appinstalled'));
    });
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  test('nothing when already running from the home screen', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(display-mode: standalone)', media: query }));
    renderHint(UA.wechatAndroid);
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  test('nothing in a desktop browser that offers no install', () => {
    renderHint('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36');
    expect(screen.queryByRole('complementary')).toBeNull();
  });
});
