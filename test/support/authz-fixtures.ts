import type { Caller, MatrixWorld } from './authz-world';

/**
 * Object-level fixtures of the authorization matrix: for a route (its path as in the route table,
 * e.g. '/users/:id'), which real object to put in each path parameter and who may see it. The
 * matrix reads the route (GET only, unless `writes` is true) as every caller:
 *   - callers in `visibleTo` must get 2xx;
 *   - everybody else must get 401, 403 or 404, never 2xx (someone else's data) and never 5xx.
 * Routes without a fixture are still probed with random UUIDs and malformed ids.
 * Module owners add entries here when their routes land, e.g.
 *   '/cohorts/:id': { params: (w) => ({ id: w.objects.get('cohortId')! }), visibleTo: ['admin', 'instructorOwn', 'traineeA', 'traineeB', 'reviewer'] },
 *   '/submissions/:id': { params: (w) => ({ id: w.objects.get('submissionOfA')! }), visibleTo: ['admin', 'instructorOwn', 'traineeA'] },
 */
export interface ObjectFixture {
  params(world: MatrixWorld): Record<string, string>;
  visibleTo: Caller[];
  /** Also probe this route's writes with the real object (only if repeating them is harmless). */
  writes?: boolean;
}

export const OBJECT_FIXTURES: Record<string, ObjectFixture> = {
  '/users/:id': { params: (w) => ({ id: w.people.traineeA.id }), visibleTo: ['admin'] },
  '/users/:id/role-changes': { params: (w) => ({ id: w.people.traineeA.id }), visibleTo: ['admin'] },
};

/** Malformed values for path parameters: each must answer 400/401/403/404, never 5xx or 2xx. */
export const MALFORMED_IDS = ['not-a-uuid', '0', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g', '\u0000', '../../etc/passwd', 'a'.repeat(180)];

/** Fields no client may set: added to every write body, they must be refused (400) and change nothing. */
export const MASS_ASSIGNMENT_FIELDS: Record<string, unknown> = {
  roles: ['admin'],
  ownerId: '00000000-0000-4000-8000-000000000000',
  score: 100,
  status: 'passed',
  issuedAt: '2020-01-01T00:00:00.000Z',
  id: '00000000-0000-4000-8000-000000000001',
  userId: '00000000-0000-4000-8000-000000000002',
  passwordHash: 'x',
  active: false,
};
