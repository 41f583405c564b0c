import { Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { SigningKeys } from './signing-keys.service';
import { OpenBadgeCredential } from './open-badge-credential';

/**
 * Signs credentials as VC-JWTs (Open Badges 3.0 §8.2): RS256 with the active key's `kid`, the
 * credential in the `vc` claim and its essentials repeated as registered claims (iss, jti, nbf, exp).
 */
@Injectable()
export class CredentialSigner {
  constructor(private readonly keys: SigningKeys) {}

  async sign(credential: OpenBadgeCredential): Promise<{ jwt: string; kid: string }> {
    const key = this.keys.active;
    let jwt = new SignJWT({ vc: credential })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(credential.issuer.id)
      .setJti(credential.id)
      .setIssuedAt(toSeconds(credential.validFrom))
      .setNotBefore(toSeconds(credential.validFrom));
    if ('validUntil' in credential && typeof credential.validUntil === 'string') jwt = jwt.setExpirationTime(toSeconds(credential.validUntil));
    return { jwt: await jwt.sign(key.privateKey), kid: key.kid };
  }
}

const toSeconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
