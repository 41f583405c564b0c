import type { FastifyInstance } from 'fastify';

/** OPTIONS is left out: the CORS plugin answers it for every path. HEAD follows GET. */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods some route answers at this concrete URL (its query string ignored), for `Allow`. */
export function allowedMethodsOf(server: Pick<FastifyInstance, 'findRoute'>, url: string | undefined): string[] {
  const path = (url ?? '').split('?')[0];
  if (!path) return [];
  const allowed: string[] = METHODS.filter((method) => server.findRoute({ method, url: path }) !== null);
  if (allowed.includes('GET')) allowed.splice(1, 0, 'HEAD');
  return allowed;
}
