import { Trans } from '@lingui/react/macro';
import { useFormat } from '../../shared/i18n/use-format';
import type { AssessmentView } from './assessment.types';
import { attemptsLeft } from './attempt-rules';

/** Score to pass, attempts left, time limit, due date and late policy: always in view. */
export function AssessmentFacts({ assessment: a }: { assessment: AssessmentView }) {
  const format = useFormat();
  const left = attemptsLeft(a);
  const allowed = a.attemptsAllowed;
  const minutes = a.timeLimitMinutes;
  const percent = a.latePenaltyPercentPerDay;
  return (
    <dl className="facts">
      <dt>
        <Trans>To pass</Trans>
      </dt>
      <dd>
        {a.passMark} / {a.maxScore}
      </dd>
      <dt>
        <Trans>Attempts left</Trans>
      </dt>
      <dd>{left === null ? <Trans>Unlimited</Trans> : <Trans>{left} of {allowed}</Trans>}</dd>
      {minutes ? (
        <>
          <dt>
            <Trans>Time limit</Trans>
          </dt>
          <dd>
            <Trans>{minutes} minutes per attempt</Trans>
          </dd>
        </>
      ) : null}
      <dt>
        <Trans>Due</Trans>
      </dt>
      <dd>{a.dueAt ? format.dateTime(a.dueAt) : <Trans>No due date</Trans>}</dd>
      <dt>
        <Trans>Late work</Trans>
      </dt>
      <dd>{a.latePolicy === 'refuse' ? <Trans>Not accepted after the due date</Trans> : <Trans>Accepted with {percent}% off per day late</Trans>}</dd>
    </dl>
  );
}
