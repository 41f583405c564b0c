import { Client } from 'pg';
import { startTestApp, TestApp } from './support/test-app';
import { loginAdmin } from './support/people';
import { seedScaleWorld, ScaleWorld } from '../bench/scenarios/scale-seed';
import { walkPages } from './support/walk-pages';

/**
 * Issue 23.4: every hot list query pages by a keyset backed by an index. The world of the `scale`
 * bench (10,000 trainees in one cohort with 20,000 submissions and 20,000 notifications, 1,000
 * courses) is seeded and analysed; then each list is requested over HTTP from the real app while
 * every statement its pg clients send is captured, and each captured statement is explained
 * (EXPLAIN (FORMAT JSON), the same text and parameters). A sequential scan of a large table
 * (over LARGE rows by the planner's statistics) in any of them fails the test. So the plans checked
 * are those of the SQL production runs, not a copy of it.
 *
 * The selection workbench (GET /cohorts/:id/applications) pages by keyset for its sorts by
 * submission, score and status. Three of its statements are about the whole cohort on purpose and
 * are allowed there by their text (WHOLE_COHORT), nowhere else: the applicants (ids, trainee, phone
 * digits) and their names and e-mails that possible duplicates are found among (a duplicate may be
 * any application of the cohort), and the counts that give a page's scores their rank in the cohort
 * (most of a cohort counts when a score is low). Every other statement of it is checked.
 * The talent search ranked by skills any-of ranks its candidates in one statement per page: a count
 * that depends on the question cannot be index-ordered, so every candidate is counted. The GIN index
 * on skills selects them (checked for rare skills and for a quarter of the profiles); when the asked
 * skills cover most profiles, reading the table is the cheaper way to the same candidates, so for
 * that one search its ranked statement is allowed by its text (RANKED_CANDIDATES).
 */
const TRAINEES = 10_000;
const COURSES = 1_000;
const LARGE = 5_000;
const OTHER_USERS = 40_000;

/** The workbench's statements that read its whole cohort by design (see above). */
const WHOLE_COHORT = [
  /^SELECT id, trainee_id, phone_digits FROM application WHERE cohort_id = \$1$/,
  /^SELECT id, email, display_name AS "displayName", .* FROM app_user WHERE id = ANY\(\$1::uuid\[\]\)$/s,
  /^SELECT s::text AS score,\s+\(SELECT count\(\*\) FROM application WHERE cohort_id = \$1 AND score > s\)::int AS above,/,
];

/** The talent search's ranked any-of statement, which counts all its candidates by design (see above). */
const RANKED_CANDIDATES = [/^SELECT \* FROM \(SELECT trainee_id, .* AS skill_match FROM talent_profile WHERE .*\) ranked\s/s];

interface Captured {
  text: string;
  values: unknown[];
}

/** Every statement sent by any pg client of this process while `work` runs. */
async function capture(work: () => Promise<void>): Promise<Captured[]> {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const seen: Captured[] = [];
  proto.query = function (this: Client, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') seen.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === 'object' && typeof (first as { text?: unknown }).text === 'string') {
      const config = first as { text: string; values?: unknown[] };
      seen.push({ text: config.text, values: Array.isArray(second) ? second : (config.values ?? []) });
    }
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return seen;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode, out: string[] = []): string[] {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) out.push(node['Relation Name']);
  for (const child of node.Plans ?? []) seqScans(child, out);
  return out;
}

