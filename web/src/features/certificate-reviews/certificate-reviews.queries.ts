import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../shared/api/schema.gen';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';

export type FlaggedCertificate = components['schemas']['CertificateView'];
export type Resolution = { decision: 'keep'; note?: string } | { decision: 'revoke'; reasonCode: RevocationReasonCode; note?: string };
export type RevocationReasonCode = 'issued-in-error' | 'academic-misconduct' | 'criteria-no-longer-met' | 'holder-request' | 'other';
export const REVOCATION_REASON_CODES: RevocationReasonCode[] = ['criteria-no-longer-met', 'issued-in-error', 'academic-misconduct', 'holder-request', 'other'];

const reviewsKey = ['certificate-reviews'] as const;

export const certificateReviewsQuery = queryOptions({
  queryKey: reviewsKey,
  queryFn: () => unwrap(api.GET('/api/v1/certificate-reviews', { params: { query: { limit: 100 } } })),
});

export function useResolveReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, resolution }: { id: string; resolution: Resolution }) =>
      unwrap(api.POST('/api/v1/certificates/{id}/review', { params: { path: { id } }, body: resolution })),
    onSuccess: () => void client.invalidateQueries({ queryKey: reviewsKey }),
  });
}
