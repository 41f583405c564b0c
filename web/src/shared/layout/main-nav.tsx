import { Link } from '@tanstack/react-router';
import { useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { useNavItems } from './nav-items';
import { unreadCountQuery } from './unread-count.query';

/** One nav landmark; CSS places it in the header (wide) or fixed at the bottom (phones). */
export function MainNav() {
  const { t } = useLingui();
  const items = useNavItems();
  const unread = useQuery(unreadCountQuery).data ?? 0;
  return (
    <nav className="main-nav" aria-label={t`Main`}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} activeOptions={{ exact: item.to === '/' }} className="main-nav-link">
              {item.icon}
              <span>{item.label}</span>
              {item.badge && unread > 0 && (
                <span className="badge" aria-label={t`${unread} unread`}>
                  {unread > 99 ? '99+' : unread}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
