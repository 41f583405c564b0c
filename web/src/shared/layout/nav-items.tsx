import type { ReactNode } from 'react';
import { useLingui } from '@lingui/react/macro';

export interface NavItem {
  to: '/';
  label: string;
  icon: ReactNode;
  /** Shows the unread notifications count. */
  badge?: boolean;
}

const icon = (path: string) => (
  <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
    <path d={path} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

/** The main destinations: the header on wide screens, the bottom bar on phones. */
export function useNavItems(): NavItem[] {
  const { t } = useLingui();
  return [
    { to: '/', label: t`Home`, icon: icon('M3 11l9-8 9 8v10h-6v-6H9v6H3z') },
  ];
}
