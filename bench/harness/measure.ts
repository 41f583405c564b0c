import autocannon from 'autocannon';

export interface MeasureOptions {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Bearer tokens, used in turn (one per request), so that the server cannot cache one caller. */
  tokens?: string[];
  body?: unknown;
  connections?: number;
  seconds?: number;
  warmupSeconds?: number;
}

export interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export const BENCH_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const BENCH_WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
export const BENCH_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Alternating rounds per side (ours, baseline, ours, baseline ...); figures are medians over them. Odd, so the median is a round. */
export const BENCH_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function once(options: MeasureOptions, seconds: number): Promise<autocannon.Result> {
  const tokens = options.tokens ?? [];
  let next = 0;
  return autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    connections: options.connections ?? BENCH_CONNECTIONS,
    duration: seconds,
    headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    requests: [
      {
        setupRequest: (request: any) => {
          if (tokens.length === 0) return request;
          const token = tokens[next++ % tokens.length];
          return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
        },
      },
    ],
  });
}

/** A warm-up (discarded), then a fixed-duration run with the same number of connections. */
export async function measure(options: MeasureOptions): Promise<Measurement> {
  const warmup = options.warmupSeconds ?? BENCH_WARMUP_SECONDS;
  if (warmup > 0) await once(options, warmup);
  const result = await once(options, options.seconds ?? BENCH_SECONDS);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Every round of each side, in the order run: round i of ours ran just before round i of the baseline. */
export interface RoundsOf {
  ours: Measurement[];
  baseline: Measurement[];
}

/**
 * Measures the app and the baseline in BENCH_ROUNDS alternating rounds and answers every round, so
 * the figures can be medians with their spread: a burst of other work on a shared machine hits
 * neighbouring rounds of both sides alike, and shows in the spread instead of deciding the ratio.
 */
export async function measurePair(ours: MeasureOptions, baseline: MeasureOptions, log: (line: string) => void): Promise<RoundsOf> {
  const rounds: RoundsOf = { ours: [], baseline: [] };
  for (let round = 1; round <= BENCH_ROUNDS; round++) {
    for (const side of ['ours', 'baseline'] as const) {
      const m = await measure(side === 'ours' ? ours : baseline);
      log(`  round ${round} ${side.padEnd(8)} ${m.requestsPerSecond} req/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms`);
      if (m.non2xx || m.errors) throw new Error(`${side}: ${m.non2xx} non-2xx answers and ${m.errors} errors of ${m.requests}`);
      rounds[side].push(m);
    }
  }
  return rounds;
}

/** The method line of a scenario measured with measurePair. */
export function pairMethod(connections = BENCH_CONNECTIONS): string {
  return `autocannon, ${connections} connections, ${BENCH_WARMUP_SECONDS} s warm-up then ${BENCH_SECONDS} s per side and round, ${BENCH_ROUNDS} rounds alternating ours and baseline; each figure is the median over rounds, each ratio the median of the per-round ratios with their min–max in brackets (latency ratios are baseline/ours, so higher is better everywhere)`;
}
