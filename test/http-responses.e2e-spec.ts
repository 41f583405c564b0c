import { randomUUID } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { buildCourse, publish } from './support/course-builders';
import { CertificationWorld, publishEvaluation, waitForCertificates } from './support/certification-builders';
import { rawRequest, RawAnswer } from './support/raw-http';

/** A marker that must never come back in an error answer (the server echoes no input). */
const MARKER = 'zq-echo-marker';

function expectProblem(answer: RawAnswer, status: number, slug: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(answer.headers['cache-control']).toBe('no-store');
  const body = JSON.parse(answer.text);
  expect(body).toMatchObject({ type: `https://gds-academy.dev/problems/${slug}`, status, title: expect.any(String), detail: expect.any(String) });
  expect(answer.text).not.toContain(MARKER);
  expect(answer.bytes.length).toBeLessThan(600);
}

describe('HTTP for clients: compression, ETags, Cache-Control, the server’s own errors', () => {
  const world = new CertificationWorld();
  let t: TestApp;
  let admin: TestPerson;
  const get = (path: string, headers: Record<string, string> = {}) => rawRequest(t.url, 'GET', path, headers);
  const bearer = (person: TestPerson) => ({ authorization: `Bearer ${person.token}` });

  beforeAll(async () => {
    t = await startTestApp({ overrides: world.overrides() });
    admin = await loginAdmin(t.api);
  });
  afterAll(() => t.close());

  describe('compression', () => {
    it('sends brotli or gzip when asked, for answers over 1 KB, and the same JSON either way', async () => {
      const plain = await get('/docs-json');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.bytes.length).toBeGreaterThan(1024);
      for (const encoding of ['br', 'gzip']) {
        const packed = await get('/docs-json', { 'accept-encoding': encoding });
        expect(packed.headers['content-encoding']).toBe(encoding);
        expect(packed.headers.vary).toMatch(/accept-encoding/i);
        expect(packed.bytes.length).toBeLessThan(plain.bytes.length / 3);
        expect(JSON.parse(packed.text)).toEqual(JSON.parse(plain.text));
      }
      // Brotli is preferred when the client takes both.
      expect((await get('/docs-json', { 'accept-encoding': 'gzip, deflate, br' })).headers['content-encoding']).toBe('br');
    });

    it('compresses a personal list and leaves answers under 1 KB as they are', async () => {
      const trainee = await createUser(t.api, admin.token, ['trainee']);
      const skills = await get('/api/v1/skills', { ...bearer(trainee), 'accept-encoding': 'br' });
      expect(skills.status).toBe(200);
      expect(skills.headers['content-encoding']).toBe('br');
      expect(JSON.parse(skills.text).length).toBeGreaterThan(10);
      const tracks = await get('/api/v1/tracks', { 'accept-encoding': 'br, gzip' });
      expect(tracks.bytes.length).toBeLessThan(1024);
      expect(tracks.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(tracks.text)).toHaveLength(4);
    });

    it('refuses a compressed request body with 415 instead of inflating it', async () => {
      const answer = await rawRequest(t.url, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, MARKER);
      expectProblem(answer, 415, 'unsupported-content-encoding');
    });
  });

  describe('ETag and 304', () => {
    it('answers a repeat read of personal data 304 with no body, keeping ETag and Cache-Control', async () => {
      const trainee = await createUser(t.api, admin.token, ['trainee']);
      const first = await get('/api/v1/me', bearer(trainee));
      expect(first.status).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/".+"$/);
      const again = await get('/api/v1/me', { ...bearer(trainee), 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.bytes.length).toBe(0);
      expect(again.headers['content-length'] ?? '0').toBe('0');
      expect(again.headers['content-type']).toBeUndefined();
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toBe('private, no-cache');
      // A list of tags, the strong form of the same tag, and `*` match too (weak comparison).
      expect((await get('/api/v1/me', { ...bearer(trainee), 'if-none-match': `"other", ${etag.slice(2)}` })).status).toBe(304);
      expect((await get('/api/v1/me', { ...bearer(trainee), 'if-none-match': '*' })).status).toBe(304);
      // A compressed answer carries the same tag and is revalidated the same way.
      const docs = await get('/docs-json', { 'accept-encoding': 'br' });
      const docsAgain = await get('/docs-json', { 'accept-encoding': 'br', 'if-none-match': docs.headers.etag as string });
      expect(docsAgain.status).toBe(304);
      expect(docsAgain.bytes.length).toBe(0);
      expect(docsAgain.headers['content-encoding']).toBeUndefined();
    });

    it('gives a changed representation a new tag, so the old one no longer matches', async () => {
      const trainee = await createUser(t.api, admin.token, ['trainee']);
      const before = await get('/api/v1/me', bearer(trainee));
      expect((await t.api.patch('/api/v1/me', { displayName: 'Renamed Trainee' }, trainee.token)).status).toBe(200);
      const after = await get('/api/v1/me', { ...bearer(trainee), 'if-none-match': before.headers.etag as string });
      expect(after.status).toBe(200);
      expect(JSON.parse(after.text).displayName).toBe('Renamed Trainee');
      expect(after.headers.etag).not.toBe(before.headers.etag);
    });

    it.each([['garbage'], ['W/garbage'], ['"unterminated'], ['"a" "b"'], [`"${'x'.repeat(4000)}"`], ['W/"", ,,']])('ignores If-None-Match %j (200 with the body)', async (header) => {
      const answer = await get('/api/v1/tracks', { 'if-none-match': header.slice(0, 4100) });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toHaveLength(4);
    });

    it('tags neither errors nor writes, and never answers a write 304', async () => {
      const missing = await get(`/api/v1/courses/${randomUUID()}`, { ...bearer(admin), 'if-none-match': '*' });
      expect(missing.status).toBe(404);
      expect(missing.headers.etag).toBeUndefined();
      const login = await rawRequest(t.url, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json', 'if-none-match': '*' }, JSON.stringify({ email: admin.email, password: admin.password }));
      expect(login.status).toBe(200);
      expect(login.headers.etag).toBeUndefined();
    });

    it('answers HEAD like GET without a body, and 304 to a HEAD that names the tag', async () => {
      const getAnswer = await get('/docs-json');
      // Fastify answers HEAD with the plain representation's headers (no Content-Encoding), which is
      // one of the representations GET may send; its ETag is the same weak tag.
      const head = await rawRequest(t.url, 'HEAD', '/docs-json', { 'accept-encoding': 'gzip' });
      expect(head.status).toBe(200);
      expect(head.bytes.length).toBe(0);
      expect(head.headers.etag).toBe(getAnswer.headers.etag);
      expect(head.headers['content-type']).toMatch(/application\/json/);
      expect(Number(head.headers['content-length'])).toBe(getAnswer.bytes.length);
      const conditional = await rawRequest(t.url, 'HEAD', '/docs-json', { 'if-none-match': getAnswer.headers.etag as string });
      expect(conditional.status).toBe(304);
    });
  });

  describe('Cache-Control', () => {
    it('lets any cache keep public documents for a while, and keeps personal data private and revalidated', async () => {
      expect((await get('/api/v1/tracks')).headers['cache-control']).toBe('public, max-age=3600');
      expect((await get('/api/v1/tracks/cybersecurity/skills')).headers['cache-control']).toBe('public, max-age=300');
      expect((await get('/.well-known/jwks.json')).headers['cache-control']).toBe('public, max-age=300');
      expect((await get('/api/v1/revocation-lists/certificates')).headers['cache-control']).toBe('public, no-cache');
      expect((await get('/api/v1/me', bearer(admin))).headers['cache-control']).toBe('private, no-cache');
      expect((await get('/api/v1/me/notifications', bearer(admin))).headers['cache-control']).toBe('private, no-cache');
    });

    it('lets the browser reuse a published version for a day, but no shared cache (it is behind sign-in)', async () => {
      const course = await buildCourse(t.api, admin.token, 1, 1);
      const courseId = course.course.id;
      const lessonId = course.modules[0].lessonIds[0];
      await publish(t.api, admin.token, courseId);
      for (const path of [`/api/v1/courses/${courseId}/versions/1`, `/api/v1/courses/${courseId}/versions/1/lessons/${lessonId}`, `/api/v1/courses/${courseId}/versions/1/export`]) {
        const answer = await get(path, bearer(admin));
        expect([path, answer.status]).toEqual([path, 200]);
        expect(answer.headers['cache-control']).toBe('private, max-age=86400, immutable');
      }
      // The list of versions grows when the course is published again: revalidated every time.
      expect((await get(`/api/v1/courses/${courseId}/versions`, bearer(admin))).headers['cache-control']).toBe('private, no-cache');
      // A version that does not exist is an error: never stored, whatever the route's policy.
      expect((await get(`/api/v1/courses/${courseId}/versions/9`, bearer(admin))).headers['cache-control']).toBe('no-store');
    });

    it('never stores token answers, other writes, or errors', async () => {
      const login = await rawRequest(t.url, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ email: admin.email, password: admin.password }));
      expect(login.headers['cache-control']).toBe('no-store');
      const refresh = await rawRequest(t.url, 'POST', '/api/v1/auth/refresh', { 'content-type': 'application/json' }, JSON.stringify({ refreshToken: JSON.parse(login.text).refreshToken }));
      expect(refresh.status).toBe(200);
      expect(refresh.headers['cache-control']).toBe('no-store');
      const created = await t.api.post('/api/v1/users', { email: `cc-${randomUUID()}@example.test`, displayName: 'Cache Control', roles: ['trainee'], password: 'a-long-password-1' }, admin.token);
      expect(created.status).toBe(201);
      expect(created.headers.get('cache-control')).toBe('no-store');
      expect((await get('/api/v1/tracks/no-such-track/skills')).headers['cache-control']).toBe('no-store');
      expect((await get('/api/v1/me')).headers['cache-control']).toBe('no-store');
    });
  });

  describe('binary and text downloads', () => {
    let trainee: TestPerson;
    let certificateId: string;
    const cohortId = randomUUID();

    beforeAll(async () => {
      const outline = world.versions.addVersion();
      const trainees = [] as TestPerson[];
      for (let i = 0; i < 8; i++) trainees.push(await createUser(t.api, admin.token, ['trainee'], { displayName: `Certified Trainee Number ${i}` } as never));
      for (const person of trainees) await publishEvaluation(t, world.qualifiedEnrollment(person.id, outline, cohortId).enrollmentId);
      trainee = trainees[0];
      [{ id: certificateId }] = await waitForCertificates(t.api, trainee.token, 1);
      for (const person of trainees.slice(1)) await waitForCertificates(t.api, person.token, 1);
    });

    it('sends a PDF intact, uncompressed (it is compressed already), whatever the client accepts', async () => {
      const pdf = await get(`/api/v1/certificates/${certificateId}/pdf`, { ...bearer(trainee), 'accept-encoding': 'br, gzip' });
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-encoding']).toBeUndefined();
      expect(Number(pdf.headers['content-length'])).toBe(pdf.bytes.length);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await new PDFParse({ data: new Uint8Array(pdf.bytes) }).getText();
      expect(text.text).toContain('Certified Trainee Number 0');
    });

    it('compresses a CSV download and keeps its headers; the decoded CSV is the plain one', async () => {
      const path = `/api/v1/cohorts/${cohortId}/certificates?format=csv`;
      const plain = await get(path, bearer(admin));
      expect(plain.status).toBe(200);
      expect(plain.bytes.length).toBeGreaterThan(1024);
      const packed = await get(path, { ...bearer(admin), 'accept-encoding': 'gzip' });
      expect(packed.headers['content-encoding']).toBe('gzip');
      expect(packed.headers['content-type']).toMatch(/^text\/csv/);
      expect(packed.headers['content-disposition']).toMatch(/^attachment; filename=/);
      expect(packed.text).toBe(plain.text);
      expect(packed.text.split('\r\n').filter(Boolean)).toHaveLength(9);
    });

    it('serves the queue dashboard compressed to an admin', async () => {
      const page = await get('/admin/queues', { ...bearer(admin), 'accept-encoding': 'gzip' });
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/<html/i);
      const queues = await get('/admin/queues/api/queues', { ...bearer(admin), 'accept-encoding': 'br' });
      expect(queues.status).toBe(200);
      expect(JSON.parse(queues.text).queues.length).toBeGreaterThan(0);
    });
  });

  describe('errors Fastify raises itself are problem+json and echo nothing', () => {
    it('414 for a 10 KB path parameter', async () => {
      expectProblem(await get(`/api/v1/courses/${MARKER}${'a'.repeat(10_000)}`), 414, 'uri-too-long');
    });

    it('415 for a body that is not JSON', async () => {
      expectProblem(await rawRequest(t.url, 'POST', '/api/v1/auth/login', { 'content-type': `text/x-${MARKER}` }, `<a>${MARKER}</a>`), 415, 'unsupported-media-type');
    });

    it('413 for a body over the limit', async () => {
      const huge = JSON.stringify({ email: MARKER, password: 'p'.repeat(t.config.BODY_LIMIT_BYTES) });
      expectProblem(await rawRequest(t.url, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json' }, huge), 413, 'payload-too-large');
    });

    it.each([[`{"email":"${MARKER}`], [''], [`{"__proto__":{"${MARKER}":1}}`]])('400 for malformed JSON %#', async (body) => {
      expectProblem(await rawRequest(t.url, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json' }, body), 400, 'malformed-json');
    });

    it('400 for a malformed percent-encoding in the path', async () => {
      expectProblem(await get(`/api/v1/courses/${MARKER}%E0%A4%A`), 400, 'malformed-url');
    });

    it.each([
      ['400 malformed URL', `/api/v1/courses/${MARKER}%E0%A4%A`, 400],
      ['414 over-long parameter', `/api/v1/courses/${'a'.repeat(10_000)}`, 414],
    ])('the router\'s %s carries the request id and the security headers of every other answer', async (_name, path, status) => {
      // Fastify's router refuses these before any hook runs (frameworkErrors).
      const refused = await get(path, { 'x-request-id': 'req-refused-1' });
      expect(refused.status).toBe(status);
      expect(refused.headers['x-request-id']).toBe('req-refused-1');
      expect(JSON.parse(refused.text).requestId).toBe('req-refused-1');
      const ordinary = await get('/health');
      const security = (headers: RawAnswer['headers']) =>
        Object.fromEntries(Object.entries(headers).filter(([name]) => /^(x-(content-type-options|frame-options|dns-prefetch-control|download-options|permitted-cross-domain-policies|xss-protection)|strict-transport-security|referrer-policy|origin-agent-cluster|cross-origin-(opener|resource|embedder)-policy)$/.test(name)));
      expect(security(ordinary.headers)['x-content-type-options']).toBe('nosniff');
      expect(security(refused.headers)).toEqual(security(ordinary.headers));
    });

    it('405 with Allow for a method a path does not answer; 404 for a path nothing answers', async () => {
      const wrongMethod = await rawRequest(t.url, 'DELETE', `/api/v1/tracks?${MARKER}`);
      expectProblem(wrongMethod, 405, 'method-not-allowed');
      expect(wrongMethod.headers.allow).toBe('GET, HEAD');
      const unknown = await get(`/api/v1/${MARKER}${'b'.repeat(6000)}`);
      expectProblem(unknown, 404, 'not-found');
      expect(JSON.parse(unknown.text).instance).toBeUndefined();
    });

    it('400 for a body shorter than its Content-Length, and for a method Node does not know', async () => {
      const short = await rawRequest(t.url, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json', 'content-length': '5' }, `{"${MARKER}":1}`);
      expectProblem(short, 400, 'malformed-request');
      expectProblem(await rawRequest(t.url, 'BREW', `/api/v1/tracks`), 400, 'malformed-request');
    });
  });
});
