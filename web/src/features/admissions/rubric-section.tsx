import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';
import { FormAlert } from '../../shared/ui/form-alert';
import { Button } from '../../shared/ui/button';
import { TextField } from '../../shared/ui/text-field';
import { admissionsKeys } from './admissions.queries';
import type { Rubric } from './admissions.types';

interface RubricSectionProps {
  cohortId: string;
  rubric: Rubric;
  canEdit: boolean;
}

interface CriterionDraft {
  id: string;
  label: string;
  weight: string;
  maxScore: string;
}

const toDraft = (rubric: Rubric): CriterionDraft[] =>
  rubric.criteria.length > 0
    ? rubric.criteria.map((c) => ({ id: c.id, label: c.label, weight: String(c.weight), maxScore: String(c.maxScore) }))
    : [{ id: 'criterion-1', label: '', weight: '1', maxScore: '10' }];

/** The rubric reviewers score against: criteria with weights and a maximum. Admins set it until the first score locks it. */
export function RubricSection({ cohortId, rubric, canEdit }: RubricSectionProps) {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<CriterionDraft[]>(() => toDraft(rubric));
  const save = useMutation({
    mutationFn: () =>
      unwrap<Rubric>(
        api.PUT('/api/v1/cohorts/{id}/rubric', {
          params: { path: { id: cohortId } },
          body: { criteria: rows.map((r) => ({ id: r.id.trim(), label: r.label.trim(), weight: Number(r.weight), maxScore: Number(r.maxScore) })) },
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(admissionsKeys.rubric(cohortId), saved),
  });
  const errors = fieldErrorsOf(save.error);
  const editable = canEdit && !rubric.locked;
  const update = (index: number, change: Partial<CriterionDraft>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section className="section" aria-labelledby="rubric-title">
      <h2 id="rubric-title">
        <Trans>Rubric</Trans>
      </h2>
      {rubric.locked && (
        <p className="notice">
          <Trans>Applications have been scored against this rubric, so it can no longer change.</Trans>
        </p>
      )}
      {!editable ? (
        rubric.criteria.length === 0 ? (
          <p>
            <Trans>No rubric: each reviewer gives one score from 0 to 100.</Trans>
          </p>
        ) : (
          <ul className="rubric-list">
            {rubric.criteria.map((c) => {
              const label = c.label;
              const weight = c.weight;
              const max = c.maxScore;
              return (
                <li key={c.id}>
                  <Trans>
                    {label}: weight {weight}, scored 0 to {max}
                  </Trans>
                </li>
              );
            })}
          </ul>
        )
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <p className="field-description">
            <Trans>Each criterion is scored from 0 to its maximum; the weights say how much each counts in the total (0–100).</Trans>
          </p>
          {rows.map((row, index) => {
            const n = index + 1;
            const fieldError = (name: string) => errors[`criteria.${index}.${name}`] ?? errors[`criteria[${index}].${name}`];
            return (
              <fieldset key={index} className="fieldset rubric-row">
                <legend>
                  <Trans>Criterion {n}</Trans>
                </legend>
                <TextField name={`label-${index}`} label={t`Label`} value={row.label} error={fieldError('label')} onChange={(e) => update(index, { label: e.target.value })} required maxLength={200} />
                <TextField name={`id-${index}`} label={t`Key`} value={row.id} error={fieldError('id')} onChange={(e) => update(index, { id: e.target.value })} required maxLength={40} pattern="[a-z0-9][a-z0-9-]*" />
                <TextField name={`weight-${index}`} label={t`Weight`} value={row.weight} error={fieldError('weight')} onChange={(e) => update(index, { weight: e.target.value })} type="number" min={0.001} step={0.001} inputMode="decimal" />
                <TextField name={`maxScore-${index}`} label={t`Maximum score`} value={row.maxScore} error={fieldError('maxScore')} onChange={(e) => update(index, { maxScore: e.target.value })} type="number" min={1} max={100} step={1} inputMode="numeric" />
                {rows.length > 1 && (
                  <Button variant="secondary" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                    <Trans>Remove criterion {n}</Trans>
                  </Button>
                )}
              </fieldset>
            );
          })}
          <div className="button-row">
            <Button variant="secondary" onClick={() => setRows([...rows, { id: `criterion-${rows.length + 1}`, label: '', weight: '1', maxScore: '10' }])} disabled={rows.length >= 20}>
              <Trans>Add a criterion</Trans>
            </Button>
            <Button type="submit" isPending={save.isPending}>
              <Trans>Save rubric</Trans>
            </Button>
          </div>
          <FormAlert message={save.isError ? errorMessage(save.error) : undefined} />
          {save.isSuccess && (
            <p role="status">
              <Trans>Rubric saved.</Trans>
            </p>
          )}
        </form>
      )}
    </section>
  );
}
