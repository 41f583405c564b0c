import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveStatus = 'saved' | 'pending' | 'saving' | 'failed';

/**
 * Saves `value` through `save` a moment after the last change (the API stores drafts), one save at a
 * time; a change made while a save runs is saved after it. `dirty` stays true until what is shown
 * is what the server holds, so the screen can warn before leaving.
 */
export function useAutosave<T>(value: T, save: (value: T) => Promise<unknown>, delayMs = 800) {
  const [status, setStatus] = useState<AutosaveStatus>('saved');
  const [error, setError] = useState<unknown>(null);
  const saved = useRef(JSON.stringify(value));
  const latest = useRef(value);
  const running = useRef(false);
  const saveRef = useRef(save);
  saveRef.current = save;
  latest.current = value;

  const flush = useCallback(async (): Promise<void> => {
    if (running.current) return;
    const snapshot = latest.current;
    const text = JSON.stringify(snapshot);
    if (text === saved.current) return setStatus('saved');
    running.current = true;
    setStatus('saving');
    try {
      await saveRef.current(snapshot);
      saved.current = text;
      setError(null);
      running.current = false;
      if (JSON.stringify(latest.current) !== saved.current) void flush();
      else setStatus('saved');
    } catch (failure) {
      running.current = false;
      setError(failure);
      setStatus('failed');
    }
  }, []);

  const text = JSON.stringify(value);
  useEffect(() => {
    if (text === saved.current) return;
    setStatus((current) => (current === 'saving' ? current : 'pending'));
    const timer = setTimeout(() => void flush(), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs, flush]);

  return { status, error, dirty: text !== saved.current || status === 'saving', flush };
}
