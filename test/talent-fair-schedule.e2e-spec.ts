import { startTestApp, TestApp } from './support/test-app';
import { buildWorld, MatrixWorld } from './support/authz-world';
import { createUser, TestPerson } from './support/people';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * Issue 19, the trainee's screens: "my bookings" and "my registrations" across every fair
 * (GET /me/fair-bookings, GET /me/fair-registrations). Only ever the caller's own rows.
 */
describe("a trainee's fair schedule", () => {
  let t: TestApp;
  let w: MatrixWorld;
  let other: TestPerson;
  let organisationId: string;
  let first: string;
  let second: string;
  const slotIds: string[] = [];

  const fair = async (name: string, from: number, place: Record<string, string>) =>
    (await t.api.post('/api/v1/career-fairs', {
      name, startsAt: at(from), endsAt: at(from + 4 * HOUR), ...place,
      organisationIds: [organisationId],
      cohortIds: [w.objects.get('cohortId')],
    }, w.people.admin.token)).body.id as string;
  const slot = async (fairId: string, from: number) =>
    (await t.api.post(`/api/v1/career-fairs/${fairId}/slots`, { startsAt: at(from), endsAt: at(from + 0.5 * HOUR) }, w.people.employer.token)).body.id as string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t.api);
    organisationId = (await t.api.get('/api/v1/me', w.people.employer.token)).body.organisationId;
    // A second listed trainee of the same cohort, whose bookings A must never see.
    other = await createUser(t.api, w.people.admin.token, ['trainee']);
    await t.api.post(`/api/v1/cohorts/${w.objects.get('cohortId')}/enrollments`, { traineeId: other.id }, w.people.admin.token);
    expect((await t.api.put('/api/v1/me/talent-profile', { statement: '', availability: 'immediately', preferredRoles: [] }, other.token)).status).toBe(200);
    // Created later-first, so the answer's order is the fairs' and meetings' start, not insertion.
    second = await fair('Online Careers Evening', 48 * HOUR, { onlineUrl: 'https://meet.example.org/evening' });
    first = await fair('Belize City Careers Fair', 30 * HOUR, { place: 'Biltmore Hotel, Belize City' });
    for (const id of [second, first]) {
      expect((await t.api.post(`/api/v1/career-fairs/${id}/registrations`, undefined, w.people.traineeA.token)).status).toBe(201);
      expect((await t.api.post(`/api/v1/career-fairs/${id}/registrations`, undefined, other.token)).status).toBe(201);
    }
    slotIds.push(await slot(second, 49 * HOUR), await slot(first, 31 * HOUR), await slot(first, 32 * HOUR), await slot(first, 33 * HOUR));
    for (const id of slotIds.slice(0, 3)) expect((await t.api.post(`/api/v1/fair-slots/${id}/bookings`, undefined, w.people.traineeA.token)).status).toBe(201);
    expect((await t.api.post(`/api/v1/fair-slots/${slotIds[3]}/bookings`, undefined, other.token)).status).toBe(201);
  });
  afterAll(() => t?.close());

  it("lists the caller's meetings across fairs, soonest first, with the fair, the employer and where", async () => {
    const answer = await t.api.get('/api/v1/me/fair-bookings', w.people.traineeA.token);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((b: { slotId: string }) => b.slotId)).toEqual([slotIds[1], slotIds[2], slotIds[0]]);
    expect(answer.body.items[0]).toMatchObject({ fairId: first, fairName: 'Belize City Careers Fair', organisationId, organisationName: expect.stringMatching(/\S/), place: 'Biltmore Hotel, Belize City', onlineUrl: null });
    expect(answer.body.items[2]).toMatchObject({ fairId: second, fairName: 'Online Careers Evening', place: null, onlineUrl: 'https://meet.example.org/evening' });
    expect(answer.body.items[0].startsAt < answer.body.items[1].startsAt).toBe(true);
    // The other trainee's meeting is theirs alone, and theirs is all they see.
    expect((await t.api.get('/api/v1/me/fair-bookings', other.token)).body.items.map((b: { slotId: string }) => b.slotId)).toEqual([slotIds[3]]);
    expect((await t.api.get('/api/v1/me/fair-bookings', w.people.traineeB.token)).body).toEqual({ items: [], nextCursor: null });
  });

  it('pages with the cursor, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { status: number; body: { items: Array<{ slotId: string }>; nextCursor: string | null } } = await t.api.get(`/api/v1/me/fair-bookings?limit=1${cursor ? `&cursor=${cursor}` : ''}`, w.people.traineeA.token);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((b) => b.slotId));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual([slotIds[1], slotIds[2], slotIds[0]]);
  });

  it('lists the fairs the caller registered for, by the fair\'s start', async () => {
    const answer = await t.api.get('/api/v1/me/fair-registrations', w.people.traineeA.token);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((r: { fairId: string }) => r.fairId)).toEqual([first, second]);
    expect(answer.body.items[0]).toEqual({ fairId: first, traineeId: w.people.traineeA.id, registeredAt: expect.any(String), checkedInAt: null, checkedInAs: null });
    const paged = await t.api.get('/api/v1/me/fair-registrations?limit=1', w.people.traineeA.token);
    expect(paged.body.items.map((r: { fairId: string }) => r.fairId)).toEqual([first]);
    const rest = await t.api.get(`/api/v1/me/fair-registrations?limit=1&cursor=${paged.body.nextCursor}`, w.people.traineeA.token);
    expect(rest.body).toEqual({ items: [expect.objectContaining({ fairId: second })], nextCursor: null });
    expect((await t.api.get('/api/v1/me/fair-registrations', w.people.traineeB.token)).body.items).toEqual([]);
  });

  it('refuses bad paging as 400 problems, other roles as 403 and strangers as 401', async () => {
    const forged = Buffer.from(JSON.stringify({ at: 'not a time', id: 'x' })).toString('base64url');
    for (const path of ['/api/v1/me/fair-bookings', '/api/v1/me/fair-registrations']) {
      for (const query of ['?limit=0', '?limit=101', '?cursor=garbage', `?cursor=${forged}`]) {
        const answer = await t.api.get(`${path}${query}`, w.people.traineeA.token);
        expect([path, query, answer.status, answer.headers.get('content-type')]).toEqual([path, query, 400, expect.stringContaining('application/problem+json')]);
      }
      expect((await t.api.get(path, w.people.employer.token)).status).toBe(403);
      expect((await t.api.get(path, w.people.admin.token)).status).toBe(403);
      expect((await t.api.get(path)).status).toBe(401);
    }
  });

  it('drops meetings and registrations to come once the trainee withdraws their profile', async () => {
    expect((await t.api.post('/api/v1/me/talent-profile/withdraw', undefined, other.token)).status).toBe(200);
    expect((await t.api.get('/api/v1/me/fair-bookings', other.token)).body.items).toEqual([]);
    expect((await t.api.get('/api/v1/me/fair-registrations', other.token)).body.items).toEqual([]);
  });
});
