import { HttpClient } from '@gds/testing';
import { createUser, loginAdmin, TestPerson } from './people';
import { createAppDatabase, startTestApp, TestApp } from './test-app';
import { certificateOfA, cohorts, notificationOfA, publishedCourse, talentOfA, workOfA } from './authz-world-setup';

/** The callers of the authorization matrix (issue 9): every route is probed as each of them. */
export const CALLERS = ['anonymous', 'traineeA', 'traineeB', 'instructorOther', 'instructorOwn', 'reviewer', 'employer', 'admin'] as const;
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
 * Steps that build the shared world after the people exist, over the real HTTP API, recording ids
 * in `world.objects` (see authz-world-setup.ts): a course published by instructorOwn (courseId,
 * moduleId, lessonId, assessmentId, versionId, version); a running cohort of instructorOwn
 * (cohortId) where A and B applied and are enrolled (applicationOfA/B, enrollmentOfA/B), and
 * another cohort of instructorOther (otherCohortId); A's quiz submission (submissionOfA) and A's
 * first notification (notificationOfA) and A's certificate (certificateOfA, verificationCodeOfA)
 * issued through the real flow: these need a worker running while the world is built. Then A lists
 * a talent profile and the employer (of 'employerOrganisationId') asks A to an interview
 * ('interviewRequestOfA').
 */
export const WORLD_SETUP: Array<(world: MatrixWorld) => Promise<void>> = [publishedCourse, cohorts, workOfA, notificationOfA, certificateOfA, talentOfA];

async function organisation(api: HttpClient, adminToken: string): Promise<string> {
  const created = await api.post('/api/v1/organisations', { name: `Matrix employer ${Date.now()}` }, adminToken);
  if (created.status !== 201) throw new Error(`creating an organisation failed: ${created.status} ${created.text}`);
  return created.body.id;
}

export async function buildWorld(api: HttpClient): Promise<MatrixWorld> {
  const admin = await loginAdmin(api);
  const people = {
    admin,
    traineeA: await createUser(api, admin.token, ['trainee'], { district: 'Belize', employer: 'other' }),
    traineeB: await createUser(api, admin.token, ['trainee'], { district: 'Stann Creek', employer: 'other' }),
    instructorOther: await createUser(api, admin.token, ['instructor']),
    instructorOwn: await createUser(api, admin.token, ['instructor']),
    reviewer: await createUser(api, admin.token, ['reviewer']),
    employer: await createUser(api, admin.token, ['employer'], { organisationId: await organisation(api, admin.token) }),
  };
  const roles: Record<Caller, string[]> = {
    anonymous: [],
    admin: ['admin'],
    traineeA: ['trainee'],
    traineeB: ['trainee'],
    instructorOther: ['instructor'],
    instructorOwn: ['instructor'],
    reviewer: ['reviewer'],
    employer: ['employer'],
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

/**
 * An api-role app (no workers: nothing changes the database behind the probes) over the built
 * world. A worker process on the same database runs only while the world is built (grading,
 * notifications, the certificate). The worker starts first: @nestjs-cls/transactional keeps the
 * last app's transaction host in a static map, so the api app, started last, keeps a live one
 * after the worker closes.
 */
export async function startAppWithWorld(env: Record<string, string> = {}): Promise<{ t: TestApp; world: MatrixWorld; close(): Promise<void> }> {
  const database = await createAppDatabase();
  const worker = await startTestApp({ role: 'worker', database });
  const t = await startTestApp({ role: 'api', database, env });
  const close = async () => {
    await t.close();
    await database.drop();
  };
  try {
    return { t, world: await buildWorld(t.api), close };
  } catch (error) {
    await close();
    throw error;
  } finally {
    await worker.close();
  }
}
