import type { Messages } from '@lingui/core';
import { i18n } from './i18n';
import type { Locale } from './locales';

type CatalogueLoaders = Record<Locale, () => Promise<{ messages: Messages }>>;

/**
 * A catalogue that is not part of the first screens (lingui.config.ts): a lazy chunk per language,
 * added to the active language's messages before a screen that needs it renders, once per language.
 * Screens ask for it in their route's beforeLoad, which runs again after a change of language.
 */
export function lazyCatalogue(loaders: CatalogueLoaders): () => Promise<void> {
  const loaded = new Set<string>();
  return async () => {
    const locale = (i18n.locale || 'en') as Locale;
    if (loaded.has(locale)) return;
    i18n.load(locale, (await (loaders[locale] ?? loaders.en)()).messages);
    loaded.add(locale);
  };
}
