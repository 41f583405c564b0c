export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

const STORAGE_KEY = 'gds.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language to start in: the one chosen on this device before, else the browser's, else English. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage, languages: readonly string[] = globalThis.navigator?.languages ?? []): Locale {
  const saved = storage?.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function rememberLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  storage?.setItem(STORAGE_KEY, locale);
}
