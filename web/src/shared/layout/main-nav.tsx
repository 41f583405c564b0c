import { Link } from '@tanstack/react-router';
import { useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import { type NavItem, useNavItems } from './nav-items';
import { MoreNavMenu } from './more-nav-menu';
import { unreadCountQuery } from './unread-count.query';

/** As many destinations as fit a 360 px bottom bar; past that, the last slot becomes "More". */
const PHONE_BAR_SLOTS = 5;

/**
 * One nav landmark; CSS places it in the header (wide) or fixed at the bottom (phones). On phones,
 * people with more destinations than the bar holds (staff) see the first four and a "More" menu
 * with the rest; wide screens show every item inline and no menu.
 */
export function MainNav() {
  const { t } = useLingui();
  const items = useNavItems();
  const onBar = items.length > PHONE_BAR_SLOTS ? PHONE_BAR_SLOTS - 1 : items.length;
  return (
    <nav className="main-nav" aria-label={t`Main`}>
      <ul>
        {items.map((item, index) => (
          <li key={item.to} className={index >= onBar ? 'main-nav-wide-only' : undefined}>
            <MainNavLink item={item} />
          </li>
        ))}
        {onBar < items.length && (
          <li className="main-nav-more">
            <MoreNavMenu>
              {items.slice(onBar).map((item) => (
                <li key={item.to}>
                  <MainNavLink item={item} />
                </li>
              ))}
            </MoreNavMenu>
          </li>
        )}
      </ul>
    </nav>
  );
}

function MainNavLink({ item }: { item: NavItem }) {
  const { t } = useLingui();
  const unread = useQuery(unreadCountQuery).data ?? 0;
  return (
    <Link to={item.to} activeOptions={{ exact: item.to === '/' }} className="main-nav-link">
      {item.icon}
      <span>{item.label}</span>
      {item.badge && unread > 0 && (
        <span className="badge" aria-label={t`${unread} unread`}>
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
