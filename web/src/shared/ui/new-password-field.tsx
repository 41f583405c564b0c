import { useLingui } from '@lingui/react/macro';
import { TextField } from './text-field';

/**
 * A field for choosing a password, with the API's rules (8 to 128 characters; common passwords are
 * refused by the server) stated under it. The rules live here once for every screen that sets one.
 */
export function NewPasswordField({ name = 'password', label, description, error }: { name?: string; label?: string; description?: string; error?: string }) {
  const { t } = useLingui();
  return (
    <TextField
      name={name}
      type="password"
      label={label ?? t`New password`}
      autoComplete="new-password"
      required
      minLength={8}
      maxLength={128}
      description={description ?? t`At least 8 characters, not a common password.`}
      error={error}
    />
  );
}
