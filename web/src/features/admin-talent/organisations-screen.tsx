import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { ProgrammeNav } from '../../shared/layout/programme-nav';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { useFormat } from '../../shared/i18n/use-format';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { organisationsQuery, useCreateOrganisation } from './admin-talent.queries';
import './admin-talent.css';

/** The employer organisations (the controlled list trainees pick from): listed and retired, and a way to add one. */
export function OrganisationsScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const organisations = useQuery(organisationsQuery);
  return (
    <Screen title={t`Employer organisations`} before={<ProgrammeNav />}>
      <QueryView query={organisations} isEmpty={(items) => items.length === 0} empty={<Trans>No organisations yet.</Trans>}>
        {(items) => (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Organisations`}>
            <table className="data-table">
              <caption className="visually-hidden">{t`Organisations`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t`Organisation`}</th>
                  <th scope="col">{t`Status`}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((organisation) => (
                  <tr key={organisation.id}>
                    <th scope="row">
                      <Link to="/admin/organisations/$organisationId" params={{ organisationId: organisation.id }}>
                        {organisation.name}
                      </Link>
                    </th>
                    <td>{organisation.retiredAt ? t`Retired on ${format.date(organisation.retiredAt)}` : t`Listed`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      <NewOrganisationSection />
    </Screen>
  );
}

function NewOrganisationSection() {
  const { t } = useLingui();
  const create = useCreateOrganisation();
  const errorMessage = useErrorMessage();
  const errors = fieldErrorsOf(create.error);
  return (
    <section className="section" aria-labelledby="new-organisation">
      <h2 id="new-organisation">
        <Trans>Add an organisation</Trans>
      </h2>
      <Form onSubmit={(values) => create.mutate(values.name ?? '')}>
        <FormAlert message={create.error ? errorMessage(create.error) : undefined} />
        <TextField name="name" label={t`Organisation name`} required maxLength={120} error={errors.name} />
        <Button type="submit" isPending={create.isPending}>
          <Trans>Add organisation</Trans>
        </Button>
        <p role="status">{create.data && !create.isPending && t`${create.data.name} was added.`}</p>
      </Form>
    </section>
  );
}
