import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/unwrap';
import { queryKeys } from '../api/query-keys';

/** The inbox badge: refreshed every minute while the app is open. */
export const unreadCountQuery = queryOptions({
  queryKey: queryKeys.notifications.unreadCount,
  queryFn: async () => (await unwrap(api.GET('/api/v1/me/notifications/unread-count'))).unread,
  refetchInterval: 60_000,
});
