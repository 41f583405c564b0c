import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { waitForDrain } from '@gds/testing';
import { TestPerson } from './support/people';
import { TestApp } from './support/test-app';
import { AssessmentFakes, authorAssessment, enrollAnother, instructorWithModule, publishAndEnroll, QUIZ_RIGHT, quizBody, startAssessmentApp } from './support/assessment-builders';

/**
 * Issue 20, 3: while 20 hostile design answers are graded (pages just under the size caps, which
 * keep a design-check thread busy for seconds each, and the issue's freezing pages, refused by the
 * caps), `/health` and the grading of other trainees' quizzes stay under 1 s at p99. Both are
 * sampled only while hostile answers are still waiting or being checked; the test waits for
 * conditions (enough samples, every hostile answer answered), never for a fixed time.
 *
 * A machine busy with other work (CI beside other jobs) is slower for reasons that have nothing to
 * do with hostile pages, so the bar is 1 s or three times the same p99 measured just before the
 * hostile pages arrive, whichever is larger: what fails is the hostile pages slowing the app, not the
 * machine being slow.
 */
// The whole test may take long on a loaded machine; the wait below fails when grading stops progressing.
jest.setTimeout(3_600_000);

const HOSTILE = 20;
const BAR_MS = 1000;
const SLOWDOWN_ALLOWED = 3;
const BASELINE_SAMPLES = 30;
const RUBRIC_KEY = { criteria: [{ id: 'c', title: 'Layout', levels: [{ label: 'ok', points: 10 }] }] };

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
}

describe('hostile design answers do not slow the app', () => {
  let t: TestApp;
  let fakes: AssessmentFakes;
  let admin: TestPerson;
  let canary: Server;
  const canaryHits: string[] = [];

  beforeAll(async () => {
    canary = createServer((req, res) => {
      canaryHits.push(req.url ?? '');
      res.end('');
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    ({ t, fakes, admin } = await startAssessmentApp({ env: { DESIGN_CHECK_TIMEOUT_MS: '120000' } }));
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => canary?.close(resolve));
  });

  it(`keeps /health and other trainees' quiz grading under ${BAR_MS} ms p99 (or ${SLOWDOWN_ALLOWED}× their p99 on this machine just before) while ${HOSTILE} hostile pages are checked`, async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const rubric = await authorAssessment(t.api, instructor, module.moduleId, { kind: 'rubric', title: 'Page', maxScore: 10, passMark: 5, attemptsAllowed: 100, key: RUBRIC_KEY });
    const quiz = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ attemptsAllowed: 100 }));
    const { trainee: hostile, enrollment } = await publishAndEnroll(t, fakes, admin, module);
    const others = await Promise.all(Array.from({ length: 10 }, () => enrollAnother(t, fakes, admin, enrollment)));
    const canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
    const pages = [
      `<html lang="en"><head><title>t</title></head><body>${'<p>text <a href="#x">link</a></p>'.repeat(990)}</body></html>`,
      `<html><body>${'<iframe></iframe>'.repeat(400)}</body></html>`,
      `<html><body>${'<p>x</p>'.repeat(10_000)}</body></html>`,
      `<html><body>${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}</body></html>`,
      `<html lang="en"><head><title>t</title><style>@import url('${canaryUrl}/x');</style></head><body>${'<div><span>x</span></div>'.repeat(650)}</body></html>`,
    ];

    // Warm the app's paths once (first requests compile routes and open connections).
    await t.api.get('/health');
    const gradeOneQuiz = async (who: TestPerson): Promise<number> => {
      const started = performance.now();
      const posted = await t.api.post(`/api/v1/assessments/${quiz}/submissions`, { answer: QUIZ_RIGHT }, who.token);
      expect(posted.status).toBe(202);
      for (;;) {
        const seen = await t.api.get(`/api/v1/submissions/${posted.body.id}`, who.token);
        if (seen.body.status === 'graded') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return performance.now() - started;
    };
    const timeHealth = async (): Promise<number> => {
      const started = performance.now();
      expect((await t.api.get('/health')).status).toBe(200);
      return performance.now() - started;
    };
    // The same two measures on this machine as it is now, before any hostile page.
    const baselineQuiz: number[] = [];
    const baselineHealth: number[] = [];
    for (let i = 0; i < BASELINE_SAMPLES; i++) {
      baselineQuiz.push(await gradeOneQuiz(others[i % others.length].trainee));
      baselineHealth.push(await timeHealth());
    }
    const submitted = await Promise.all(
      Array.from({ length: HOSTILE }, (_, i) => t.api.post(`/api/v1/assessments/${rubric}/submissions`, { answer: { text: 'page', html: pages[i % pages.length] } }, hostile.token)),
    );
    expect(submitted.map((s) => s.status)).toEqual(Array(HOSTILE).fill(202));
    const hostileIds = submitted.map((s) => s.body.id as string);
    const hostileLeft = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM submission WHERE id = ANY($1) AND status = 'queued'`, [hostileIds]))[0].n as number;

    const health: number[] = [];
    const grading: number[] = [];
    let measuring = true;
    const healthLoop = (async () => {
      while (measuring) {
        const took = await timeHealth();
        if (measuring) health.push(took);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const quizLoop = (async () => {
      // 100 attempts each, some spent on the baseline: stop sampling quizzes before anyone runs out.
      for (let i = 0; measuring && i < others.length * 90; i++) {
        const took = await gradeOneQuiz(others[i % others.length].trainee);
        if (measuring) grading.push(took);
      }
    })();

    const loopsEnded = Promise.allSettled([healthLoop, quizLoop]); // handled from the start

    // Sample while hostile answers are still waiting; stop once they are all answered. The loops
    // always end before the app closes, also when the wait fails.
    try {
      await waitForDrain(hostileLeft, { what: 'every hostile design answer to be answered', stallMs: 600_000, intervalMs: 500 });
    } finally {
      measuring = false;
      await loopsEnded;
    }
    await Promise.all([healthLoop, quizLoop]);

    const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);
    const figures = {
      baselineHealthP99: Math.round(p99(baselineHealth)), baselineQuizP99: Math.round(p99(baselineQuiz)),
      healthSamples: health.length, healthP50: median(health), healthP99: Math.round(p99(health)),
      quizSamples: grading.length, quizP50: median(grading), quizP99: Math.round(p99(grading)), quizMax: Math.round(Math.max(...grading)),
    };
    // The figures of this run, for the report (not a benchmark: npm run bench measures performance).
    console.log(`hostile design load: ${JSON.stringify(figures)}`);
    expect(health.length).toBeGreaterThanOrEqual(20);
    expect(grading.length).toBeGreaterThanOrEqual(5);
    const bar = (baselineP99: number) => Math.max(BAR_MS, SLOWDOWN_ALLOWED * baselineP99);
    expect({ health: figures.healthP99 < bar(figures.baselineHealthP99), quiz: figures.quizP99 < bar(figures.baselineQuizP99) }).toEqual({ health: true, quiz: true });

    const outcomes = await t.dataSource.query(`SELECT status, feedback->'lines' AS lines FROM submission WHERE id = ANY($1)`, [hostileIds]);
    expect(outcomes.every((o: { status: string }) => o.status === 'needs_review')).toBe(true);
    expect(canaryHits).toEqual([]);
  });
});
