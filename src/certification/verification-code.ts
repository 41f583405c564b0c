import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** 16 random bytes = 128 bits, written as 26 lowercase RFC 4648 base32 letters (no padding). */
export const VERIFICATION_CODE_PATTERN = /^[a-z2-7]{26}$/;

export function newVerificationCode(): string {
  return base32(randomBytes(16));
}

export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}
