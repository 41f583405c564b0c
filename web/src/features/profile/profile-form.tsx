import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import { profileOptionsQuery, type Me, type ProfileOptions } from '../../shared/api/resources/me';
import { SelectField } from '../../shared/ui/select-field';
import { useErrorMessage } from '../../shared/states/error-state';
import { Form } from '../../shared/ui/form';
import { FormAlert } from '../../shared/ui/form-alert';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { fieldErrorsOf } from '../../shared/ui/field-errors';

/**
 * Display name and, while the person's consent is in force, the self-reported fields used only in
 * anonymous totals (all optional; empty clears). Without consent they are not asked for at all.
 */
export function ProfileForm({ me, consented }: { me: Me; consented: boolean }) {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => unwrap<Me>(api.PATCH('/api/v1/me', { body } as never)),
    onSuccess: (updated) => queryClient.setQueryData(queryKeys.me, updated),
  });
  const options = useQuery({ ...profileOptionsQuery, enabled: consented });
  const errors = fieldErrorsOf(save.error);
  return (
    <Form
      aria-label={t`Your profile`}
      onSubmit={(values) =>
        save.mutate(
          consented
            ? {
                displayName: values.displayName,
                gender: values.gender || null,
                birthYear: values.birthYear ? Number(values.birthYear) : null,
                district: values.district || null,
                employer: values.employer || null,
              }
            : { displayName: values.displayName },
        )
      }
    >
      <FormAlert message={save.isError ? errorMessage(save.error) : undefined} />
      <TextField name="displayName" label={t`Your name`} defaultValue={me.displayName} required maxLength={120} autoComplete="name" error={errors.displayName} />
      {consented && (
        <fieldset className="fieldset">
          <legend>
            <Trans>About you (optional)</Trans>
          </legend>
          <p className="field-description">
            <Trans>Used only in anonymous totals that show the programme reaches the people it is for. Leave any of them empty.</Trans>
          </p>
          <div className="field">
            <label className="field-label" htmlFor="gender">
              <Trans>Gender</Trans>
            </label>
            <select id="gender" name="gender" defaultValue={me.gender ?? ''}>
              <option value="">{t`Not given`}</option>
              <option value="female">{t`Female`}</option>
              <option value="male">{t`Male`}</option>
              <option value="non_binary">{t`Non-binary`}</option>
              <option value="prefer_not_to_say">{t`Prefer not to say`}</option>
            </select>
          </div>
          <TextField name="birthYear" label={t`Year of birth`} type="number" inputMode="numeric" min={1920} max={2015} defaultValue={me.birthYear ?? ''} error={errors.birthYear} />
          {options.data ? (
            <CategoryChoices me={me} options={options.data} errors={errors} />
          ) : (
            <p className="meta" role="status">
              {options.isError ? t`The lists of districts and employers could not be loaded.` : t`Loading the lists of districts and employers…`}
            </p>
          )}
        </fieldset>
      )}
      <Button type="submit" isPending={save.isPending}>
        <Trans>Save profile</Trans>
      </Button>
      <p aria-live="polite" className="meta">
        {save.isSuccess && <Trans>Saved.</Trans>}
      </p>
    </Form>
  );
}

/**
 * District and employer are chosen from the programme's lists (free text is refused): the
 * configured districts, the organisations admins keep, or "Other". An employer that has since left
 * the list stays shown until the person chooses another.
 */
function CategoryChoices({ me, options, errors }: { me: Me; options: ProfileOptions; errors: Record<string, string> }) {
  const { t } = useLingui();
  const employerUnlisted = me.employer !== null && me.employer !== options.other && !options.employers.some((e) => e.id === me.employer);
  return (
    <>
      <SelectField name="district" label={t`District`} defaultValue={me.district ?? ''} error={errors.district}>
        <option value="">{t`Not given`}</option>
        {options.districts.map((district) => (
          <option key={district} value={district}>
            {district}
          </option>
        ))}
        <option value={options.other}>{t`Other`}</option>
      </SelectField>
      <SelectField name="employer" label={t`Employer`} defaultValue={me.employer ?? ''} error={errors.employer}>
        <option value="">{t`Not given`}</option>
        {employerUnlisted && <option value={me.employer!}>{t`Your employer (no longer on the list)`}</option>}
        {options.employers.map((employer) => (
          <option key={employer.id} value={employer.id}>
            {employer.name}
          </option>
        ))}
        <option value={options.other}>{t`Other`}</option>
      </SelectField>
    </>
  );
}
