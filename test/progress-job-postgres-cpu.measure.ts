import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { Client } from 'pg';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin } from './support/people';
import { runningProgrammeWithTrainee } from './support/journey-builders';
import { ProgressRecompute } from '../src/cohort/progress-recompute.service';

/**
 * Postgres's CPU per progress job (a regrade that flips pass/fail: the grade upsert, the recompute,
 * its writes and outbox rows, all in one transaction), its statements sent named (as the app does)
 * against the same statements with the names stripped (every one parsed and planned per call, as
 * before named statements ran in transactions). Measured as the database's backends' utime + stime
 * from /proc, phases alternated (the machine is shared). A measurement, not a test (so not named
 * like one: the suite never runs it): `npm run bench:progress-job-postgres`, which prints the figures;
 * PG_CPU_JOBS and PG_CPU_ROUNDS change the counts.
 */
const JOBS = Number(process.env.PG_CPU_JOBS ?? 400);
const ROUNDS = Number(process.env.PG_CPU_ROUNDS ?? 3);
const TICK_MS = 10;

describe('progress job: Postgres CPU, named against unnamed', () => {
  let t: TestApp;
  const original = Client.prototype.query;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
  });
  afterAll(async () => {
    Client.prototype.query = original;
    await t?.close();
  });

  function stripNames(on: boolean): void {
    if (!on) {
      Client.prototype.query = original;
      return;
    }
    (Client.prototype as any).query = function (this: Client, ...args: unknown[]) {
      const config = args[0] as { name?: string; text?: string; values?: unknown[] } | string;
      if (typeof config === 'object' && config?.name) args[0] = { text: config.text, values: config.values };
      return (original as any).apply(this, args);
    };
  }

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

  it('runs the job both ways and reports the backends CPU per job', async () => {
    const admin = await loginAdmin(t.api);
    const { programme, enrollmentId } = await runningProgrammeWithTrainee(t.api, admin, (roles) => createUser(t.api, admin.token, roles));
    const progress = t.get<ProgressRecompute>(ProgressRecompute);
    const cls = t.get<ClsService>(ClsService);
    const submissionId = randomUUID();
    let at = Date.now();
    let passed = false;
    const job = () => {
      passed = !passed;
      at += 1000;
      return cls.run(() => progress.recordGrade({ submissionId, enrollmentId, assessmentId: programme.quizId, passed, score: passed ? 100 : 0, maxScore: 100, gradedAt: new Date(at).toISOString() }));
    };
    for (let i = 0; i < 10; i++) await job();
    const figures: Record<'unnamed' | 'named', number[]> = { unnamed: [], named: [] };
    // This process's CPU too (the worker's side of the same jobs: Parse and Describe not sent, rows not described again).
    const nodeFigures: Record<'unnamed' | 'named', number[]> = { unnamed: [], named: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const phase of ['unnamed', 'named'] as const) {
        stripNames(phase === 'unnamed');
        const before = await backendTicks();
        const nodeBefore = process.cpuUsage();
        for (let i = 0; i < JOBS; i++) await job();
        const nodeUsed = process.cpuUsage(nodeBefore);
        const after = await backendTicks();
        nodeFigures[phase].push(Math.round((nodeUsed.user + nodeUsed.system) / JOBS) / 1000);
        stripNames(false);
        figures[phase].push(((after - before) * TICK_MS) / JOBS);
      }
    }
    const ratios = figures.named.map((ms, i) => (figures.unnamed[i] > 0 ? ms / figures.unnamed[i] : NaN));
    console.log(JSON.stringify({ jobs: JOBS, msPerJob: figures, nodeMsPerJob: nodeFigures, namedOverUnnamed: ratios.map((r) => Math.round(r * 100) / 100) }));
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM assessment_grade WHERE submission_id = $1', [submissionId]);
    expect(n).toBe(1);
    expect(figures.named).toHaveLength(ROUNDS);
  });
});
