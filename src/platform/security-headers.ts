import type { FastifyReply } from 'fastify';
import type { FastifyAdapter } from '@nestjs/platform-fastify';

/** The request hook Nest installs for app.useSecurityHeaders() (HttpSecurityHook#handle). */
export type SecurityHook = Parameters<FastifyAdapter['registerSecurityHook']>[0];

/** The security headers every answer carries, once recorded. */
export type SecurityHeaders = ReadonlyArray<readonly [name: string, value: string | number | readonly string[]]>;

const recordedOf = new WeakMap<object, () => SecurityHeaders>();

/**
 * Keeps Nest's security hook off the adapter's per-request path and records its headers once
 * instead. The adapter ran it on every request against the Node response: 11 `setHeader` calls
 * and a `removeHeader`, and since a header was then set on the Node response, Node wrote every
 * other header of the answer through `setHeader` too (writeHead's slow path). The headers are the
 * same for every request (helmet's, resolved from the options at start), so they are recorded the
 * first time they are asked for (useSecurityHeaders sets them after the hook is registered) and
 * put among the reply's own headers by `addSecurityHeaders`, which Node writes in one pass.
 * Measured: helmet's headers were the costliest per-request feature (bench/findings/ablation.md).
 */
export function keepSecurityHeaders(adapter: FastifyAdapter): void {
  let hook: SecurityHook | undefined;
  let recorded: SecurityHeaders | undefined;
  adapter.registerSecurityHook = (given) => {
    hook = given;
    recorded = undefined;
  };
  recordedOf.set(adapter, () => (recorded ??= hook ? recordSecurityHeaders(hook) : []));
}

/** The recorded headers of an adapter set up by keepSecurityHeaders (none otherwise). */
export function securityHeadersOf(adapter: object): () => SecurityHeaders {
  return recordedOf.get(adapter) ?? (() => []);
}

/**
 * Runs the hook once against a response that only records. A hook that also checks requests
 * (app.enableCsrfProtection) cannot be recorded: refused at once rather than skipped per request.
 */
export function recordSecurityHeaders(hook: SecurityHook): SecurityHeaders {
  const headers = new Map<string, string | number | readonly string[]>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), value),
    // X-Powered-By: Fastify never sets it, so there is nothing to take off an answer here.
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  const refusal = hook({} as never, recorder as never);
  if (refusal !== undefined) throw new Error('the security hook checks requests (CSRF protection): its headers cannot be recorded once');
  return [...headers];
}

/** Puts the security headers on an answer, leaving any the route set itself (it knows its content). */
export function addSecurityHeaders(reply: FastifyReply, headers: SecurityHeaders): void {
  for (const [name, value] of headers) {
    if (!reply.hasHeader(name)) reply.header(name, value);
  }
}
