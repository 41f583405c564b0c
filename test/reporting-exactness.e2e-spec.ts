import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import {
  applyTo, buildProgramme, completeLessons, decide, openCohort, Programme, QUIZ_RIGHT, setStatus, SQL_RIGHT, SQL_WRONG, submitGraded,
} from './support/journey-builders';
import { QUIZ_WRONG } from './support/assessment-builders';
import { exactHeadline, publishedWithin } from './support/exact-report';

/** A tiny seeded generator, so a failing run can be replayed with the seed it prints. */
function generator(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return { chance: (p: number) => next() < p, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}

type Plan = { decision: 'accept' | 'reject' | 'none'; lessons: number; quiz: 'right' | 'wrong' | 'none'; sql: 'right' | 'wrong' | 'none'; withdraw: boolean };

/** The figures a report must show, counted directly from the base tables of every module. */
async function directCounts(t: TestApp, cohortId: string, quizId: string, sqlId: string) {
  const one = async (sql: string, params: unknown[] = [cohortId]) => (await t.dataSource.query(sql, params))[0];
  const applications = await one(
    `SELECT count(DISTINCT trainee_id)::int AS applicants, count(DISTINCT trainee_id) FILTER (WHERE status = 'accepted')::int AS accepted
       FROM application WHERE cohort_id = $1`,
  );
  const enrollments = await one(
    `SELECT count(*)::int AS enrolled, count(*) FILTER (WHERE status = 'active')::int AS active,
            count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn, count(*) FILTER (WHERE status = 'completed')::int AS completed
       FROM enrollment WHERE cohort_id = $1`,
  );
  const certified = await one(
    `SELECT count(DISTINCT c.enrollment_id)::int AS certified FROM certificate c JOIN enrollment e ON e.id = c.enrollment_id
      WHERE e.cohort_id = $1 AND c.revoked_at IS NULL`,
  );
  const results = async (assessmentId: string) =>
    one(
      `SELECT count(DISTINCT s.enrollment_id)::int AS attempted,
              count(DISTINCT s.enrollment_id) FILTER (WHERE s.score >= s.pass_mark)::int AS passed
         FROM submission s JOIN enrollment e ON e.id = s.enrollment_id
        WHERE e.cohort_id = $1 AND s.assessment_id = $2 AND s.status = 'graded'`,
      [cohortId, assessmentId],
    );
  const weekly = await one(
    `SELECT count(DISTINCT trainee_id)::int AS n FROM (
        SELECT e.trainee_id FROM lesson_completion l JOIN enrollment e ON e.id = l.enrollment_id WHERE e.cohort_id = $1 AND l.completed_at > now() - interval '7 days'
        UNION SELECT s.trainee_id FROM submission s JOIN enrollment e ON e.id = s.enrollment_id WHERE e.cohort_id = $1 AND s.status = 'graded') x`,
  );
  const attained = async (assessmentId: string) =>
    (await one(
      `SELECT count(DISTINCT e.trainee_id)::int AS n FROM submission s JOIN enrollment e ON e.id = s.enrollment_id
        WHERE e.cohort_id = $1 AND s.assessment_id = $2 AND s.status = 'graded' AND s.score >= s.pass_mark`,
      [cohortId, assessmentId],
    )).n;
  const trainees = (await one('SELECT count(DISTINCT trainee_id)::int AS n FROM enrollment WHERE cohort_id = $1')).n;
  // Both assessments weigh 1 and score out of 100: the course score is the mean of the best grades (ungraded: 0).
  const score = await one(
    `SELECT round(avg((coalesce(q.best, 0) + coalesce(s.best, 0)) / 2), 2)::float AS mean FROM enrollment e
       LEFT JOIN LATERAL (SELECT max(score) AS best FROM submission WHERE enrollment_id = e.id AND assessment_id = $2 AND status = 'graded') q ON true
       LEFT JOIN LATERAL (SELECT max(score) AS best FROM submission WHERE enrollment_id = e.id AND assessment_id = $3 AND status = 'graded') s ON true
      WHERE e.cohort_id = $1`,
    [cohortId, quizId, sqlId],
  );
  const funnel = await one(
    `SELECT count(DISTINCT e.trainee_id) FILTER (WHERE e.status = 'completed' OR c.enrollment_id IS NOT NULL)::int AS completed,
            count(DISTINCT e.trainee_id) FILTER (WHERE c.enrollment_id IS NOT NULL)::int AS certified
       FROM enrollment e LEFT JOIN certificate c ON c.enrollment_id = e.id AND c.revoked_at IS NULL WHERE e.cohort_id = $1`,
  );
  return {
    funnel: { applied: applications.applicants, accepted: applications.accepted, enrolled: trainees, completed: funnel.completed, certified: funnel.certified },
    meanCourseScore: score.mean,
    skills: trainees === 0 ? [] : [{ trainees, attained: await attained(quizId) }, { trainees, attained: await attained(sqlId) }],
    applicants: applications.applicants,
    accepted: applications.accepted,
    overall: { enrolled: enrollments.enrolled, active: enrollments.active, withdrawn: enrollments.withdrawn, completed: enrollments.completed, certified: certified.certified, weeklyActiveTrainees: weekly.n },
    quiz: await results(quizId),
    sql: await results(sqlId),
  };
}

function reportedCounts(report: any, quizId: string, sqlId: string, skillCodes: string[]) {
  const of = (id: string) => {
    // A cohort with nobody enrolled lists no assessments: nobody could attempt them.
    const a = report.overall.assessments.find((x: any) => x.assessmentId === id) ?? { attempted: 0, passed: 0 };
    return { attempted: a.attempted, passed: a.passed };
  };
  const o = report.overall;
  const skill = (code: string) => o.skills.find((x: any) => x.skillCode === code);
  return {
    funnel: report.funnel,
    meanCourseScore: o.meanCourseScore,
    skills: o.skills.length === 0 ? [] : skillCodes.map((code) => ({ trainees: skill(code).trainees, attained: skill(code).attained })),
    applicants: report.applicants,
    accepted: report.accepted,
    overall: { enrolled: o.enrolled, active: o.active, withdrawn: o.withdrawn, completed: o.completed, certified: o.certified, weeklyActiveTrainees: o.weeklyActiveTrainees },
    quiz: of(quizId),
    sql: of(sqlId),
  };
}

describe('reporting: every figure equals a direct count of the base tables (random cohort, real modules)', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  let reviewer: TestPerson;
  let programme: Programme;

  beforeAll(async () => {
    t = await startTestApp({ env: { REPORT_SNAPSHOT_MAX_AGE_SECONDS: '0' } });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
    reviewer = await createUser(t.api, admin.token, ['reviewer']);
    programme = await buildProgramme(t.api, instructor);
  });
  afterAll(() => t?.close());

  it('builds a random cohort through the API and finds the report equal to SQL counts', async () => {
    // CI replays a fixed seed (reproducible); EXACTNESS_SEED=random explores new ones, EXACTNESS_SEED=n replays n.
    const given = process.env.EXACTNESS_SEED ?? '456';
    const seed = given === 'random' ? Date.now() % 1_000_000 : Number(given);
    const random = generator(seed);
    const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id], 20);
    const size = 5 + Math.floor(random.pick([0, 1, 2, 3]));
    const plans: Plan[] = Array.from({ length: size }, () => ({
      decision: random.pick(['accept', 'accept', 'accept', 'reject', 'none'] as const),
      lessons: random.pick([0, 1, 2, 4]),
      quiz: random.pick(['right', 'wrong', 'none'] as const),
      sql: random.pick(['right', 'wrong', 'none'] as const),
      withdraw: random.chance(0.15),
    }));
    const trainees: TestPerson[] = [];
    for (const [i] of plans.entries()) {
      const trainee = await createUser(t.api, admin.token, ['trainee'], { gender: random.pick(['female', 'male']), birthYear: 1980 + i, district: random.pick(['Belize', 'Cayo']) });
      trainees.push(trainee);
      const applicationId = await applyTo(t.api, cohort.id, trainee);
      if (plans[i].decision !== 'none') await decide(t.api, instructor, applicationId, plans[i].decision as 'accept' | 'reject');
    }
    await setStatus(t.api, admin, cohort.id, 'running');
    const lessons = programme.modules.flatMap((m) => m.lessonIds);
    await Promise.all(plans.map(async (plan, i) => {
      if (plan.decision !== 'accept') return;
      const trainee = trainees[i];
      await completeLessons(t.api, trainee, lessons.slice(0, plan.lessons));
      if (plan.quiz !== 'none') await submitGraded(t.api, trainee, programme.quizId, plan.quiz === 'right' ? QUIZ_RIGHT : QUIZ_WRONG);
      if (plan.sql !== 'none') await submitGraded(t.api, trainee, programme.sqlId, plan.sql === 'right' ? SQL_RIGHT : SQL_WRONG);
      if (plan.withdraw) {
        const mine = (await t.api.get('/api/v1/me/enrollments', trainee.token)).body;
        const enrollment = (Array.isArray(mine) ? mine : mine.items).find((e: any) => e.cohortId === cohort.id);
        const answer = await t.api.post(`/api/v1/enrollments/${enrollment.id}/withdraw`, { reason: 'moved away' }, trainee.token);
        if (answer.status !== 200) throw new Error(`withdrawal failed: ${answer.status} ${answer.text}`);
      }
    }));
    // Workers settle progress and certificates asynchronously: wait until both sides agree, then
    // check that the facts really moved (so agreement is not two zeros).
    let last: unknown;
    // The published report withholds small counts (disclosure control): the exact figures behind it,
    // computed through the same ports, must equal the base tables, and every published figure one of them.
    const agreed = await waitFor(async () => {
      const published = (await t.api.get(`/api/v1/reports/cohorts/${cohort.id}/outcomes`, reviewer.token)).body;
      const exact = await exactHeadline(t, cohort.id);
      const direct = await directCounts(t, cohort.id, programme.quizId, programme.sqlId);
      const mismatches = publishedWithin({ applicants: published.applicants, accepted: published.accepted, funnel: published.funnel, overall: published.overall }, exact);
      last = { seed, plans, exact: reportedCounts(exact, programme.quizId, programme.sqlId, programme.skillCodes), direct, mismatches };
      return mismatches.length === 0 && JSON.stringify(reportedCounts(exact, programme.quizId, programme.sqlId, programme.skillCodes)) === JSON.stringify(direct) ? direct : null;
    }, { what: `the report to equal direct counts (seed ${seed})`, timeoutMs: 45_000 }).catch((error) => {
      throw new Error(`${error.message}\n${JSON.stringify(last, null, 1)}`);
    });
    expect(agreed.applicants).toBe(size);
    expect(agreed.accepted).toBe(plans.filter((p) => p.decision === 'accept').length);
    expect(agreed.overall.enrolled).toBe(agreed.accepted);
    expect(agreed.overall.withdrawn).toBe(plans.filter((p) => p.decision === 'accept' && p.withdraw).length);
    expect(agreed.quiz.attempted).toBe(plans.filter((p) => p.decision === 'accept' && p.quiz !== 'none').length);
  });
});
