/**
 * The app's own strings for the browser tests: every namespace of both languages, from the locale files, through
 * plain i18next instances configured like the app (nesting, plurals and number formats included). A missing key
 * throws, so a test never compares a raw key with a raw key.
 */
import i18next, { type i18n, type Resource } from 'i18next';
import type { Message } from '../../src/engine/core/types';
import { namespaces, resources } from '../../src/i18n';

export type Lng = 'zh-CN' | 'en';

const translators = new Map<Lng, i18n>();

/** The string at `key` (`ns:key`, or a `common` key) in `lng`, with `params` filled in. */
export function tr(lng: Lng, key: string, params: Readonly<Record<string, string | number>> = {}): string {
  let instance = translators.get(lng);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources: resources as unknown as Resource,
      lng,
      fallbackLng: false,
      ns: [...namespaces],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    translators.set(lng, instance);
  }
  if (!instance.exists(key, { ...params })) throw new Error(`the ${lng} locale has no string at ${key}`);
  return instance.t(key, { ...params });
}

/** An engine message as the page shows it. */
export const text = (lng: Lng, message: Message) => tr(lng, message.key, message.params ?? {});

/** Text with every run of white space made one space (innerText keeps line breaks and indentation). */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
