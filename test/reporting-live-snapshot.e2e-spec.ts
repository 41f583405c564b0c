import { ClsService } from 'nestjs-cls';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { applyTo, buildProgramme, completeLessons, decide, openCohort, Programme, QUIZ_RIGHT, setStatus, SQL_RIGHT, SQL_WRONG, submitGraded } from './support/journey-builders';
import { QUIZ_WRONG } from './support/assessment-builders';
import { CohortFactsSource } from '../src/reporting/ports/cohort-facts.source';
import { AssessmentFactsSource } from '../src/reporting/ports/assessment-facts.source';
import { OutcomeFacts } from '../src/reporting/outcome-facts.service';
import { ACTIVITY_WEEKS, cohortOutcomeReport } from '../src/reporting/cohort-outcome-report';

/*
 * The report a reviewer gets from the snapshot (computed by the worker) and the one computed live
 * (another k) come from one computation over the real modules; the live one reads aggregated facts
 * (one activity row per trainee and week, results and course scores in one read). Both must equal
 * the report computed from every fact the ports answer one by one, figure for figure.
 */
describe('reporting: the snapshot and the live report give the same figures (real modules)', () => {
  const K = 2;
  let t: TestApp;
  let admin: TestPerson;
  let reviewer: TestPerson;
  let programme: Programme;
  let cohortId: string;

  /** The report at `asOf` and `k` through the app's own facts, and again from every action and separate result and score reads. */
  const computed = (asOf: Date, k: number) =>
    t.get<ClsService>(ClsService).run(async () => {
      const cohorts = t.get<CohortFactsSource>(CohortFactsSource);
      const assessments = t.get<AssessmentFactsSource>(AssessmentFactsSource);
      const cohort = (await cohorts.cohort(cohortId))!;
      const inputs = await t.get<OutcomeFacts>(OutcomeFacts).gather(cohort, asOf, k);
      const reference = {
        ...inputs,
        // The ports' own defaults: every learning action reduced in memory; results and scores read apart.
        activity: await CohortFactsSource.prototype.weeklyActivity.call(cohorts, cohortId, asOf, ACTIVITY_WEEKS),
        ...(await AssessmentFactsSource.prototype.resultsAndScores.call(assessments, inputs.enrollments)),
      };
      expect(inputs.activity.length).toBeLessThan((await cohorts.activity(cohortId, new Date(asOf.getTime() - ACTIVITY_WEEKS * 7 * 86_400_000))).length);
      return { live: JSON.parse(JSON.stringify(cohortOutcomeReport(inputs))), reference: JSON.parse(JSON.stringify(cohortOutcomeReport(reference))) };
    });

  beforeAll(async () => {
    t = await startTestApp({ env: { REPORT_MIN_CELL_SIZE: String(K), REPORT_SNAPSHOT_MAX_AGE_SECONDS: '3600', LOG_LEVEL: 'error' } });
    admin = await loginAdmin(t.api);
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    reviewer = await createUser(t.api, admin.token, ['reviewer']);
    programme = await buildProgramme(t.api, instructor);
    const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id], 10);
    cohortId = cohort.id;
    const plans = [
      { accept: true, lessons: 4, quiz: QUIZ_RIGHT, sql: SQL_RIGHT },
      { accept: true, lessons: 2, quiz: QUIZ_WRONG, sql: SQL_WRONG },
      { accept: true, lessons: 1, quiz: QUIZ_RIGHT, sql: null },
      { accept: true, lessons: 0, quiz: null, sql: null },
      { accept: false, lessons: 0, quiz: null, sql: null },
    ];
    const trainees: TestPerson[] = [];
    for (const [i, plan] of plans.entries()) {
      const trainee = await createUser(t.api, admin.token, ['trainee'], { gender: i % 2 ? 'female' : 'male', birthYear: 1985 + i, district: 'Belize' });
      trainees.push(trainee);
      await decide(t.api, instructor, await applyTo(t.api, cohort.id, trainee), plan.accept ? 'accept' : 'reject');
    }
    await setStatus(t.api, admin, cohort.id, 'running');
    const lessons = programme.modules.flatMap((m) => m.lessonIds);
    for (const [i, plan] of plans.entries()) {
      if (!plan.accept) continue;
      await completeLessons(t.api, trainees[i], lessons.slice(0, plan.lessons));
      if (plan.quiz) await submitGraded(t.api, trainees[i], programme.quizId, plan.quiz);
      if (plan.sql) await submitGraded(t.api, trainees[i], programme.sqlId, plan.sql);
    }
    // The first trainee finishes: wait for the certificate, the last fact the workers settle.
    await waitFor(async () => (await t.api.get('/api/v1/me/certificates', trainees[0].token)).body.items?.[0], { what: 'the certificate', timeoutMs: 60_000 });
  });
  afterAll(() => t?.close());

  it('serves the worker’s snapshot with the figures of the live computation at its moment, and those of every fact reduced one by one', async () => {
    const requestedAt = new Date();
    expect((await t.api.post(`/api/v1/reports/cohorts/${cohortId}/refresh`, undefined, admin.token)).status).toBe(202);
    const snapshot = await waitFor(async () => {
      const report = (await t.api.get(`/api/v1/reports/cohorts/${cohortId}/outcomes`, reviewer.token)).body;
      return Date.parse(report.asOf) >= requestedAt.getTime() ? report : null;
    }, { what: 'the refreshed snapshot', timeoutMs: 60_000 });
    expect(snapshot.minCellSize).toBe(K);
    expect(snapshot.overall.enrolled).toBe(4);
    expect(snapshot.overall.weeklyActiveTrainees).toBe(3);
    const { live, reference } = await computed(new Date(snapshot.asOf), K);
    expect(live).toEqual(snapshot);
    expect(reference).toEqual(snapshot);
  });

  it('computes a report at another k live, with the figures of every fact reduced one by one', async () => {
    const answer = await t.api.get(`/api/v1/reports/cohorts/${cohortId}/outcomes?k=3`, reviewer.token);
    expect(answer.status).toBe(200);
    expect(answer.body.minCellSize).toBe(3);
    const { live, reference } = await computed(new Date(answer.body.asOf), 3);
    expect(live).toEqual(answer.body);
    expect(reference).toEqual(answer.body);
  });
});
