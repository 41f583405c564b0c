import { useRef } from 'react';
import { useBlocker } from '@tanstack/react-router';

/**
 * While `dirty`, leaving the screen asks first: an in-app navigation through the router's blocker
 * (`question`, in the screen's own catalogue), closing or reloading the tab through the browser's
 * own beforeunload prompt. The state is read when someone leaves (a ref), so a screen that has just
 * saved can go on at once: `allowLeaving()`.
 */
export function useLeaveGuard(dirty: boolean, question: string): { allowLeaving: () => void } {
  const state = useRef({ dirty, bypass: false });
  state.current.dirty = dirty;
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
