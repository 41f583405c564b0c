import { useBlocker } from '@tanstack/react-router';
import { useLingui } from '@lingui/react/macro';

/**
 * While `dirty`, leaving the screen asks first: an in-app navigation through the router's blocker,
 * closing or reloading the tab through the browser's own beforeunload prompt.
 */
export function useUnsavedGuard(dirty: boolean): void {
  const { t } = useLingui();
  useBlocker({
    shouldBlockFn: () => !window.confirm(t`You have changes that are not saved yet. Leave and lose them?`),
    enableBeforeUnload: () => dirty,
    disabled: !dirty,
  });
}
