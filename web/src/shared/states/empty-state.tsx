import type { ReactNode } from 'react';

/** Nothing to show yet, said plainly, with the next step when there is one. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p>{children}</p>
      {action}
    </div>
  );
}
