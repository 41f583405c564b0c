import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { readSpawned, SpawnedRecord, stillRunning, TEST_RUN_DIR_VARIABLE } from '../../../libs/testing/src/spawned-processes';

/** Processes may take a moment to be reaped after their test's clean-up; a leak is one still there after this. */
const GRACE_MS = 10_000;

/**
 * Fails the run when any server or child app a test started is still alive (after killing it, so
 * nothing is left running either way). Two sources: the pid files tests wrote (recordSpawned), and,
 * as a backstop for processes nobody recorded (a browser, a grandchild), every process whose
 * environment carries this run's directory.
 */
export default async function globalTeardown(): Promise<void> {
  const runDir = process.env[TEST_RUN_DIR_VARIABLE];
  if (!runDir) return;
  const deadline = Date.now() + GRACE_MS;
  let leaked = survivors(runDir);
  while (leaked.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    leaked = survivors(runDir);
  }
  if (!leaked.length) {
    rmSync(runDir, { recursive: true, force: true });
    return;
  }
  for (const process_ of leaked) {
    try {
      process.kill(process_.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  const lines = leaked.map((p) => `  pid ${p.pid}: ${p.what}${p.testFile ? ` (started by ${p.testFile})` : ''}`);
  throw new Error(`${leaked.length} process(es) started by tests outlived the run (killed now):\n${lines.join('\n')}\nRecords: ${runDir}/pids`);
}

function survivors(runDir: string): SpawnedRecord[] {
  const recorded = readSpawned(runDir).filter(stillRunning);
  const seen = new Set(recorded.map((r) => r.pid));
  return [...recorded, ...markedProcesses(runDir).filter((p) => !seen.has(p.pid))];
}

/** Processes (other than jest's own) whose environment names this run's directory. */
function markedProcesses(runDir: string): SpawnedRecord[] {
  const marker = `GDS_TEST_RUN_DIR=${runDir}\0`;
  const found: SpawnedRecord[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return found;
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker)) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').filter(Boolean).join(' ');
      if (/jest-worker|processChild\.js|node_modules\/\.bin\/jest|jest\.js/.test(command)) continue;
      const record = { pid, what: command.slice(0, 160), startTime: null, testFile: undefined };
      if (stillRunning(record)) found.push(record);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}
