import { BenchScenario, compareRows, HTTP_READ_TARGETS } from '../harness/bench-context';
import { pairMethod } from '../harness/measure';
import { seedTrainees, SEEDED_PASSWORD } from '../harness/seed-users';
import { publishBenchCourse } from './bench-course';
import { runningCohort } from './trainee-course';

/**
 * Scenario `cohort-roster` (issue 4): the staff roster of a 500-trainee cohort with progress, in one
 * request, against a bare baseline running the same aggregate query; and concurrent accepts per
 * second at a cohort with fewer seats than accepts.
 *
 * `setupCohortRoster` builds the cohort over the API (a CSV import of 500 trainees, run by the
 * worker) and answers the request to hammer plus the SQL the baseline runs for the same answer.
 * `measureAccepts` applies with the given trainee tokens and fires every accept at once.
 */
export interface CohortRosterTokens {
  /** An admin: creates the cohort, imports trainees, decides applications. */
  admin: string;
}

export interface CohortRosterScenario {
  name: 'cohort-roster';
  method: 'GET';
  path: string;
  headers: Record<string, string>;
  cohortId: string;
  baseline: { queries: Array<{ text: string; values: unknown[] }> };
}

export const ROSTER_TRAINEES = 500;

async function call(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function ok(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const answer = await call(baseUrl, token, method, path, body);
  if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A cohort over a published course version, moved to `status` (trainee-course.ts builds it). */
async function createCohort(baseUrl: string, admin: string, courseVersionId: string, capacity: number, status: 'accepting_applications' | 'running'): Promise<string> {
  return (await runningCohort(baseUrl, admin, courseVersionId, 'Bench cohort', capacity, status)).id;
}

export async function setupCohortRoster(baseUrl: string, tokens: CohortRosterTokens, courseVersionId: string): Promise<CohortRosterScenario> {
  const cohortId = await createCohort(baseUrl, tokens.admin, courseVersionId, ROSTER_TRAINEES, 'running');
  const rows = Array.from({ length: ROSTER_TRAINEES }, (_, i) => `roster-${cohortId.slice(0, 8)}-${i}@bench.test,Roster Trainee ${i}`);
  const started = await ok(baseUrl, tokens.admin, 'POST', `/api/v1/cohorts/${cohortId}/imports`, { csv: ['email,displayName', ...rows].join('\n') });
  // A slow, loaded machine may take minutes; only an import that stops moving is a failure.
  let lastProgress = -1;
  let stalledSince = Date.now();
  for (;;) {
    const status = await ok(baseUrl, tokens.admin, 'GET', started.url);
    if (status.status === 'finished') {
      if (status.report.enrolled !== ROSTER_TRAINEES) throw new Error(`import enrolled ${status.report.enrolled} of ${ROSTER_TRAINEES}`);
      break;
    }
    if (status.progress !== lastProgress) {
      lastProgress = status.progress;
      stalledSince = Date.now();
    }
    if (Date.now() - stalledSince > 300_000) throw new Error(`the roster import stopped moving at ${lastProgress} % for 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    name: 'cohort-roster',
    method: 'GET',
    path: `/api/v1/cohorts/${cohortId}/roster`,
    headers: { authorization: `Bearer ${tokens.admin}` },
    cohortId,
    baseline: {
      queries: [
        { text: 'SELECT id, name, capacity, seats_taken FROM cohort WHERE id = $1', values: [cohortId] },
        {
          text: `SELECT e.id, e.trainee_id, e.course_version_id, e.status, e.enrolled_at, e.last_activity_at, e.lessons_done, e.modules_done,
                        e.modules_total, e.percent_complete, e.failed_assessments,
                        (e.status = 'active' AND c.status = 'running' AND c.starts_at <= now() AND
                         (coalesce(e.last_activity_at, greatest(e.enrolled_at, c.starts_at)) < now() - make_interval(days => 7) OR e.failed_assessments >= 2)) AS at_risk
                   FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
                  WHERE e.cohort_id = $1 ORDER BY e.percent_complete, e.enrolled_at, e.id`,
          values: [cohortId],
        },
        { text: 'SELECT id, email, display_name FROM app_user WHERE id IN (SELECT trainee_id FROM enrollment WHERE cohort_id = $1)', values: [cohortId] },
      ],
    },
  };
}

export interface AcceptsResult {
  decisions: number;
  enrolled: number;
  refused: number;
  seconds: number;
  decisionsPerSecond: number;
}

/**
 * Every trainee (one token each) applies to a cohort of half as many seats; then all accepts fire
 * at once. Capacity must hold: exactly `seats` enrolled, every other accept a 409.
 */
export async function measureAccepts(baseUrl: string, tokens: CohortRosterTokens & { trainees: string[] }, courseVersionId: string): Promise<AcceptsResult> {
  const seats = Math.max(1, Math.floor(tokens.trainees.length / 2));
  const cohortId = await createCohort(baseUrl, tokens.admin, courseVersionId, seats, 'accepting_applications');
  const applications: string[] = [];
  for (const trainee of tokens.trainees) {
    applications.push((await ok(baseUrl, trainee, 'POST', `/api/v1/cohorts/${cohortId}/applications`, { statement: 'Bench applicant' })).id);
  }
  const started = process.hrtime.bigint();
  const answers = await Promise.all(applications.map((id) => call(baseUrl, tokens.admin, 'POST', `/api/v1/applications/${id}/decision`, { decision: 'accept', reason: 'bench' })));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const enrolled = answers.filter((a) => a.status === 200).length;
  const refused = answers.filter((a) => a.status === 409).length;
  if (enrolled !== seats || enrolled + refused !== answers.length) throw new Error(`capacity broken: ${enrolled} enrolled, ${refused} refused, ${seats} seats`);
  return { decisions: answers.length, enrolled, refused, seconds, decisionsPerSecond: Math.round((answers.length / seconds) * 10) / 10 };
}

const ACCEPT_APPLICANTS = 100;
const ROSTER_CONNECTIONS = Number(process.env.BENCH_ROSTER_CONNECTIONS ?? 10);

/** The registered scenario: the roster against the bare baseline, then concurrent accepts per second (no bare equivalent). */
export const cohortRosterScenario: BenchScenario<{ scenario: CohortRosterScenario; admin: string; versionId: string; applicants: string[] }> = {
  description: `GET /api/v1/cohorts/:id/roster of a ${ROSTER_TRAINEES}-trainee cohort with progress (admin, ${ROSTER_CONNECTIONS} connections), against a bare Fastify + pg server running the same aggregate query; then ${ACCEPT_APPLICANTS} accepts fired at once at a cohort of ${ACCEPT_APPLICANTS / 2} seats`,
  method: `Roster: ${pairMethod(ROSTER_CONNECTIONS)}. Accepts: one run, every decision POSTed at once, decisions per second from the first POST to the last answer (no bare equivalent, so no ratio)`,
  async setup(ctx) {
    const admin = await ctx.admin.token();
    const { versionId } = await publishBenchCourse(ctx.api.url, admin);
    ctx.log(`  importing ${ROSTER_TRAINEES} trainees by CSV (run by the worker)`);
    const scenario = await setupCohortRoster(ctx.api.url, { admin }, versionId);
    const emails = await seedTrainees(ctx.db, ACCEPT_APPLICANTS, ctx.log);
    const applicants = await ctx.signIn(emails, SEEDED_PASSWORD);
    return { scenario, admin, versionId, applicants };
  },
  async run(ctx, { scenario, admin, versionId, applicants }) {
    const tokens = [admin];
    // A 500-row answer takes far longer than a small read: fewer connections keep it under autocannon's 10 s timeout on 2 cores.
    const connections = ROSTER_CONNECTIONS;
    const rounds = await ctx.measurePair({ url: ctx.api.url + scenario.path, tokens, connections }, { url: ctx.baseline.url + scenario.path, tokens, connections });
    ctx.log(`  ${applicants.length} applications, then every accept at once`);
    const accepts = await measureAccepts(ctx.api.url, { admin, trainees: applicants }, versionId);
    return [
      ...compareRows('cohort-roster', rounds, HTTP_READ_TARGETS),
      { scenario: 'cohort-roster', metric: `concurrent accepts (${accepts.enrolled} enrolled, ${accepts.refused} refused 409)`, ours: accepts.decisionsPerSecond, baseline: null, ratio: null, unit: 'decisions/s' },
    ];
  },
};
