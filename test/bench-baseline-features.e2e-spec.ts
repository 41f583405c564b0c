import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin } from './support/people';
import { rawRequest } from './support/raw-http';
import type { BaselineServer } from '../bench/baseline/baseline-server';
import { startTestBaseline } from './support/test-baseline';
import { apiCall } from '../bench/harness/api-call';
import { publishCourse, runningCohort } from '../bench/scenarios/trainee-course';

/** Headers whose value differs per answer or per process; their presence is still compared. */
const PER_ANSWER = new Set(['date', 'keep-alive', 'connection']);

// The bare server with the api's features (BASELINE_FEATURES=app, bench/baseline/baseline-features.ts)
// bounds what any implementation of the api's routes can reach against the bare baseline while
// keeping every feature (issue 23). It bounds it only if it does the features' work: the same
// headers, the same conditional answers and the same compression as the api, on the same bodies.
describe('bench baseline with the api’s features answers as the api does, headers included', () => {
  let t: TestApp;
  let bare: BaselineServer;
  beforeAll(async () => {
    t = await startTestApp();
    bare = await startTestBaseline(t, { BASELINE_FEATURES: 'app' });
  });
  afterAll(async () => {
    await bare?.close();
    await t.close();
  });

  it('sends the same status, headers and body for the benchmarked reads, plain, compressed and conditional', async () => {
    const admin = await loginAdmin(t.api);
    const course = await publishCourse(t.url, admin.token);
    const trainee = await createUser(t.api, admin.token);
    const cohort = await runningCohort(t.url, admin.token, course.versionId, 'Baseline features', 5);
    await apiCall(t.url, admin.token, 'POST', `/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id });
    const encodings: string[] = [];
    const paths = ['/health', '/api/v1/me', '/api/v1/me/enrollments', `/api/v1/courses/${course.courseId}/versions/${course.version}/lessons/${course.lessonIds[1]}`];
    let sent = 0;
    for (const path of paths) {
      // A request id of the caller's is echoed by both (a missing genReqId would answer Fastify's own).
      const plain = { authorization: `Bearer ${trainee.token}`, 'x-request-id': `bound-${++sent}` };
      const compressed = { ...plain, 'accept-encoding': 'br, gzip' };
      const [app, withFeatures] = [await rawRequest(t.url, 'GET', path, plain), await rawRequest(bare.url, 'GET', path, plain)];
      const conditional = { ...plain, 'if-none-match': String(app.headers.etag) };
      const pairs = [
        ['plain', app, withFeatures],
        ['br, gzip', await rawRequest(t.url, 'GET', path, compressed), await rawRequest(bare.url, 'GET', path, compressed)],
        ['If-None-Match', await rawRequest(t.url, 'GET', path, conditional), await rawRequest(bare.url, 'GET', path, conditional)],
      ] as const;
      for (const [how, ours, theirs] of pairs) {
        expect({ path, how, status: theirs.status, headers: comparable(theirs.headers) }).toEqual({ path, how, status: ours.status, headers: comparable(ours.headers) });
        expect({ path, how, text: theirs.text, bytes: theirs.bytes }).toEqual({ path, how, text: ours.text, bytes: ours.bytes });
      }
      expect({ path, status: app.status }).toEqual({ path, status: 200 });
      encodings.push(String(pairs[1][1].headers['content-encoding']));
      expect({ path, status: pairs[2][1].status }).toEqual({ path, status: 304 });
    }
    // The lesson and the trainee home are over the 1 KB threshold: the compression path was compared too.
    expect(encodings).toContain('br');
    // The latency histogram counted every answer by its route template, as the api's does.
    const counted = (await bare.features!.requestDuration.get()).values.filter((v) => v.metricName === 'http_request_duration_seconds_count');
    expect(counted.reduce((sum, v) => sum + v.value, 0)).toBe(paths.length * 3);
    expect(counted.map((v) => v.labels.route)).toContain('/api/v1/me');
  });
});

function comparable(headers: Record<string, string | string[] | undefined>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, PER_ANSWER.has(name) ? 'present' : value]));
}
