/**
 * Every locale bundled, for tests, scripts and server rendering: `resources` holds all strings and `createI18n`
 * an instance with all of them ready at once. The page itself uses ./page, which loads namespaces on demand.
 */
import i18next, { type i18n } from 'i18next';
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
import { detectLanguage, followLanguage, languages, namespaces, type Language } from './page';

export { LANGUAGE_STORAGE_KEY, detectLanguage, languages, namespaces, toLanguage, type Language, type Namespace } from './page';

export const resources = {
  'zh-CN': { common: zhCommon, rules: zhRules, shanghai: zhShanghai, guangzhou: zhGuangzhou, tianjin: zhTianjin },
  en: { common: enCommon, rules: enRules, shanghai: enShanghai, guangzhou: enGuangzhou, tianjin: enTianjin },
} as const;

/** Create and initialise an i18next instance with every namespace; `lng` forces a language, otherwise it is detected. */
export function createI18n(lng?: Language): i18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  void instance.init({
    resources,
    lng: lng ?? detectLanguage(),
    fallbackLng: 'zh-CN',
    supportedLngs: [...languages],
    ns: [...namespaces],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  followLanguage(instance, !lng);
  return instance;
}
