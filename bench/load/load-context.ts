import { BenchDatabase } from '../harness/bench-database';

/** One simulated person: signed in once, then acting until the run ends. */
export interface VirtualUser {
  index: number;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** Per-user state actions keep between turns (e.g. the lesson they are on). */
  state: Record<string, unknown>;
}

export interface Sample {
  endpoint: string;
  status: number;
  ms: number;
  ok: boolean;
}

/**
 * What actions get: the api's URL, the database (for fixtures) and a recording HTTP call. Actions
 * run in the load generator's own process (bench/load/load-generator.ts), not the harness's.
 */
export interface LoadContext {
  api: { url: string };
  db: Pick<BenchDatabase, 'query'>;
  adminToken: string;
  /**
   * Sends a request and records it under `endpoint` (a label such as 'GET /me'). A status outside
   * `expect` (default: any 2xx) counts as an error.
   */
  call(endpoint: string, method: string, path: string, options?: { token?: string; body?: unknown; expect?: number[] }): Promise<{ status: number; body: any }>;
}

/**
 * One kind of thing a user does. `weight` sets how often it is picked; `prepare` seeds what it
 * needs once before the run (courses, cohorts...) and `run` performs one turn for one user.
 */
export interface LoadAction {
  name: string;
  weight: number;
  prepare?(ctx: LoadContext, users: VirtualUser[]): Promise<void>;
  run(ctx: LoadContext, user: VirtualUser): Promise<void>;
  /** A line for the report (e.g. the grading lag the action measured). */
  summary?(): string;
}
