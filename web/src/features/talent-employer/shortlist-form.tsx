import { useId, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';
import { shortlist, shortlistsQuery, talentKeys } from './talent.queries';

/**
 * "Shortlist for role…": the role is typed, or picked from the organisation's roles so far.
 * Shortlisting again for the same role changes nothing, and says so.
 */
export function ShortlistForm({ traineeId, displayName }: { traineeId: string; displayName: string }) {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const rolesId = useId();
  const roles = useQuery(shortlistsQuery);
  const [roleTitle, setRoleTitle] = useState('');
  const add = useMutation({
    mutationFn: (title: string) => shortlist(traineeId, title),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: talentKeys.shortlists }),
  });
  const knownRoles = [...new Set(roles.data?.map((entry) => entry.roleTitle) ?? [])];
  const errors = fieldErrorsOf(add.error);
  const result = add.data;
  const role = result?.entry.roleTitle ?? '';
  return (
    <section className="section" aria-labelledby="shortlist-title">
      <h2 id="shortlist-title">
        <Trans>Shortlist for role…</Trans>
      </h2>
      <Form aria-label={t`Shortlist ${displayName}`} onSubmit={() => add.mutate(roleTitle)}>
        <TextField
          name="roleTitle"
          label={t`Role`}
          description={t`For example: SOC analyst. The same role name gathers candidates on one shortlist.`}
          value={roleTitle}
          list={rolesId}
          maxLength={120}
          required
          error={errors.roleTitle}
          onChange={(e) => setRoleTitle(e.target.value)}
        />
        <datalist id={rolesId}>
          {knownRoles.map((known) => (
            <option key={known} value={known} />
          ))}
        </datalist>
        <Button type="submit" isPending={add.isPending}>
          <Trans>Shortlist</Trans>
        </Button>
      </Form>
      <div role="status" className="talent-status">
        {result &&
          (result.created ? (
            <p>
              <Trans>
                {displayName} is on the shortlist for {role}.
              </Trans>{' '}
              <Link to="/talent/shortlists">
                <Trans>See the shortlists</Trans>
              </Link>
            </p>
          ) : (
            <p>
              <Trans>
                {displayName} was already shortlisted for {role}: nothing changed.
              </Trans>{' '}
              <Link to="/talent/shortlists">
                <Trans>See the shortlists</Trans>
              </Link>
            </p>
          ))}
      </div>
      <FormAlert message={add.isError && !errors.roleTitle ? errorMessage(add.error) : undefined} />
    </section>
  );
}
