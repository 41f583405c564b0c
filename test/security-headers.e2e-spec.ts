import { startTestApp, TestApp } from './support/test-app';
import { loginAdmin, TestPerson } from './support/people';
import { rawRequest, RawAnswer } from './support/raw-http';
import { securityHeadersOf } from '../src/platform/security-headers';

/**
 * The security headers (helmet's defaults through app.useSecurityHeaders, no CSP) are recorded once
 * and put on each answer by the response-encoding hook instead of by a per-request hook on the Node
 * response (src/platform/security-headers.ts). Every way an answer can end must still carry them.
 */
describe('security headers on every kind of answer', () => {
  let t: TestApp;
  let admin: TestPerson;
  let expected: Record<string, string>;
  const get = (path: string, headers: Record<string, string> = {}) => rawRequest(t.url, 'GET', path, headers);
  const securityOf = (answer: RawAnswer) => Object.fromEntries(Object.keys(expected).map((name) => [name, answer.headers[name]]));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.api);
    expected = Object.fromEntries(securityHeadersOf(t.app.getHttpAdapter())().map(([name, value]) => [name, String(value)]));
  });
  afterAll(() => t.close());

  it('records helmet’s headers from Nest’s hook, without a Content-Security-Policy', () => {
    expect(expected).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
    expect(expected['content-security-policy']).toBeUndefined();
    expect(expected['x-powered-by']).toBeUndefined();
  });

  it('every answer carries them: reads, 304, HEAD, writes, redirects, refusals by guard, validation, router, body parser and not-found', async () => {
    const tracks = await get('/api/v1/tracks');
    expect(tracks.status).toBe(200);
    const answers: Array<[string, RawAnswer, number]> = [
      ['200 read', tracks, 200],
      ['304', await get('/api/v1/tracks', { 'if-none-match': String(tracks.headers.etag) }), 304],
      ['HEAD', await rawRequest(t.url, 'HEAD', '/api/v1/tracks'), 200],
      ['authenticated read', await get('/api/v1/me', { authorization: `Bearer ${admin.token}` }), 200],
      ['write', await rawRequest(t.url, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ email: admin.email, password: admin.password })), 200],
      ['401 by the guard', await get('/api/v1/me'), 401],
      ['400 by validation', await rawRequest(t.url, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ email: 'not an address' })), 400],
      ['400 by the router', await get('/api/v1/courses/%E0%A4%A'), 400],
      ['415 by the body parser', await rawRequest(t.url, 'POST', '/api/v1/auth/login', { 'content-type': 'text/x-unknown' }, '<a/>'), 415],
      ['404', await get('/api/v1/nothing-answers-here'), 404],
      ['405', await rawRequest(t.url, 'DELETE', '/api/v1/tracks'), 405],
      ['health', await get('/health'), 200],
      ['redirect to the web app', await get('/'), 302],
      ['OpenAPI document', await get('/docs-json', { 'accept-encoding': 'br' }), 200],
    ];
    for (const [name, answer, status] of answers) {
      expect({ name, status: answer.status }).toEqual({ name, status });
      expect({ name, headers: securityOf(answer) }).toEqual({ name, headers: expected });
    }
  });
});
