import { useRef } from 'react';
import { useBlocker } from '@tanstack/react-router';
import { useLingui } from '@lingui/react/macro';

/**
 * While `dirty`, leaving the screen asks first: an in-app navigation through the router's blocker,
 * closing or reloading the tab through the browser's own beforeunload prompt. The state is read
 * when someone leaves (a ref), so a screen that has just saved can go on at once: `allowLeaving()`.
 */
export function useUnsavedGuard(dirty: boolean): { allowLeaving: () => void } {
  const { t } = useLingui();
  const state = useRef({ dirty, bypass: false });
  state.current.dirty = dirty;
  const question = t`You have changes that are not saved yet. Leave and lose them?`;
  useBlocker({
    shouldBlockFn: () => state.current.dirty && !state.current.bypass && !window.confirm(question),
    enableBeforeUnload: () => state.current.dirty && !state.current.bypass,
  });
  return {
    allowLeaving: () => {
      state.current.bypass = true;
    },
  };
}
