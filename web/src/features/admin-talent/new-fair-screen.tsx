import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { cohortChoicesQuery, organisationsQuery, useCreateFair } from './admin-talent.queries';
import { PROGRAMME_TIME_ZONE, wallClockToIso } from './fair-times';
import './admin-talent.css';

/** Ticks in a fieldset: the chosen ids, kept by the screen (the form's own values hold text only). */
function Choices({ legend, items, chosen, onChange, error }: { legend: string; items: Array<{ id: string; name: string }>; chosen: string[]; onChange: (ids: string[]) => void; error?: string }) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <ul className="choice-list">
        {items.map((item) => (
          <li key={item.id}>
            <label className="checkbox">
              <input type="checkbox" checked={chosen.includes(item.id)} onChange={(event) => onChange(event.target.checked ? [...chosen, item.id] : chosen.filter((id) => id !== item.id))} />
              {item.name}
            </label>
          </li>
        ))}
      </ul>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** A new career fair: when (the programme's wall clock), where (a place, an online link or both), who takes part and who is invited. */
export function NewFairScreen() {
  const { t } = useLingui();
  const navigate = useNavigate();
  const organisations = useQuery(organisationsQuery);
  const cohorts = useQuery(cohortChoicesQuery);
  const create = useCreateFair();
  const errorMessage = useErrorMessage();
  const errors = fieldErrorsOf(create.error);
  const [organisationIds, setOrganisationIds] = useState<string[]>([]);
  const [cohortIds, setCohortIds] = useState<string[]>([]);
  return (
    <Screen
      title={t`New career fair`}
      before={
        <Link to="/admin/career-fairs" className="back-link">
          <Trans>All career fairs</Trans>
        </Link>
      }
    >
      <Form
        onSubmit={(values) =>
          create.mutate(
            {
              name: values.name ?? '',
              startsAt: wallClockToIso(values.startsAt, PROGRAMME_TIME_ZONE),
              endsAt: wallClockToIso(values.endsAt, PROGRAMME_TIME_ZONE),
              place: values.place?.trim() || undefined,
              onlineUrl: values.onlineUrl?.trim() || undefined,
              organisationIds,
              cohortIds,
            },
            { onSuccess: (fair) => void navigate({ to: '/admin/career-fairs/$fairId', params: { fairId: fair.id } }) },
          )
        }
      >
        <FormAlert message={create.error ? errorMessage(create.error) : undefined} />
        <TextField name="name" label={t`Name`} required maxLength={200} error={errors.name} />
        <TextField name="startsAt" label={t`Starts`} type="datetime-local" required description={t`Time in ${PROGRAMME_TIME_ZONE}, the programme's zone.`} error={errors.startsAt} />
        <TextField name="endsAt" label={t`Ends`} type="datetime-local" required description={t`Time in ${PROGRAMME_TIME_ZONE}, the programme's zone.`} error={errors.endsAt} />
        <TextField name="place" label={t`Place`} maxLength={300} description={t`Give a place, an online link, or both.`} error={errors.place} />
        <TextField name="onlineUrl" label={t`Online link`} type="url" maxLength={500} placeholder="https://" description={t`An https link for online meetings.`} error={errors.onlineUrl} />
        <QueryView query={organisations} isEmpty={(items) => !items.some((o) => !o.retiredAt)} empty={<Trans>No listed organisation yet: add one first.</Trans>}>
          {(items) => (
            <Choices
              legend={t`Participating organisations`}
              items={items.filter((o) => !o.retiredAt)}
              chosen={organisationIds}
              onChange={setOrganisationIds}
              error={errors.organisationIds}
            />
          )}
        </QueryView>
        <QueryView query={cohorts} isEmpty={(items) => items.length === 0} empty={<Trans>No cohorts yet.</Trans>}>
          {(items) => <Choices legend={t`Invited cohorts`} items={items} chosen={cohortIds} onChange={setCohortIds} error={errors.cohortIds} />}
        </QueryView>
        <p className="meta">
          <Trans>Listed or shortlisted trainees of the invited cohorts can register; the organisations publish meeting slots.</Trans>
        </p>
        <Button type="submit" isPending={create.isPending}>
          <Trans>Create career fair</Trans>
        </Button>
      </Form>
    </Screen>
  );
}
