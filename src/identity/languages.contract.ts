/** The languages people may choose, as other modules (notification texts) may know them. */
export { DEFAULT_LANGUAGE, isLanguage, LANGUAGES } from './languages';
export type { Language } from './languages';
