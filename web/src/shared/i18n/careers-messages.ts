import type { Messages } from '@lingui/core';
import { i18n } from './i18n';
import type { Locale } from './locales';

// The trainees' career screens' messages (see lingui.config.ts): a lazy chunk per language.
const loaders: Record<Locale, () => Promise<{ messages: Messages }>> = {
  en: () => import('./locales/en/careers.po'),
  es: () => import('./locales/es/careers.po'),
};
const loaded = new Set<string>();

/** Adds the career screens' messages to the active language's catalogue (once per language). */
export async function loadCareersMessages(): Promise<void> {
  const locale = (i18n.locale || 'en') as Locale;
  if (loaded.has(locale)) return;
  i18n.load(locale, (await (loaders[locale] ?? loaders.en)()).messages);
  loaded.add(locale);
}
