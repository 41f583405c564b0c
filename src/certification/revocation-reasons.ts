/**
 * Why a certificate was revoked, as published on revocation lists, verification pages and PDFs.
 * A fixed list, never free text: what an admin types may name people or circumstances, so it stays
 * in the audit trail (certificate_event.detail) for admins only. The database checks the same list
 * (migration CredentialConformance); adding a code needs a migration too.
 */
export const REVOCATION_REASONS = {
  'issued-in-error': 'Issued in error (wrong person, course or data)',
  'academic-misconduct': 'Academic misconduct (for example plagiarism or shared answers)',
  'criteria-no-longer-met': 'The completion criteria are no longer met (for example after a regrade)',
  'holder-request': 'Withdrawn at the holder’s request',
  other: 'Other reason (recorded by the issuer)',
} as const;

export type RevocationReasonCode = keyof typeof REVOCATION_REASONS;
export const REVOCATION_REASON_CODES = Object.keys(REVOCATION_REASONS) as RevocationReasonCode[];

export const revocationReasonLabel = (code: RevocationReasonCode): string => REVOCATION_REASONS[code];
