import { Trans, useLingui } from '@lingui/react/macro';
import { ProblemError, UnreachableError } from '../api/problem';
import { problemText } from '../api/problem-messages';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
}

/** An error as a person can read it: why the API said no (in their language when known), else what to do. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">
        <ErrorTitle error={error} />
      </p>
      <ErrorDetail error={error} />
      {onRetry && !(error instanceof ProblemError && error.status < 500) && (
        <button type="button" className="button" onClick={onRetry}>
          <Trans>Try again</Trans>
        </button>
      )}
    </div>
  );
}

function ErrorTitle({ error }: { error: unknown }) {
  if (error instanceof UnreachableError) return <Trans>We can't reach GDS Academy right now.</Trans>;
  if (error instanceof ProblemError && error.status === 404) return <Trans>Not found, or not yours to see.</Trans>;
  if (error instanceof ProblemError && error.status === 403) return <Trans>You don't have access to this.</Trans>;
  return <Trans>Something went wrong.</Trans>;
}

function ErrorDetail({ error }: { error: unknown }) {
  const { t } = useLingui();
  if (error instanceof UnreachableError) return <p>{t`Check your connection; what you typed is kept on this screen.`}</p>;
  if (error instanceof ProblemError) {
    const text = problemText(error);
    return text !== error.problem.title ? <p>{text}</p> : null;
  }
  return <p>{t`Please try again in a moment.`}</p>;
}

/** A one-line message for a failed action (a form, a button): the problem in the user's language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useLingui();
  return (error) => {
    if (error instanceof UnreachableError) return t`We can't reach GDS Academy right now. Check your connection and try again.`;
    if (error instanceof ProblemError) return problemText(error);
    return t`Something went wrong. Please try again.`;
  };
}
