/**
 * A certificate's public status. The rules are checked in order and the first that applies wins; a
 * new status (for example for a holder who withdrew their personal data) is one more rule here and
 * one more label, and every surface (JSON views, the verification page, the PDF) follows.
 */
export type CertificateStatus = 'valid' | 'revoked' | 'expired';

export interface StatusFacts {
  revokedAt: Date | null;
  validUntil: Date | null;
}

const RULES: Array<[CertificateStatus, (c: StatusFacts, now: Date) => boolean]> = [
  ['revoked', (c) => c.revokedAt !== null],
  ['expired', (c, now) => c.validUntil !== null && c.validUntil.getTime() <= now.getTime()],
];

export function certificateStatus(c: StatusFacts, now = new Date()): CertificateStatus {
  return RULES.find(([, applies]) => applies(c, now))?.[0] ?? 'valid';
}

export const CERTIFICATE_STATUSES: CertificateStatus[] = ['valid', 'revoked', 'expired'];

export const STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: 'Valid certificate',
  revoked: 'Revoked',
  expired: 'Expired',
};
