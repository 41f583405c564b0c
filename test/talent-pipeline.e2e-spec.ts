import { Client } from 'pg';
import { HttpClient } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { buildWorld, MatrixWorld } from './support/authz-world';
import { createUser, TestPerson } from './support/people';

/**
 * Issue 19, items 1–4 and 7: employer users bound to an organisation, opt-in talent profiles,
 * employers' search, shortlists, interview requests with their outcomes, the access log and
 * withdrawal of consent. Over the real app with a worker; the world (authz-world) gives trainee A a
 * certificate and a passed quiz evidencing CYB-SOC-01 and CYB-IAM-01, lists A's profile and has the
 * employer ask A to an interview.
 */
describe('talent pipeline', () => {
  let t: TestApp;
  let w: MatrixWorld;
  let api: HttpClient;
  let otherOrganisationId: string;
  let rival: TestPerson;
  let outsider: TestPerson;

  const profile = { statement: 'SOC analyst in training.', availability: 'immediately', preferredRoles: ['SOC analyst'] };
  const accessCount = async (action: string, organisationId?: string): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*) FROM employer_access WHERE action = $1 AND ($2::uuid IS NULL OR organisation_id = $2)`, [action, organisationId ?? null]))[0].count);

  beforeAll(async () => {
    t = await startTestApp();
    api = t.api;
    w = await buildWorld(api);
    otherOrganisationId = (await api.post('/api/v1/organisations', { name: 'Rival Digital Ltd' }, w.people.admin.token)).body.id;
    rival = await createUser(api, w.people.admin.token, ['employer'], { organisationId: otherOrganisationId });
    outsider = await createUser(api, w.people.admin.token, ['trainee']);
  });
  afterAll(() => t?.close());

  describe('employer users', () => {
    const employerBody = (extra: Record<string, unknown>) => ({ email: `emp-${Math.random().toString(36).slice(2)}@example.test`, displayName: 'Hiring Manager', roles: ['employer'], ...extra });

    it('admins create employer users bound to one listed organisation, by invitation when no password is given', async () => {
      const created = await api.post('/api/v1/users', employerBody({ organisationId: otherOrganisationId }), w.people.admin.token);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ roles: ['employer'], organisationId: otherOrganisationId });
      expect(created.body.invitationExpiresAt).toEqual(expect.any(String));
      expect((await api.get('/api/v1/me', rival.token)).body).toMatchObject({ roles: ['employer'], organisationId: otherOrganisationId });
    });

    it('refuses an employer without an organisation, an unknown one, and an organisation without the role (422, nothing stored)', async () => {
      const before = Number((await t.dataSource.query('SELECT count(*) FROM app_user'))[0].count);
      const none = await api.post('/api/v1/users', employerBody({}), w.people.admin.token);
      expect(none.status).toBe(422);
      expect(none.body.type).toMatch(/employer-needs-organisation$/);
      const unknown = await api.post('/api/v1/users', employerBody({ organisationId: '00000000-0000-4000-8000-000000000000' }), w.people.admin.token);
      expect(unknown.status).toBe(422);
      expect(unknown.body.type).toMatch(/unknown-organisation$/);
      const notEmployer = await api.post('/api/v1/users', { ...employerBody({ organisationId: otherOrganisationId }), roles: ['trainee'] }, w.people.admin.token);
      expect(notEmployer.status).toBe(422);
      expect(notEmployer.body.type).toMatch(/organisation-without-employer-role$/);
      expect((await api.post('/api/v1/users', employerBody({ organisationId: 'nope' }), w.people.admin.token)).status).toBe(400);
      expect(Number((await t.dataSource.query('SELECT count(*) FROM app_user'))[0].count)).toBe(before);
    });

    it('only admins create employers; a role change to employer needs an organisation, and dropping the role unbinds it', async () => {
      expect((await api.post('/api/v1/users', employerBody({ organisationId: otherOrganisationId }), w.people.employer.token)).status).toBe(403);
      const person = await createUser(api, w.people.admin.token, ['reviewer']);
      const bare = await api.patch(`/api/v1/users/${person.id}/roles`, { roles: ['employer'] }, w.people.admin.token);
      expect(bare.status).toBe(422);
      const bound = await api.patch(`/api/v1/users/${person.id}/roles`, { roles: ['employer'], organisationId: otherOrganisationId }, w.people.admin.token);
      expect(bound.body).toMatchObject({ roles: ['employer'], organisationId: otherOrganisationId });
      const back = await api.patch(`/api/v1/users/${person.id}/roles`, { roles: ['reviewer'] }, w.people.admin.token);
      expect(back.body).toMatchObject({ roles: ['reviewer'], organisationId: null });
    });

    it('an employer whose organisation was retired may do nothing in the pipeline (403, named)', async () => {
      const organisation = (await api.post('/api/v1/organisations', { name: 'Closing Soon Ltd' }, w.people.admin.token)).body.id;
      const employer = await createUser(api, w.people.admin.token, ['employer'], { organisationId: organisation });
      expect((await api.get('/api/v1/talent/profiles', employer.token)).status).toBe(200);
      await api.post(`/api/v1/organisations/${organisation}/retire`, undefined, w.people.admin.token);
      const refused = await api.get('/api/v1/talent/profiles', employer.token);
      expect(refused.status).toBe(403);
      expect(refused.body.type).toMatch(/employer-without-organisation$/);
    });
  });

  describe('talent profiles', () => {
    it("shows the trainee's track, verified certificates with links and skills with their evidence — no score, demographics or contact", async () => {
      const mine = await api.get('/api/v1/me/talent-profile', w.people.traineeA.token);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ listed: true, trackCode: 'cybersecurity', statement: profile.statement, availability: 'immediately', preferredRoles: ['SOC analyst'], contact: null });
      expect(mine.body.certificates).toEqual([expect.objectContaining({ certificateId: w.objects.get('certificateOfA'), verificationUrl: expect.stringMatching(new RegExp(`/verify/${w.objects.get('verificationCodeOfA')}$`)) })]);
      expect(mine.body.skills.map((s: { code: string }) => s.code)).toEqual(['CYB-IAM-01', 'CYB-SOC-01']);
      expect(mine.body.skills[0].evidence).toEqual([expect.objectContaining({ assessmentId: w.objects.get('assessmentId'), assessmentTitle: 'Network basics' })]);
      const seen = await api.get(`/api/v1/talent/profiles/${w.people.traineeA.id}`, w.people.employer.token);
      expect(seen.status).toBe(200);
      expect(seen.body.contact).toBeNull();
      const text = JSON.stringify(seen.body);
      for (const hidden of ['score', 'gender', 'birthYear', 'district', 'Belize', w.people.traineeA.email, 'listed']) expect(text).not.toContain(hidden);
    });

    it('refuses bad profiles (400) and a trainee with nothing to show (422); only trainees have one', async () => {
      expect((await api.put('/api/v1/me/talent-profile', { ...profile, statement: 'x'.repeat(1001) }, w.people.traineeB.token)).status).toBe(400);
      expect((await api.put('/api/v1/me/talent-profile', { ...profile, availability: 'tomorrow' }, w.people.traineeB.token)).status).toBe(400);
      expect((await api.put('/api/v1/me/talent-profile', { ...profile, preferredRoles: ['a', 'b', 'c', 'd', 'e', 'f'] }, w.people.traineeB.token)).status).toBe(400);
      expect((await api.get('/api/v1/me/talent-profile', w.people.traineeB.token)).status).toBe(404);
      const nothing = await api.put('/api/v1/me/talent-profile', profile, outsider.token);
      expect(nothing.status).toBe(422);
      expect(nothing.body.type).toMatch(/nothing-to-list$/);
      expect((await api.put('/api/v1/me/talent-profile', profile, w.people.employer.token)).status).toBe(403);
      expect((await t.dataSource.query('SELECT count(*) FROM talent_profile WHERE trainee_id = ANY($1)', [[w.people.traineeB.id, outsider.id]]))[0].count).toBe('0');
    });

    it('never shows an employer a profile that was never listed (404)', async () => {
      expect((await api.get(`/api/v1/talent/profiles/${w.people.traineeB.id}`, w.people.employer.token)).status).toBe(404);
      expect((await api.get(`/api/v1/talent/profiles/${outsider.id}`, w.people.employer.token)).status).toBe(404);
      expect((await api.get(`/api/v1/talent/profiles/${w.people.traineeA.id}`, w.people.traineeB.token)).status).toBe(403);
    });
  });

  describe('search', () => {
    beforeAll(async () => {
      const listed = await api.put('/api/v1/me/talent-profile', { statement: 'Analyst.', availability: 'within_3_months', preferredRoles: [] }, w.people.traineeB.token);
      expect(listed.status).toBe(200);
    });

    it('filters by track, skills (all of / any of), certification and availability, ranked by skill match', async () => {
      const ids = (answer: { body: { items: Array<{ traineeId: string }> } }) => answer.body.items.map((i) => i.traineeId);
      const A = w.people.traineeA.id;
      const B = w.people.traineeB.id;
      const L = w.objects.get('listedTraineeId')!;
      const token = w.people.employer.token;
      const any = await api.get('/api/v1/talent/profiles?skillsAny=CYB-SOC-01,CYB-NET-01', token);
      expect(ids(any)).toEqual([A]);
      expect(any.body.items[0]).toMatchObject({ skillMatch: 1, skillCodes: ['CYB-IAM-01', 'CYB-SOC-01'], displayName: expect.any(String) });
      expect(ids(await api.get('/api/v1/talent/profiles?skillsAll=CYB-SOC-01,CYB-IAM-01', token))).toEqual([A]);
      expect(ids(await api.get('/api/v1/talent/profiles?skillsAll=CYB-SOC-01,CYB-NET-01', token))).toEqual([]);
      const track = await api.get('/api/v1/talent/profiles?track=cybersecurity', token);
      expect(ids(track).sort()).toEqual([A, B, L].sort());
      expect(ids(await api.get('/api/v1/talent/profiles?track=data-analysis', token))).toEqual([]);
      const certification = (await api.get(`/api/v1/me/talent-profile`, w.people.traineeA.token)).body.certificates[0].courseCode;
      expect(ids(await api.get(`/api/v1/talent/profiles?certification=${certification}`, token))).toEqual([A]);
      expect(ids(await api.get('/api/v1/talent/profiles?availability=within_3_months', token))).toEqual([B]);
      expect(ids(await api.get('/api/v1/talent/profiles?availability=within_1_month,within_3_months&track=cybersecurity', token)).sort()).toEqual([B]);
      expect(ids(await api.get('/api/v1/talent/profiles?availability=immediately,within_3_months&track=cybersecurity', token)).sort()).toEqual([A, B, L].sort());
      expect((await api.get('/api/v1/talent/profiles?skillsAll=', token)).status).toBe(400);
    });

    it('ranks by how many of the asked skills a profile evidences, and pages by keyset (skill match, id)', async () => {
      // A third profile evidencing one skill, written as the module stores it (its evidence needs no course here).
      const third = await createUser(api, w.people.admin.token, ['trainee']);
      await t.dataSource.query(
        `INSERT INTO talent_profile (trainee_id, listed, statement, availability, preferred_roles, track_code, cohort_id, skill_codes, certified_course_codes, listed_at)
         VALUES ($1, true, '', 'immediately', '{}', 'cybersecurity', $2, '{CYB-SOC-01}', '{}', now())`,
        [third.id, w.objects.get('cohortId')],
      );
      const token = w.people.employer.token;
      const ranked = await api.get('/api/v1/talent/profiles?skillsAny=CYB-IAM-01,CYB-SOC-01', token);
      expect(ranked.body.items.map((i: { traineeId: string; skillMatch: number }) => [i.traineeId, i.skillMatch])).toEqual([[w.people.traineeA.id, 2], [third.id, 1]]);
      const first = await api.get('/api/v1/talent/profiles?skillsAny=CYB-IAM-01,CYB-SOC-01&limit=1', token);
      const second = await api.get(`/api/v1/talent/profiles?skillsAny=CYB-IAM-01,CYB-SOC-01&limit=1&cursor=${first.body.nextCursor}`, token);
      expect([first.body.items[0].traineeId, second.body.items[0].traineeId, second.body.nextCursor]).toEqual([w.people.traineeA.id, third.id, null]);
      // One ranked statement per page whatever the number of skills asked (not one per match level).
      const skills = Array.from({ length: 18 }, (_, i) => `CYB-X${String.fromCharCode(65 + i)}-01`).concat(['CYB-IAM-01', 'CYB-SOC-01']);
      const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
      const original = proto.query;
      const statements: string[] = [];
      proto.query = function (this: Client, ...args: unknown[]) {
        const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text ?? '');
        if (/\btalent_profile\b/.test(text)) statements.push(text);
        return original.apply(this, args);
      };
      let many: { body: { items: Array<{ traineeId: string; skillMatch: number }> } };
      try {
        many = await api.get(`/api/v1/talent/profiles?skillsAny=${skills.join(',')}&limit=5`, token);
      } finally {
        proto.query = original;
      }
      expect(many.body.items.map((i) => [i.traineeId, i.skillMatch])).toEqual([[w.people.traineeA.id, 2], [third.id, 1]]);
      expect(statements).toHaveLength(1);
      await t.dataSource.query('DELETE FROM talent_profile WHERE trainee_id = $1', [third.id]);
    });

    it('pages by keyset (skill match, id): every profile once, in rank order', async () => {
      const token = w.people.employer.token;
      const seen: string[] = [];
      for (let cursor: string | null = ''; cursor !== null; ) {
        const page: { body: { items: Array<{ traineeId: string }>; nextCursor: string | null } } = await api.get(`/api/v1/talent/profiles?track=cybersecurity&limit=2${cursor ? `&cursor=${cursor}` : ''}`, token);
        expect(page.body.items.length).toBeGreaterThan(0);
        seen.push(...page.body.items.map((i) => i.traineeId));
        cursor = page.body.nextCursor;
      }
      expect(seen).toHaveLength(3);
      expect(seen.sort()).toEqual([w.people.traineeA.id, w.people.traineeB.id, w.objects.get('listedTraineeId')!].sort());
      expect((await api.get('/api/v1/talent/profiles?cursor=garbage', token)).status).toBe(400);
      const forged = Buffer.from(JSON.stringify({ m: 'x', id: 'not-a-uuid' })).toString('base64url');
      expect((await api.get(`/api/v1/talent/profiles?skillsAny=CYB-SOC-01&cursor=${forged}`, token)).body.type).toMatch(/invalid-cursor$/);
      expect((await api.get('/api/v1/talent/profiles?skillsAny=not a code', token)).status).toBe(400);
      expect((await api.get('/api/v1/talent/profiles?track=astrology', token)).status).toBe(400);
      expect((await api.get('/api/v1/talent/profiles', w.people.traineeA.token)).status).toBe(403);
      expect((await api.get('/api/v1/talent/profiles', w.people.admin.token)).status).toBe(403);
    });

    it('logs every search and profile view; the trainee sees which organisations viewed them', async () => {
      const searches = await accessCount('search', otherOrganisationId);
      await api.get('/api/v1/talent/profiles', rival.token);
      expect(await accessCount('search', otherOrganisationId)).toBe(searches + 1);
      await api.get(`/api/v1/talent/profiles/${w.people.traineeA.id}`, rival.token);
      const views = await api.get('/api/v1/me/talent-profile/views', w.people.traineeA.token);
      expect(views.status).toBe(200);
      expect(views.body.items[0]).toMatchObject({ organisationId: otherOrganisationId, organisationName: 'Rival Digital Ltd' });
      expect(views.body.items.some((v: { organisationId: string }) => v.organisationId !== otherOrganisationId)).toBe(true);
      expect((await api.get('/api/v1/me/talent-profile/views', w.people.traineeB.token)).body.items).toEqual([]);
    });
  });

  describe('profile viewers', () => {
    it('pages the viewers by a cursor at the full precision of the time: views within one millisecond are each seen once', async () => {
      const viewed = await createUser(api, w.people.admin.token, ['trainee']);
      const organisationId = (await api.get('/api/v1/me', w.people.employer.token)).body.organisationId;
      for (const micros of ['401', '402', '403', '404']) {
        await t.dataSource.query(`INSERT INTO employer_access (employer_id, organisation_id, action, trainee_id, detail, at) VALUES ($1, $2, 'profile_view', $3, '{}', $4)`, [
          w.people.employer.id, organisationId, viewed.id, `2026-11-30 10:00:00.123${micros}+00`,
        ]);
      }
      const seen: string[] = [];
      for (let cursor: string | null = ''; cursor !== null; ) {
        const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await api.get(`/api/v1/me/talent-profile/views?limit=1${cursor ? `&cursor=${cursor}` : ''}`, viewed.token);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((v) => v.id));
        cursor = page.body.nextCursor;
      }
      const ids = await t.dataSource.query('SELECT id FROM employer_access WHERE trainee_id = $1 ORDER BY at DESC, id DESC', [viewed.id]);
      expect(seen).toEqual(ids.map((r: { id: string }) => r.id));
    });
  });

  describe('shortlists and interview requests', () => {
    it('shortlists a candidate for a named role once (201, then 200 with the same entry), listed candidates only', async () => {
      const token = w.people.employer.token;
      const body = { roleTitle: 'SOC analyst', traineeId: w.people.traineeA.id };
      const first = await api.post('/api/v1/talent/shortlists', body, token);
      expect(first.status).toBe(201);
      const again = await api.post('/api/v1/talent/shortlists', { ...body, roleTitle: 'soc ANALYST' }, token);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      const concurrent = await Promise.all(Array.from({ length: 10 }, () => api.post('/api/v1/talent/shortlists', { ...body, roleTitle: 'Blue team' }, token)));
      expect(new Set(concurrent.map((a) => a.body.id)).size).toBe(1);
      expect(concurrent.filter((a) => a.status === 201)).toHaveLength(1);
      expect((await api.post('/api/v1/talent/shortlists', { ...body, traineeId: outsider.id }, token)).status).toBe(404);
      expect((await api.post('/api/v1/talent/shortlists', { ...body, roleTitle: ' ' }, token)).status).toBe(400);
      const listed = await api.get('/api/v1/talent/shortlists?roleTitle=SOC analyst', token);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: first.body.id, traineeId: w.people.traineeA.id })]);
      expect((await api.get('/api/v1/talent/shortlists', rival.token)).body.items).toEqual([]);
    });

    it('shares contact details with the organisation whose request the trainee accepted, and with no one else', async () => {
      const requestId = w.objects.get('interviewRequestOfA')!;
      const duplicate = await api.post('/api/v1/talent/interview-requests', { traineeId: w.people.traineeA.id, roleTitle: 'soc analyst', message: 'Again?' }, w.people.employer.token);
      expect(duplicate.status).toBe(409);
      const inbox = await api.get('/api/v1/me/interview-requests', w.people.traineeA.token);
      expect(inbox.body.items).toEqual([expect.objectContaining({ id: requestId, state: 'pending', organisationName: expect.stringMatching(/^Matrix employer/) })]);
      expect((await api.post(`/api/v1/me/interview-requests/${requestId}/answer`, { answer: 'accept' }, w.people.traineeB.token)).status).toBe(404);
      expect((await api.post(`/api/v1/me/interview-requests/${requestId}/answer`, { answer: 'maybe' }, w.people.traineeA.token)).status).toBe(400);
      const accepted = await api.post(`/api/v1/me/interview-requests/${requestId}/answer`, { answer: 'accept' }, w.people.traineeA.token);
      expect(accepted.body).toMatchObject({ state: 'accepted', answeredAt: expect.any(String) });
      expect((await api.post(`/api/v1/me/interview-requests/${requestId}/answer`, { answer: 'accept' }, w.people.traineeA.token)).status).toBe(200);
      expect((await api.post(`/api/v1/me/interview-requests/${requestId}/answer`, { answer: 'decline' }, w.people.traineeA.token)).status).toBe(409);
      expect((await api.get(`/api/v1/talent/profiles/${w.people.traineeA.id}`, w.people.employer.token)).body.contact).toEqual({ email: w.people.traineeA.email });
      expect((await api.get(`/api/v1/talent/profiles/${w.people.traineeA.id}`, rival.token)).body.contact).toBeNull();
      expect((await api.get(`/api/v1/talent/interview-requests/${requestId}`, rival.token)).status).toBe(404);
    });

    it('records outcomes per stage in order, each once; only on accepted requests of the own organisation', async () => {
      const requestId = w.objects.get('interviewRequestOfA')!;
      const token = w.people.employer.token;
      const early = await api.post(`/api/v1/talent/interview-requests/${requestId}/outcomes`, { stage: 'offered' }, token);
      expect(early.status).toBe(422);
      expect(early.body.type).toMatch(/interview-stage-order$/);
      expect((await api.post(`/api/v1/talent/interview-requests/${requestId}/outcomes`, { stage: 'promoted' }, token)).status).toBe(400);
      expect((await api.post(`/api/v1/talent/interview-requests/${requestId}/outcomes`, { stage: 'interviewed' }, rival.token)).status).toBe(404);
      expect((await api.post(`/api/v1/talent/interview-requests/${requestId}/outcomes`, { stage: 'interviewed', note: 'Good.' }, token)).body).toMatchObject({ stage: 'interviewed' });
      const repeat = await api.post(`/api/v1/talent/interview-requests/${requestId}/outcomes`, { stage: 'interviewed' }, token);
      expect(repeat.body.outcomes).toHaveLength(1);
      const offered = await api.post(`/api/v1/talent/interview-requests/${requestId}/outcomes`, { stage: 'offered' }, token);
      expect(offered.body.outcomes.map((o: { stage: string }) => o.stage)).toEqual(['interviewed', 'offered']);
      const pending = await api.post('/api/v1/talent/interview-requests', { traineeId: w.people.traineeB.id, roleTitle: 'Analyst', message: 'Hi' }, rival.token);
      expect((await api.post(`/api/v1/talent/interview-requests/${pending.body.id}/outcomes`, { stage: 'interviewed' }, rival.token)).status).toBe(422);
    });

    it('tells the trainee of a request and the employer of the answer (inbox, through the outbox)', async () => {
      const { waitFor } = await import('@gds/testing');
      await waitFor(async () => (await api.get('/api/v1/me/notifications?limit=50', w.people.traineeB.token)).body.items.find((n: { type: string }) => n.type === 'interview-requested'), { what: "B's interview-request notification" });
      await waitFor(async () => (await api.get('/api/v1/me/notifications?limit=50', w.people.employer.token)).body.items.find((n: { type: string }) => n.type === 'interview-answered'), { what: "the employer's answer notification" });
    });
  });

  describe('withdrawal of consent and the data export', () => {
    it('hides the profile at once, ends pending requests, drops it from shortlists and search; the export holds the pipeline', async () => {
      const B = w.people.traineeB.id;
      await api.post('/api/v1/talent/shortlists', { roleTitle: 'Analyst', traineeId: B }, rival.token);
      const withdrawn = await api.post('/api/v1/me/talent-profile/withdraw', undefined, w.people.traineeB.token);
      expect(withdrawn.body).toMatchObject({ listed: false, withdrawnAt: expect.any(String) });
      expect((await api.get(`/api/v1/talent/profiles/${B}`, rival.token)).status).toBe(404);
      expect((await api.get('/api/v1/talent/profiles?track=cybersecurity', rival.token)).body.items.map((i: { traineeId: string }) => i.traineeId)).not.toContain(B);
      expect((await api.get('/api/v1/talent/shortlists', rival.token)).body.items).toEqual([]);
      // Withdrawn consent hides the name from the employer's request history too.
      expect((await api.get('/api/v1/talent/interview-requests', rival.token)).body.items).toEqual([expect.objectContaining({ traineeId: B, state: 'ended', displayName: '' })]);
      expect((await api.post('/api/v1/talent/shortlists', { roleTitle: 'Analyst', traineeId: B }, rival.token)).status).toBe(404);
      expect((await api.post('/api/v1/talent/interview-requests', { traineeId: B, roleTitle: 'Other', message: 'Hi' }, rival.token)).status).toBe(404);
      expect((await api.post('/api/v1/me/talent-profile/withdraw', undefined, outsider.token)).status).toBe(404);

      const exported = await api.get('/api/v1/me/data-export', w.people.traineeA.token);
      expect(exported.status).toBe(200);
      expect(exported.body.talent.profile).toMatchObject({ listed: true, statement: profile.statement });
      expect(exported.body.talent.profileViews.length).toBeGreaterThanOrEqual(2);
      expect(exported.body.talent.shortlists.map((s: { roleTitle: string }) => s.roleTitle).sort()).toEqual(['Blue team', 'SOC analyst']);
      expect(exported.body.talent.interviewRequests).toEqual([expect.objectContaining({ state: 'accepted', stage: 'offered', outcomes: [expect.objectContaining({ stage: 'interviewed' }), expect.objectContaining({ stage: 'offered' })] })]);
    });

    it("refuses outcomes about a candidate who withdrew (422) and hides their name on the request's detail", async () => {
      const candidate = await createUser(api, w.people.admin.token, ['trainee']);
      await api.post(`/api/v1/cohorts/${w.objects.get('cohortId')}/enrollments`, { traineeId: candidate.id }, w.people.admin.token);
      expect((await api.put('/api/v1/me/talent-profile', profile, candidate.token)).status).toBe(200);
      const request = await api.post('/api/v1/talent/interview-requests', { traineeId: candidate.id, roleTitle: 'Analyst', message: 'Hi' }, w.people.employer.token);
      expect(request.body.displayName).toBe('Test trainee');
      await api.post(`/api/v1/me/interview-requests/${request.body.id}/answer`, { answer: 'accept' }, candidate.token);
      await api.post('/api/v1/me/talent-profile/withdraw', undefined, candidate.token);
      const refused = await api.post(`/api/v1/talent/interview-requests/${request.body.id}/outcomes`, { stage: 'interviewed' }, w.people.employer.token);
      expect(refused.status).toBe(422);
      expect(refused.body.type).toMatch(/talent-profile-withdrawn$/);
      expect((await t.dataSource.query('SELECT count(*) FROM interview_outcome WHERE request_id = $1', [request.body.id]))[0].count).toBe('0');
      expect((await api.get(`/api/v1/talent/interview-requests/${request.body.id}`, w.people.employer.token)).body).toMatchObject({ state: 'accepted', displayName: '' });
      // The trainee still sees their own history in full.
      expect((await api.get('/api/v1/me/interview-requests', candidate.token)).body.items).toEqual([expect.objectContaining({ id: request.body.id, displayName: 'Test trainee' })]);
    });

    it('no pending request survives a withdrawal racing it, and a withdrawn trainee answers nothing (409)', async () => {
      const candidate = await createUser(api, w.people.admin.token, ['trainee']);
      await api.post(`/api/v1/cohorts/${w.objects.get('cohortId')}/enrollments`, { traineeId: candidate.id }, w.people.admin.token);
      for (let i = 0; i < 12; i++) {
        expect((await api.put('/api/v1/me/talent-profile', profile, candidate.token)).status).toBe(200);
        const [withdrawn, requested] = await Promise.all([
          api.post('/api/v1/me/talent-profile/withdraw', undefined, candidate.token),
          api.post('/api/v1/talent/interview-requests', { traineeId: candidate.id, roleTitle: `Race ${i}`, message: 'Hi' }, w.people.employer.token),
        ]);
        expect([withdrawn.status, [201, 404].includes(requested.status)]).toEqual([200, true]);
        expect(await t.dataSource.query(`SELECT role_title FROM interview_request WHERE trainee_id = $1 AND state = 'pending'`, [candidate.id])).toEqual([]);
      }
      // Answering after the withdrawal is refused whichever way it is asked.
      expect((await api.put('/api/v1/me/talent-profile', profile, candidate.token)).status).toBe(200);
      const last = await api.post('/api/v1/talent/interview-requests', { traineeId: candidate.id, roleTitle: 'After', message: 'Hi' }, w.people.employer.token);
      await api.post('/api/v1/me/talent-profile/withdraw', undefined, candidate.token);
      const answer = await api.post(`/api/v1/me/interview-requests/${last.body.id}/answer`, { answer: 'accept' }, candidate.token);
      expect(answer.status).toBe(409);
    });

    it('erasure on request unlists the profile and clears its free text, keeping the pipeline counts', async () => {
      const before = (await api.get('/api/v1/me/data-export', w.people.traineeA.token)).body.talent;
      const erased = await api.post(`/api/v1/users/${w.people.traineeA.id}/erasure`, { reason: 'Asked by the trainee' }, w.people.admin.token);
      expect(erased.status).toBe(200);
      expect((await api.get(`/api/v1/talent/profiles/${w.people.traineeA.id}`, w.people.employer.token)).status).toBe(404);
      const [profile] = await t.dataSource.query('SELECT listed, statement, preferred_roles FROM talent_profile WHERE trainee_id = $1', [w.people.traineeA.id]);
      expect(profile).toEqual({ listed: false, statement: '', preferred_roles: [] });
      const requests = await t.dataSource.query(`SELECT message, stage FROM interview_request WHERE trainee_id = $1`, [w.people.traineeA.id]);
      expect(requests).toEqual([{ message: '', stage: before.interviewRequests[0].stage }]);
    });

    it('logged every employer access: searches, views, shortlists, requests and outcomes', async () => {
      for (const action of ['search', 'profile_view', 'shortlist', 'interview_request', 'outcome']) expect(await accessCount(action)).toBeGreaterThan(0);
      const strangers = await t.dataSource.query(`SELECT count(*) FROM employer_access WHERE employer_id <> ALL($1)`, [[w.people.employer.id, rival.id, ...(await t.dataSource.query(`SELECT id FROM app_user WHERE 'employer' = ANY(roles)`)).map((r: { id: string }) => r.id)]]);
      expect(strangers[0].count).toBe('0');
    });
  });
});
