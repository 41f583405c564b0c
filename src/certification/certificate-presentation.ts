import { Certificate } from './certificate.entity';
import { CertificateStatus, certificateStatus, STATUS_LABELS } from './certificate-status';
import { credentialUrl, verificationUrl } from './credential-urls';
import { RevocationReasonCode, revocationReasonLabel } from './revocation-reasons';
import { linkedInAddToProfileUrl } from './share-links';

export interface Revocation {
  at: string;
  reasonCode: RevocationReasonCode;
  reasonLabel: string;
}

export interface ShareLinks {
  verificationUrl: string;
  linkedInAddToProfileUrl: string;
  credentialDownloadUrl: string;
  credentialJsonUrl: string;
  badgeImageUrl: string;
}

/** What every surface (JSON views, verification page, PDF) shows of a certificate, computed once. */
export interface CertificatePresentation {
  trackName: string;
  skills: Array<{ code: string; name: string }>;
  status: CertificateStatus;
  statusLabel: string;
  revocation: Revocation | null;
  share: ShareLinks;
}

export function presentCertificate(c: Certificate, base: string, issuerName: string, now = new Date()): CertificatePresentation {
  const status = certificateStatus(c, now);
  const verify = verificationUrl(base, c.verificationCode);
  const withCode = `code=${c.verificationCode}`;
  return {
    trackName: c.trackName ?? c.trackCode,
    skills: c.skills ?? c.skillCodes.map((code) => ({ code, name: code })),
    status,
    statusLabel: STATUS_LABELS[status],
    revocation:
      c.revokedAt && c.revocationReasonCode
        ? { at: c.revokedAt.toISOString(), reasonCode: c.revocationReasonCode, reasonLabel: revocationReasonLabel(c.revocationReasonCode) }
        : null,
    share: {
      verificationUrl: verify,
      linkedInAddToProfileUrl: linkedInAddToProfileUrl({
        name: c.courseTitle,
        organizationName: issuerName,
        issuedAt: c.issuedAt,
        validUntil: c.validUntil,
        certId: c.verificationCode,
        certUrl: verify,
      }),
      credentialDownloadUrl: `${credentialUrl(base, c.id)}?format=jwt&${withCode}`,
      credentialJsonUrl: `${credentialUrl(base, c.id)}?${withCode}`,
      badgeImageUrl: `${base}/api/v1/certificates/${c.id}/image?${withCode}`,
    },
  };
}
