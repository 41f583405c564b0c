import { createHash, randomBytes } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One-time and refresh tokens read `<uuid>.<secret>`: the id finds the row, the secret proves
 * possession. Only sha256(secret) is stored: 256 random bits need no slow hash.
 */
export function parseSecretToken(token: string): { id: string; secret: string } | null {
  const [id, secret, extra] = token.split('.');
  if (extra !== undefined || !id || !secret || !UUID.test(id)) return null;
  return { id, secret };
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
