import type { FastifyReply } from 'fastify';
import type { FastifyAdapter } from '@nestjs/platform-fastify';

/** The request hook Nest installs for app.useSecurityHeaders() (HttpSecurityHook#handle). */
export type SecurityHook = Parameters<FastifyAdapter['registerSecurityHook']>[0];

/** The api's options for app.useSecurityHeaders: helmet's defaults, no CSP (the web app sets its own). */
export const SECURITY_HEADER_OPTIONS = { contentSecurityPolicy: false } as const;

/** The security headers every answer carries, once recorded. */
export type SecurityHeaders = ReadonlyArray<readonly [name: string, value: string | number | readonly string[]]>;

const recordedOf = new WeakMap<object, () => SecurityHeaders>();

/**
 * Takes the headers off Nest's security hook (app.useSecurityHeaders) and records them once. The
 * adapter ran the hook on every request against the Node response: 11 `setHeader` calls and a
 * `removeHeader`, and since a header was then set on the Node response, Node wrote every other
 * header of the answer through `setHeader` too (writeHead's slow path). The headers are the same
 * for every request (helmet's, resolved from the options at start), so they are recorded the first
 * time they are asked for (useSecurityHeaders sets them after the hook is registered) and put among
 * the reply's own headers by `addSecurityHeaders`, which Node writes in one pass. The hook itself
 * still runs per request, against a response that ignores headers: whatever else it checks
 * (app.enableCsrfProtection, whenever enabled) still answers for every request.
 * Measured: helmet's headers were the costliest per-request feature (bench/findings/ablation.md).
 */
export function keepSecurityHeaders(adapter: FastifyAdapter): void {
  let hook: SecurityHook | undefined;
  let recorded: SecurityHeaders | undefined;
  const register = adapter.registerSecurityHook.bind(adapter);
  adapter.registerSecurityHook = (given) => {
    hook = given;
    recorded = undefined;
    register((request) => given(request, IGNORES_HEADERS as never));
  };
  recordedOf.set(adapter, () => (recorded ??= hook ? recordSecurityHeaders(hook) : []));
}

/** The Node response the per-request hook is given: its headers are on each answer already. */
const IGNORES_HEADERS = { setHeader: () => undefined, removeHeader: () => undefined };

/** The recorded headers of an adapter set up by keepSecurityHeaders (none otherwise). */
export function securityHeadersOf(adapter: object): () => SecurityHeaders {
  return recordedOf.get(adapter) ?? (() => []);
}

/** Runs the hook once against a response that only records (the request it is given is empty: any check it makes passes). */
export function recordSecurityHeaders(hook: SecurityHook): SecurityHeaders {
  const headers = new Map<string, string | number | readonly string[]>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), value),
    // X-Powered-By: Fastify never sets it, so there is nothing to take off an answer here.
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  hook({} as never, recorder as never);
  return [...headers];
}

/** Puts the security headers on an answer, leaving any the route set itself (it knows its content). */
export function addSecurityHeaders(reply: FastifyReply, headers: SecurityHeaders): void {
  for (const [name, value] of headers) {
    if (!reply.hasHeader(name)) reply.header(name, value);
  }
}
