import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppProcess, appEnvironment } from './harness/app-processes';
import { createBenchDatabase } from './harness/bench-database';
import { BenchContext, createContext } from './harness/bench-context';
import { freePort, NodeProcess, REPO_ROOT, waitForHttpOk } from './harness/child-process';
import { machineLine, provenance } from './harness/machine';
import { markdownTable, mergeResults, ResultRow, writeSection } from './harness/results-file';
import { ratioText } from './harness/rounds';
import { SCENARIOS } from './scenarios';

function chooseScenarios(args: string[]): string[] {
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) return Object.keys(SCENARIOS);
  const unknown = names.filter((n) => !SCENARIOS[n]);
  if (unknown.length) throw new Error(`Unknown scenario(s) ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  return names;
}

function report(name: string, rows: ResultRow[], machine: string): void {
  const table = markdownTable(
    ['metric', 'ours', 'baseline', 'ratio (min–max)', 'target'],
    rows.map((r) => [
      r.metric,
      `${r.ours} ${r.unit ?? ''}`.trim(),
      r.baseline === null ? '—' : `${r.baseline} ${r.unit ?? ''}`.trim(),
      ratioText(r.ratio, r.ratioSpread),
      r.target === undefined ? '' : `≥ ${r.target}${r.ratio !== null && r.ratio >= r.target ? ' ✓' : ' ✗'}`,
    ]),
  );
  console.log(`\n${name}\n${table}\n`);
  writeSection(`bench:${name}`, `## Scenario \`${name}\`\n\n${SCENARIOS[name].description}.\n\nMethod: ${SCENARIOS[name].method}.\n\nMeasured ${machine}.\n\n${table}`);
}

/**
 * The baseline's features, if asked for: the figures then compare the api with a baseline that pays
 * for the api's features too, which is not the bare baseline, so such a run must write its
 * results elsewhere (BENCH_RESULTS_DIR) and never over bench/RESULTS.md.
 */
function baselineFeatures(): { BASELINE_FEATURES?: string } {
  const features = process.env.BENCH_BASELINE_FEATURES;
  if (!features) return {};
  const results = process.env.BENCH_RESULTS_DIR;
  if (!results || path.resolve(results) === path.resolve(REPO_ROOT, 'bench')) throw new Error('BENCH_BASELINE_FEATURES needs a BENCH_RESULTS_DIR other than bench/: its figures are not the bare baseline\'s and must not replace bench/RESULTS.md');
  return { BASELINE_FEATURES: features };
}

async function startProcesses(dbUrl: string): Promise<Pick<BenchContext, 'api' | 'worker' | 'baseline'>> {
  const env = appEnvironment({ databaseUrl: dbUrl });
  const api = await AppProcess.create('api', env);
  console.log('starting the app (api role; it creates the schema by migrating) ...');
  await api.startAndWait();
  const worker = await AppProcess.create('worker', { ...env, MIGRATIONS_RUN_ON_START: 'false' });
  console.log('starting the worker ...');
  worker.start();
  const port = await freePort();
  // Its own queue prefix: the bare grading queue must never be consumed by the app's worker.
  const queuePrefix = `{bb${randomBytes(5).toString('hex')}}`;
  // BENCH_BASELINE_FEATURES=app: the bare server with the api's features that are not Nest (baseline-features.ts).
  const features = baselineFeatures();
  const baseline = Object.assign(new NodeProcess({ script: 'dist/bench/baseline/baseline-server.js', env: { ...env, PORT: String(port), BASELINE_QUEUE_PREFIX: queuePrefix, ...features }, name: 'baseline' }), {
    url: `http://127.0.0.1:${port}`,
    queuePrefix,
  });
  console.log('starting the baseline server ...');
  baseline.start();
  await waitForHttpOk(`${baseline.url}/health/ready`, baseline);
  return { api, worker, baseline };
}

async function main(): Promise<void> {
  const names = chooseScenarios(process.argv.slice(2));
  const db = await createBenchDatabase();
  console.log(`database ${db.name}`);
  let processes: Awaited<ReturnType<typeof startProcesses>> | undefined;
  let failed = false;
  // Provenance first: the load average before this run's own processes start.
  const run = await provenance(db);
  console.log(machineLine(run));
  try {
    processes = await startProcesses(db.url);
    const ctx = createContext({ ...processes, db });
    const machine = machineLine(run);
    const rows: ResultRow[] = [];
    for (const name of names) {
      console.log(`\n== ${name}: ${SCENARIOS[name].description}\nsetting up ...`);
      // One scenario that breaks must not throw away the figures of the others already measured (a
      // full run takes many minutes): it is reported, the run goes on, and the exit code says so.
      try {
        const state = await SCENARIOS[name].setup(ctx);
        const scenarioRows = await SCENARIOS[name].run(ctx, state);
        rows.push(...scenarioRows);
        report(name, scenarioRows, machine);
        failed ||= scenarioRows.some((r) => r.target !== undefined && (r.ratio === null || r.ratio < r.target));
      } catch (error) {
        console.error(`scenario ${name} failed; its earlier figures are kept:`, error);
        failed = true;
      }
    }
    mergeResults(rows, run);
    console.log('wrote bench/RESULTS.md and bench/results.json');
  } finally {
    await Promise.all([processes?.api.stop(), processes?.worker.stop(), processes?.baseline.stop()]);
    await db.drop();
  }
  if (failed) {
    console.error('a scenario failed or missed its target');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
