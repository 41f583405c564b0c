import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '@gds/testing';
import { NodeProcess } from '../bench/harness/child-process';

/**
 * Smoke test of the benchmark harness (`npm run bench`), at toy sizes and into a temporary
 * directory: the built runner with the `me` and `cohort-outcomes` scenarios, as CI cannot afford
 * the real run. Checks what the files say about a run, never a timing.
 */
describe('bench harness (smoke): provenance, method lines, medians with spread, cohort-outcomes like with like', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gds-bench-smoke-'));
  let rows: any[];
  let markdown: string;

  beforeAll(async () => {
    const bench = new NodeProcess({
      script: 'dist/bench/run-bench.js',
      args: ['me', 'cohort-outcomes'],
      name: 'bench (smoke)',
      env: {
        ...(process.env as Record<string, string>),
        BENCH_RESULTS_DIR: dir,
        BENCH_SECONDS: '1',
        BENCH_WARMUP_SECONDS: '0',
        BENCH_ROUNDS: '3',
        BENCH_CONNECTIONS: '4',
        BENCH_ME_TRAINEES: '60',
        BENCH_OUTCOMES_TRAINEES: '120',
        BENCH_OUTCOMES_SUBMISSIONS: '1200',
        BENCH_OUTCOMES_SAMPLES: '20',
        BENCH_OUTCOMES_CONNECTIONS: '2',
      },
    });
    bench.start();
    await waitFor(() => !bench.running, { what: 'the bench run to finish', timeoutMs: 540_000, intervalMs: 500 });
    if (bench.exits !== 1 || !readFileSafe(path.join(dir, 'results.json'))) throw new Error(`the bench run failed:\n${bench.tail(60)}`);
    rows = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));
    markdown = readFileSync(path.join(dir, 'RESULTS.md'), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores every row with when, which commit and which machine (load average before the run)', () => {
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(Date.parse(row.recordedAt)).not.toBeNaN();
      expect(row.commit).toMatch(/^[0-9a-f]{7,40}(-dirty)?$/);
      expect(row.machine).toMatchObject({ cpu: expect.any(String), cores: expect.any(Number), memoryGiB: expect.any(Number), node: process.version });
      expect(row.machine.loadAverage).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    }
  });

  it('reports medians of alternated rounds with the ratios’ spread', () => {
    const rps = rows.find((r) => r.scenario === 'me' && r.metric === 'req/s');
    expect(rps).toMatchObject({ rounds: 3, target: 0.8, ratio: expect.any(Number) });
    expect(rows.find((r) => r.scenario === 'me' && r.metric === 'p99')).toMatchObject({ target: 0.6 });
    expect(rps.ratioSpread.min).toBeLessThanOrEqual(rps.ratio);
    expect(rps.ratioSpread.max).toBeGreaterThanOrEqual(rps.ratio);
  });

  it('writes each scenario’s own method line', () => {
    const methods = [...markdown.matchAll(/^Method: (.+)$/gm)].map((m) => m[1]);
    expect(methods).toHaveLength(2);
    expect(methods[0]).not.toBe(methods[1]);
    expect(markdown).toMatch(/Measured .+commit [0-9a-f]+.+load average/);
  });

  it('compares the live report with the direct query over HTTP (20+ pairs), and the snapshot read as a cache with no ratio', () => {
    const live = rows.find((r) => r.scenario === 'cohort-outcomes' && r.metric.startsWith('live report vs direct SQL, median'));
    expect(live.rounds).toBeGreaterThanOrEqual(20);
    expect(live.baseline).toBeGreaterThan(0);
    expect(live.ratio).toBeGreaterThan(0);
    const snapshot = rows.filter((r) => r.scenario === 'cohort-outcomes' && r.metric.startsWith('snapshot read (cache)'));
    expect(snapshot.length).toBeGreaterThanOrEqual(3);
    for (const row of snapshot) expect(row.baseline).toBeNull();
  });
});

function readFileSafe(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
