import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from './problem';

/** Client errors (4xx) are answers, not accidents: they are not retried. Others are, twice. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ProblemError && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
