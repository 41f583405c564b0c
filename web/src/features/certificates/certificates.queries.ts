import { queryOptions, useMutation } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import type { Certificate } from './certificate.types';
import { downloadFile } from '../../shared/ui/download-file';

export const myCertificatesQuery = queryOptions({
  queryKey: queryKeys.certificates.mine,
  queryFn: async () => (await unwrap<{ items: Certificate[] }>(api.GET('/api/v1/me/certificates'))).items,
});

export const certificateQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.certificates.detail(id),
    queryFn: () => unwrap<Certificate>(api.GET('/api/v1/certificates/{id}', { params: { path: { id } } })),
  });

/** The PDF and the signed credential are fetched with the session (not plain links: the token is not a cookie). */
export function useCertificateDownloads(certificate: Certificate) {
  const pdf = useMutation({
    mutationFn: async () => {
      const blob = await unwrap<Blob>(api.GET('/api/v1/certificates/{id}/pdf', { params: { path: { id: certificate.id } }, parseAs: 'blob' }) as never);
      downloadFile(blob, `certificate-${certificate.courseCode}.pdf`);
    },
  });
  const credential = useMutation({
    mutationFn: async () => {
      const body = await unwrap<unknown>(api.GET('/api/v1/certificates/{id}/credential', { params: { path: { id: certificate.id } } }));
      downloadFile(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }), `credential-${certificate.courseCode}.json`);
    },
  });
  return { pdf, credential };
}
