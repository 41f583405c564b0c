import { Client } from 'pg';
import { loadConfig } from '../../src/config/load-config';
import { SqlGrader } from '../../src/assessment/graders/sql.grader';
import { SandboxPools } from '../../src/assessment/sandbox/sandbox-pools.service';
import { SandboxProvisioner } from '../../src/assessment/sandbox/sandbox-provisioner.service';
import { SandboxRunner } from '../../src/assessment/sandbox/sandbox-runner.service';
import { BenchScenario } from '../harness/bench-context';
import { measureSqlGradingLatency } from './sql-grading';

const RUNS = Number(process.env.BENCH_SQL_GRADING_RUNS ?? 500);

/**
 * Scenario `sql-grading` (issue 5.12, the latency half): the app's SQL grader, as the worker builds
 * it, grading one answer against a 500-row dataset in the sandbox database (read-only role,
 * statement timeout, cursor fetch, comparison). Sequential, so each figure is one grading's latency.
 * No bare baseline: the grader is the thing measured.
 */
export const sqlGradingScenario: BenchScenario<{ grader: SqlGrader; pools: SandboxPools }> = {
  description: `Latency of grading one SQL answer in the sandbox (the app's SqlGrader; GROUP BY over 500 rows), ${RUNS} sequential gradings after one warm-up that provisions the dataset`,
  method: `in the bench process, ${RUNS} gradings one after another (each timed alone with performance.now, so each figure is one grading's latency); percentiles over them; no bare baseline, so no ratio`,
  async setup(ctx) {
    const sandbox = new URL(ctx.db.url);
    sandbox.pathname = `/${ctx.db.name}_sandbox`;
    const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: ctx.db.url, SANDBOX_DATABASE_URL: sandbox.toString(), LOG_LEVEL: 'warn' });
    const pools = new SandboxPools(config);
    const grader = new SqlGrader(config, new SandboxProvisioner(config, pools), new SandboxRunner(), pools);
    return { grader, pools };
  },
  async run(ctx, { grader, pools }) {
    ctx.log(`  grading ${RUNS} answers one after another`);
    try {
      const latency = await measureSqlGradingLatency(grader, RUNS);
      if (latency.correct !== latency.runs) throw new Error(`sql-grading: ${latency.runs - latency.correct} of ${latency.runs} right answers were not graded right`);
      const row = (metric: string, ours: number) => ({ scenario: 'sql-grading', metric, ours, baseline: null, ratio: null, unit: 'ms' });
      return [row('p50 per grading', latency.p50Ms), row('p95 per grading', latency.p95Ms), row('max', latency.maxMs)];
    } finally {
      await pools.onModuleDestroy();
      await dropSandbox(ctx.db.url, `${ctx.db.name}_sandbox`);
    }
  },
};

async function dropSandbox(databaseUrl: string, name: string): Promise<void> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
