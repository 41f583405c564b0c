import { useMutation } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { session } from '../../shared/auth/session';
import { Screen } from '../../shared/layout/screen';
import { TextField } from '../../shared/ui/text-field';
import { NewPasswordField } from '../../shared/ui/new-password-field';
import { Button } from '../../shared/ui/button';
import { Form } from '../../shared/ui/form';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';
import { isLocale, type Locale } from '../../shared/i18n/locales';

interface Registration {
  displayName: string;
  email: string;
  password: string;
  language: Locale;
}

/**
 * A new trainee account in the language the screen is shown in (their emails use it too), then
 * signed in straight away and sent to the open cohorts to apply.
 */
export function RegisterScreen() {
  const { t, i18n } = useLingui();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const register = useMutation({
    mutationFn: async (body: Registration) => {
      await unwrap(api.POST('/api/v1/auth/register', { body }));
      await session.signIn(body.email, body.password);
    },
    onSuccess: () => router.navigate({ to: '/' }),
  });
  const errors = fieldErrorsOf(register.error);
  return (
    <Screen title={t`Create your account`}>
      <p>
        <Trans>Create an account to apply to a cohort and start learning.</Trans>
      </p>
      <Form onSubmit={({ displayName, email, password }) => register.mutate({ displayName, email, password, language: isLocale(i18n.locale) ? i18n.locale : 'en' })}>
        <FormAlert message={register.isError ? errorMessage(register.error) : undefined} />
        <TextField name="displayName" label={t`Your name`} autoComplete="name" required maxLength={120} error={errors.displayName} />
        <TextField name="email" type="email" label={t`Email`} autoComplete="email" required error={errors.email} />
        <NewPasswordField label={t`Password`} error={errors.password} />
        <Button type="submit" isPending={register.isPending}>
          <Trans>Create account</Trans>
        </Button>
      </Form>
      <p>
        <Link to="/sign-in">
          <Trans>Already have an account? Sign in</Trans>
        </Link>
      </p>
    </Screen>
  );
}
