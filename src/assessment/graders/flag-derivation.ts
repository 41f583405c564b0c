import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The flag a trainee must find: HMAC(secret, assessment:flag:trainee). The challenge environment
 * shows each trainee their own flag, so a flag copied from a classmate scores nothing.
 */
export function deriveFlag(secret: string, assessmentId: string, flagId: string, traineeId: string): string {
  const mac = createHmac('sha256', secret).update(`${assessmentId}:${flagId}:${traineeId}`).digest('hex');
  return `FLAG{${mac.slice(0, 32)}}`;
}

/** Constant-time equality: both sides are hashed first so lengths never differ or leak. */
export function flagsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given.trim()).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
