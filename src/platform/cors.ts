import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';

/**
 * CORS for the api, answering exactly as @fastify/cors 11 did with a per-request delegator (the
 * public policy on public documents, CORS_ORIGINS elsewhere), but from two policies resolved at
 * start: the plugin normalised the delegator's options into a fresh object twice per request (its
 * largest self-time function in the lesson profile, issue 23). cors.spec.ts compares every
 * answer's status and headers with the plugin's over a matrix of requests.
 *
 * On every request: `Vary: Origin` (the answer depends on the origin), and where the policy allows
 * the origin, `Access-Control-Allow-Origin`. A preflight (OPTIONS) that the policy allows is
 * answered here (204), before authentication; one without Origin or Access-Control-Request-Method
 * is refused (400, strict preflight); with CORS off (no CORS_ORIGINS) an OPTIONS request is not found.
 */
export interface CorsPolicy {
  /** `*` for any origin, a list of origins (reflected when listed), or `false` for no CORS at all. */
  origin: '*' | string[] | false;
  /** Access-Control-Allow-Methods as sent. */
  methods: string;
  /** As sent; `undefined`: the preflight's Access-Control-Request-Headers is reflected (and Vary names it). */
  allowedHeaders?: string;
  maxAge?: number;
}

interface Resolved {
  allowOrigin: ((origin: string | undefined) => string | undefined) | undefined;
  methods: string;
  allowedHeaders: string | undefined;
  maxAge: string | undefined;
}

function resolve(policy: CorsPolicy): Resolved {
  const { origin } = policy;
  let allowOrigin: Resolved['allowOrigin'];
  if (origin === '*' || (Array.isArray(origin) && origin.includes('*'))) allowOrigin = () => '*';
  else if (Array.isArray(origin)) {
    const listed = new Set(origin);
    allowOrigin = (requested) => (requested !== undefined && listed.has(requested) ? requested : undefined);
  }
  return {
    allowOrigin,
    methods: policy.methods,
    allowedHeaders: policy.allowedHeaders,
    maxAge: policy.maxAge === undefined ? undefined : String(policy.maxAge),
  };
}

/** Adds a field name to Vary as the plugin's vary.js does (case-insensitive, `*` absorbs all). */
function addToVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary');
  if (!current) {
    reply.header('vary', field);
    return;
  }
  const text = String(current);
  if (text === '*') return;
  const fields = text.toLowerCase().split(',').map((part) => part.trim());
  if (fields.includes('*')) return;
  if (field === '*') reply.header('vary', '*');
  else if (!fields.includes(field.toLowerCase())) reply.header('vary', `${text}, ${field}`);
}

/** The CORS step of a request: calls `done` to go on, or answers the request itself (a preflight). */
export type CorsRequestHook = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => void;

/**
 * `isPublic(url)` says whether the public policy applies to a request URL. Returns the request
 * step; with `addHook: false` it is not added as an onRequest hook of its own, and the caller runs
 * it from its own hook (the api runs it inside its request-context hook: one hook instead of two).
 */
export function registerCors(
  fastify: FastifyInstance,
  configured: CorsPolicy,
  publicPolicy: CorsPolicy,
  isPublic: (url: string) => boolean,
  { addHook = true }: { addHook?: boolean } = {},
): CorsRequestHook {
  const policies = { configured: resolve(configured), public: resolve(publicPolicy) };
  fastify.decorateRequest('corsPreflightEnabled', false);
  const hook = (request: FastifyRequest & { corsPreflightEnabled?: boolean }, reply: FastifyReply, done: (error?: Error) => void): void => {
    const policy = isPublic(request.url) ? policies.public : policies.configured;
    addToVary(reply, 'Origin');
    if (!policy.allowOrigin) return done();
    const origin = policy.allowOrigin(request.headers.origin);
    if (origin) reply.header('access-control-allow-origin', origin);
    if (request.raw.method !== 'OPTIONS') return done();
    if (!request.headers.origin || !request.headers['access-control-request-method']) {
      reply.status(400).type('text/plain').send('Invalid Preflight Request');
      return;
    }
    request.corsPreflightEnabled = true;
    reply.header('access-control-allow-methods', policy.methods);
    if (policy.allowedHeaders === undefined) {
      addToVary(reply, 'Access-Control-Request-Headers');
      const asked = request.headers['access-control-request-headers'];
      if (asked !== undefined) reply.header('access-control-allow-headers', asked);
    } else reply.header('access-control-allow-headers', policy.allowedHeaders);
    if (policy.maxAge !== undefined) reply.header('access-control-max-age', policy.maxAge);
    reply.code(204).header('content-length', '0').send();
  };
  if (addHook) fastify.addHook('onRequest', hook);
  // Lets a preflight for any path reach the hook above (the router would otherwise 404 it first).
  // Hidden from the OpenAPI document, as the plugin's route was (`hide` is @fastify/swagger's word, not Fastify's type).
  fastify.options('*', { schema: { hide: true } as FastifySchema }, (request: FastifyRequest & { corsPreflightEnabled?: boolean }, reply) => {
    if (!request.corsPreflightEnabled) return reply.callNotFound();
    reply.send();
  });
  return hook;
}
