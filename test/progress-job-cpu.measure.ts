import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { Client } from 'pg';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin } from './support/people';
import { runningProgrammeWithTrainee } from './support/journey-builders';
import { ProgressRecompute } from '../src/cohort/progress-recompute.service';
import { CertificateIssuer } from '../src/certification/certificate-issuer.service';

/**
 * The worker's progress work per event in the common case, as the worker runs it: the
 * `recompute-progress` job (or `assessment-graded`) and the `evaluate-certificate` job it publishes,
 * for a change that moves no module and issues no certificate. Two scenarios:
 * - lesson: a lesson of module 1 marked done, then undone (its row written and deleted between jobs
 *   on a connection of its own; a `toggle` phase doing only that is measured and subtracted);
 * - grade: the quiz's one submission regraded pass ↔ fail (recordGrade, then the evaluation).
 * Reported per job (median over rounds, with min–max): this process's CPU (the worker's side:
 * utime + stime, process.cpuUsage), the database backends' CPU (/proc of every backend of the test
 * database), and the statements sent (Client.prototype.query calls). A measurement, not a test
 * (not named like one: the suite never runs it): `npm run bench:progress-job`; PROGRESS_JOBS and
 * PROGRESS_ROUNDS change the counts. The file uses only what the old code had too, so it can be run
 * against an older checkout for before/after.
 */
const JOBS = Number(process.env.PROGRESS_JOBS ?? 400);
const ROUNDS = Number(process.env.PROGRESS_ROUNDS ?? 3);
const TICK_MS = 10;

describe('progress job: worker CPU, Postgres CPU and statements per job', () => {
  let t: TestApp;
  const original = Client.prototype.query;
  let counting = false;
  let statements = 0;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    (Client.prototype as any).query = function (this: Client, ...args: unknown[]) {
      if (counting) statements++;
      return (original as any).apply(this, args);
    };
  });
  afterAll(async () => {
    Client.prototype.query = original;
    await t?.close();
  });

  async function backendTicks(): Promise<number> {
    const rows: Array<{ pid: number }> = await t.dataSource.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    let ticks = 0;
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // A backend that ended meanwhile.
      }
    }
    return ticks;
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const summary = (xs: number[]) => ({ median: round2(median(xs)), min: round2(Math.min(...xs)), max: round2(Math.max(...xs)) });

  it('reports per job: worker CPU, Postgres CPU and statements, lesson and grade scenarios', async () => {
    const admin = await loginAdmin(t.api);
    const { programme, enrollmentId } = await runningProgrammeWithTrainee(t.api, admin, (roles) => createUser(t.api, admin.token, roles));
    const progress = t.get<ProgressRecompute>(ProgressRecompute);
    const issuer = t.get<CertificateIssuer>(CertificateIssuer);
    const cls = t.get<ClsService>(ClsService);
    const [moduleOne] = programme.modules;
    const lessonId = moduleOne.lessonIds[0];
    // The test's own connection for the lesson toggle: its backend is one of the database's, so the toggle phase measures it alone.
    const toggler = new Client({ connectionString: t.database.url });
    await toggler.connect();
    let done = false;
    const toggle = async () => {
      done = !done;
      if (done) await toggler.query('INSERT INTO lesson_completion (enrollment_id, lesson_id, module_id) VALUES ($1, $2, $3)', [enrollmentId, lessonId, moduleOne.id]);
      else await toggler.query('DELETE FROM lesson_completion WHERE enrollment_id = $1 AND lesson_id = $2', [enrollmentId, lessonId]);
    };
    const work = async (job: () => Promise<unknown>) => {
      counting = true;
      try {
        await cls.run(job);
        await cls.run(() => issuer.evaluate(enrollmentId));
      } finally {
        counting = false;
      }
    };
    const submissionId = randomUUID();
    let at = Date.now();
    let passed = false;
    const scenarios = {
      toggle: toggle,
      lesson: async () => {
        await toggle();
        await work(() => progress.recompute(enrollmentId));
      },
      grade: async () => {
        passed = !passed;
        at += 1000;
        const grade = { submissionId, enrollmentId, assessmentId: programme.quizId, passed, score: passed ? 100 : 0, maxScore: 100, gradedAt: new Date(at).toISOString() };
        await work(() => progress.recordGrade(grade));
      },
    };
    for (const run of Object.values(scenarios)) for (let i = 0; i < 20; i++) await run();
    const node: Record<string, number[]> = { toggle: [], lesson: [], grade: [] };
    const pg: Record<string, number[]> = { toggle: [], lesson: [], grade: [] };
    const sent: Record<string, number[]> = { toggle: [], lesson: [], grade: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, run] of Object.entries(scenarios)) {
        statements = 0;
        const before = await backendTicks();
        const nodeBefore = process.cpuUsage();
        for (let i = 0; i < JOBS; i++) await run();
        const nodeUsed = process.cpuUsage(nodeBefore);
        const after = await backendTicks();
        node[name].push((nodeUsed.user + nodeUsed.system) / 1000 / JOBS);
        pg[name].push(((after - before) * TICK_MS) / JOBS);
        sent[name].push(statements / JOBS);
      }
    }
    await toggler.end();
    // The lesson scenario's figures less its toggle's, round by round (the toggle ran in the same round).
    const lessonNode = node.lesson.map((ms, i) => ms - node.toggle[i]);
    const lessonPg = pg.lesson.map((ms, i) => ms - pg.toggle[i]);
    console.log(JSON.stringify({
      jobs: JOBS,
      rounds: ROUNDS,
      lesson: { workerMsPerJob: summary(lessonNode), postgresMsPerJob: summary(lessonPg), statementsPerJob: summary(sent.lesson) },
      grade: { workerMsPerJob: summary(node.grade), postgresMsPerJob: summary(pg.grade), statementsPerJob: summary(sent.grade) },
      toggle: { workerMsPerJob: summary(node.toggle), postgresMsPerJob: summary(pg.toggle) },
      raw: { node, pg, sent },
    }));
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM certificate');
    expect(n).toBe(0);
    expect(sent.lesson.every((s) => s > 0)).toBe(true);
  });
});
