import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'gds:assessment-draft:';
// Typing fires on every key; writing at most this often keeps a slow phone responsive.
const SAVE_DELAY_MS = 300;

export function draftKey(assessmentId: string): string {
  return `${PREFIX}${assessmentId}`;
}

/** The saved draft of an assessment, or undefined when none (or storage is unavailable or unreadable). */
export function readDraft<T>(assessmentId: string): T | undefined {
  try {
    const raw = localStorage.getItem(draftKey(assessmentId));
    if (raw === null) return undefined;
    const parsed = JSON.parse(raw) as { v: 1; value: T };
    return parsed?.v === 1 ? parsed.value : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a draft; a full or disabled storage (private browsing) loses only the local copy. */
export function writeDraft<T>(assessmentId: string, value: T): boolean {
  try {
    localStorage.setItem(draftKey(assessmentId), JSON.stringify({ v: 1, value }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(assessmentId: string): void {
  try {
    localStorage.removeItem(draftKey(assessmentId));
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

/**
 * An answer kept on this device while it is typed, so a dropped connection or a closed tab loses
 * nothing: restored on the next visit, saved shortly after each change (and at once when the
 * page is hidden), cleared once the answer is submitted.
 */
export function useLocalDraft<T>(assessmentId: string, initial: T): { value: T; setValue: (next: T | ((previous: T) => T)) => void; clear: () => void; restored: boolean } {
  const [state] = useState(() => {
    const saved = readDraft<T>(assessmentId);
    return { initialValue: saved ?? initial, restored: saved !== undefined };
  });
  const [value, setValueState] = useState<T>(state.initialValue);
  const latest = useRef(value);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cleared = useRef(false);

  const flush = useCallback(() => {
    if (pending.current === null) return;
    clearTimeout(pending.current);
    pending.current = null;
    if (!cleared.current) writeDraft(assessmentId, latest.current);
  }, [assessmentId]);

  const setValue = useCallback(
    (next: T | ((previous: T) => T)) => {
      const resolved = typeof next === 'function' ? (next as (previous: T) => T)(latest.current) : next;
      latest.current = resolved;
      cleared.current = false;
      setValueState(resolved);
      if (pending.current !== null) clearTimeout(pending.current);
      pending.current = setTimeout(() => {
        pending.current = null;
        writeDraft(assessmentId, latest.current);
      }, SAVE_DELAY_MS);
    },
    [assessmentId],
  );

  const clear = useCallback(() => {
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = null;
    cleared.current = true;
    clearDraft(assessmentId);
  }, [assessmentId]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { value, setValue, clear, restored: state.restored };
}
