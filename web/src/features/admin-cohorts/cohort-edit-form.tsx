import { Trans, useLingui } from '@lingui/react/macro';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';
import { type AdminCohort, useUpdateCohort } from './admin-cohorts.queries';
import { isoToLocal, localToIso } from './cohort-form';

/** What may change after creation: the name, the seats (never below those taken) and the application window. */
export function CohortEditForm({ cohort }: { cohort: AdminCohort }) {
  const { t } = useLingui();
  const update = useUpdateCohort(cohort.id);
  const errorMessage = useErrorMessage();
  const errors = fieldErrorsOf(update.error);
  return (
    <Form
      onSubmit={(values) =>
        update.mutate({
          name: values.name,
          capacity: Number(values.capacity),
          applicationsOpenAt: localToIso(values.applicationsOpenAt),
          applicationsCloseAt: localToIso(values.applicationsCloseAt),
        })
      }
    >
      <FormAlert message={update.error ? errorMessage(update.error) : undefined} />
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
      <TextField name="applicationsOpenAt" label={t`Applications open`} type="datetime-local" defaultValue={isoToLocal(cohort.applicationsOpenAt)} required error={errors.applicationsOpenAt} />
      <TextField name="applicationsCloseAt" label={t`Applications close`} type="datetime-local" defaultValue={isoToLocal(cohort.applicationsCloseAt)} required error={errors.applicationsCloseAt} />
      <Button type="submit" variant="secondary" isPending={update.isPending}>
        <Trans>Save changes</Trans>
      </Button>
      <p aria-live="polite">{update.isSuccess && !update.isPending && <Trans>Saved.</Trans>}</p>
    </Form>
  );
}
