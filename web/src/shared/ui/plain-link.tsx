import type { MouseEvent, ReactNode } from 'react';

export interface PlainLinkProps {
  /** A path of this app, without the /app base (as the router's links take it). */
  to: string;
  /** Follows the link inside the page (the router, or the start-up handover: main.tsx). */
  navigate: (href: string) => unknown;
  className?: string;
  'aria-label'?: string;
  children: ReactNode;
}

/**
 * A link that needs no router: a real `<a href>` (open in a new tab, copy, middle-click all work),
 * whose plain click is handed to `navigate` instead of loading the page again.
 */
export function PlainLink({ to, navigate, children, ...rest }: PlainLinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={`/app${to}`} onClick={follow} {...rest}>
      {children}
    </a>
  );
}
