import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans } from '@lingui/react/macro';
import { inboxQuery } from '../../shared/api/resources/notifications';

/** The newest unread notifications (three), with a way to the inbox. */
export function UnreadSection() {
  const inbox = useQuery(inboxQuery);
  const unread = inbox.data?.items.filter((n) => !n.readAt) ?? [];
  if (unread.length === 0) return null;
  const count = unread.length;
  return (
    <section className="section" aria-labelledby="unread-heading">
      <h2 id="unread-heading">
        <Trans>New for you</Trans>
      </h2>
      <ul className="card-list">
        {unread.slice(0, 3).map((notification) => (
          <li key={notification.id} className="card">
            <strong>{notification.title}</strong>
            <p>{notification.text}</p>
          </li>
        ))}
      </ul>
      <Link to="/notifications">
        <Trans>See all {count} unread in your inbox</Trans>
      </Link>
    </section>
  );
}
