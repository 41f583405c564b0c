import { Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { AppConfig } from '../config/app-config';
import { SigningKeys } from './signing-keys.service';
import { OpenBadgeCredential } from './open-badge-credential';
import { keyUrl } from './credential-urls';

/**
 * Signs credentials as VC-JWTs (Open Badges 3.0 §8.2, VC data model 2.0): the JWT payload is the
 * credential itself plus the registered claims the spec requires, each equal to its credential
 * property: iss = issuer.id, jti = id, sub = credentialSubject.id, nbf = validFrom, exp = validUntil.
 * The header's `kid` is the URL of the public key (a verifier dereferences it), RS256, typ JWT.
 */
@Injectable()
export class CredentialSigner {
  constructor(
    private readonly keys: SigningKeys,
    private readonly config: AppConfig,
  ) {}

  async sign(credential: OpenBadgeCredential): Promise<{ jwt: string; kid: string }> {
    const key = this.keys.active;
    const validUntil = 'validUntil' in credential && typeof credential.validUntil === 'string' ? credential.validUntil : null;
    const payload = {
      ...credential,
      iss: credential.issuer.id,
      jti: credential.id,
      sub: credential.credentialSubject.id,
      nbf: toSeconds(credential.validFrom),
      ...(validUntil ? { exp: toSeconds(validUntil) } : {}),
    };
    const jwt = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: keyUrl(this.config.PUBLIC_BASE_URL, key.kid), typ: 'JWT' })
      .sign(key.privateKey);
    return { jwt, kid: key.kid };
  }
}

/** validFrom/validUntil are written in whole seconds, so this is exact (no rounding). */
const toSeconds = (iso: string) => new Date(iso).getTime() / 1000;
