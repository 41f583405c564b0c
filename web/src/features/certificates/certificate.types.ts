import type { components } from '../../shared/api/schema.gen';

export type Certificate = components['schemas']['CertificateView'];
