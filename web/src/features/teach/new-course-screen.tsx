import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { CourseFields, courseFieldsOf } from './course-fields';
import { teachKeys } from './teach.queries';
import './teach.css';

/** Starts a draft course; the builder opens on it. */
export function NewCourseScreen() {
  const { t } = useLingui();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (values: Record<string, string>) => unwrap<{ id: string }>(api.POST('/api/v1/courses', { body: { code: values.code ?? '', ...courseFieldsOf(values) } })),
    onSuccess: async (course) => {
      await queryClient.invalidateQueries({ queryKey: teachKeys.courses });
      await navigate({ to: '/teach/courses/$courseId', params: { courseId: course.id } });
    },
  });
  const errors = fieldErrorsOf(create.error);
  return (
    <Screen title={t`New course`} before={<Link to="/teach"><Trans>Back to Teaching</Trans></Link>}>
      <Form onSubmit={(values) => create.mutate(values)} aria-label={t`New course`}>
        <FormAlert message={create.error?.message} />
        <TextField
          name="code"
          label={t`Code`}
          description={t`Lower-case letters, digits and dashes, e.g. cyber-soc-101. It cannot change later.`}
          required
          pattern="[a-z0-9][a-z0-9\-]{1,39}"
          error={errors.code}
        />
        <CourseFields errors={errors} />
        <Button type="submit" isPending={create.isPending}>
          <Trans>Create draft</Trans>
        </Button>
      </Form>
    </Screen>
  );
}
