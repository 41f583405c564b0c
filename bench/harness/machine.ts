import os from 'node:os';
import { BenchDatabase } from './bench-database';

export interface MachineInfo {
  date: string;
  cpu: string;
  cpus: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  /** 1-minute load average when the run started: other work on the machine skews figures. */
  loadAverage: number;
}

export async function describeMachine(db?: BenchDatabase): Promise<MachineInfo> {
  let postgres = 'unknown';
  if (db) {
    const [row] = await db.query<{ server_version: string }>('SHOW server_version');
    postgres = row.server_version;
  }
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cpus: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
  };
}

export function machineLine(m: MachineInfo): string {
  return `${m.date} — ${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, PostgreSQL ${m.postgres}; load average ${m.loadAverage} at the start`;
}
