import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { BenchDatabase } from './bench-database';
import { REPO_ROOT } from './child-process';

/** The machine a figure was measured on, stored with every results.json row. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  /** 1-, 5- and 15-minute load averages just before the run: other work on a shared machine skews figures. */
  loadAverage: [number, number, number];
}

export interface Provenance {
  /** When the run started (ISO 8601 UTC). */
  recordedAt: string;
  /** The commit measured; `-dirty` when the working tree had uncommitted changes. */
  commit: string;
  machine: MachineInfo;
}

export async function describeMachine(db?: BenchDatabase): Promise<MachineInfo> {
  let postgres = 'unknown';
  if (db) {
    const [row] = await db.query<{ server_version: string }>('SHOW server_version');
    postgres = row.server_version;
  }
  const [one, five, fifteen] = os.loadavg().map((n) => Math.round(n * 10) / 10);
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    loadAverage: [one, five, fifteen],
  };
}

export function currentCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return 'unknown';
  }
}

export async function provenance(db?: BenchDatabase): Promise<Provenance> {
  return { recordedAt: new Date().toISOString(), commit: currentCommit(), machine: await describeMachine(db) };
}

export function machineLine(p: Provenance): string {
  const m = p.machine;
  return `${p.recordedAt}, commit ${p.commit} — ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, PostgreSQL ${m.postgres}; load average ${m.loadAverage.join(' / ')} (1 / 5 / 15 min) before the run`;
}
