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
