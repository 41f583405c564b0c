import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../shared/api/schema.gen';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';

type Schemas = components['schemas'];
export type EventType = Schemas['CreateWebhookDto']['eventTypes'][number];
export type Webhook = Schemas['WebhookView'];

const opsKey = ['operations'] as const;

export const webhooksQuery = queryOptions({
  queryKey: [...opsKey, 'webhooks'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/webhooks', { params: { query: { limit: 100 } } } as never)) as Promise<{ items: Webhook[] }>,
});

export const deliveriesQuery = (id: string) =>
  queryOptions({
    queryKey: [...opsKey, 'webhooks', id, 'deliveries'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id } } } as never)) as Promise<{ items: Schemas['WebhookDeliveryView'][] }>,
    // A delivery still pending (a test just sent, a retry waiting) is read again until it settles.
    refetchInterval: (query) => (query.state.data?.items.some((d) => d.status === 'pending') ? 1000 : false),
  });

/** Seconds between reads of the pipeline figures while the screen is open. */
export const PIPELINE_REFRESH_SECONDS = 5;

export const pipelineHealthQuery = queryOptions({
  queryKey: [...opsKey, 'pipeline-health'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/admin/pipeline-health')),
  refetchInterval: PIPELINE_REFRESH_SECONDS * 1000,
});

export function useSendTestEvent(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/webhooks/{id}/test', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: deliveriesQuery(id).queryKey }),
  });
}

/** The dashboard needs an admin's credential that a page navigation can carry: the API sets it as a cookie for the dashboard's path. */
export function useOpenQueueDashboard() {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/queue-dashboard/session')),
    onSuccess: (opened) => window.location.assign(opened.url),
  });
}

export const jobFailuresQuery = queryOptions({
  queryKey: [...opsKey, 'job-failures'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/admin/job-failures', { params: { query: { limit: 50 } } })),
});

export const readinessQuery = queryOptions({
  queryKey: [...opsKey, 'ready'] as const,
  // 503 is an answer here (something is down), not a failure to show as an error.
  queryFn: async () => {
    const { data, error, response } = await api.GET('/health/ready');
    return { ok: response.ok, body: (data ?? error) as { status?: string; details?: Record<string, { status: string }> } | undefined };
  },
});

export const probeQuery = (id: string) =>
  queryOptions({
    queryKey: [...opsKey, 'probes', id] as const,
    queryFn: () => unwrap(api.GET('/api/v1/admin/pipeline-probes/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.status === 'handled' ? false : 500),
  });

export function useSendProbe() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/admin/pipeline-probes')) });
}

export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; eventTypes: EventType[]; description?: string }) => unwrap(api.POST('/api/v1/webhooks', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: opsKey }),
  });
}

export function useSetWebhookEnabled(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => unwrap(api.PATCH('/api/v1/webhooks/{id}', { params: { path: { id } }, body: { enabled } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: opsKey }),
  });
}
