import { createHmac } from 'node:crypto';

export interface RefreshTokenParts {
  id: string;
  secret: string;
  token: string;
}

/**
 * The successor of a refresh token is derived from the whole presented token with an HMAC under a
 * server key: whoever presents the same token again (a second tab, a retried request) gets the very
 * same successor without the server ever storing a usable token; the key keeps anyone holding an
 * old token from computing its successor offline and so slipping past reuse detection.
 */
export class RefreshSuccessor {
  constructor(private readonly key: Buffer) {}

  of(token: string): RefreshTokenParts {
    const mac = createHmac('sha512', this.key).update(token).digest();
    const idBytes = Buffer.from(mac.subarray(0, 16));
    // Shaped as a version-4 UUID so the id column and every id check accept it.
    idBytes[6] = (idBytes[6] & 0x0f) | 0x40;
    idBytes[8] = (idBytes[8] & 0x3f) | 0x80;
    const hex = idBytes.toString('hex');
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const secret = mac.subarray(16, 48).toString('base64url');
    return { id, secret, token: `${id}.${secret}` };
  }
}
