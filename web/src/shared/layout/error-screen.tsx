import type { ErrorComponentProps } from '@tanstack/react-router';
import { useLingui } from '@lingui/react/macro';
import { Screen } from './screen';
import { ErrorState } from '../states/error-state';

/** What a screen shows when it fails to load or render: never a blank page or a stack trace. */
export function ErrorScreen({ error, reset }: ErrorComponentProps) {
  const { t } = useLingui();
  return (
    <Screen title={t`Something went wrong`}>
      <ErrorState error={error} onRetry={reset} />
    </Screen>
  );
}
