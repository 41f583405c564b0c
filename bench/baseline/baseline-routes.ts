import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { jwtVerify } from 'jose';
import type { Pool } from 'pg';

export interface BaselineDeps {
  pool: Pool;
  key: Uint8Array;
  issuer: string;
  audience: string;
}

/** The same token check as the app: HS256 pinned, issuer and audience, then the user's roles and status. */
export async function authenticate(deps: BaselineDeps, request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  if (!match) {
    reply.code(401).send({ status: 401 });
    return undefined;
  }
  try {
    const { payload } = await jwtVerify(match[1], deps.key, {
      algorithms: ['HS256'],
      issuer: deps.issuer,
      audience: deps.audience,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const { rows } = await deps.pool.query('SELECT roles, active FROM app_user WHERE id = $1', [payload.sub]);
    if (rows.length === 0 || !rows[0].active) throw new Error('inactive');
    return payload.sub as string;
  } catch {
    reply.code(401).send({ status: 401 });
    return undefined;
  }
}

/** GET /api/v1/me: the token check, then the same row the app reads, shaped as the app shapes it. */
function me(app: FastifyInstance, deps: BaselineDeps): void {
  app.get('/api/v1/me', async (request, reply) => {
    const userId = await authenticate(deps, request, reply);
    if (!userId) return reply;
    const { rows } = await deps.pool.query(
      'SELECT id, email, display_name, roles, active, gender, birth_year, district, employer, created_at, updated_at FROM app_user WHERE id = $1',
      [userId],
    );
    const u = rows[0];
    return {
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      roles: u.roles,
      active: u.active,
      gender: u.gender,
      birthYear: u.birth_year,
      district: u.district,
      employer: u.employer,
      createdAt: u.created_at.toISOString(),
    };
  });
}

/**
 * Every baseline route. A scenario that compares against a bare implementation adds its route
 * function here (same SQL as the app, no framework), e.g. `courseOutline(app, deps)`.
 */
export const BASELINE_ROUTES: Array<(app: FastifyInstance, deps: BaselineDeps) => void> = [me];
