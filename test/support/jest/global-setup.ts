import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { TEST_RUN_DIR_VARIABLE } from '../../../libs/testing/src/spawned-processes';

/**
 * Makes this run's directory (test-artifacts/test-runs/<start>-<pid>) and hands it to every test
 * worker through the environment: the servers and child apps tests start record themselves there.
 */
export default function globalSetup(): void {
  const runDir = path.resolve(__dirname, '../../../test-artifacts/test-runs', `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  mkdirSync(path.join(runDir, 'pids'), { recursive: true });
  process.env[TEST_RUN_DIR_VARIABLE] = runDir;
}
