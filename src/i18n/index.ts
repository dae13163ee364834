/** i18next set-up: zh-CN by default, English complete; detected from the browser, switchable, remembered. */
import i18next, { type i18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import enCommon from './locales/en/common.json';
import enRules from './locales/en/rules.json';
import enGuangzhou from './locales/en/guangzhou.json';
import enShanghai from './locales/en/shanghai.json';
import enTianjin from './locales/en/tianjin.json';
import zhCommon from './locales/zh-CN/common.json';
import zhRules from './locales/zh-CN/rules.json';
import zhGuangzhou from './locales/zh-CN/guangzhou.json';
import zhShanghai from './locales/zh-CN/shanghai.json';
import zhTianjin from './locales/zh-CN/tianjin.json';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

export const resources = {
  'zh-CN': { common: zhCommon, rules: zhRules, shanghai: zhShanghai, guangzhou: zhGuangzhou, tianjin: zhTianjin },
  en: { common: enCommon, rules: enRules, shanghai: enShanghai, guangzhou: enGuangzhou, tianjin: enTianjin },
} as const;

/** localStorage key that remembers the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'mingfen.language';

/** The UI language among ours (en-GB → en; anything else → zh-CN). */
export function toLanguage(code: string | undefined): Language {
  return code?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** Create and initialise an i18next instance; `lng` forces a language (tests), otherwise it is detected. */
export function createI18n(lng?: Language): i18n {
  const instance = i18next.createInstance();
  if (!lng) instance.use(LanguageDetector);
  instance.use(initReactI18next);
  void instance.init({
    resources,
    ...(lng ? { lng } : {}),
    fallbackLng: 'zh-CN',
    supportedLngs: [...languages],
    ns: ['common', 'rules', 'shanghai', 'guangzhou', 'tianjin'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
      // Map whatever the browser reports (en-US, zh-TW, zh) onto our two languages.
      convertDetectedLanguage: (code: string) => toLanguage(code),
    },
  });
  const syncHtmlLang = (code: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = toLanguage(code);
  };
  syncHtmlLang(instance.language);
  instance.on('languageChanged', syncHtmlLang);
  return instance;
}
