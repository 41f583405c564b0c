import type { CorsPolicy } from './cors';

/**
 * Public machine-readable documents and verification (API.md): any origin may read them, without
 * credentials, so browser-based verifiers and wallets can. Everything else follows CORS_ORIGINS.
 */
export const PUBLIC_CORS_PATHS = [
  /^\/verify\//,
  /^\/\.well-known\//,
  /^\/api\/v1\/revocation-lists\//,
  /^\/api\/v1\/issuers\//,
  /^\/api\/v1\/achievements\//,
  /^\/api\/v1\/skills\/[^/?]+(\?|$)/,
];

export const PUBLIC_CORS: CorsPolicy = { origin: '*', methods: 'GET, HEAD, POST', allowedHeaders: 'Content-Type, Accept', maxAge: 600 };

/** Everything else: CORS_ORIGINS (none: no cross-origin reads), no credentials either way, the methods @fastify/cors allowed by default (cors.ts). */
export const apiCorsPolicy = (origins: readonly string[]): CorsPolicy => ({ origin: origins.length ? [...origins] : false, methods: 'GET,HEAD,POST' });

export const isPublicCorsPath = (url: string) => PUBLIC_CORS_PATHS.some((pattern) => pattern.test(url));
