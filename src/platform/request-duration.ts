import { Histogram, Registry } from 'prom-client';

/** The per-request latency histogram by route template (MetricsService; the bench's bare server with the api's features makes the same one). */
export function requestDurationHistogram(registers: Registry[]): Histogram<'method' | 'route' | 'status'> {
  return new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route template',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
}
