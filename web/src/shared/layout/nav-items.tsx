import type { ReactNode } from 'react';
import { useLingui } from '@lingui/react/macro';
import { session } from '../auth/session';
import { hasSomeRole } from '../auth/has-some-role';

export interface NavItem {
  to: '/' | '/learning' | '/cohorts' | '/notifications' | '/profile' | '/outcomes' | '/admin/cohorts' | '/teach' | '/admissions' | '/cohort-teaching' | '/careers' | '/talent';
  label: string;
  icon: ReactNode;
  /** Shows the unread notifications count. */
  badge?: boolean;
  /** Shown only to people holding one of these roles (absent: everyone signed in). */
  roles?: readonly string[];
}

const icon = (path: string) => (
  <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
    <path d={path} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

/** The main destinations: the header on wide screens, the bottom bar on phones. */
export function useNavItems(): NavItem[] {
  const { t } = useLingui();
  const roles = session.user()?.roles;
  const items: NavItem[] = [
    { to: '/', label: t`Home`, icon: icon('M3 11l9-8 9 8v10h-6v-6H9v6H3z') },
    { to: '/learning', label: t`Learning`, icon: icon('M4 5h7a3 3 0 013 3v12a2 2 0 00-2-2H4zM20 5h-4a3 3 0 00-3 3'), roles: ['trainee'] },
    { to: '/cohorts', label: t`Cohorts`, icon: icon('M8 11a3 3 0 100-6 3 3 0 000 6zM16 11a3 3 0 100-6M2 20a6 6 0 0112 0M14 20a6 6 0 018-5.6'), roles: ['trainee'] },
    { to: '/admissions', label: t`Admissions`, icon: icon('M9 11l3 3 8-8M20 12v7a2 2 0 01-2 2H6a2 2 0 01-2-2V5a2 2 0 012-2h9'), roles: ['admin', 'instructor'] },
    { to: '/cohort-teaching', label: t`My cohorts`, icon: icon('M3 5h18v12H3zM8 21h8M12 17v4'), roles: ['instructor', 'admin'] },
    { to: '/talent', label: t`Talent`, icon: icon('M10 17a7 7 0 100-14 7 7 0 000 14zM21 21l-6-6'), roles: ['employer'] },
    { to: '/notifications', label: t`Inbox`, icon: icon('M6 9a6 6 0 1112 0c0 6 3 7 3 7H3s3-1 3-7M10 20a2 2 0 004 0'), badge: true },
    // After the inbox: on a phone a trainee's first four are their daily ones (the inbox with its count
    // among them); careers and profile sit under "More".
    { to: '/careers', label: t`Careers`, icon: icon('M4 8h16v11H4zM9 8V5h6v3M4 13h16'), roles: ['trainee'] },
    {
      to: '/teach',
      label: t`Teaching`,
      icon: icon('M3 5h18v11H3zM8 20h8M12 16v4'),
      roles: ['instructor', 'admin'],
    },
    { to: '/admin/cohorts', label: t`Programme`, icon: icon('M3 21h18M5 21V8l7-5 7 5v13M9 21v-6h6v6'), roles: ['admin'] },
    { to: '/outcomes', label: t`Outcomes`, icon: icon('M4 20V10M10 20V4M16 20v-7M22 20H2'), roles: ['reviewer', 'admin'] },
    { to: '/profile', label: t`Profile`, icon: icon('M12 12a4 4 0 100-8 4 4 0 000 8zM4 21a8 8 0 0116 0') },
  ];
  return items.filter((item) => hasSomeRole(roles, item.roles));
}
