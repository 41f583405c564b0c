import { HttpClient } from '@gds/testing';
import { createUser, loginAdmin, TestPerson } from './people';

/** The callers of the authorization matrix (issue 9): every route is probed as each of them. */
export const CALLERS = ['anonymous', 'traineeA', 'traineeB', 'instructorOther', 'instructorOwn', 'reviewer', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

export interface MatrixWorld {
  api: HttpClient;
  people: Record<Exclude<Caller, 'anonymous'>, TestPerson>;
  roles: Record<Caller, string[]>;
  token(caller: Caller): string | undefined;
  /** Objects the fixtures made (e.g. cohortId), by name, for path parameters. */
  objects: Map<string, string>;
}

/**
 * Steps that build the shared world after the people exist: the cohort module adds one that makes
 * a cohort taught by `instructorOwn` with trainees A and B enrolled, and records its id in
 * `world.objects` ('cohortId'); the assessment module one that makes trainee A's submission, etc.
 */
export const WORLD_SETUP: Array<(world: MatrixWorld) => Promise<void>> = [];

export async function buildWorld(api: HttpClient): Promise<MatrixWorld> {
  const admin = await loginAdmin(api);
  const people = {
    admin,
    traineeA: await createUser(api, admin.token, ['trainee'], { district: 'Quezon City', employer: 'Concentrix' }),
    traineeB: await createUser(api, admin.token, ['trainee'], { district: 'Cebu City', employer: 'TaskUs' }),
    instructorOther: await createUser(api, admin.token, ['instructor']),
    instructorOwn: await createUser(api, admin.token, ['instructor']),
    reviewer: await createUser(api, admin.token, ['reviewer']),
  };
  const roles: Record<Caller, string[]> = {
    anonymous: [],
    admin: ['admin'],
    traineeA: ['trainee'],
    traineeB: ['trainee'],
    instructorOther: ['instructor'],
    instructorOwn: ['instructor'],
    reviewer: ['reviewer'],
  };
  const world: MatrixWorld = {
    api,
    people,
    roles,
    token: (caller) => (caller === 'anonymous' ? undefined : people[caller].token),
    objects: new Map(),
  };
  for (const step of WORLD_SETUP) await step(world);
  return world;
}
