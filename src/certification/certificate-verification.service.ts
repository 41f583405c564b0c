import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { notFound } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { Certificate } from './certificate.entity';
import { credentialUrn, issuerId, revocationListUrl, REVOCATION_LIST_ID } from './open-badge-credential';
import { VERIFICATION_CODE_PATTERN } from './verification-code';

export interface VerificationView {
  status: 'valid' | 'revoked' | 'expired';
  valid: boolean;
  certificateId: string;
  holder: { name: string };
  achievement: { name: string; courseCode: string; track: string; skills: string[] };
  issuer: { id: string; name: string; url: string };
  issuedAt: string;
  validUntil: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  credentialUrl: string;
  jwksUrl: string;
}

/** What anyone may learn about a certificate from its verification code, and the public revocation list. */
@Injectable()
export class CertificateVerification {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly config: AppConfig,
  ) {}

  /** Reads the row every time (no cache), so a revocation shows at once. Malformed and unknown codes: 404. */
  async verify(code: string): Promise<VerificationView> {
    const normalised = code.trim().toLowerCase();
    if (!VERIFICATION_CODE_PATTERN.test(normalised)) throw notFound('Certificate');
    const c = await this.txHost.tx.getRepository(Certificate).findOneBy({ verificationCode: normalised });
    if (!c) throw notFound('Certificate');
    const expired = !!c.validUntil && c.validUntil.getTime() < Date.now();
    const status = c.revokedAt ? 'revoked' : expired ? 'expired' : 'valid';
    const base = this.config.PUBLIC_BASE_URL;
    return {
      status,
      valid: status === 'valid',
      certificateId: c.id,
      holder: { name: c.holderName },
      achievement: { name: c.courseTitle, courseCode: c.courseCode, track: c.trackCode, skills: c.skillCodes },
      issuer: { id: issuerId(base), name: this.config.CERT_ISSUER_NAME, url: this.config.certIssuerUrl },
      issuedAt: c.issuedAt.toISOString(),
      validUntil: c.validUntil?.toISOString() ?? null,
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revocationReason: c.revocationReason,
      credentialUrl: `${base}/api/v1/certificates/${c.id}/credential?code=${c.verificationCode}`,
      jwksUrl: `${base}/.well-known/jwks.json`,
    };
  }

  /** The 1EdTech Revocation List (Open Badges 3.0): every revoked credential with its reason. */
  async revocationList(listId: string) {
    if (listId !== REVOCATION_LIST_ID) throw notFound('Revocation list');
    const rows: Array<{ id: string; revocation_reason: string }> = await this.txHost.tx.query(
      `SELECT id, revocation_reason FROM certificate WHERE revoked_at IS NOT NULL ORDER BY revoked_at, id`,
    );
    return {
      id: revocationListUrl(this.config.PUBLIC_BASE_URL),
      issuer: issuerId(this.config.PUBLIC_BASE_URL),
      revokedCredentials: rows.map((r) => ({ id: credentialUrn(r.id), revoked: true, revocationReason: r.revocation_reason })),
    };
  }
}
