import { useLingui } from '@lingui/react';
import { useLingui as useLinguiMacro } from '@lingui/react/macro';
import { activateLocale } from '../../shared/i18n/i18n';
import { isLocale, LOCALE_NAMES, LOCALES } from '../../shared/i18n/locales';

/** The app's language on this device; switching loads the other catalogue and re-renders at once. */
export function LanguageChoice() {
  const { i18n } = useLingui();
  const { t } = useLinguiMacro();
  return (
    <div className="field">
      <label className="field-label" htmlFor="language">
        {t`Language`}
      </label>
      <select
        id="language"
        value={i18n.locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) void activateLocale(event.target.value);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
