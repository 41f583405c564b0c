import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { useErrorMessage } from '../../shared/states/error-state';
import { FormAlert } from '../../shared/ui/form-alert';
import { Button } from '../../shared/ui/button';
import { TextField } from '../../shared/ui/text-field';
import { admissionsKeys } from './admissions.queries';
import type { ReviewedApplication, Rubric } from './admissions.types';

interface ScoreFormProps {
  application: ReviewedApplication;
  rubric: Rubric;
  reviewerId: string | undefined;
}

/** Your own scores, criterion by criterion (or one score 0–100 without a rubric); saving again replaces them. */
export function ScoreForm({ application, rubric, reviewerId }: ScoreFormProps) {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const mine = application.scoring.reviewers.find((r) => r.reviewerId === reviewerId);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(rubric.criteria.map((c) => [c.id, String(mine?.scores.find((s) => s.criterionId === c.id)?.score ?? '')])),
  );
  const [single, setSingle] = useState('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: async () => {
      const trimmed = note.trim() || undefined;
      if (rubric.criteria.length === 0) {
        await unwrap(api.POST('/api/v1/applications/{id}/score', { params: { path: { id: application.id } }, body: { score: Number(single), note: trimmed } }));
        return;
      }
      const scores = rubric.criteria.filter((c) => values[c.id]?.trim()).map((c) => ({ criterionId: c.id, score: Number(values[c.id]) }));
      await unwrap(api.PUT('/api/v1/applications/{id}/scores', { params: { path: { id: application.id } }, body: { scores, note: trimmed } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: admissionsKeys.all }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} className="form score-form" aria-labelledby="your-scores-title">
      <h3 id="your-scores-title">
        <Trans>Your scores</Trans>
      </h3>
      {rubric.criteria.length === 0 ? (
        <TextField name="score" type="number" label={t`Score (0 to 100)`} min={0} max={100} step={0.01} inputMode="decimal" required value={single} onChange={(e) => setSingle(e.target.value)} />
      ) : (
        rubric.criteria.map((c) => {
          const label = c.label;
          const max = c.maxScore;
          const weight = c.weight;
          return (
            <TextField
              key={c.id}
              name={`score-${c.id}`}
              type="number"
              label={t`${label} (0 to ${max})`}
              description={t`Weight ${weight}`}
              min={0}
              max={max}
              step={0.01}
              inputMode="decimal"
              value={values[c.id] ?? ''}
              onChange={(e) => setValues({ ...values, [c.id]: e.target.value })}
            />
          );
        })
      )}
      <TextField name="note" label={t`Note (optional, kept in the history)`} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      <FormAlert message={save.isError ? errorMessage(save.error) : undefined} />
      {save.isSuccess && !save.isPending && (
        <p role="status">
          <Trans>Your scores are saved.</Trans>
        </p>
      )}
      <Button type="submit" isPending={save.isPending}>
        <Trans>Save my scores</Trans>
      </Button>
    </form>
  );
}
