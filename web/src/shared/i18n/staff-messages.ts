import type { Messages } from '@lingui/core';
import { i18n } from './i18n';
import type { Locale } from './locales';

// The staff and reviewer screens' messages (see lingui.config.ts): a lazy chunk per language.
const loaders: Record<Locale, () => Promise<{ messages: Messages }>> = {
  en: () => import('./locales/en/staff.po'),
  es: () => import('./locales/es/staff.po'),
};
const loaded = new Set<string>();

/** Adds the staff screens' messages to the active language's catalogue (once per language). */
export async function loadStaffMessages(): Promise<void> {
  const locale = (i18n.locale || 'en') as Locale;
  if (loaded.has(locale)) return;
  i18n.load(locale, (await (loaders[locale] ?? loaders.en)()).messages);
  loaded.add(locale);
}
