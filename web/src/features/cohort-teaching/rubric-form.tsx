import { useState } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { TextArea } from '../../shared/ui/text-area';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { useLeaveGuard } from '../../shared/routing/use-leave-guard';
import { rubricTotal, scaledScore, type RubricCriterion, type RubricMarks } from './rubric-score';

interface RubricFormProps {
  criteria: RubricCriterion[];
  maxScore: number;
  initial?: RubricMarks;
  /** A correction asks why (kept in the grade history). */
  withReason?: boolean;
  submitLabel: string;
  isPending: boolean;
  error: string | undefined;
  onSubmit: (marks: RubricMarks, comment: string, reason: string) => void;
}

/**
 * The rubric filled criterion by criterion: one radio group of levels per criterion (arrow keys
 * move between levels), a comment each, an overall comment; the running total is announced.
 * Leaving a rubric begun but not submitted asks first (in the app and on closing the tab); while
 * the grade is being saved the screen may move on to the next submission.
 */
export function RubricForm({ criteria, maxScore, initial = {}, withReason = false, submitLabel, isPending, error, onSubmit }: RubricFormProps) {
  const { t } = useLingui();
  const [marks, setMarks] = useState<RubricMarks>(initial);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const total = rubricTotal(criteria, marks);
  const earned = total.earned;
  const possible = total.possible;
  const score = scaledScore(earned, possible, maxScore);
  const mark = (id: string, change: { points?: number; comment?: string }) => setMarks((m) => ({ ...m, [id]: { ...m[id], ...change } }));
  const missingReason = withReason && reason.trim() === '';
  const dirty = JSON.stringify(marks) !== JSON.stringify(initial) || comment.trim() !== '' || reason.trim() !== '';
  useLeaveGuard(dirty && !isPending, t`This rubric is filled in part and not submitted. Leave and lose it?`);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!total.complete || missingReason) return;
        onSubmit(marks, comment.trim(), reason.trim());
      }}
    >
      {criteria.map((criterion) => (
        <fieldset key={criterion.id} className="criterion">
          <legend>{criterion.title}</legend>
          {criterion.levels.map((level) => {
            const points = level.points;
            return (
              <label key={level.label} className="level-choice">
                <input
                  type="radio"
                  name={`criterion-${criterion.id}`}
                  value={points}
                  checked={marks[criterion.id]?.points === points}
                  onChange={() => mark(criterion.id, { points })}
                />
                <span>
                  <Trans>
                    {level.label}: {points} points
                  </Trans>
                </span>
              </label>
            );
          })}
          {tried && marks[criterion.id]?.points === undefined && (
            <p className="field-error">
              <Trans>Choose a level for this criterion.</Trans>
            </p>
          )}
          <TextArea name={`comment-${criterion.id}`} label={t`Comment on ${criterion.title}`} rows={2} maxLength={2000} value={marks[criterion.id]?.comment ?? ''} onChange={(e) => mark(criterion.id, { comment: e.target.value })} />
        </fieldset>
      ))}
      <TextArea name="comment" label={t`Overall comment`} rows={3} maxLength={5000} value={comment} onChange={(e) => setComment(e.target.value)} />
      {withReason && (
        <TextArea
          name="reason"
          label={t`Reason for the correction`}
          rows={2}
          maxLength={500}
          value={reason}
          required
          error={tried && missingReason ? t`Say why the review is corrected.` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      <p role="status">
        <Trans>
          Rubric: {earned} of {possible} points, a score of {score} out of {maxScore}.
        </Trans>
      </p>
      <FormAlert message={error ?? (tried && !total.complete ? t`Score every criterion before submitting.` : undefined)} />
      <Button type="submit" isPending={isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}
