import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLingui } from '@lingui/react';
import { useLingui as useLinguiMacro } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import { activateLocale } from '../../shared/i18n/i18n';
import { isLocale, type Locale, LOCALE_NAMES, LOCALES } from '../../shared/i18n/locales';
import { useErrorMessage } from '../../shared/states/error-state';

/**
 * The person's language: switches this screen at once (the other catalogue loads) and is saved to
 * their account, so the next sign-in on any device, and every email, uses it too.
 */
export function LanguageChoice() {
  const { i18n } = useLingui();
  const { t } = useLinguiMacro();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const save = useMutation({
    mutationFn: async (language: Locale) => {
      await activateLocale(language);
      return unwrap(api.PATCH('/api/v1/me', { body: { language } }));
    },
    onSuccess: (updated) => queryClient.setQueryData(queryKeys.me, updated),
  });
  return (
    <div className="field">
      <label className="field-label" htmlFor="language">
        {t`Language`}
      </label>
      <select
        id="language"
        value={i18n.locale}
        aria-describedby="language-description"
        onChange={(event) => {
          if (isLocale(event.target.value)) save.mutate(event.target.value);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
      <p id="language-description" className="field-description">
        {t`Used on every device you sign in on, and in the emails we send you.`}
      </p>
      <p aria-live="polite" className={save.isError ? 'field-error' : 'meta'}>
        {save.isError ? errorMessage(save.error) : save.isSuccess ? t`Saved.` : null}
      </p>
    </div>
  );
}
