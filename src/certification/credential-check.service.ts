import { Injectable } from '@nestjs/common';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { AppTransactionHost } from '@gds/database';
import { Certificate } from './certificate.entity';
import { SigningKeys } from './signing-keys.service';

export interface CredentialCheck {
  valid: boolean;
  /** Why not, when not valid. */
  reason: 'malformed' | 'unknown-key' | 'bad-signature' | 'unknown-certificate' | 'revoked' | 'expired' | null;
  certificateId: string | null;
  verificationUrl: string | null;
}

const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * Checks a credential JWT someone presents: our signature with any published key (current or
 * retired), then the certificate's current status. Any failure is an explicit "invalid", never a 5xx.
 */
@Injectable()
export class CredentialChecker {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly keys: SigningKeys,
  ) {}

  async check(jwt: string, publicBaseUrl: string): Promise<CredentialCheck> {
    const invalid = (reason: CredentialCheck['reason'], certificateId: string | null = null): CredentialCheck => ({
      valid: false, reason, certificateId, verificationUrl: null,
    });
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(jwt).kid;
    } catch {
      return invalid('malformed');
    }
    const jwks = this.keys.jwks();
    if (!kid || !jwks.keys.some((k) => k.kid === kid)) return invalid('unknown-key');
    let jti: unknown;
    try {
      ({ payload: { jti } } = await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ['RS256'] }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      return invalid(code === 'ERR_JWT_EXPIRED' ? 'expired' : 'bad-signature');
    }
    const id = typeof jti === 'string' ? UUID_URN.exec(jti)?.[1] : undefined;
    const certificate = id ? await this.txHost.tx.getRepository(Certificate).findOneBy({ id }) : null;
    if (!certificate) return invalid('unknown-certificate');
    if (certificate.revokedAt) return invalid('revoked', certificate.id);
    return { valid: true, reason: null, certificateId: certificate.id, verificationUrl: `${publicBaseUrl}/verify/${certificate.verificationCode}` };
  }
}
