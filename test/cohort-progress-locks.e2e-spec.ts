import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { onTransactionRetry, TransactionRetryEvent } from '@gds/database';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { applyTo, buildProgramme, decide, openCohort, Programme, setStatus } from './support/journey-builders';
import { ProgressRecompute } from '../src/cohort/progress-recompute.service';

/*
 * Grades, lesson completions, recomputes and a withdrawal of one enrollment at once, through the
 * real modules: each transaction locks the enrollment row before writing anything that refers to
 * it, so none of them deadlocks (found by the reporting exactness test: a withdrawal answered 500).
 * A deadlock would now be retried (libs/database/src/transaction-retry.ts) and pass unseen, so the
 * tests also check that no transaction was retried.
 */
describe('cohort: concurrent progress writes on one enrollment', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  let programme: Programme;
  let retries: TransactionRetryEvent[] = [];
  let stopHearingRetries: () => void;

  beforeAll(async () => {
    stopHearingRetries = onTransactionRetry((event) => retries.push(event));
    t = await startTestApp();
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
    programme = await buildProgramme(t.api, instructor);
  });
  afterAll(async () => {
    stopHearingRetries?.();
    await t?.close();
  });
  beforeEach(() => (retries = []));

  async function enrolledTrainee(cohortId: string) {
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    await decide(t.api, instructor, await applyTo(t.api, cohortId, trainee), 'accept');
    const mine = (await t.api.get('/api/v1/me/enrollments', trainee.token)).body;
    const enrollment = (Array.isArray(mine) ? mine : mine.items).find((e: any) => e.cohortId === cohortId);
    return { trainee, enrollmentId: enrollment.id as string };
  }

  it('records many grades at once for one enrollment without a deadlock', async () => {
    const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id]);
    const { enrollmentId } = await enrolledTrainee(cohort.id);
    await setStatus(t.api, admin, cohort.id, 'running');
    const progress = t.get<ProgressRecompute>(ProgressRecompute);
    const cls = t.get<ClsService>(ClsService);
    const grade = (assessmentId: string, passed: boolean) =>
      cls.run(() => progress.recordGrade({ submissionId: randomUUID(), enrollmentId, assessmentId, passed, score: passed ? 100 : 0, maxScore: 100, gradedAt: new Date().toISOString() }));
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => grade(i % 2 ? programme.quizId : programme.sqlId, i % 3 === 0)));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const [row] = await t.dataSource.query('SELECT count(*)::int AS n FROM assessment_grade WHERE enrollment_id = $1', [enrollmentId]);
    expect(row.n).toBe(12);
    expect(retries).toEqual([]);
  });

  it('ignores the grade of an enrollment it does not hold (nothing written, no foreign-key error to retry)', async () => {
    const progress = t.get<ProgressRecompute>(ProgressRecompute);
    const cls = t.get<ClsService>(ClsService);
    const submissionId = randomUUID();
    await expect(
      cls.run(() => progress.recordGrade({ submissionId, enrollmentId: randomUUID(), assessmentId: programme.quizId, passed: true, score: 100, maxScore: 100, gradedAt: new Date().toISOString() })),
    ).resolves.toBeUndefined();
    expect(await t.dataSource.query('SELECT 1 FROM assessment_grade WHERE submission_id = $1', [submissionId])).toEqual([]);
  });

  it('a grade waiting on the enrollment lock sees a regrade committed while it waited', async () => {
    const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id]);
    const { enrollmentId } = await enrolledTrainee(cohort.id);
    await setStatus(t.api, admin, cohort.id, 'running');
    const progress = t.get<ProgressRecompute>(ProgressRecompute);
    const cls = t.get<ClsService>(ClsService);
    const record = (submissionId: string, passed: boolean, gradedAt: Date) =>
      cls.run(() => progress.recordGrade({ submissionId, enrollmentId, assessmentId: programme.quizId, passed, score: passed ? 100 : 0, maxScore: 100, gradedAt: gradedAt.toISOString() }));
    const s1 = randomUUID();
    await record(s1, true, new Date(Date.now() - 60_000));
    // Another transaction regrades S1 pass→fail under the enrollment lock and writes what its recompute
    // would (one failing assessment); while it holds the lock, S2 passes the same assessment.
    const other = t.dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      await other.query('UPDATE enrollment SET failed_assessments = 1 WHERE id = $1', [enrollmentId]);
      await other.query('UPDATE assessment_grade SET passed = false, score = 0, graded_at = now() WHERE submission_id = $1', [s1]);
      const second = record(randomUUID(), true, new Date());
      for (let i = 0; i < 200; i++) {
        const [w] = await t.dataSource.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        if (w.n > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await other.commitTransaction();
      await second;
    } finally {
      await other.release();
    }
    const [row] = await t.dataSource.query('SELECT failed_assessments FROM enrollment WHERE id = $1', [enrollmentId]);
    expect(row.failed_assessments).toBe(0);
  });

  it('withdraws while lessons are completed and grades recorded, without a 5xx', async () => {
    const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id]);
    const people = [];
    for (let i = 0; i < 2; i++) people.push(await enrolledTrainee(cohort.id));
    await setStatus(t.api, admin, cohort.id, 'running');
    const progress = t.get<ProgressRecompute>(ProgressRecompute);
    const cls = t.get<ClsService>(ClsService);
    const lessons = programme.modules.flatMap((m) => m.lessonIds);
    const answers = await Promise.all(people.flatMap(({ trainee, enrollmentId }) => [
      ...lessons.map((id) => t.api.post(`/api/v1/lessons/${id}/complete`, undefined, trainee.token).then((a) => a.status)),
      ...[1, 2].map(() => cls.run(() => progress.recordGrade({ submissionId: randomUUID(), enrollmentId, assessmentId: programme.quizId, passed: true, score: 100, maxScore: 100, gradedAt: new Date().toISOString() })).then(() => 200)),
      t.api.post(`/api/v1/enrollments/${enrollmentId}/withdraw`, { reason: 'moved away' }, trainee.token).then((a) => a.status),
    ]));
    // A lesson completed after the withdrawal is no longer the trainee's to complete (404); never a 5xx.
    expect(answers.filter((s) => s >= 500)).toEqual([]);
    const statuses = await t.dataSource.query('SELECT status FROM enrollment WHERE cohort_id = $1', [cohort.id]);
    expect(statuses.map((r: { status: string }) => r.status)).toEqual(['withdrawn', 'withdrawn']);
    expect(retries).toEqual([]);
  });
});
