import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { notFound } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { Certificate } from './certificate.entity';
import { presentCertificate } from './certificate-presentation';
import { CredentialChecker, SIGNATURE_FAILURES } from './credential-check.service';
import { achievementId, achievementImageUrl, credentialUrl, credentialUrn, issuerId, jwksUrl, REVOCATION_LIST_ID, revocationListUrl, skillUrl } from './credential-urls';
import { RevocationListDocument, VerificationView } from './dto/verification.dto';
import { credentialOf, parseCompactJwt } from './presented-jwt';
import { RevocationReasonCode } from './revocation-reasons';
import { VERIFICATION_CODE_PATTERN } from './verification-code';

/** What anyone may learn about a certificate from its verification code, and the public revocation list. */
@Injectable()
export class CertificateVerification {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly config: AppConfig,
    private readonly checker: CredentialChecker,
  ) {}

  /**
   * Reads the row every time (no cache), so a revocation shows at once, and checks the stored
   * credential's signature with the published key. Malformed and unknown codes: 404.
   */
  async verify(code: string): Promise<VerificationView> {
    const normalised = code.trim().toLowerCase();
    if (!VERIFICATION_CODE_PATTERN.test(normalised)) throw notFound('Certificate');
    const c = await this.txHost.tx.getRepository(Certificate).findOneBy({ verificationCode: normalised });
    if (!c) throw notFound('Certificate');
    const base = this.config.PUBLIC_BASE_URL;
    const p = presentCertificate(c, base, this.config.CERT_ISSUER_NAME);
    const check = await this.checker.check(c.credentialJwt);
    const signed = signedAchievement(c.credentialJwt);
    return {
      status: p.status,
      statusLabel: p.statusLabel,
      valid: p.status === 'valid' && check.valid,
      certificateId: c.id,
      holder: { name: c.holderName },
      achievement: {
        id: achievementId(base, c.courseVersionId),
        name: c.courseTitle,
        description: signed.description ?? `Completion of ${c.courseTitle} (${c.courseCode}).`,
        courseCode: c.courseCode,
        track: { code: c.trackCode, name: p.trackName },
        skills: p.skills.map((s) => ({ ...s, url: skillUrl(base, s.code) })),
        criteria: signed.criteria ?? '',
        imageUrl: achievementImageUrl(base, c.courseVersionId),
      },
      issuer: { id: issuerId(base), name: this.config.CERT_ISSUER_NAME, description: this.config.CERT_ISSUER_DESCRIPTION, url: this.config.certIssuerUrl },
      issuedAt: c.issuedAt.toISOString(),
      validUntil: c.validUntil?.toISOString() ?? null,
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revocation: p.revocation,
      signature: {
        verified: check.reason === null || !SIGNATURE_FAILURES.includes(check.reason),
        format: 'Open Badges 3.0 credential, VC-JWT (JSON Web Token)',
        algorithm: 'RS256',
        keyUrl: check.keyUrl,
        checkedAt: check.checkedAt,
        method:
          `The signed credential stored for this certificate was checked just now with ${this.config.CERT_ISSUER_NAME}'s ` +
          `public key (RS256), published at the key URL named in the credential; its status was read from the ` +
          `issuer's current records, which also feed the public revocation list.`,
      },
      credentialUrl: `${credentialUrl(base, c.id)}?code=${c.verificationCode}`,
      jwksUrl: jwksUrl(base),
      revocationListUrl: revocationListUrl(base),
      share: p.share,
    };
  }

  /** The 1EdTech Revocation List (Open Badges 3.0): every revoked credential with its reason code. */
  async revocationList(listId: string): Promise<RevocationListDocument> {
    if (listId !== REVOCATION_LIST_ID) throw notFound('Revocation list');
    const rows: Array<{ id: string; revocation_reason_code: RevocationReasonCode }> = await this.txHost.tx.query(
      `SELECT id, revocation_reason_code FROM certificate WHERE revoked_at IS NOT NULL ORDER BY revoked_at, id`,
    );
    return {
      id: revocationListUrl(this.config.PUBLIC_BASE_URL),
      issuer: issuerId(this.config.PUBLIC_BASE_URL),
      revokedCredentials: rows.map((r) => ({ id: credentialUrn(r.id), revoked: true, revocationReason: r.revocation_reason_code })),
    };
  }
}

/** The achievement's description and criteria exactly as signed (the stored credential is ours: parsed, not re-verified here). */
function signedAchievement(jwt: string): { description: string | null; criteria: string | null } {
  const parsed = parseCompactJwt(jwt);
  const subject = parsed ? (credentialOf(parsed.payload).credentialSubject as { achievement?: Record<string, unknown> } | undefined) : undefined;
  const achievement = subject?.achievement;
  const criteria = achievement?.criteria as { narrative?: unknown } | undefined;
  return {
    description: typeof achievement?.description === 'string' ? achievement.description : null,
    criteria: typeof criteria?.narrative === 'string' ? criteria.narrative : null,
  };
}
