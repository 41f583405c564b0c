import { Link } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import { inboxQuery } from '../../shared/api/resources/notifications';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { FormAlert } from '../../shared/ui/form-alert';
import { Button } from '../../shared/ui/button';
import { useFormat } from '../../shared/i18n/use-format';

/** The inbox, newest first; reading one marks it read, and all can be marked read at once. */
export function NotificationsScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const inbox = useQuery(inboxQuery);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all });
  const markRead = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const markAll = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/me/notifications/read-all')), onSuccess: refresh });
  const failure = markRead.error ?? markAll.error;
  return (
    <Screen title={t`Inbox`}>
      <p>
        <Link to="/notifications/preferences">
          <Trans>Choose what you hear about</Trans>
        </Link>
      </p>
      <FormAlert message={failure ? errorMessage(failure) : undefined} />
      <QueryView query={inbox} isEmpty={(page) => page.items.length === 0} empty={<Trans>Nothing here yet. News about your applications, lessons and grades will appear here.</Trans>}>
        {(page) => (
          <>
            {page.items.some((n) => !n.readAt) && (
              <Button variant="secondary" onClick={() => markAll.mutate()} isPending={markAll.isPending}>
                <Trans>Mark all as read</Trans>
              </Button>
            )}
            <ul className="card-list">
              {page.items.map((notification) => (
                <li key={notification.id} className={notification.readAt ? 'card' : 'card card-unread'}>
                  <h2 className="card-title">
                    {!notification.readAt && (
                      <span className="visually-hidden">
                        <Trans>Unread:</Trans>{' '}
                      </span>
                    )}
                    {notification.title}
                  </h2>
                  <p>{notification.text}</p>
                  <p className="meta">{format.dateTime(notification.createdAt)}</p>
                  {!notification.readAt && (
                    <Button variant="secondary" onClick={() => markRead.mutate(notification.id)} isPending={markRead.isPending && markRead.variables === notification.id} aria-label={t`Mark “${notification.title}” as read`}>
                      <Trans>Mark as read</Trans>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryView>
    </Screen>
  );
}
