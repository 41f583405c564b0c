import { StatementCounter } from './statement-counter';
import { startTestApp, TestApp } from './test-app';

/**
 * The setup of the statement-count tests (issue 23's round trips): an app of the api role, so no
 * relay or worker polls land in the count (handlers a worker runs are called directly), and
 * `counter` installed for the file. Registers the file's beforeAll/afterAll; `started` receives the app.
 */
export function countStatementsOnApiApp(counter: StatementCounter, started: (app: TestApp) => void): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    // The cap: an access standing entry cannot age out mid-test and add a statement to a count.
    app = await startTestApp({ role: 'api', env: { ACCESS_STANDING_CACHE_SECONDS: '300' } });
    started(app);
    counter.install();
  });
  afterAll(async () => {
    counter.uninstall();
    await app?.close();
  });
}
