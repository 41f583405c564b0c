import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './child-process';
import { Provenance } from './machine';
import { Spread } from './rounds';

export interface ResultRow {
  scenario: string;
  metric: string;
  ours: number;
  baseline: number | null;
  /** Higher is better: ours/baseline for throughputs, baseline/ours for latencies; the median of the rounds' ratios. */
  ratio: number | null;
  /** Min–max of the per-round (or per-sample-pair) ratios the median was taken from. */
  ratioSpread?: Spread | null;
  /** How many alternated rounds (or sample pairs) the figures are medians of. */
  rounds?: number;
  /** Optional: what the ratio should reach (e.g. 0.5), shown in RESULTS.md. */
  target?: number;
  unit?: string;
}

/** A row as results.json stores it: with when, what and where it was measured. */
export type RecordedRow = ResultRow & Provenance;

/** BENCH_RESULTS_DIR sends the files elsewhere (the harness's smoke test writes to a temporary directory). */
const RESULTS_DIR = process.env.BENCH_RESULTS_DIR ?? path.join(REPO_ROOT, 'bench');
export const RESULTS_JSON = path.join(RESULTS_DIR, 'results.json');
export const RESULTS_MD = path.join(RESULTS_DIR, 'RESULTS.md');

/**
 * Replaces the rows of the scenarios just run and keeps the others (a one-scenario run updates only
 * it); every fresh row carries the run's provenance. Rows without provenance (older runs) are dropped.
 */
export function mergeResults(fresh: ResultRow[], run: Provenance): RecordedRow[] {
  mkdirSync(RESULTS_DIR, { recursive: true }); // a BENCH_RESULTS_DIR that does not exist yet
  const previous: RecordedRow[] = existsSync(RESULTS_JSON) ? JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) : [];
  const ranNow = new Set(fresh.map((r) => r.scenario));
  const merged = [...previous.filter((r) => !ranNow.has(r.scenario) && r.recordedAt && r.commit && r.machine), ...fresh.map((r) => ({ ...r, ...run }))];
  writeFileSync(RESULTS_JSON, JSON.stringify(merged, null, 2) + '\n');
  return merged;
}

/**
 * RESULTS.md is made of sections between markers (`<!-- section:NAME -->` ... `<!-- /section:NAME -->`),
 * so `npm run bench` (one section per scenario) and `npm run bench:load` each rewrite only their own.
 */
export function writeSection(name: string, markdown: string): void {
  const header = '# Benchmark results\n\nWritten by `npm run bench` and `npm run bench:load`; each section is replaced by its latest run.\n';
  mkdirSync(RESULTS_DIR, { recursive: true });
  let text = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : header;
  const open = `<!-- section:${name} -->`;
  const close = `<!-- /section:${name} -->`;
  const block = `${open}\n${markdown.trim()}\n${close}`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  text = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + close.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS_MD, text);
}

export function markdownTable(headers: string[], rows: Array<Array<string | number>>): string {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
