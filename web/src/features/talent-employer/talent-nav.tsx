import { Link } from '@tanstack/react-router';
import { useLingui } from '@lingui/react/macro';

/** Links between the employer's screens (the "Talent" item of the main navigation leads to search). */
export function TalentNav() {
  const { t } = useLingui();
  const links = [
    { to: '/talent', label: t`Search` },
    { to: '/talent/shortlists', label: t`Shortlists` },
    { to: '/talent/requests', label: t`Interview requests` },
    { to: '/talent/fairs', label: t`Career fairs` },
  ] as const;
  return (
    <nav aria-label={t`Talent`} className="programme-nav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} className="programme-nav-link" activeOptions={{ exact: true }}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
