import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { useFormat } from '../../shared/i18n/use-format';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { SelectField } from '../../shared/ui/select-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { employersOfQuery, type Organisation, organisationsQuery, useInviteEmployer, useRenameOrganisation, useRetireOrganisation } from './admin-talent.queries';
import './admin-talent.css';

/** One organisation: its name, its employer users, inviting another, and retiring it. */
export function OrganisationScreen() {
  const { t } = useLingui();
  const { organisationId = '' } = useParams({ strict: false });
  const organisations = useQuery(organisationsQuery);
  const found = organisations.data?.find((o) => o.id === organisationId);
  return (
    <Screen
      title={found?.name ?? t`Organisation`}
      before={
        <Link to="/admin/organisations" className="back-link">
          <Trans>All organisations</Trans>
        </Link>
      }
    >
      <QueryView query={organisations} isEmpty={(items) => !items.some((o) => o.id === organisationId)} empty={<Trans>There is no such organisation.</Trans>}>
        {(items) => <OrganisationDetail organisation={items.find((o) => o.id === organisationId)!} />}
      </QueryView>
    </Screen>
  );
}

function OrganisationDetail({ organisation }: { organisation: Organisation }) {
  const { t } = useLingui();
  const format = useFormat();
  const employers = useQuery(employersOfQuery(organisation.id));
  return (
    <>
      {organisation.retiredAt && <p>{t`Retired on ${format.date(organisation.retiredAt)}: trainees no longer choose it and its employer users can do nothing in the talent pipeline.`}</p>}
      <RenameSection organisation={organisation} />
      <section className="section" aria-labelledby="employers">
        <h2 id="employers">
          <Trans>Employer users</Trans>
        </h2>
        <QueryView query={employers} isEmpty={(items) => items.length === 0} empty={<Trans>Nobody acts for this organisation yet.</Trans>}>
          {(items) => (
            <ul>
              {items.map((person) => (
                <li key={person.id}>
                  <Link to="/admin/people/$userId" params={{ userId: person.id }}>
                    {person.displayName}
                  </Link>{' '}
                  ({person.email})
                </li>
              ))}
            </ul>
          )}
        </QueryView>
        {!organisation.retiredAt && <InviteEmployerForm organisation={organisation} />}
      </section>
      {!organisation.retiredAt && <RetireSection organisation={organisation} employerCount={employers.data?.length} />}
    </>
  );
}

function RenameSection({ organisation }: { organisation: Organisation }) {
  const { t } = useLingui();
  const rename = useRenameOrganisation(organisation.id);
  const errorMessage = useErrorMessage();
  const errors = fieldErrorsOf(rename.error);
  return (
    <section className="section" aria-labelledby="rename">
      <h2 id="rename">
        <Trans>Name</Trans>
      </h2>
      <Form onSubmit={(values) => rename.mutate(values.name ?? '')}>
        <FormAlert message={rename.error ? errorMessage(rename.error) : undefined} />
        <TextField name="name" label={t`Organisation name`} defaultValue={organisation.name} required maxLength={120} description={t`Profiles and reports show the new name.`} error={errors.name} />
        <Button type="submit" variant="secondary" isPending={rename.isPending}>
          <Trans>Save name</Trans>
        </Button>
        <p role="status">{rename.isSuccess && !rename.isPending && t`Saved.`}</p>
      </Form>
    </section>
  );
}

function InviteEmployerForm({ organisation }: { organisation: Organisation }) {
  const { t } = useLingui();
  const format = useFormat();
  const invite = useInviteEmployer(organisation.id);
  const errorMessage = useErrorMessage();
  const errors = fieldErrorsOf(invite.error);
  const expires = format.dateTime(invite.data?.invitationExpiresAt);
  return (
    <Form aria-label={t`Invite an employer user`} onSubmit={(values) => invite.mutate({ email: values.email ?? '', displayName: values.displayName ?? '', language: values.language === 'es' ? 'es' : 'en' })}>
      <h3>
        <Trans>Invite an employer user</Trans>
      </h3>
      <FormAlert message={invite.error ? errorMessage(invite.error) : undefined} />
      <TextField name="email" label={t`Email`} type="email" required error={errors.email} />
      <TextField name="displayName" label={t`Name`} required maxLength={120} error={errors.displayName} />
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
  );
}

function RetireSection({ organisation, employerCount }: { organisation: Organisation; employerCount: number | undefined }) {
  const { t } = useLingui();
  const retire = useRetireOrganisation(organisation.id);
  const errorMessage = useErrorMessage();
  const users = employerCount === undefined ? t`Its employer users` : employerCount === 1 ? t`Its 1 employer user` : t`Its ${employerCount} employer users`;
  return (
    <section className="section" aria-labelledby="retire">
      <h2 id="retire">
        <Trans>Retire</Trans>
      </h2>
      <FormAlert message={retire.error ? errorMessage(retire.error) : undefined} />
      <ConfirmDialog
        trigger={t`Retire organisation`}
        title={t`Retire ${organisation.name}?`}
        confirm={t`Retire organisation`}
        cancel={t`Cancel`}
        onConfirm={() => retire.mutate()}
      >
        <p>{t`Trainees will no longer be able to choose it as their employer; profiles that name it keep it.`}</p>
        <p>{t`${users} will keep their accounts but can no longer search for talent, shortlist, request interviews or publish fair slots.`}</p>
      </ConfirmDialog>
    </section>
  );
}
