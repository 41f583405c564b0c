import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every server or child app a test starts is recorded under the run directory of the jest run
 * (GDS_TEST_RUN_DIR, made by the global setup), so the global teardown can prove that none of them
 * outlived the run, also when a test failed or timed out before its own clean-up.
 */
export const TEST_RUN_DIR_VARIABLE = 'GDS_TEST_RUN_DIR';

export interface SpawnedRecord {
  pid: number;
  /** What it is, for the teardown's message: "redis-server :6390", "postgres /tmp/gds-pg-x". */
  what: string;
  /** The kernel's start time of the process (clock ticks since boot): tells it apart from a later process with the same pid. */
  startTime: string | null;
  /** The test file that started it. */
  testFile: string | undefined;
}

function pidsDir(runDir: string): string {
  return path.join(runDir, 'pids');
}

/** Field 22 of /proc/<pid>/stat, or null when the process is gone (or this is not Linux). */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return afterName[19] ?? null;
  } catch {
    return null;
  }
}

/** Records a process a test started; a no-op outside a jest run (a benchmark, a developer's script). */
export function recordSpawned(pid: number | undefined, what: string): void {
  const runDir = process.env[TEST_RUN_DIR_VARIABLE];
  if (!runDir || !pid) return;
  const record: SpawnedRecord = { pid, what, startTime: processStartTime(pid), testFile: (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect?.getState?.().testPath };
  mkdirSync(pidsDir(runDir), { recursive: true });
  writeFileSync(path.join(pidsDir(runDir), `${pid}.json`), JSON.stringify(record));
}

export function readSpawned(runDir: string): SpawnedRecord[] {
  try {
    return readdirSync(pidsDir(runDir))
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(path.join(pidsDir(runDir), name), 'utf8')) as SpawnedRecord);
  } catch {
    return [];
  }
}

/** Is this recorded process still the same one, and running (a zombie counts as gone)? */
export function stillRunning(record: SpawnedRecord): boolean {
  const startTime = processStartTime(record.pid);
  if (startTime === null || (record.startTime !== null && startTime !== record.startTime)) return false;
  try {
    const stat = readFileSync(`/proc/${record.pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