describe('query plans of the hot list queries (issue 23.4)', () => {
  let t: TestApp;
  let admin: { id: string; token: string };
  let world: ScaleWorld;
  let large: Set<string>;
  /** The application with a long trail of decisions. */
  let trailed: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error' } });
    admin = await loginAdmin(t.api);
    world = await seedScaleWorld({ url: t.url, adminToken: admin.token }, t.dataSource, { trainees: TRAINEES, courses: COURSES });
    // Listed talent profiles for every scale trainee (the employers' search).
    await t.dataSource.query(
      `INSERT INTO talent_profile (trainee_id, listed, statement, availability, preferred_roles, track_code, cohort_id, skill_codes, certified_course_codes, listed_at)
       SELECT trainee_id, true, 'Scale profile', 'immediately', ARRAY['Analyst'], (ARRAY['cybersecurity','data-analysis'])[1 + abs(hashtext(id::text)) % 2], cohort_id,
              ARRAY['SK-' || abs(hashtext(id::text)) % 24, 'SK-' || abs(hashtext(trainee_id::text)) % 24], '{}', now()
         FROM enrollment WHERE cohort_id = $1`,
      [world.cohortId],
    );
    // The platform's other people: a cohort is a fraction of the users (names are read by id).
    await t.dataSource.query(
      `INSERT INTO app_user (email, display_name, roles) SELECT 'plans-other-' || n || '@gds.test', 'Other ' || n, ARRAY['trainee'] FROM generate_series(1, $1::int) n`,
      [OTHER_USERS],
    );
    // Owner-bounded trails that only grow: every other person's account creation and every
    // application's submission, and a long trail of one person (the admin) and one application.
    await t.dataSource.query(
      `INSERT INTO role_change (user_id, action, roles_before, roles_after) SELECT id, 'create', '{}', roles FROM app_user WHERE email LIKE 'plans-other-%'`,
    );
    await t.dataSource.query(
      `INSERT INTO role_change (user_id, actor_id, action, roles_before, roles_after, changed_at) SELECT $1::uuid, $1::uuid, 'roles', ARRAY['admin'], ARRAY['admin'], now() - n * interval '1 minute' FROM generate_series(1, 60) n`,
      [admin.id],
    );
    await t.dataSource.query(
      `INSERT INTO application_decision (application_id, actor_id, action, to_status, created_at) SELECT id, trainee_id, 'submit', 'submitted', submitted_at FROM application WHERE cohort_id = $1`,
      [world.cohortId],
    );
    [{ id: trailed }] = await t.dataSource.query(`SELECT id FROM application WHERE cohort_id = $1 LIMIT 1`, [world.cohortId]);
    await t.dataSource.query(
      `INSERT INTO application_decision (application_id, actor_id, action, from_status, to_status, score, created_at)
       SELECT $1::uuid, $2::uuid, 'score', 'submitted', 'submitted', n, now() - n * interval '1 minute' FROM generate_series(1, 60) n`,
      [trailed, admin.id],
    );
    // A cohort moved between versions many times (the trail's table large by itself).
    await t.dataSource.query(
      `INSERT INTO cohort_version_move (cohort_id, course_id, from_version_id, to_version_id, from_version, to_version, reason, moved_by, enrollments_moved, trainees_notified, moved_at)
       SELECT $1::uuid, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), n, n + 1, 'Fix ' || n, $2::uuid, 0, false, now() - n * interval '1 minute' FROM generate_series(1, 6000) n`,
      [world.cohortId, admin.id],
    );
    // Scores for the workbench: five values and unscored ones (ties of the sort key), and submission
    // times cut to the minute (ties of the tie-breaker too), so the keyset must go down to the id.
    await t.dataSource.query(
      `UPDATE application SET score = CASE WHEN abs(hashtext(id::text)) % 4 = 0 THEN NULL ELSE (abs(hashtext(id::text)) % 5) * 20 + 0.5 END,
              submitted_at = date_trunc('minute', submitted_at) WHERE cohort_id = $1`,
      [world.cohortId],
    );
    // The profiles were bulk-loaded into an existing GIN index: they sit in its pending list, which
    // the planner costs as a scan of the whole list (so it reads the table instead) until autovacuum
    // merges it, as it does in a running system. Merged here, so the plans are the steady state's.
    await t.dataSource.query(`SELECT gin_clean_pending_list('talent_profile_skills_idx')`);
    await t.dataSource.query('ANALYZE');
    const rows: Array<{ relname: string }> = await t.dataSource.query(`SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > $1`, [LARGE]);
    large = new Set(rows.map((r) => r.relname));
  }, 600_000);
  afterAll(() => t?.close());

  let employer: Promise<string> | undefined;
  let trainee: Promise<string> | undefined;
  const employerToken = () => (employer ??= newEmployerToken());
  const traineeToken = () => (trainee ??= newTraineeToken());

  async function newEmployerToken(): Promise<string> {
    const organisation = await t.api.post('/api/v1/organisations', { name: 'Plans employer' }, admin.token);
    const email = `plans-employer-${Date.now()}@gds.test`;
    await t.api.post('/api/v1/users', { email, displayName: 'Plans employer', roles: ['employer'], organisationId: organisation.body.id, password: 'plans-employer-password-1' }, admin.token);
    return (await t.api.post('/api/v1/auth/login', { email, password: 'plans-employer-password-1' })).body.accessToken;
  }

  async function newTraineeToken(): Promise<string> {
    // A seeded trainee has no password: give one by SQL (the hash of the admin's, known to the test app).
    const [row] = await t.dataSource.query(`SELECT e.trainee_id, u.email FROM enrollment e JOIN app_user u ON u.id = e.trainee_id WHERE e.cohort_id = $1 LIMIT 1`, [world.cohortId]);
    await t.dataSource.query(`UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE id = $1) WHERE id = $2`, [admin.id, row.trainee_id]);
    return (await t.api.post('/api/v1/auth/login', { email: row.email, password: 'test-admin-password-1' })).body.accessToken;
  }

  /** Requests `path` (and its next page) and answers the statements that read a large table by a sequential scan. */
  async function planProblems(path: string, token: string, allowed: RegExp[] = []): Promise<string[]> {
    let next: string | null = null;
    const statements = await capture(async () => {
      const first = await t.api.get(path, token);
      expect([path, first.status]).toEqual([path, 200]);
      next = first.body.nextCursor ?? null;
      if (next) {
        const second = await t.api.get(`${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(next)}`, token);
        expect([path, second.status]).toEqual([path, 200]);
      }
    });
    const problems: string[] = [];
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      for (const s of statements) {
        if (!/^\s*(SELECT|WITH)\b/i.test(s.text) || allowed.some((a) => a.test(s.text.trim()))) continue;
        const explained = await client.query(`EXPLAIN (FORMAT JSON) ${s.text}`, s.values);
        const scans = seqScans(explained.rows[0]['QUERY PLAN'][0].Plan).filter((table) => large.has(table));
        if (scans.length) problems.push(`${path}: Seq Scan on ${scans.join(', ')} in\n${s.text}`);
      }
    } finally {
      await client.end();
    }
    expect(statements.length).toBeGreaterThan(0);
    return problems;
  }

  it('seeded tables the planner counts as large', () => {
    for (const table of ['enrollment', 'submission', 'app_user', 'notification_delivery', 'application', 'role_change', 'application_decision', 'cohort_version_move']) expect(large).toContain(table);
  });

  it.each([
    ['the cohort roster', () => `/api/v1/cohorts/${world.cohortId}/roster?limit=100`],
    ['the roster of the at-risk', () => `/api/v1/cohorts/${world.cohortId}/roster?limit=100&atRisk=true`],
    ['the gradebook', () => `/api/v1/cohorts/${world.cohortId}/gradebook?limit=100`],
    ['the catalogue', () => '/api/v1/courses?limit=50'],
    ['the catalogue by track', () => '/api/v1/courses?limit=50&track=data-analysis'],
    ['the submissions of an assessment', () => `/api/v1/assessments/${world.assessmentIds[0]}/submissions?limit=50&cohortId=${world.cohortId}`],
    ['the review queue', () => `/api/v1/cohorts/${world.cohortId}/review-queue?limit=50`],
    ['the admin’s inbox', () => '/api/v1/me/notifications?limit=50'],
    ['the users', () => '/api/v1/users?limit=50'],
    ['the trainees among the users', () => '/api/v1/users?limit=50&role=trainee'],
    ['a person’s role changes', () => `/api/v1/users/${admin.id}/role-changes?limit=20`],
    ['an application’s decisions', () => `/api/v1/applications/${trailed}/decisions?limit=20`],
    ['a cohort’s version moves', () => `/api/v1/cohorts/${world.cohortId}/version-moves?limit=20`],
  ])('%s reads no large table sequentially', async (_name, path) => {
    expect(await planProblems(path(), admin.token)).toEqual([]);
  });

  it('a fair’s slots, everyone’s and one employer’s, read no large table sequentially and page once through ties', async () => {
    const employer = await employerToken();
    const organisationId = (await t.api.get('/api/v1/me', employer)).body.organisationId as string;
    const [{ id: fairId }] = await t.dataSource.query(
      `INSERT INTO career_fair (name, starts_at, ends_at, place, created_by) VALUES ('Plans fair', now() + interval '30 days', now() + interval '31 days', 'Hall', $1) RETURNING id`,
      [admin.id],
    );
    await t.dataSource.query('INSERT INTO career_fair_employer (fair_id, organisation_id) VALUES ($1, $2)', [fairId, organisationId]);
    // 6,000 slots of 60 organisations (every 60th the employer's), a hundred start times (ties), half booked.
    await t.dataSource.query(
      `INSERT INTO fair_slot (fair_id, organisation_id, starts_at, ends_at, created_by)
       SELECT $1::uuid, CASE WHEN n % 60 = 0 THEN $2::uuid ELSE ('00000000-0000-4000-8000-' || lpad((n % 60)::text, 12, '0'))::uuid END,
              now() + interval '30 days' + (n % 100) * interval '5 minutes', now() + interval '30 days' + (n % 100) * interval '5 minutes' + interval '5 minutes', $3::uuid
         FROM generate_series(1, 6000) n`,
      [fairId, organisationId, admin.id],
    );
    await t.dataSource.query(
      `INSERT INTO fair_booking (slot_id, fair_id, trainee_id, during)
       SELECT s.id, s.fair_id, e.trainee_id, tstzrange(s.starts_at, s.ends_at)
         FROM (SELECT id, fair_id, starts_at, ends_at, row_number() OVER (ORDER BY id) rn FROM fair_slot WHERE fair_id = $1) s
         JOIN (SELECT trainee_id, row_number() OVER (ORDER BY trainee_id) rn FROM enrollment WHERE cohort_id = $2) e ON e.rn = s.rn AND s.rn % 2 = 0`,
      [fairId, world.cohortId],
    );
    await t.dataSource.query('ANALYZE fair_slot; ANALYZE fair_booking');
    const counted: Array<{ relname: string }> = await t.dataSource.query(`SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > $1`, [LARGE]);
    for (const r of counted) large.add(r.relname);
    expect(large).toContain('fair_slot');
    const path = `/api/v1/career-fairs/${fairId}/slots?limit=20`;
    expect(await planProblems(path, admin.token)).toEqual([]);
    expect(await planProblems(path, employer)).toEqual([]);
    const own: Array<{ id: string }> = await t.dataSource.query('SELECT id FROM fair_slot WHERE fair_id = $1 AND organisation_id = $2 ORDER BY starts_at, id', [fairId, organisationId]);
    expect((await walkPages<{ id: string }>(t.api, path, employer)).map((s) => s.id)).toEqual(own.map((r) => r.id));
  }, 300_000);

  it.each([
    ['the selection workbench', ''],
    ['the workbench newest first', '&sort=-submitted'],
    ['the workbench by score', '&sort=score'],
    ['the workbench best first', '&sort=-score'],
    ['the workbench by status', '&sort=-status'],
    ['the workbench’s scored accepted', '&sort=-score&status=accepted&scored=true'],
  ])('%s reads no large table sequentially but for its whole-cohort duplicates and ranks', async (_name, query) => {
    expect(await planProblems(`/api/v1/cohorts/${world.cohortId}/applications?limit=50${query}`, admin.token, WHOLE_COHORT)).toEqual([]);
  });

  it('the roster’s keyset pages cover the cohort once, in order, and refuse a forged cursor', async () => {
    const seen = new Set<string>();
    let previous: number | null = null;
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Array<{ enrollmentId: string; percentComplete: number }>; nextCursor: string | null } } = await t.api.get(
        `/api/v1/cohorts/${world.cohortId}/roster${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, admin.token);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1000);
      for (const item of page.body.items) {
        expect(seen.has(item.enrollmentId)).toBe(false);
        seen.add(item.enrollmentId);
        if (previous !== null) expect(item.percentComplete).toBeGreaterThanOrEqual(previous);
        previous = item.percentComplete;
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(TRAINEES);
    const forged = Buffer.from(JSON.stringify({ p: '50', at: '2026-13-45 10:00:00+00', id: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    expect((await t.api.get(`/api/v1/cohorts/${world.cohortId}/roster?cursor=${forged}`, admin.token)).status).toBe(400);
    expect((await t.api.get(`/api/v1/cohorts/${world.cohortId}/roster?cursor=nonsense`, admin.token)).status).toBe(400);
  }, 300_000);

  it('a trainee’s inbox, their applications, their cohorts, the catalogue and the talent search read no large table sequentially', async () => {
    expect(await planProblems('/api/v1/me/notifications?limit=50', await traineeToken())).toEqual([]);
    expect(await planProblems('/api/v1/me/applications?limit=20', await traineeToken())).toEqual([]);
    // The cohorts page with each cohort's parts and the trainee's completed versions in one statement; the catalogue as a trainee sees it.
    expect(await planProblems('/api/v1/cohorts?limit=1', await traineeToken())).toEqual([]);
    expect(await planProblems('/api/v1/courses?limit=50', await traineeToken())).toEqual([]);
    const employer = await employerToken();
    expect(await planProblems('/api/v1/talent/profiles?track=cybersecurity&limit=50', employer)).toEqual([]);
    expect(await planProblems('/api/v1/talent/profiles?skillsAll=SK-1,SK-2&limit=50', employer)).toEqual([]);
    expect(await planProblems('/api/v1/talent/profiles?skillsAny=SK-98,SK-99&limit=50', employer)).toEqual([]);
    expect(await planProblems('/api/v1/talent/profiles?skillsAny=SK-1,SK-2,SK-3&limit=50', employer)).toEqual([]);
    expect(await planProblems('/api/v1/talent/profiles?skillsAny=SK-1,SK-2,SK-3,SK-4,SK-5,SK-6,SK-7,SK-8,SK-9,SK-10,SK-11,SK-12&limit=50', employer, RANKED_CANDIDATES)).toEqual([]);
    expect(await planProblems('/api/v1/talent/profiles?skillsAll=SK-1&skillsAny=SK-2,SK-3&track=cybersecurity&limit=50', employer)).toEqual([]);
  });

  it.each([
    ['-score', 'score DESC NULLS LAST, submitted_at, id'],
    ['score', 'score ASC NULLS LAST, submitted_at, id'],
    ['-status', "array_position(ARRAY['submitted','shortlisted','accepted','waitlisted','rejected','withdrawn'], status) DESC, submitted_at, id"],
    ['-submitted', 'submitted_at DESC, id DESC'],
  ])('the workbench’s keyset pages (sort %s) hold every application once, in order through ties', async (sort, order) => {
    const expected: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM application WHERE cohort_id = $1 ORDER BY ${order}`, [world.cohortId]);
    const seen = await walkPages<{ id: string; rank: number | null }>(t.api, `/api/v1/cohorts/${world.cohortId}/applications?limit=100&sort=${sort}`, admin.token);
    expect(seen.map((i) => i.id)).toEqual(expected.map((r) => r.id));
    if (sort === '-score') {
      const ranks = seen.filter((i) => i.rank !== null).map((i) => i.rank!);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(new Set(ranks).size).toBe(5);
    }
  }, 300_000);

  it('the workbench refuses a cursor it did not issue for that sort (400 problem+json), and shows no one else', async () => {
    const path = `/api/v1/cohorts/${world.cohortId}/applications`;
    const first = await t.api.get(`${path}?sort=-score&limit=5`, admin.token);
    const cursor = first.body.nextCursor as string;
    // Forged positions carry the real cursor's sort and filters hash, so only the field under test is wrong.
    const issued = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s: string; f: string };
    const forged = (position: object) => Buffer.from(JSON.stringify({ s: issued.s, f: issued.f, ...position })).toString('base64url');
    for (const bad of [
      `sort=-status&cursor=${cursor}`,
      `sort=-score&cursor=${forged({ v: 'DROP', t: '2026-01-01T00:00:00.000000Z', id: '00000000-0000-4000-8000-000000000000' })}`,
      `sort=-score&cursor=${forged({ v: '50', t: '2026-13-45T00:00:00.000000Z', id: '00000000-0000-4000-8000-000000000000' })}`,
      `sort=-score&cursor=${forged({ v: '50', t: '2026-01-01T00:00:00.000000Z', id: 'x' })}`,
      'sort=submitted&cursor=nonsense',
    ]) {
      const answer = await t.api.get(`${path}?${bad}`, admin.token);
      expect([bad, answer.status, answer.headers.get('content-type')]).toEqual([bad, 400, expect.stringContaining('application/problem+json')]);
    }
    expect((await t.api.get(`${path}?sort=-score&cursor=${cursor}`, await traineeToken())).status).toBe(403);
    expect((await t.api.get(`${path}?sort=-score&cursor=${cursor}`, await employerToken())).status).toBe(403);
  });

  it('the talent search any-of pages by (match, id): every listed match once, in rank order', async () => {
    const employer = await employerToken();
    const skills = ['SK-1', 'SK-2', 'SK-3', 'SK-4'];
    const expected: Array<{ id: string; m: number }> = await t.dataSource.query(
      `SELECT trainee_id AS id, (SELECT count(*) FROM unnest(skill_codes) s WHERE s = ANY($1::text[]))::int AS m
         FROM talent_profile WHERE listed AND skill_codes && $1::text[] ORDER BY m DESC, trainee_id`,
      [skills],
    );
    const seen = await walkPages<{ traineeId: string; skillMatch: number }>(t.api, `/api/v1/talent/profiles?skillsAny=${skills.join(',')}&limit=100`, employer);
    expect(seen.map((i) => [i.traineeId, i.skillMatch])).toEqual(expected.map((r) => [r.id, r.m]));
    expect(new Set(expected.map((r) => r.m)).size).toBeGreaterThan(1);
    const forged = Buffer.from(JSON.stringify({ m: 9, id: expected[0].id })).toString('base64url');
    expect((await t.api.get(`/api/v1/talent/profiles?skillsAny=${skills.join(',')}&cursor=${forged}`, employer)).status).toBe(400);
    expect((await t.api.get(`/api/v1/talent/profiles?skillsAny=${skills.join(',')}`, admin.token)).status).toBe(403);
  }, 300_000);
});
