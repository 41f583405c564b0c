import { Injectable } from '@nestjs/common';
import { compactVerify, importJWK } from 'jose';
import { AppTransactionHost } from '@gds/database';
import { AppConfig } from '../config/app-config';
import { Certificate } from './certificate.entity';
import { certificateStatus } from './certificate-status';
import { issuerId, keyUrl, verificationUrl } from './credential-urls';
import { credentialOf, isLegacyPayload, issuerIdOf, parseCompactJwt, PresentedJwt, subjectIdOf } from './presented-jwt';
import { RevocationReasonCode } from './revocation-reasons';
import { SigningKey, SigningKeys } from './signing-keys.service';

export const CHECK_REASONS = [
  'malformed',
  'unsupported-algorithm',
  'other-issuer',
  'unknown-key',
  'bad-signature',
  'claims-mismatch',
  'not-yet-valid',
  'expired',
  'unknown-certificate',
  'revoked',
] as const;
export type CheckReason = (typeof CHECK_REASONS)[number];

/** Reasons that leave the signature unproven; the others come after a verified signature. */
export const SIGNATURE_FAILURES: CheckReason[] = ['malformed', 'unsupported-algorithm', 'other-issuer', 'unknown-key', 'bad-signature'];

export interface CredentialCheck {
  valid: boolean;
  /** Why not, when not valid. */
  reason: CheckReason | null;
  certificateId: string | null;
  verificationUrl: string | null;
  /** The key that verified the signature (its URL), once it did. */
  keyUrl: string | null;
  revocationReasonCode: RevocationReasonCode | null;
  checkedAt: string;
}

const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * Checks a credential JWT someone presents, in the order an Open Badges 3.0 verifier does: form,
 * algorithm, issuer, key (by `kid`), signature, the registered claims against the credential, the
 * validity period, then the certificate's current status. Every failure is a named reason, never a 5xx.
 */
@Injectable()
export class CredentialChecker {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly keys: SigningKeys,
    private readonly config: AppConfig,
  ) {}

  async check(token: string, now = new Date()): Promise<CredentialCheck> {
    const result = (reason: CheckReason | null, extra: Partial<CredentialCheck> = {}): CredentialCheck => ({
      valid: reason === null, reason, certificateId: null, verificationUrl: null, keyUrl: null, revocationReasonCode: null,
      checkedAt: now.toISOString(), ...extra,
    });
    const jwt = parseCompactJwt(token);
    if (!jwt) return result('malformed');
    // Only RS256: `none`, HMAC (a public key used as a shared secret) and anything else are refused before any key is used.
    if (jwt.header.alg !== 'RS256') return result('unsupported-algorithm');
    const credential = credentialOf(jwt.payload);
    const ours = issuerId(this.config.PUBLIC_BASE_URL);
    if (jwt.payload.iss !== ours && issuerIdOf(credential) !== ours) return result('other-issuer');
    const key = this.keyFor(jwt.header.kid);
    if (!key) return result('unknown-key');
    if (!(await this.signatureHolds(token, key))) return result('bad-signature');
    const signed = { keyUrl: keyUrl(this.config.PUBLIC_BASE_URL, key.kid) };
    if (!claimsMatch(jwt, credential)) return result('claims-mismatch', signed);
    const nbf = jwt.payload.nbf as number;
    const exp = jwt.payload.exp as number | undefined;
    if (now.getTime() < nbf * 1000) return result('not-yet-valid', signed);
    if (exp !== undefined && now.getTime() >= exp * 1000) return result('expired', signed);
    const id = typeof jwt.payload.jti === 'string' ? UUID_URN.exec(jwt.payload.jti)?.[1] : undefined;
    const certificate = id ? await this.txHost.tx.getRepository(Certificate).findOneBy({ id }) : null;
    if (!certificate) return result('unknown-certificate', signed);
    const found = { ...signed, certificateId: certificate.id };
    const status = certificateStatus(certificate, now);
    if (status === 'revoked') return result('revoked', { ...found, revocationReasonCode: certificate.revocationReasonCode });
    if (status === 'expired') return result('expired', found);
    return result(null, { ...found, verificationUrl: verificationUrl(this.config.PUBLIC_BASE_URL, certificate.verificationCode) });
  }

  /** Our key URL (`<base>/.well-known/jwks/<id>`), or a bare key id as credentials signed before it carried. */
  private keyFor(kid: unknown): SigningKey | undefined {
    if (typeof kid !== 'string' || kid.length > 1000) return undefined;
    const prefix = keyUrl(this.config.PUBLIC_BASE_URL, '');
    if (!kid.startsWith(prefix)) return kid.includes('/') ? undefined : this.keys.find(kid);
    try {
      return this.keys.find(decodeURIComponent(kid.slice(prefix.length)));
    } catch {
      return undefined;
    }
  }

  private async signatureHolds(token: string, key: SigningKey): Promise<boolean> {
    try {
      await compactVerify(token, await importJWK(key.publicJwk, 'RS256'), { algorithms: ['RS256'] });
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * OB 3.0 §8.2.6: iss = issuer.id, sub = credentialSubject.id, jti = id, nbf = validFrom,
 * exp = validUntil. Credentials signed before conformance (a `vc` claim, no subject id) had nbf
 * floored to the second and no sub: they are held to what they could satisfy.
 */
function claimsMatch({ payload }: PresentedJwt, credential: Record<string, unknown>): boolean {
  const legacy = isLegacyPayload(payload);
  const seconds = (iso: unknown) => {
    const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
    return Number.isNaN(ms) ? NaN : legacy ? Math.floor(ms / 1000) : ms / 1000;
  };
  if (typeof payload.nbf !== 'number' || payload.nbf !== seconds(credential.validFrom)) return false;
  if (payload.exp !== undefined || credential.validUntil !== undefined) {
    if (typeof payload.exp !== 'number' || payload.exp !== seconds(credential.validUntil)) return false;
  }
  if (payload.jti !== credential.id || payload.iss !== issuerIdOf(credential)) return false;
  const subject = subjectIdOf(credential);
  return legacy && subject === null && payload.sub === undefined ? true : payload.sub === subject;
}
