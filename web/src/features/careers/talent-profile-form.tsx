import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { Form } from '../../shared/ui/form';
import { FormAlert } from '../../shared/ui/form-alert';
import { TextArea } from '../../shared/ui/text-area';
import { TextField } from '../../shared/ui/text-field';
import { SelectField } from '../../shared/ui/select-field';
import { Button } from '../../shared/ui/button';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useListMe } from './careers.queries';
import { careersErrorText, isProblemOf } from './careers-problems';
import { availabilityLabels } from './careers-labels';
import { MAX_PREFERRED_ROLES, MAX_ROLE_LENGTH, parsePreferredRoles, preferredRolesText } from './preferred-roles';
import type { Availability, MyTalentProfile } from './careers.types';

const STATEMENT_MAX = 1000;

/** Statement, availability and preferred roles; saving lists the profile (the button says so). */
export function TalentProfileForm({ profile }: { profile: MyTalentProfile | null }) {
  const { t } = useLingui();
  const save = useListMe();
  const [rolesProblem, setRolesProblem] = useState<string>();
  const errors = fieldErrorsOf(save.error);
  const labels = availabilityLabels();
  const listed = profile?.listed ?? false;
  return (
    <Form
      aria-label={t`Your talent profile`}
      onSubmit={(values) => {
        const roles = parsePreferredRoles(values.preferredRoles ?? '');
        if (roles.problem === 'too-many') return setRolesProblem(t`Name at most ${MAX_PREFERRED_ROLES} roles.`);
        if (roles.problem === 'too-long') return setRolesProblem(t`Keep each role to ${MAX_ROLE_LENGTH} characters or fewer.`);
        setRolesProblem(undefined);
        save.mutate({ statement: values.statement ?? '', availability: values.availability as Availability, preferredRoles: roles.roles });
      }}
    >
      <FormAlert message={save.isError ? careersErrorText(save.error) : undefined} />
      {isProblemOf(save.error, 'nothing-to-list') && (
        <p>
          <Link to="/cohorts">
            <Trans>See the cohorts you can apply to</Trans>
          </Link>
        </p>
      )}
      <TextArea
        name="statement"
        label={t`A few words for employers`}
        description={t`What you do well and what you are looking for. Up to ${STATEMENT_MAX} characters.`}
        defaultValue={profile?.statement ?? ''}
        maxLength={STATEMENT_MAX}
        error={errors.statement}
      />
      <SelectField name="availability" label={t`When you could start`} defaultValue={profile?.availability ?? 'immediately'} error={errors.availability}>
        {Object.entries(labels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <TextField
        name="preferredRoles"
        label={t`Roles you want`}
        description={t`Up to ${MAX_PREFERRED_ROLES}, separated by commas, e.g. SOC analyst, IT support.`}
        defaultValue={preferredRolesText(profile?.preferredRoles ?? [])}
        error={rolesProblem ?? errors.preferredRoles}
      />
      <p className="meta">
        {listed ? (
          <Trans>Changes show to employers as soon as you save them.</Trans>
        ) : (
          <Trans>
            By listing your profile you agree that employers of partner organisations can find it and read what the preview shows: your name, track, certificates
            and skills with their evidence, and the answers above. Never your scores, age or other personal details.
          </Trans>
        )}
      </p>
      <Button type="submit" isPending={save.isPending}>
        {listed ? <Trans>Save changes</Trans> : <Trans>List my profile</Trans>}
      </Button>
      <p aria-live="polite" className="meta">
        {save.isSuccess && <Trans>Saved. Your profile is listed.</Trans>}
      </p>
    </Form>
  );
}
