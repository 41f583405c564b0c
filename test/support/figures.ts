import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Figure {
  /** What was counted, e.g. "routes × callers probed". */
  label: string;
  value: number | string;
  /** What it must be, when it is a pass/fail figure (e.g. 0 violations). */
  expected?: number | string;
}

export const RELIABILITY_DIR = path.resolve(__dirname, '../../test-artifacts/reliability');

/**
 * Records a test's figures: printed, and written to test-artifacts/reliability/<name>.json, from
 * which `npm run posttest` (scripts/compile-reliability.js) builds bench/RELIABILITY.md.
 */
export function recordFigures(name: string, title: string, figures: Figure[]): void {
  mkdirSync(RELIABILITY_DIR, { recursive: true });
  const record = { name, title, recordedAt: new Date().toISOString(), figures };
  writeFileSync(path.join(RELIABILITY_DIR, `${name}.json`), JSON.stringify(record, null, 2) + '\n');
  const lines = figures.map((f) => `  ${f.label}: ${f.value}${f.expected === undefined ? '' : ` (must be ${f.expected})`}`);
  process.stdout.write(`\n${title}\n${lines.join('\n')}\n`);
}
