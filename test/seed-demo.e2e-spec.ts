import { ClsService } from 'nestjs-cls';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { login } from './support/people';
import { databaseFingerprint } from './support/db-snapshot';
import { DemoContext, demoContext } from '../src/cli/demo/demo-step';
import { DEMO_STEPS } from '../src/cli/demo/demo-steps';
import { PILOT_COHORT_NAME } from '../src/cli/demo/demo-roster';
import { DEMO_ORGANISATIONS } from '../src/cli/demo/demo-people';
import { DEMO_EMPLOYERS, DEMO_FAIR_NAME } from '../src/cli/demo/talent.step';
import { attackCohortReport } from './support/attack/report-attack';

/** The whole seed, as `npm run seed:demo` runs it, against this file's own database; workers in-process drain the queue. */
describe('seed:demo', () => {
  let t: TestApp;
  let first: DemoContext;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function seed(): Promise<DemoContext> {
    const ctx = demoContext(t.app, t.config, () => undefined, { timeoutMs: 60_000 });
    for (const step of DEMO_STEPS) await t.get<ClsService>(ClsService).run(() => step.run(ctx));
    return ctx;
  }

  /** Nothing waiting in the outbox and no job running: what the database holds is final. */
  async function quiet(): Promise<Record<string, string>> {
    let previous = '';
    return waitFor(async () => {
      const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM outbox_message WHERE sent_at IS NULL');
      const print = await databaseFingerprint(t.dataSource);
      // Written by the report-refresh timer (every 120 s), not by the seed: a refresh that lands between two fingerprints is no change of the seed's.
      delete print.report_snapshot;
      const same = n === 0 && JSON.stringify(print) === previous;
      previous = JSON.stringify(print);
      return same ? print : null;
    }, { what: 'the queue to settle', timeoutMs: 60_000, intervalMs: 500 });
  }

  it('makes the people, four published courses with their assessments, and a running pilot cohort', async () => {
    first = await seed();
    const count = async (role: string) => (await t.dataSource.query('SELECT count(*)::int AS n FROM app_user WHERE $1 = ANY(roles)', [role]))[0].n;
    expect([await count('admin'), await count('instructor'), await count('reviewer'), await count('trainee'), await count('employer')]).toEqual([1, 2, 1, 12, 2]);
    // The talent pipeline: listed graduates and a career fair of both employers with four slots.
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM talent_profile WHERE listed'))[0].n).toBeGreaterThan(0);
    const fair = await t.dataSource.query('SELECT f.id, (SELECT count(*)::int FROM career_fair_employer e WHERE e.fair_id = f.id) AS employers, (SELECT count(*)::int FROM fair_slot s WHERE s.fair_id = f.id) AS slots FROM career_fair f WHERE f.name = $1', [DEMO_FAIR_NAME]);
    expect(fair).toEqual([expect.objectContaining({ employers: 2, slots: 4 })]);
    const profiles = await t.dataSource.query("SELECT count(*)::int AS n FROM app_user WHERE 'trainee' = ANY(roles) AND gender IS NOT NULL AND birth_year IS NOT NULL AND district IS NOT NULL AND employer IS NOT NULL");
    expect(profiles[0].n).toBe(12);

    const kinds = Object.fromEntries([...first.courses].map(([code, c]) => [code, c.outline.modules.flatMap((m) => m.assessments.map((a) => a.kind)).sort()]));
    expect(kinds).toEqual({
      'soc-analyst-foundations': ['flag', 'quiz'],
      'data-analysis-with-sql': ['quiz', 'sql'],
      'ux-design-essentials': ['quiz', 'rubric'],
      'cloud-operations-foundations': ['config', 'quiz'],
    });
    // Frozen in version 1: the published version carries the assessments (authored before publishing).
    expect((await t.dataSource.query("SELECT count(*)::int AS n FROM course WHERE latest_version = 1 AND status = 'published'"))[0].n).toBe(4);

    const cohort = await t.dataSource.query('SELECT id, status, capacity FROM cohort WHERE name = $1', [PILOT_COHORT_NAME]);
    expect(cohort).toEqual([{ id: first.cohort!.id, status: 'running', capacity: 50 }]);
    const applications = await t.dataSource.query("SELECT status, count(*)::int AS n, bool_and(jsonb_array_length(answers) = 2) AS answered FROM application WHERE cohort_id = $1 GROUP BY status ORDER BY status", [first.cohort!.id]);
    expect(applications).toEqual([
      { status: 'accepted', n: 10, answered: true },
      { status: 'rejected', n: 1, answered: true },
      { status: 'waitlisted', n: 1, answered: true },
    ]);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM enrollment WHERE cohort_id = $1', [first.cohort!.id]))[0].n).toBe(10);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM cohort_instructor WHERE cohort_id = $1', [first.cohort!.id]))[0].n).toBe(2);
  });

  it('leaves trainees at different stages: lessons done, submissions graded by the worker, a certificate and placements', async () => {
    const stages = await t.dataSource.query(
      `SELECT u.email, count(lc.*)::int AS lessons FROM enrollment e JOIN app_user u ON u.id = e.trainee_id
         LEFT JOIN lesson_completion lc ON lc.enrollment_id = e.id WHERE e.cohort_id = $1 GROUP BY u.email`, [first.cohort!.id]);
    const lessons = new Set(stages.map((s: { lessons: number }) => s.lessons));
    expect(lessons.size).toBeGreaterThanOrEqual(4);
    expect(lessons.has(0)).toBe(true);

    const submissions = await t.dataSource.query('SELECT kind, status FROM submission');
    expect(submissions.map((s: { kind: string; status: string }) => `${s.kind}:${s.status}`).sort()).toEqual(
      ['config:graded', 'flag:graded', 'quiz:graded', 'quiz:graded', 'quiz:graded', 'quiz:graded', 'quiz:graded', 'rubric:needs_review', 'sql:graded'],
    );
    const certificates = await t.dataSource.query('SELECT u.email FROM certificate c JOIN app_user u ON u.id = c.trainee_id');
    expect(certificates).toEqual([{ email: 'trainee2@demo.gds.local' }]);
    const reviewer = await login(t.api, 'reviewer@demo.gds.local', 'gds-demo-password-2026');
    expect((await t.api.get(`/api/v1/cohorts/${first.cohort!.id}`, reviewer.accessToken)).status).toBe(200);
    // Reviewers read aggregates only: the named roster is for the cohort's instructors and admins.
    expect((await t.api.get(`/api/v1/cohorts/${first.cohort!.id}/roster`, reviewer.accessToken)).status).toBe(403);
    const instructor = await login(t.api, 'instructor1@demo.gds.local', 'gds-demo-password-2026');
    const roster = await t.api.get(`/api/v1/cohorts/${first.cohort!.id}/roster`, instructor.accessToken);
    expect(roster.status).toBe(200);
    expect(roster.body.items).toHaveLength(10);
    expect(roster.body.items.filter((i: { status: string }) => i.status === 'completed').map((i: { email: string }) => i.email)).toEqual(['trainee2@demo.gds.local']);
    // The reviewer reads the pilot cohort's outcome report, with the two placements the seed records.
    const report = await t.api.get(`/api/v1/reports/cohorts/${first.cohort!.id}/outcomes`, reviewer.accessToken);
    const placements = (await t.dataSource.query('SELECT count(*)::int AS n FROM placement WHERE cohort_id = $1', [first.cohort!.id]))[0].n;
    expect({ report: report.status, placements }).toEqual({ report: 200, placements: 2 });
    expect(report.body).toMatchObject({ applicants: 12, accepted: 10, funnel: { enrolled: 10, certified: 1 } });
  });

  it('describes a Belize cohort: districts of Belize, fictional BPO firms as organisations, consented demographics', async () => {
    const organisations = await t.dataSource.query('SELECT name FROM organisation ORDER BY name');
    expect(organisations.map((o: { name: string }) => o.name)).toEqual([...DEMO_ORGANISATIONS, ...DEMO_EMPLOYERS.map((e) => e.organisation)].sort());
    const districts = await t.dataSource.query("SELECT DISTINCT district FROM app_user WHERE 'trainee' = ANY(roles) ORDER BY district");
    expect(districts.map((d: { district: string }) => d.district).every((d: string) => ['Belize', 'Cayo', 'Corozal', 'Orange Walk', 'Stann Creek', 'Toledo'].includes(d))).toBe(true);
    const employers = await t.dataSource.query("SELECT count(*)::int AS n FROM app_user u JOIN organisation o ON o.id::text = u.employer WHERE 'trainee' = ANY(u.roles)");
    expect(employers[0].n).toBe(12);
    const consents = await t.dataSource.query("SELECT count(*)::int AS n FROM demographic_consent c JOIN app_user u ON u.id = c.user_id WHERE 'trainee' = ANY(u.roles) AND c.withdrawn_at IS NULL");
    expect(consents[0].n).toBe(12);
  });

  it('publishes a pilot report from which the integer-programming attacker pins no withheld count', async () => {
    const reviewer = await login(t.api, 'reviewer@demo.gds.local', 'gds-demo-password-2026');
    const report = (await t.api.get(`/api/v1/reports/cohorts/${first.cohort!.id}/outcomes`, reviewer.accessToken)).body;
    const skillsOf = new Map([...first.courses.values()].flatMap((c) => c.outline.modules.flatMap((m) => m.assessments.map((a) => [a.assessmentId, a.skillCodes] as [string, string[]]))));
    const attack = await attackCohortReport(report, { skillsOf }, { exhaustive: true });
    expect(attack.unknowns).toBeGreaterThan(0);
    expect(attack.disclosures).toEqual([]);
    // The attack: the one certified trainee's categories are not readable from the tables.
    for (const table of Object.values<any>(report.disaggregation)) {
      const j = table.columns.indexOf('certified');
      if (table.rows.length > 0) expect(table.cells.every((row: Array<number | null>) => row[j] === null || row[j] === 0)).toBe(true);
    }
  }, 120_000);

  it('is idempotent: a second run changes nothing', async () => {
    const before = await quiet();
    const again = await seed();
    expect(await quiet()).toEqual(before);
    expect(again.cohort?.id).toBe(first.cohort!.id);
    expect([...again.courses.values()].map((c) => c.versionId)).toEqual([...first.courses.values()].map((c) => c.versionId));
  });
});
