import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import type { Cohort } from '../../shared/api/resources/cohorts';
import { useErrorMessage } from '../../shared/states/error-state';
import { Form } from '../../shared/ui/form';
import { FormAlert } from '../../shared/ui/form-alert';
import { TextArea } from '../../shared/ui/text-area';
import { RadioChoice } from '../../shared/ui/radio-choice';
import { Button } from '../../shared/ui/button';
import { fieldErrorsOf } from '../../shared/ui/field-errors';

interface ApplyBody {
  statement: string;
  answers: { questionId: string; answer: string }[];
  courseVersionId?: string;
}

/** The application: which course, why, and the cohort's questions. What was typed stays when the API refuses it. */
export function ApplyForm({ cohort }: { cohort: Cohort }) {
  const { t } = useLingui();
  const router = useRouter();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const apply = useMutation({
    mutationFn: (body: ApplyBody) => unwrap(api.POST('/api/v1/cohorts/{id}/applications', { params: { path: { id: cohort.id } }, body })),
    onSuccess: async (application) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.applications.mine });
      await router.navigate({ to: '/applications/$applicationId', params: { applicationId: application.id } });
    },
  });
  const errors = fieldErrorsOf(apply.error);
  return (
    <Form
      aria-label={t`Apply to ${cohort.name}`}
      onSubmit={(values) =>
        apply.mutate({
          statement: values.statement,
          courseVersionId: values.courseVersionId || undefined,
          answers: cohort.questions.filter((q) => values[`answer-${q.id}`]?.trim()).map((q) => ({ questionId: q.id, answer: values[`answer-${q.id}`] })),
        })
      }
    >
      <FormAlert message={apply.isError ? errorMessage(apply.error) : undefined} />
      {cohort.courses.length > 1 && (
        <RadioChoice
          name="courseVersionId"
          label={t`Which course do you apply for?`}
          isRequired
          error={errors.courseVersionId}
          options={cohort.courses.filter((c) => c.prerequisitesMet).map((c) => ({ value: c.versionId, label: c.title }))}
        />
      )}
      <TextArea name="statement" label={t`Why do you want to join?`} required maxLength={5000} error={errors.statement} description={t`A few sentences about you and what you hope to do.`} />
      {cohort.questions.map((question) => (
        <TextArea key={question.id} name={`answer-${question.id}`} label={question.prompt} required={question.required} maxLength={4000} rows={3} error={errors.answers} />
      ))}
      <Button type="submit" isPending={apply.isPending}>
        <Trans>Send my application</Trans>
      </Button>
    </Form>
  );
}
