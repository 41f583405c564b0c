import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Skeleton } from './skeleton';
import { ErrorState } from './error-state';
import { EmptyState } from './empty-state';

interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** When the data counts as empty (e.g. no items), `empty` is shown instead of `children`. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  lines?: number;
}

/** The four states of server data, designed once: loading (skeleton), error, empty, and the data. */
export function QueryView<T>({ query, children, isEmpty, empty, lines }: QueryViewProps<T>) {
  if (query.isPending) return <Skeleton lines={lines} onRetry={() => void query.refetch()} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <EmptyState>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}
