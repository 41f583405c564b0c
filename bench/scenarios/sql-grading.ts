import { performance } from 'node:perf_hooks';
import { SqlGrader } from '../../src/assessment/graders/sql.grader';

export interface SqlGradingLatency {
  runs: number;
  correct: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** A small dataset and a grouping query, the shape of a typical data-analysis exercise. */
export const SQL_BENCH_KEY = {
  dataset: {
    tables: [
      {
        name: 'sales',
        columns: [
          { name: 'id', type: 'integer' },
          { name: 'region', type: 'text' },
          { name: 'amount', type: 'numeric(10,2)' },
        ],
        rows: Array.from({ length: 500 }, (_, i) => [i + 1, ['north', 'south', 'east', 'west'][i % 4], (i * 37) % 1000]),
      },
    ],
  },
  referenceQuery: 'SELECT region, sum(amount) AS total FROM sales GROUP BY region ORDER BY region',
};

const ANSWER = 'SELECT region, SUM(amount) FROM sales GROUP BY 1 ORDER BY 1';

/**
 * Latency of grading one SQL answer end to end inside the grader (sandbox connection, read-only
 * transaction, cursor fetch, comparison), over `runs` sequential gradings after one warm-up that
 * provisions the dataset. The harness prints the result; this only measures.
 */
export async function measureSqlGradingLatency(grader: SqlGrader, runs = 200): Promise<SqlGradingLatency> {
  const key = grader.validateKey(SQL_BENCH_KEY);
  const answer = grader.validateAnswer({ query: ANSWER }, key);
  const context = { key, answer, traineeId: 'bench', assessmentId: 'bench', versionId: 'bench', submissionId: 'bench', maxScore: 1 };
  await grader.grade(context);
  const durations: number[] = [];
  let correct = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const outcome = await grader.grade(context);
    durations.push(performance.now() - started);
    if (outcome.score === 1) correct++;
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => Math.round(durations[Math.min(durations.length - 1, Math.ceil(q * durations.length) - 1)] * 100) / 100;
  return { runs, correct, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}
