import { Header } from '@nestjs/common';

/**
 * What a cache may do with each kind of answer (RFC 9111). The default, for every GET without a
 * policy of its own, is PERSONAL: the browser may keep it but must ask again each time, which the
 * ETag makes a cheap 304. Routes that serve documents everyone may read, or versions that never
 * change, say so with `@CachePolicy(...)`.
 */
export const CACHE = {
  /** Personal data and anything behind sign-in: only the browser keeps it, and revalidates every time. */
  personal: 'private, no-cache',
  /** Token answers, secrets shown once, every write's answer and every error: stored nowhere. */
  never: 'no-store',
  /** Behind sign-in but immutable (a published course version): the browser may reuse it for a day. */
  privateImmutable: 'private, max-age=86400, immutable',
  /** A public document that changes rarely: any cache may keep it for `seconds`. */
  publicFor: (seconds: number) => `public, max-age=${seconds}`,
  /** A public document whose freshness matters (a revocation list): any cache may keep it, but revalidates every time. */
  publicRevalidated: 'public, no-cache',
} as const;

/** A route's cache policy (successful answers only: errors are never stored). */
export const CachePolicy = (value: string) => Header('Cache-Control', value);

/**
 * The Cache-Control an answer leaves with: errors and the answers of writes are never stored
 * (a 404 must not be kept under a document's max-age, a token answer must not be kept at all);
 * safe reads keep their route's policy, else the personal default.
 */
export function effectiveCacheControl(method: string, status: number, routePolicy: string | undefined): string {
  if (status >= 400) return CACHE.never;
  if (method !== 'GET' && method !== 'HEAD') return CACHE.never;
  return routePolicy ?? CACHE.personal;
}
