import { hkdfSync } from 'node:crypto';

/**
 * A 256-bit key for one purpose, derived from a configured secret with HKDF-SHA256: each use gets
 * its own key, so no value computed for one purpose is ever valid for another, and operators keep
 * one secret fewer.
 */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `gds-academy ${purpose}`, 32));
}
