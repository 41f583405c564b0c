import { Link } from '@tanstack/react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { enrollmentsQuery } from '../../shared/api/resources/enrollments';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { Form } from '../../shared/ui/form';
import { FormAlert } from '../../shared/ui/form-alert';
import { TextField } from '../../shared/ui/text-field';
import { RadioChoice } from '../../shared/ui/radio-choice';
import { Button } from '../../shared/ui/button';
import { fieldErrorsOf } from '../../shared/ui/field-errors';

interface PlacementBody {
  kind: 'new_role' | 'promotion';
  role: string;
  employer: string;
  startsOn: string;
  source: 'self_reported';
}

/** A trainee reports a new role or a promotion after a cohort: it counts in the programme's outcomes. */
export function PlacementScreen() {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const enrollments = useQuery(enrollmentsQuery);
  const report = useMutation({
    mutationFn: ({ cohortId, body }: { cohortId: string; body: PlacementBody }) =>
      unwrap(api.POST('/api/v1/cohorts/{id}/placements', { params: { path: { id: cohortId } }, body } as never)),
  });
  const errors = fieldErrorsOf(report.error);
  return (
    <Screen
      title={t`Report a new job or promotion`}
      before={
        <Link to="/profile" className="back-link">
          <Trans>Your profile</Trans>
        </Link>
      }
    >
      <p>
        <Trans>Got a new role or a promotion since your course? Tell us: it shows what the programme achieves.</Trans>
      </p>
      <QueryView query={enrollments} isEmpty={(items) => items.length === 0} empty={<Trans>You can report a job once you are enrolled in a cohort.</Trans>}>
        {(items) =>
          report.isSuccess ? (
            <p className="notice" role="status">
              <Trans>Thank you! Your report is saved.</Trans>
            </p>
          ) : (
            <Form
              aria-label={t`Report a new job or promotion`}
              onSubmit={(values) =>
                report.mutate({
                  cohortId: values.cohortId || items[0].cohortId,
                  body: { kind: values.kind as PlacementBody['kind'], role: values.role, employer: values.employer, startsOn: values.startsOn, source: 'self_reported' },
                })
              }
            >
              <FormAlert message={report.isError ? errorMessage(report.error) : undefined} />
              {items.length > 1 && (
                <RadioChoice name="cohortId" label={t`Which cohort?`} isRequired options={items.map((e) => ({ value: e.cohortId, label: `${e.cohort.name} · ${e.course.title}` }))} />
              )}
              <RadioChoice
                name="kind"
                label={t`What happened?`}
                isRequired
                error={errors.kind}
                options={[
                  { value: 'new_role', label: t`A new role` },
                  { value: 'promotion', label: t`A promotion` },
                ]}
              />
              <TextField name="role" label={t`Job title`} required maxLength={200} error={errors.role} />
              <TextField name="employer" label={t`Employer`} required maxLength={200} autoComplete="organization" error={errors.employer} />
              <TextField name="startsOn" label={t`Start date`} type="date" required error={errors.startsOn} />
              <Button type="submit" isPending={report.isPending}>
                <Trans>Send</Trans>
              </Button>
            </Form>
          )
        }
      </QueryView>
    </Screen>
  );
}
