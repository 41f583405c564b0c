import { type ReactNode, useEffect, useRef } from 'react';

let firstScreenShown = false;

interface ScreenProps {
  /** The screen's one h1, also the document title. */
  title: string;
  children: ReactNode;
  /** Shown before the title (e.g. a back link). */
  before?: ReactNode;
}

/**
 * A screen: its h1 names it, the document title follows, and after each in-app navigation focus
 * moves to the h1, so screen-reader and keyboard users start at the new content (on the first
 * load focus stays at the top, where the skip link is).
 */
export function Screen({ title, children, before }: ScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · GDS Academy`;
  }, [title]);
  useEffect(() => {
    if (firstScreenShown) heading.current?.focus();
    firstScreenShown = true;
  }, []);
  return (
    <div className="screen">
      {before}
      <h1 ref={heading} tabIndex={-1} className="screen-title">
        {title}
      </h1>
      {children}
    </div>
  );
}
