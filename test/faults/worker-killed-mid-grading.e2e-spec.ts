import { startTestApp, TestApp } from '../support/test-app';
import { loginAdmin } from '../support/people';
import { AppProcess, startChildApp } from '../support/app-process';
import { recordFigures } from '../support/figures';
import { buildQuizWorld, gradingCounts, QuizWorld, submitAll, waitAllGraded } from '../support/quiz-world';

const KILLS = 3;
const TRAINEES = 20;
/** Submissions per kill: enough that grading them takes visibly longer than one poll. */
const BATCH = 60;

/**
 * Issue 9 item 4: the grading worker SIGKILLed mid-grading K times → 0 submissions lost, 0 graded
 * twice. Every module is real (course, cohort, assessment): the api runs in-process, the worker is
 * the built app as a child process on the same database and queue prefix.
 *
 * Each round: with the worker dead, a batch of quiz answers is submitted (202; outbox rows, the api
 * role has no relay); the worker starts, and as soon as the first answer of the batch is graded it
 * is killed with SIGKILL, so the rest of the batch is in the outbox, in Redis or being graded. At
 * the end one worker runs until everything is graded. Jobs the killed worker held are re-run by
 * BullMQ's stalled-job check (lockDuration/stalledInterval 30 s, the library defaults; libs/queue
 * does not expose them), so the final wait is generous.
 */
describe('fault: grading worker killed mid-grading', () => {
  let t: TestApp;
  let worker: AppProcess;
  let world: QuizWorld;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    worker = await startChildApp({ role: 'worker', database: t.database, queuePrefix: t.config.QUEUE_PREFIX });
    const admin = await loginAdmin(t.api);
    world = await buildQuizWorld(t.api, admin.token, TRAINEES, 100);
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
  });

  it(`loses and duplicates no grade when the worker is SIGKILLed ${KILLS} times while grading`, async () => {
    const all: string[] = [];
    const gradedAtKill: number[] = [];
    await worker.kill();
    for (let round = 0; round < KILLS; round++) {
      const batch: string[] = [];
      while (batch.length < BATCH) batch.push(...(await submitAll(t.api, world, world.trainees.slice(0, Math.min(TRAINEES, BATCH - batch.length)))));
      all.push(...batch);
      await worker.startAndWait();
      gradedAtKill.push(await killOnceGradingStarted(batch));
    }
    await worker.startAndWait();
    const startedFinal = Date.now();
    const counts = await waitAllGraded(t.dataSource, all, 150_000, 'every submission graded after the kills');
    const secondsToAllGraded = (Date.now() - startedFinal) / 1000;
    const effects = await gradingEffects(all);

    recordFigures('fault-worker-sigkill-grading', 'Fault: grading worker killed with SIGKILL mid-grading (issue 9.4)', [
      { label: 'kills (SIGKILL, each once the first answer of a fresh batch was graded)', value: KILLS },
      { label: 'submissions (202 accepted)', value: all.length },
      { label: `graded when each kill struck (of ${BATCH} per batch)`, value: gradedAtKill.join(', ') },
      { label: 'kills that struck mid-grading (some, not all, of the batch graded)', value: gradedAtKill.filter((n) => n > 0 && n < BATCH).length },
      { label: 'seconds from the last restart until all graded (includes the stalled-job check)', value: secondsToAllGraded.toFixed(1) },
      { label: 'submissions lost (not graded in the end)', value: counts.ungraded + (all.length - counts.submissions), expected: 0 },
      { label: "submissions with more than one 'initial' grade", value: counts.gradedTwice, expected: 0 },
      { label: "grades of cause 'initial' − submissions", value: counts.initialGrades - all.length, expected: 0 },
      { label: 'submissions with ≠ 1 assessment-graded event', value: effects.gradedEventsNotOne, expected: 0 },
      { label: 'submissions with ≠ 1 submission-graded notification event', value: effects.notificationsNotOne, expected: 0 },
    ]);

    expect(counts.submissions).toBe(all.length);
    expect(counts.notGraded).toEqual({});
    expect(counts.ungraded).toBe(0);
    expect(counts.gradedTwice).toBe(0);
    expect(counts.initialGrades).toBe(all.length);
    expect(effects).toEqual({ gradedEventsNotOne: 0, notificationsNotOne: 0 });
    // The kills must have struck while grading was under way, or this test proves nothing.
    expect(gradedAtKill.filter((n) => n > 0 && n < BATCH).length).toBeGreaterThanOrEqual(1);
  });

  /** Polls tightly until the first answer of the batch is graded, then SIGKILLs the worker; answers how many were graded then. */
  async function killOnceGradingStarted(batch: string[]): Promise<number> {
    const deadline = Date.now() + 300_000;
    for (;;) {
      const { graded } = await gradingCounts(t.dataSource, batch);
      if (graded > 0) {
        await worker.kill();
        return (await gradingCounts(t.dataSource, batch)).graded;
      }
      if (Date.now() > deadline) throw new Error('the restarted worker graded nothing within 300 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Downstream effects of grading, published in the grade's transaction: exactly one of each per submission. */
  async function gradingEffects(ids: string[]) {
    const [row] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE coalesce(g.n, 0) <> 1)::int AS graded_events_not_one,
              count(*) FILTER (WHERE coalesce(n.n, 0) <> 1)::int AS notifications_not_one
         FROM unnest($1::uuid[]) AS s(id)
         LEFT JOIN (SELECT payload->>'submissionId' AS id, count(*)::int AS n FROM outbox_message WHERE job_name = 'assessment-graded' GROUP BY 1) g ON g.id = s.id::text
         LEFT JOIN (SELECT payload->'data'->>'submissionId' AS id, count(*)::int AS n FROM outbox_message
                     WHERE job_name = 'notify' AND payload->>'type' = 'submission-graded' GROUP BY 1) n ON n.id = s.id::text`,
      [ids],
    );
    return { gradedEventsNotOne: row.graded_events_not_one, notificationsNotOne: row.notifications_not_one };
  }
});
