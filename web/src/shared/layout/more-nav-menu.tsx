import { type FocusEvent, type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useLingui } from '@lingui/react/macro';

/**
 * The phone bar's "More": a disclosure (a button that shows a list of links), not an ARIA menu —
 * its items are ordinary links, reached with Tab and announced as links. Escape closes it and
 * returns focus to the button; following a link or leaving the list closes it too. Plain elements:
 * this is shell code, inside the trainees' first-screen budget.
 */
export function MoreNavMenu({ children }: { children: ReactNode }) {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (open && event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
  };
  return (
    <div className="more-nav" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button ref={button} type="button" className="main-nav-link more-nav-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((shown) => !shown)}>
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M5 12h.01M12 12h.01M19 12h.01" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
        </svg>
        <span>{t`More`}</span>
      </button>
      <ul id={listId} className="more-nav-list" hidden={!open} onClick={(event) => (event.target as Element).closest('a') && close(false)}>
        {children}
      </ul>
    </div>
  );
}
