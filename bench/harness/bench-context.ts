import { AppProcess, BENCH_ADMIN } from './app-processes';
import { BenchDatabase } from './bench-database';
import { NodeProcess } from './child-process';
import { measure, Measurement, MeasureOptions, measurePair, RoundsOf } from './measure';
import { ResultRow } from './results-file';
import { median, roundRatios } from './rounds';
import { signIn } from './seed-users';

/** What every scenario gets: the running processes, the database, and measuring helpers. */
export interface BenchContext {
  /** The real app, api role (`node dist/src/main.js api`). */
  api: AppProcess;
  /** The real app, worker role, on the same database and queue prefix. */
  worker: AppProcess;
  /** The bare Fastify + pg server (bench/baseline), on the same database; its BullMQ queues live under `queuePrefix`. */
  baseline: NodeProcess & { url: string; queuePrefix: string };
  db: BenchDatabase;
  admin: { email: string; password: string; token(): Promise<string> };
  log(line: string): void;
  measure(options: MeasureOptions): Promise<Measurement>;
  /** The app and the baseline in alternating rounds (BENCH_ROUNDS): every round of each side. */
  measurePair(ours: MeasureOptions, baseline: MeasureOptions): Promise<RoundsOf>;
  signIn(emails: string[], password: string): Promise<string[]>;
}

/** Well inside the api's default access-token lifetime (ACCESS_TOKEN_TTL_SECONDS, 900). */
const ADMIN_TOKEN_REUSE_MS = 5 * 60 * 1000;

export function createContext(parts: Pick<BenchContext, 'api' | 'worker' | 'baseline' | 'db'>): BenchContext {
  let adminToken: { value: string; at: number } | undefined;
  const log = (line: string) => console.log(line);
  return {
    ...parts,
    admin: {
      ...BENCH_ADMIN,
      // Signed in again after ADMIN_TOKEN_REUSE_MS: a full run outlasts an access token (15 minutes),
      // and a scenario late in the run was refused with 401 "expired".
      token: async () => {
        if (!adminToken || Date.now() - adminToken.at > ADMIN_TOKEN_REUSE_MS) {
          adminToken = { value: (await signIn(parts.api.url, [BENCH_ADMIN.email], BENCH_ADMIN.password))[0], at: Date.now() };
        }
        return adminToken.value;
      },
    },
    log,
    measure: (options) => {
      log(`  measuring ${options.method ?? 'GET'} ${options.url} ...`);
      return measure(options);
    },
    measurePair: (ours, baseline) => {
      log(`  measuring ${ours.url} against ${baseline.url} ...`);
      return measurePair(ours, baseline, log);
    },
    signIn: (emails, password) => signIn(parts.api.url, emails, password),
  };
}

/**
 * A benchmark scenario. `setup` seeds what it needs (printing progress with ctx.log) and answers
 * any state; `run` measures and answers result rows. A scenario compares against the baseline when
 * it can (add a bare route in bench/baseline/baseline-routes.ts); otherwise baseline and ratio are null.
 * `method` says how its figures were measured (tool, concurrency, durations, rounds, what each
 * ratio is): RESULTS.md prints it under the scenario's description.
 */
export interface BenchScenario<State = unknown> {
  description: string;
  method: string;
  setup(ctx: BenchContext): Promise<State>;
  run(ctx: BenchContext, state: State): Promise<ResultRow[]>;
}

/**
 * Issue 23 item 2's bar for a benchmarked HTTP read: ≥ 0.8 of the bare baseline's req/s and ≥ 0.6 of
 * its p99 (baseline/ours). RESULTS.md marks each row against it, so a miss shows as ✗.
 */
export const HTTP_READ_TARGETS = { requestsPerSecond: 0.8, p99: 0.6 } as const;

/** Alternated rounds of the same request shape → the usual rows (req/s, p50, p99): medians, ratios with spread, each marked against `targets`. */
export function compareRows(scenario: string, rounds: RoundsOf, targets?: { requestsPerSecond?: number; p99?: number }): ResultRow[] {
  const row = (metric: string, unit: string, pick: (m: Measurement) => number, higherIsBetter: boolean, rowTarget?: number): ResultRow => {
    const ours = rounds.ours.map(pick);
    const baseline = rounds.baseline.map(pick);
    const { ratio, spread } = roundRatios(ours, baseline, higherIsBetter);
    return { scenario, metric, ours: median(ours), baseline: median(baseline), ratio, ratioSpread: spread, rounds: ours.length, target: rowTarget, unit };
  };
  return [
    row('req/s', 'req/s', (m) => m.requestsPerSecond, true, targets?.requestsPerSecond),
    row('p50', 'ms', (m) => m.p50Ms, false),
    row('p99', 'ms', (m) => m.p99Ms, false, targets?.p99),
  ];
}
