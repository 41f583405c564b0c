import { Link } from '@tanstack/react-router';
import { useLingui } from '@lingui/react/macro';

/** Links between programme staff's screens (one "Programme" item in the main navigation leads here). */
export function ProgrammeNav() {
  const { t } = useLingui();
  const links = [
    { to: '/admin/cohorts', label: t`Cohorts` },
    { to: '/admin/people', label: t`People` },
    { to: '/admin/organisations', label: t`Employers` },
    { to: '/admin/career-fairs', label: t`Career fairs` },
    { to: '/admin/certificate-reviews', label: t`Certificates to review` },
    { to: '/admin/operations', label: t`Operations` },
  ] as const;
  return (
    <nav aria-label={t`Programme`} className="programme-nav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} className="programme-nav-link">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
