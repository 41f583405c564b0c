import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { ProgrammeNav } from '../../shared/layout/programme-nav';
import { QueryView } from '../../shared/states/query-view';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { SelectField } from '../../shared/ui/select-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';
import { useFormat } from '../../shared/i18n/use-format';
import { peopleQuery, ROLES, type Role, useInvitePerson } from './people.queries';
import { useRoleLabel } from './role-labels';
import { RoleChoices } from './role-choices';
import { OrganisationChoice } from './organisation-choice';
import './admin-people.css';

/** Everyone with an account: find by name or email, filter by role, and invite someone new. */
export function PeopleScreen() {
  const { t } = useLingui();
  const roleLabel = useRoleLabel();
  const [filter, setFilter] = useState<{ q?: string; role?: Role }>({});
  const people = useQuery(peopleQuery(filter));
  return (
    <Screen title={t`People`} before={<ProgrammeNav />}>
      <Form aria-label={t`Find people`} className="form form-inline" onSubmit={(values) => setFilter({ q: values.q || undefined, role: (values.role || undefined) as Role | undefined })}>
        <TextField name="q" label={t`Name or email`} type="search" />
        <SelectField name="role" label={t`Role`} defaultValue="">
          <option value="">{t`Any role`}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          <Trans>Find</Trans>
        </Button>
      </Form>
      <QueryView query={people} isEmpty={(page) => page.items.length === 0} empty={<Trans>Nobody matches.</Trans>}>
        {(page) => (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t`People`}>
            <table className="data-table">
              <caption className="visually-hidden">{t`People`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t`Name`}</th>
                  <th scope="col">{t`Email`}</th>
                  <th scope="col">{t`Roles`}</th>
                  <th scope="col">{t`Account`}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((person) => (
                  <tr key={person.id}>
                    <th scope="row">
                      <Link to="/admin/people/$userId" params={{ userId: person.id }}>
                        {person.displayName}
                      </Link>
                    </th>
                    <td>{person.email}</td>
                    <td>{person.roles.map(roleLabel).join(', ')}</td>
                    <td>{person.active ? t`Active` : t`Deactivated`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      <InviteSection />
    </Screen>
  );
}

function InviteSection() {
  const { t } = useLingui();
  const format = useFormat();
  const invite = useInvitePerson();
  const errorMessage = useErrorMessage();
  const errors = fieldErrorsOf(invite.error);
  const [roles, setRoles] = useState<Role[]>(['trainee']);
  const [organisationId, setOrganisationId] = useState('');
  const employer = roles.includes('employer');
  const expires = format.dateTime(invite.data?.invitationExpiresAt);
  return (
    <section className="section" aria-labelledby="invite">
      <h2 id="invite">
        <Trans>Invite a person</Trans>
      </h2>
      <Form
        onSubmit={(values) =>
          invite.mutate({ email: values.email ?? '', displayName: values.displayName ?? '', roles, language: values.language === 'es' ? 'es' : 'en', organisationId: employer ? organisationId || undefined : undefined })
        }
      >
        <FormAlert message={invite.error ? errorMessage(invite.error) : undefined} />
        <TextField name="email" label={t`Email`} type="email" required error={errors.email} />
        <TextField name="displayName" label={t`Name`} required maxLength={120} error={errors.displayName} />
        <RoleChoices value={roles} onChange={setRoles} error={errors.roles} />
        {employer && <OrganisationChoice value={organisationId} onChange={setOrganisationId} error={errors.organisationId} />}
        <SelectField name="language" label={t`Language of the invitation`} defaultValue="en">
          <option value="en">English</option>
          <option value="es" lang="es">
            Español
          </option>
        </SelectField>
        <Button type="submit" isPending={invite.isPending}>
          <Trans>Send invitation</Trans>
        </Button>
        <p role="status">{invite.data && t`Invitation sent to ${invite.data.email}; it works until ${expires}.`}</p>
      </Form>
    </section>
  );
}
