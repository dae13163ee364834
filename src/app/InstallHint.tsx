/**
 * How to put the app on the home screen, where the browser cannot simply install it: inside WeChat and other
 * in-app browsers (open the page in the system browser first), on iOS (Share → Add to Home Screen), or an Install
 * button where the browser offered `beforeinstallprompt`. Nothing when already installed or once dismissed.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { promptInstall, usePwaState } from './pwa';

export type InstallGuidance = 'none' | 'wechat' | 'inApp' | 'ios' | 'prompt';

export interface InstallEnvironment {
  readonly userAgent: string;
  /** `navigator.maxTouchPoints`: iPadOS reports itself as a Mac, with touch. */
  readonly maxTouchPoints: number;
  /** Already running from the home screen (display-mode standalone, or iOS `navigator.standalone`). */
  readonly standalone: boolean;
  /** The browser offered its install prompt (`beforeinstallprompt`). */
  readonly canPrompt: boolean;
}

/** In-app browsers of common Chinese apps other than WeChat: QQ, Weibo, DingTalk, Alipay, Douyin/Toutiao, Feishu. */
const OTHER_IN_APP = /\bQQ\/|Weibo|DingTalk|AlipayClient|aweme|BytedanceWebview|NewsArticle|Lark\//i;
const IOS = /iPhone|iPad|iPod/i;

/** Which install explanation fits this browser. */
export function installGuidance(env: InstallEnvironment): InstallGuidance {
  if (env.standalone) return 'none';
  if (/MicroMessenger/i.test(env.userAgent)) return 'wechat';
  if (OTHER_IN_APP.test(env.userAgent)) return 'inApp';
  if (env.canPrompt) return 'prompt';
  if (IOS.test(env.userAgent) || (/Macintosh/.test(env.userAgent) && env.maxTouchPoints > 1)) return 'ios';
  return 'none';
}

/** localStorage key remembering that the hint was dismissed. */
export const INSTALL_HINT_DISMISSED_KEY = 'mingfen.installHint.dismissed';

function wasDismissed(): boolean {
  try {
    return localStorage.getItem(INSTALL_HINT_DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberDismissed(): void {
  try {
    localStorage.setItem(INSTALL_HINT_DISMISSED_KEY, '1');
  } catch {
    /* private mode: the hint comes back next time, which is fine */
  }
}

function runningStandalone(): boolean {
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  const displayStandalone = typeof window.matchMedia === 'function' && window.matchMedia('(display-mode: standalone)').matches;
  return iosStandalone || displayStandalone;
}

const TEXT_KEY = {
  wechat: 'pwa.install.wechat',
  inApp: 'pwa.install.inApp',
  ios: 'pwa.install.ios',
  prompt: 'pwa.install.prompt',
} as const satisfies Record<Exclude<InstallGuidance, 'none'>, string>;

export function InstallHint() {
  const { t } = useTranslation();
  const titleId = useId();
  const { installPrompt } = usePwaState();
  const [dismissed, setDismissed] = useState(wasDismissed);
  const [standalone] = useState(runningStandalone);
  const guidance = installGuidance({
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    standalone,
    canPrompt: installPrompt !== null,
  });
  if (dismissed || guidance === 'none') return null;

  const dismiss = () => {
    rememberDismissed();
    setDismissed(true);
  };
  return (
    <aside className="install-hint" aria-labelledby={titleId} data-guidance={guidance}>
      <h2 id={titleId} className="install-hint__title">
        {t('pwa.install.label')}
      </h2>
      <p className="install-hint__text">{t(TEXT_KEY[guidance])}</p>
      <div className="install-hint__actions">
        {guidance === 'prompt' ? (
          <button type="button" className="secondary-button" onClick={() => void promptInstall()}>
            {t('pwa.install.button')}
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={dismiss}>
          {t('pwa.dismiss')}
        </button>
      </div>
    </aside>
  );
}
