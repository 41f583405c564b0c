import { i18n, type Messages } from '@lingui/core';
import { messages as english } from './locales/en/messages.po';
import { type Locale, rememberLocale } from './locales';

// English ships with the first screen; Spanish is fetched when chosen (a lazy chunk).
const loaders: Record<Locale, () => Promise<Messages>> = {
  en: async () => english,
  es: async () => (await import('./locales/es/messages.po')).messages,
};

/** Loads a language's catalogue and makes it the active one, on the page (`lang`) too. */
export async function activateLocale(locale: Locale): Promise<void> {
  if (i18n.locale === locale) return;
  i18n.load(locale, await loaders[locale]());
  i18n.activate(locale);
  rememberLocale(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export { i18n };
