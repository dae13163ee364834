/**
 * The page's i18next set-up: zh-CN by default, English complete; detected from the browser, switchable,
 * remembered. Only the Chinese `common` and `rules` namespaces are in the page's first download; every other
 * namespace (a city's, and everything in English) is its own chunk, loaded when the language or the city needs it
 * (the service worker precaches them all, so they also work offline).
 */
import i18next, { type BackendModule, type i18n, type ReadCallback, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCommon from './locales/zh-CN/common.json';
import zhRules from './locales/zh-CN/rules.json';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

/** Every namespace: the app's own words, the engine's generic messages, and one per city. */
export const namespaces = ['common', 'rules', 'shanghai', 'guangzhou', 'tianjin'] as const;
export type Namespace = (typeof namespaces)[number];

/** localStorage key that remembers the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'mingfen.language';

/** The UI language among ours (en-GB → en; anything else → zh-CN). */
export function toLanguage(code: string | undefined): Language {
  return code?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** The language chosen before (remembered in localStorage), else the browser's first language mapped onto ours. */
export function detectLanguage(): Language {
  try {
    const remembered = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    if (remembered) return toLanguage(remembered);
  } catch {
    // Storage disabled: fall back to the browser's language.
  }
  const nav = globalThis.navigator;
  return toLanguage(nav?.languages?.[0] ?? nav?.language);
}

/** Keep `<html lang>` in step with the language, and remember a language the user switched to. */
export function followLanguage(instance: i18n, remember: boolean): void {
  const sync = (code: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = toLanguage(code);
  };
  sync(instance.language);
  instance.on('languageChanged', (code: string) => {
    sync(code);
    if (!remember) return;
    try {
      globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, toLanguage(code));
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
  });
}

/** One loader per locale file; each becomes its own chunk (the two bundled ones resolve to the entry). */
const localeFiles = import.meta.glob<ResourceKey>('./locales/*/*.json', { import: 'default' });

/** A namespace's strings in a language, fetched once. */
export function loadLocale(language: Language, namespace: Namespace): Promise<ResourceKey> {
  const load = localeFiles[`./locales/${language}/${namespace}.json`];
  return load ? load() : Promise.reject(new Error(`no locale file for ${language}/${namespace}`));
}

/** i18next backend reading the locale chunks. */
const localeChunks: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    if (!(languages as readonly string[]).includes(language) || !(namespaces as readonly string[]).includes(namespace)) {
      callback(null, {});
      return;
    }
    loadLocale(language as Language, namespace as Namespace).then(
      (strings) => callback(null, strings),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/**
 * The page's instance, in `lng` (default: detected). Chinese `common` and `rules` are ready at once; await
 * `ready(instance, [city])` before the first render so that the language's strings and the city's are in.
 */
export function createPageI18n(lng: Language = detectLanguage()): i18n {
  const instance = i18next.createInstance();
  instance.use(localeChunks).use(initReactI18next);
  void instance.init({
    lng,
    resources: { 'zh-CN': { common: zhCommon, rules: zhRules } },
    partialBundledLanguages: true,
    fallbackLng: 'zh-CN',
    supportedLngs: [...languages],
    ns: ['common', 'rules'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  followLanguage(instance, true);
  return instance;
}

/** Resolves once the current language (and its fallback) has `common`, `rules` and the given namespaces. */
export function ready(instance: i18n, extra: readonly Namespace[] = []): Promise<void> {
  return instance.loadNamespaces(['common', 'rules', ...extra]);
}
