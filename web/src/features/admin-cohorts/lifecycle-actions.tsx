import { useLingui } from '@lingui/react/macro';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FormAlert } from '../../shared/ui/form-alert';
import { useErrorMessage } from '../../shared/states/error-state';
import { useFormat } from '../../shared/i18n/use-format';
import { type AdminCohort, useTransitionCohort } from './admin-cohorts.queries';
import { NEXT_STATUSES, type CohortStatus } from './lifecycle';

/** The legal next steps of the cohort's lifecycle, each confirmed in a dialog that says what it will do. */
export function LifecycleActions({ cohort }: { cohort: AdminCohort }) {
  const { t } = useLingui();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const transition = useTransitionCohort(cohort.id);
  const opens = format.dateTime(cohort.applicationsOpenAt);
  const closes = format.dateTime(cohort.applicationsCloseAt);
  const steps: Record<CohortStatus, { button: string; title: string; effect: string }> = {
    planned: { button: '', title: '', effect: '' },
    accepting_applications: {
      button: t`Open applications`,
      title: t`Open applications to ${cohort.name}?`,
      effect: t`Trainees will see the cohort and can apply from ${opens} until ${closes}. You can then shortlist, accept, waitlist or reject them.`,
    },
    running: {
      button: t`Start the cohort`,
      title: t`Start ${cohort.name}?`,
      effect: t`Enrolled trainees can begin learning and modules unlock by the cohort's rule. Applications must be closed first; new trainees can still be enrolled or imported.`,
    },
    completed: {
      button: t`Complete the cohort`,
      title: t`Complete ${cohort.name}?`,
      effect: t`The cohort stops running: it takes no more enrollments, and its outcomes stay in the reports. This cannot be undone.`,
    },
    archived: {
      button: t`Archive the cohort`,
      title: t`Archive ${cohort.name}?`,
      effect: t`The cohort is closed for good: it takes no applications or enrollments and cannot be reopened.`,
    },
  };
  const next = NEXT_STATUSES[cohort.status as CohortStatus] ?? [];
  if (next.length === 0) return <p>{t`This cohort is archived: there are no further steps.`}</p>;
  return (
    <>
      <FormAlert message={transition.error ? errorMessage(transition.error) : undefined} />
      <div className="lifecycle-steps">
        {next.map((status) => (
          <ConfirmDialog
            key={status}
            trigger={steps[status].button}
            title={steps[status].title}
            confirm={steps[status].button}
            cancel={t`Cancel`}
            variant={status === 'archived' || status === 'completed' ? 'danger' : 'primary'}
            onConfirm={() => transition.mutate(status)}
          >
            <p>{steps[status].effect}</p>
          </ConfirmDialog>
        ))}
      </div>
    </>
  );
}
