import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTeachParams } from './use-teach-params';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { TextField } from '../../shared/ui/text-field';
import { TextArea } from '../../shared/ui/text-area';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { criteriaQuery, teachKeys } from './teach.queries';
import type { Criteria } from './teach.types';
import { useUnsavedGuard } from './use-unsaved-guard';
import './teach.css';

/** Screen 5: what a trainee must achieve in this version to be certified. */
export function CriteriaScreen() {
  const { t } = useLingui();
  const { courseId, versionId } = useTeachParams('courseId', 'versionId');
  const criteria = useQuery(criteriaQuery(versionId));
  return (
    <Screen
      title={t`Certification criteria`}
      before={
        <Link to="/teach/courses/$courseId" params={{ courseId }}>
          <Trans>Back to the course builder</Trans>
        </Link>
      }
    >
      <QueryView query={criteria}>{(data) => <CriteriaForm key={data.courseVersionId} criteria={data} />}</QueryView>
    </Screen>
  );
}

function CriteriaForm({ criteria }: { criteria: Criteria }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const initial = {
    requireAllModules: criteria.requireAllModules,
    requireRequiredAssessments: criteria.requireRequiredAssessments,
    minCourseScore: String(criteria.minCourseScore),
    narrative: criteria.customised ? criteria.narrative : '',
  };
  const [values, setValues] = useState(initial);
  // What the server holds now: the loaded criteria, then what was last saved.
  const [baseline, setBaseline] = useState(initial);
  const dirty = JSON.stringify(values) !== JSON.stringify(baseline);
  const save = useMutation({
    mutationFn: (sent: typeof values) =>
      unwrap<Criteria>(
        api.PUT('/api/v1/course-versions/{id}/certification-criteria', {
          params: { path: { id: criteria.courseVersionId } },
          body: {
            requireAllModules: sent.requireAllModules,
            requireRequiredAssessments: sent.requireRequiredAssessments,
            minCourseScore: Number(sent.minCourseScore),
            narrative: sent.narrative.trim() ? sent.narrative : null,
          } as never,
        }),
      ),
    onSuccess: (saved, sent) => {
      setBaseline(sent);
      queryClient.setQueryData(teachKeys.criteria(criteria.courseVersionId), saved);
    },
  });
  useUnsavedGuard(dirty);
  const errors = fieldErrorsOf(save.error);
  return (
    <form
      className="form"
      aria-label={t`Certification criteria`}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(values);
      }}
    >
      <FormAlert message={save.error?.message} />
      <label className="checkbox">
        <input type="checkbox" checked={values.requireAllModules} onChange={(e) => setValues({ ...values, requireAllModules: e.target.checked })} />
        <Trans>Every module completed</Trans>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={values.requireRequiredAssessments} onChange={(e) => setValues({ ...values, requireRequiredAssessments: e.target.checked })} />
        <Trans>Every required assessment passed</Trans>
      </label>
      <TextField
        name="minCourseScore"
        label={t`Minimum course score (percent)`}
        inputMode="decimal"
        value={values.minCourseScore}
        onChange={(e) => setValues({ ...values, minCourseScore: e.target.value })}
        error={errors.minCourseScore}
      />
      <TextArea
        name="narrative"
        label={t`Criteria text in the credential`}
        description={t`Empty: the text is generated from the rules above. Currently: ${criteria.narrative}`}
        rows={4}
        maxLength={2000}
        value={values.narrative}
        onChange={(e) => setValues({ ...values, narrative: e.target.value })}
        error={errors.narrative}
      />
      <Button type="submit" isPending={save.isPending}>
        <Trans>Save criteria</Trans>
      </Button>
      <p role="status" className="meta">
        {save.isSuccess && !dirty ? <Trans>Criteria saved. They apply to later evaluations.</Trans> : null}
      </p>
    </form>
  );
}
