import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, login, loginAdmin, TestPerson } from './support/people';
import { waitForSubmission } from './support/assessment-builders';
import { buildGradebookWorld, GradebookWorld } from './support/gradebook-world';

const PAGE = {
  text: 'Rationale',
  html: '<!doctype html><html lang="en"><head><title>Landing</title></head><body><h1>Evening course</h1><script>parent.postMessage("ran", "*")</script></body></html>',
  css: 'h1 { color: rgb(200, 0, 0); }',
};

/*
 * Issue 15 item 4: a design submission's page shown with its own CSS, from its own URL with its
 * own policy (sandboxed, no script, nothing loaded), through a short-lived signed link.
 */
describe('submission preview: the submitted page with its CSS, under a sandboxing policy', () => {
  let t: TestApp;
  let admin: TestPerson;
  let w: GradebookWorld;
  let submissionId: string;
  const link = (id: string, token: string) => t.api.post(`/api/v1/submissions/${id}/preview-link`, undefined, token);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.api);
    w = await buildGradebookWorld(t.api, admin, ['Ana Pérez', 'Brian Young']);
    const submitted = await t.api.post(`/api/v1/assessments/${w.rubricId}/submissions`, { answer: PAGE }, w.trainees[0].token);
    expect(submitted.status).toBe(202);
    submissionId = submitted.body.id;
    await waitForSubmission(t.api, w.trainees[0].token, submissionId, ['needs_review']);
  });
  afterAll(() => t?.close());

  it('serves the page with its CSS in the head and a policy that sandboxes it, runs no script and loads nothing', async () => {
    const issued = await link(submissionId, w.instructor.token);
    expect(issued.status).toBe(201);
    expect(issued.body.url).toMatch(new RegExp(`^/api/v1/submissions/${submissionId}/preview\\?access=`));
    const page = await fetch(`${t.url}${issued.body.url}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp.split('; ')).toEqual(expect.arrayContaining(['sandbox', "default-src 'none'", "style-src 'unsafe-inline'", "frame-ancestors 'self'"]));
    expect(csp).not.toMatch(/script-src|allow-scripts/);
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = await page.text();
    expect(html).toContain('<style>h1 { color: rgb(200, 0, 0); }</style></head>');
    expect(html).toContain('<h1>Evening course</h1>');
  });

  it('answers the page to its trainee too, and to nobody else', async () => {
    expect((await link(submissionId, w.trainees[0].token)).status).toBe(201);
    expect((await link(submissionId, admin.token)).status).toBe(201);
    expect((await link(submissionId, w.stranger.token)).status).toBe(404);
    const otherTrainee = await createUser(t.api, admin.token, ['trainee']);
    expect((await link(submissionId, otherTrainee.token)).status).toBe(404);
    expect((await t.api.post(`/api/v1/submissions/${submissionId}/preview-link`, undefined)).status).toBe(401);
  });

  it('refuses a missing, forged or misdirected token, and an API token', async () => {
    const url = (await link(submissionId, w.instructor.token)).body.url as string;
    const token = new URL(url, t.url).searchParams.get('access')!;
    const status = async (path: string) => (await fetch(`${t.url}${path}`)).status;
    expect(await status(`/api/v1/submissions/${submissionId}/preview`)).toBe(401);
    expect(await status(`/api/v1/submissions/${submissionId}/preview?access=${token.slice(0, -4)}AAAA`)).toBe(401);
    expect(await status(`/api/v1/submissions/${submissionId}/preview?access=not-a-jwt`)).toBe(400);
    // A link names one submission: it opens no other.
    expect(await status(`/api/v1/submissions/${randomUUID()}/preview?access=${token}`)).toBe(401);
    // An API access token is not a preview link (another audience).
    expect(await status(`/api/v1/submissions/${submissionId}/preview?access=${w.instructor.token}`)).toBe(401);
    expect(await status(url)).toBe(200);
  });

  it('binds a preview link to the session it was asked in: after sign-out it stops working, another session keeps its own', async () => {
    const kept = await login(t.api, w.instructor.email, w.instructor.password);
    const ending = await login(t.api, w.instructor.email, w.instructor.password);
    const keptUrl = (await link(submissionId, kept.accessToken)).body.url as string;
    const endingUrl = (await link(submissionId, ending.accessToken)).body.url as string;
    expect((await fetch(`${t.url}${endingUrl}`)).status).toBe(200);
    expect((await t.api.post('/api/v1/auth/logout', { refreshToken: ending.refreshToken }, ending.accessToken)).status).toBe(204);
    const refused = await fetch(`${t.url}${endingUrl}`);
    expect(refused.status).toBe(401);
    await expect(refused.json()).resolves.toMatchObject({ detail: 'This preview link is not valid or has expired; open the submission again.' });
    expect((await fetch(`${t.url}${keptUrl}`)).status).toBe(200);
  });

  it('answers 422 for a submission without a page', async () => {
    const plain = await t.api.post(`/api/v1/assessments/${w.rubricId}/submissions`, { answer: { text: 'Only words' } }, w.trainees[1].token);
    expect(plain.status).toBe(202);
    await waitForSubmission(t.api, w.trainees[1].token, plain.body.id, ['needs_review']);
    const refused = await link(plain.body.id, w.instructor.token);
    expect(refused.status).toBe(422);
    expect(refused.body.type).toMatch(/no-page$/);
  });
});
