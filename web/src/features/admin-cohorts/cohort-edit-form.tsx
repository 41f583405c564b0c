import { useState } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';
import { type AdminCohort, useUpdateCohort } from './admin-cohorts.queries';
import { cohortDateInputs, cohortEditBody, type CohortEditIssue } from './cohort-edit';
import { isKnownZone } from '../../shared/time/zones';

/**
 * What may change after creation: the name, the seats (never below those taken), the application
 * window and the dates the cohort runs. Dates are wall clocks of the cohort's zone, where its start
 * day and unlock days are counted.
 */
export function CohortEditForm({ cohort }: { cohort: AdminCohort }) {
  const { t } = useLingui();
  const update = useUpdateCohort(cohort.id);
  const errorMessage = useErrorMessage();
  const [issues, setIssues] = useState<CohortEditIssue[]>([]);
  // A zone this browser's Intl does not know (newer than its zone data) would throw on every render:
  // the dates are then shown and read in UTC, and the note under them says so.
  const dates = isKnownZone(cohort.timeZone) ? cohort : { ...cohort, timeZone: 'UTC' };
  const shown = cohortDateInputs(dates);
  const errors: Record<string, string | undefined> = { ...fieldErrorsOf(update.error) };
  if (issues.includes('applicationsCloseAt:before-open')) errors.applicationsCloseAt = t`Applications must close after they open.`;
  if (issues.includes('endsAt:before-start')) errors.endsAt = t`The cohort must end after it starts.`;
  const zone = t`Times in ${dates.timeZone}.`;
  const locked = cohort.status === 'completed' || cohort.status === 'archived';
  return (
    <Form
      onSubmit={(values) => {
        const edit = cohortEditBody(values, dates);
        setIssues(edit.issues);
        // The API's earlier refusal no longer describes what is on screen.
        if (edit.issues.length > 0) update.reset();
        else update.mutate(edit.body);
      }}
    >
      <FormAlert message={update.error ? errorMessage(update.error) : issues.length > 0 ? t`Check the dates marked below.` : undefined} />
      <TextField name="name" label={t`Name`} defaultValue={cohort.name} required maxLength={200} error={errors.name} />
      <TextField
        name="capacity"
        label={t`Seats`}
        type="number"
        min={Math.max(1, cohort.seatsTaken)}
        max={100000}
        defaultValue={cohort.capacity}
        description={t`Never fewer than the ${cohort.seatsTaken} seats taken.`}
        required
        error={errors.capacity}
      />
      <TextField name="applicationsOpenAt" label={t`Applications open`} type="datetime-local" defaultValue={shown.applicationsOpenAt} description={zone} required error={errors.applicationsOpenAt} />
      <TextField name="applicationsCloseAt" label={t`Applications close`} type="datetime-local" defaultValue={shown.applicationsCloseAt} description={zone} required error={errors.applicationsCloseAt} />
      <TextField
        name="startsAt"
        label={t`Starts`}
        type="datetime-local"
        defaultValue={shown.startsAt}
        description={t`Times in ${dates.timeZone}. Moved to a later day, trainees are told again on the new day; modules open by the new date.`}
        readOnly={locked}
        required
        error={errors.startsAt}
      />
      <TextField name="endsAt" label={t`Ends`} type="datetime-local" defaultValue={shown.endsAt} description={zone} readOnly={locked} required error={errors.endsAt} />
      <Button type="submit" variant="secondary" isPending={update.isPending}>
        <Trans>Save changes</Trans>
      </Button>
      <p aria-live="polite">{update.isSuccess && !update.isPending && issues.length === 0 && <Trans>Saved.</Trans>}</p>
    </Form>
  );
}
