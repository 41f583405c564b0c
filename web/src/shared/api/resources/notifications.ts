import { queryOptions } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../unwrap';
import { queryKeys } from '../query-keys';

/** The newest 50 notifications (typed from the OpenAPI document: this route declares its schema). */
export const inboxQuery = queryOptions({
  queryKey: queryKeys.notifications.list(),
  queryFn: () => unwrap(api.GET('/api/v1/me/notifications', { params: { query: { limit: 50 } } })),
});
