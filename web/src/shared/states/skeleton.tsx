import { useEffect, useState } from 'react';
import { Trans } from '@lingui/react/macro';

// Past this, a skeleton says so instead of shimmering forever (slow phones wait ~5 s; this is well past).
export const SKELETON_PATIENCE_MS = 15_000;

interface SkeletonProps {
  /** Placeholder lines to draw. */
  lines?: number;
  onRetry?: () => void;
  patienceMs?: number;
}

/** Loading: grey lines where the content will be, then a message with a retry once patience runs out. */
export function Skeleton({ lines = 3, onRetry, patienceMs = SKELETON_PATIENCE_MS }: SkeletonProps) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), patienceMs);
    return () => clearTimeout(timer);
  }, [patienceMs]);
  if (slow) {
    return (
      <div className="state state-slow" role="status">
        <p>
          <Trans>This is taking longer than usual. Your connection may be slow.</Trans>
        </p>
        {onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            <Trans>Try again</Trans>
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="skeleton" aria-busy="true">
      <span className="visually-hidden" role="status">
        <Trans>Loading…</Trans>
      </span>
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className="skeleton-line" />
      ))}
    </div>
  );
}
