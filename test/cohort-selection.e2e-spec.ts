import { randomBytes, randomUUID } from 'node:crypto';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, login, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions, outlineOf } from './support/fakes/published-course-versions.fake';
import { apply, createCohort, outboxRows } from './support/cohort-builders';

const SHAPE = { modules: [{ lessons: 1 }] };

describe('cohort: the selection workbench (list, rubric scores, quotas per track, duplicates, revert, CSV)', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  let otherInstructor: TestPerson;
  let reviewer: TestPerson;
  let outsider: TestPerson;
  const fake = new FakePublishedCourseVersions();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', env: { DATABASE_POOL_SIZE: '20' }, overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
    otherInstructor = await createUser(t.api, admin.token, ['instructor']);
    reviewer = await createUser(t.api, admin.token, ['reviewer']);
    outsider = await createUser(t.api, admin.token, ['trainee']);
    // The other instructor runs a cohort of their own: being an instructor is not enough.
    await createCohort(t.api, admin.token, fake, { instructorIds: [otherInstructor.id], shape: SHAPE });
  });
  afterAll(() => t.close());

  /** A cohort of two tracks (cybersecurity, UI/UX) taught by `instructor`. */
  async function twoTrackCohort(options: { capacity?: number } = {}) {
    const cyber = fake.add({ ...outlineOf(SHAPE), trackCode: 'cybersecurity' });
    const design = fake.add({ ...outlineOf(SHAPE), trackCode: 'ui-ux-design' });
    const cohort = await createCohort(t.api, admin.token, fake, {
      outlines: [cyber, design], instructorIds: [instructor.id], capacity: options.capacity ?? 50, questions: [{ prompt: 'Why this track?' }], startsInDays: 30,
    });
    return { ...cohort, cyber, design };
  }

  /** A trainee account with this e-mail and name (the admin creates it), signed in. */
  async function person(email: string, displayName: string, profile: Record<string, unknown> = {}): Promise<TestPerson> {
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const created = await t.api.post('/api/v1/users', { email, displayName, roles: ['trainee'], password, ...profile }, admin.token);
    if (created.status !== 201) throw new Error(`creating ${email} failed: ${created.status} ${created.text}`);
    const tokens = await login(t.api, email, password);
    return { id: created.body.id, email, password, token: tokens.accessToken, refreshToken: tokens.refreshToken };
  }

  const tag = () => randomBytes(4).toString('hex');
  const list = (cohortId: string, query = '', token = admin.token) => t.api.get(`/api/v1/cohorts/${cohortId}/applications${query}`, token);
  const decide = (id: string, body: object, token = admin.token) => t.api.post(`/api/v1/applications/${id}/decision`, body, token);
  const RUBRIC = { criteria: [{ id: 'motivation', label: 'Motivation', weight: 2, maxScore: 10 }, { id: 'experience', label: 'Experience', weight: 1, maxScore: 5 }] };

  it('lists applicants with name, e-mail, phone and answers (never demographics) for admins and the cohort’s instructors only; searches, filters, sorts and pages', async () => {
    const cohort = await twoTrackCohort();
    const id = tag();
    const ana = await person(`ana.${id}@example.bz`, 'Ána Castillo', { gender: 'female', birthYear: 1999, consentVersion: 1 });
    const ben = await person(`ben.${id}@example.bz`, 'Ben Young');
    const cruz = await person(`cruz.${id}@example.bz`, 'Cruz Méndez');
    const a = await apply(t.api, cohort.id, ana.token, { statement: 'I fix networks.', answers: [{ questionId: 'q1', answer: 'Incident response at the port' }], courseVersionId: cohort.cyber.versionId, phone: '+501 610-1234' });
    const b = await apply(t.api, cohort.id, ben.token, { statement: 'I draw.', answers: [{ questionId: 'q1', answer: 'Wireframes for a clinic' }], courseVersionId: cohort.design.versionId });
    const c = await apply(t.api, cohort.id, cruz.token, { statement: 'Both.', answers: [{ questionId: 'q1', answer: 'Security awareness' }], courseVersionId: cohort.cyber.versionId });
    await decide(b.id, { decision: 'shortlist', reason: 'portfolio' });

    const all = await list(cohort.id, '', instructor.token);
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([a.id, b.id, c.id]);
    expect(all.body.items[0]).toMatchObject({
      applicant: { displayName: 'Ána Castillo', email: ana.email, language: 'en', phone: '+501 610-1234' },
      trackCode: 'cybersecurity', statement: 'I fix networks.', answers: [{ questionId: 'q1', answer: 'Incident response at the port' }],
      scoring: { aggregate: null, spread: null, reviewers: [] }, rank: null, tiedWith: 0, duplicates: [],
    });
    // Demographic consent covers aggregate reports only: selection staff never see those fields.
    expect(Object.keys(all.body.items[0].applicant).sort()).toEqual(['displayName', 'email', 'language', 'phone']);
    expect(all.text).not.toMatch(/female|birthYear|gender/);

    const ids = async (query: string) => (await list(cohort.id, query)).body.items.map((i: { id: string }) => i.id);
    expect(await ids('?q=jose')).toEqual([]);
    expect(await ids('?q=CASTILLO')).toEqual([a.id]);
    expect(await ids('?q=mendez')).toEqual([c.id]); // accents ignored
    expect(await ids(`?q=ben.${id}`)).toEqual([b.id]); // e-mail
    expect(await ids('?q=clinic')).toEqual([b.id]); // answer text
    expect(await ids('?trackCode=cybersecurity')).toEqual([a.id, c.id]);
    expect(await ids('?status=shortlisted')).toEqual([b.id]);
    expect(await ids('?sort=name')).toEqual([a.id, b.id, c.id]);
    expect(await ids('?sort=-name')).toEqual([c.id, b.id, a.id]);
    expect(await ids('?sort=-submitted')).toEqual([c.id, b.id, a.id]);
    expect(await ids('?sort=-status')).toEqual([b.id, a.id, c.id]); // shortlisted after submitted in the lifecycle, descending first
    expect(await ids('?scored=true')).toEqual([]);
    expect(await ids('?scored=false')).toEqual([a.id, b.id, c.id]);

    const first = await list(cohort.id, '?sort=-name&limit=2');
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([c.id, b.id]);
    const second = await list(cohort.id, `?sort=-name&limit=2&cursor=${first.body.nextCursor}`);
    expect([second.body.items.map((i: { id: string }) => i.id), second.body.nextCursor]).toEqual([[a.id], null]);

    const badInput: Array<[string, number]> = [
      ['?sort=age', 400], ['?trackCode=cooking', 400], ['?scored=maybe', 400], ['?duplicates=false', 400], ['?format=xml', 400],
      [`?q=${'x'.repeat(101)}`, 400], ['?cursor=bm90LWEtY3Vyc29y', 400], ['?limit=0', 400],
    ];
    for (const [query, status] of badInput) expect([query, (await list(cohort.id, query)).status]).toEqual([query, status]);

    // Per role and per object: trainees and reviewers are refused the route; another cohort's instructor finds nothing.
    expect((await list(cohort.id, '', ana.token)).status).toBe(403);
    expect((await list(cohort.id, '', reviewer.token)).status).toBe(403);
    expect((await list(cohort.id, '', otherInstructor.token)).status).toBe(404);
    expect((await list(randomUUID())).status).toBe(404);
    expect((await t.api.get(`/api/v1/applications/${a.id}/review`, instructor.token)).body.applicant.displayName).toBe('Ána Castillo');
    expect((await t.api.get(`/api/v1/applications/${a.id}/review`, otherInstructor.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/applications/${a.id}/review`, reviewer.token)).status).toBe(403);
    expect((await t.api.get(`/api/v1/applications/${a.id}/review`, ana.token)).status).toBe(403);
    // Bad phones are refused before anything is stored.
    const dan = await person(`dan.${id}@example.bz`, 'Dan Ray');
    const badPhone = await t.api.post(`/api/v1/cohorts/${cohort.id}/applications`, { statement: 'x', answers: [{ questionId: 'q1', answer: 'x' }], courseVersionId: cohort.cyber.versionId, phone: '=1+2' }, dan.token);
    expect(badPhone.status).toBe(400);
    expect((await list(cohort.id)).body.items).toHaveLength(3);
  });

  it('scores by a rubric: one score per reviewer per criterion, aggregate, spread and ties; out-of-range scores refused with nothing stored', async () => {
    const cohort = await twoTrackCohort();
    const applicants = await Promise.all([1, 2, 3].map(() => createUser(t.api, admin.token, ['trainee'])));
    const apps = [];
    for (const p of applicants) apps.push(await apply(t.api, cohort.id, p.token, { statement: 'Hi', answers: [{ questionId: 'q1', answer: 'x' }], courseVersionId: cohort.cyber.versionId }));
    const rubric = (body: object, token = admin.token) => t.api.put(`/api/v1/cohorts/${cohort.id}/rubric`, body, token);
    const scores = (appId: string, body: object, token: string) => t.api.put(`/api/v1/applications/${appId}/scores`, body, token);

    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/rubric`, instructor.token)).body).toEqual({ cohortId: cohort.id, criteria: [], locked: false });
    expect((await scores(apps[0].id, { scores: [{ criterionId: 'motivation', score: 5 }] }, instructor.token)).body.type).toContain('no-rubric');
    expect((await rubric(RUBRIC, instructor.token)).status).toBe(403);
    expect((await rubric(RUBRIC, outsider.token)).status).toBe(403);
    const badRubrics: Array<[object, number, string]> = [
      [{ criteria: [] }, 400, 'validation'],
      [{ criteria: [{ id: 'Bad Id', label: 'x', weight: 1, maxScore: 5 }] }, 400, 'validation'],
      [{ criteria: [{ id: 'a', label: 'x', weight: 0, maxScore: 5 }] }, 400, 'validation'],
      [{ criteria: [{ id: 'a', label: 'x', weight: 1, maxScore: 101 }] }, 400, 'validation'],
      [{ criteria: [{ id: 'a', label: 'x', weight: 1, maxScore: 5 }, { id: 'a', label: 'y', weight: 1, maxScore: 5 }] }, 422, 'duplicate-criterion'],
    ];
    for (const [body, status, slug] of badRubrics) {
      const answer = await rubric(body);
      expect([answer.status, answer.body.type]).toEqual([status, expect.stringContaining(slug)]);
    }
    expect((await rubric(RUBRIC)).body).toMatchObject({ criteria: RUBRIC.criteria, locked: false });

    // Out of a criterion's range, unknown criterion, bad shape: refused, nothing stored.
    const badScores: Array<[object, number, string]> = [
      [{ scores: [{ criterionId: 'motivation', score: 11 }] }, 422, 'score-out-of-range'],
      [{ scores: [{ criterionId: 'motivation', score: 8 }, { criterionId: 'experience', score: -1 }] }, 422, 'score-out-of-range'],
      [{ scores: [{ criterionId: 'charisma', score: 1 }] }, 422, 'unknown-criterion'],
      [{ scores: [{ criterionId: 'motivation', score: 1 }, { criterionId: 'motivation', score: 2 }] }, 422, 'duplicate-criterion'],
      [{ scores: [{ criterionId: 'motivation', score: 1.234 }] }, 400, 'validation'],
      [{ scores: [{ criterionId: 'motivation', score: '7' }] }, 400, 'validation'],
      [{ scores: [] }, 400, 'validation'],
    ];
    for (const [body, status, slug] of badScores) {
      const answer = await scores(apps[0].id, body, instructor.token);
      expect([answer.status, answer.body.type]).toEqual([status, expect.stringContaining(slug)]);
    }
    const outOfRange = await scores(apps[0].id, { scores: [{ criterionId: 'experience', score: 6 }] }, instructor.token);
    expect(outOfRange.body.detail).toBe('A score of "experience" runs from 0 to 5; 6 is outside.');
    expect((await t.api.get(`/api/v1/applications/${apps[0].id}/review`, admin.token)).body.scoring.reviewers).toEqual([]);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM application_score WHERE application_id = $1', [apps[0].id]);
    expect(n).toBe(0);

    // Who may score: admins and the cohort's instructors.
    expect((await scores(apps[0].id, { scores: [{ criterionId: 'motivation', score: 5 }] }, otherInstructor.token)).status).toBe(404);
    expect((await scores(apps[0].id, { scores: [{ criterionId: 'motivation', score: 5 }] }, reviewer.token)).status).toBe(403);
    expect((await scores(apps[0].id, { scores: [{ criterionId: 'motivation', score: 5 }] }, applicants[0].token)).status).toBe(403);
    expect((await scores(randomUUID(), { scores: [{ criterionId: 'motivation', score: 5 }] }, admin.token)).status).toBe(404);

    // Two reviewers: the instructor 10/10 + 2.5/5 = 83.33, the admin 5/10 + 5/5 = 66.67.
    const partial = await scores(apps[0].id, { scores: [{ criterionId: 'motivation', score: 10 }] }, instructor.token);
    expect(partial.body.scoring).toEqual({ aggregate: null, spread: null, reviewers: [{ reviewerId: instructor.id, reviewerName: 'Test instructor', total: null, scores: [{ criterionId: 'motivation', score: 10 }] }] });
    await scores(apps[0].id, { scores: [{ criterionId: 'experience', score: 2.5 }] }, instructor.token);
    const both = await scores(apps[0].id, { scores: [{ criterionId: 'motivation', score: 5 }, { criterionId: 'experience', score: 5 }] }, admin.token);
    expect(both.body).toMatchObject({ score: 75, scoring: { aggregate: 75, spread: 16.66 } });
    expect(both.body.scoring.reviewers.map((r: { reviewerId: string; total: number }) => [r.reviewerId, r.total])).toEqual([[instructor.id, 83.33], [admin.id, 66.67]]);
    // PUT again: the same state, one score per reviewer per criterion, nothing more in the trail.
    const again = await scores(apps[0].id, { scores: [{ criterionId: 'motivation', score: 5 }, { criterionId: 'experience', score: 5 }] }, admin.token);
    expect(again.body.scoring).toEqual(both.body.scoring);
    const [{ rows }] = await t.dataSource.query('SELECT count(*)::int AS rows FROM application_score WHERE application_id = $1', [apps[0].id]);
    expect(rows).toBe(4);

    // Ties are visible: apps[1] and apps[2] both 100 → rank 1 tied with one other; apps[0] rank 3.
    for (const app of [apps[1], apps[2]]) await scores(app.id, { scores: [{ criterionId: 'motivation', score: 10 }, { criterionId: 'experience', score: 5 }] }, instructor.token);
    const ranked = (await list(cohort.id, '?sort=-score')).body.items.map((i: { id: string; score: number; rank: number; tiedWith: number }) => [i.id, i.score, i.rank, i.tiedWith]);
    expect(ranked).toEqual([[apps[1].id, 100, 1, 1], [apps[2].id, 100, 1, 1], [apps[0].id, 75, 3, 0]]);
    expect((await list(cohort.id, '?minScore=80')).body.items).toHaveLength(2);
    expect((await list(cohort.id, '?scored=true')).body.items).toHaveLength(3);

    // The rubric is locked once scored; the single score gives way to it.
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/rubric`, admin.token)).body.locked).toBe(true);
    expect((await rubric({ criteria: [{ id: 'motivation', label: 'M', weight: 1, maxScore: 10 }] })).body.type).toContain('rubric-in-use');
    expect((await t.api.post(`/api/v1/applications/${apps[0].id}/score`, { score: 50 }, admin.token)).body.type).toContain('rubric-in-use');
    const trail = (await t.api.get(`/api/v1/applications/${apps[0].id}/decisions`, admin.token)).body.items;
    expect(trail.filter((e: { action: string }) => e.action === 'score').map((e: { actorId: string; score: number | null }) => [e.actorId, e.score])).toEqual([
      [instructor.id, null], [instructor.id, 83.33], [admin.id, 66.67],
    ]);
  });

  it('counts every reviewer in the aggregate when two score the same applications at the same moment', async () => {
    const cohort = await twoTrackCohort();
    expect((await t.api.put(`/api/v1/cohorts/${cohort.id}/rubric`, RUBRIC, admin.token)).status).toBe(200);
    const apps = [];
    for (let i = 0; i < 5; i++) {
      const p = await createUser(t.api, admin.token, ['trainee']);
      apps.push(await apply(t.api, cohort.id, p.token, { statement: 'Hi', answers: [{ questionId: 'q1', answer: 'x' }], courseVersionId: cohort.cyber.versionId }));
    }
    // The instructor gives 100, the admin 40 (4/10 and 2/5): every aggregate must be 70, whichever commits last.
    await Promise.all(apps.flatMap((app) => [
      t.api.put(`/api/v1/applications/${app.id}/scores`, { scores: [{ criterionId: 'motivation', score: 10 }, { criterionId: 'experience', score: 5 }] }, instructor.token),
      t.api.put(`/api/v1/applications/${app.id}/scores`, { scores: [{ criterionId: 'motivation', score: 4 }, { criterionId: 'experience', score: 2 }] }, admin.token),
    ]));
    const items = (await list(cohort.id)).body.items;
    expect(items.map((i: { score: number; scoring: { spread: number }; tiedWith: number }) => [i.score, i.scoring.spread, i.tiedWith])).toEqual(apps.map(() => [70, 60, 4]));
  });

  it('keeps single scores and a rubric apart: a cohort with single scores takes no rubric', async () => {
    const cohort = await twoTrackCohort();
    const p = await createUser(t.api, admin.token, ['trainee']);
    const app = await apply(t.api, cohort.id, p.token, { statement: 'Hi', answers: [{ questionId: 'q1', answer: 'x' }], courseVersionId: cohort.cyber.versionId });
    expect((await t.api.post(`/api/v1/applications/${app.id}/score`, { score: 70 }, instructor.token)).body.score).toBe(70);
    expect((await list(cohort.id)).body.items[0]).toMatchObject({ score: 70, rank: 1, tiedWith: 0 });
    const refused = await t.api.put(`/api/v1/cohorts/${cohort.id}/rubric`, RUBRIC, admin.token);
    expect([refused.status, refused.body.type]).toEqual([409, expect.stringContaining('single-scores-exist')]);
  });

  it('flags applicants of different accounts sharing a normalised e-mail, name or phone', async () => {
    const cohort = await twoTrackCohort();
    const id = tag();
    const first = await person(`maria.santos.${id}@gmail.com`, 'María Santos');
    const second = await person(`MariaSantos${id}+again@gmail.com`, 'Santos, Maria');
    const third = await person(`other.${id}@example.bz`, 'Pat Lee');
    const fourth = await person(`fourth.${id}@example.bz`, 'Kim Cho');
    const body = (phone?: string) => ({ statement: 'Hi', answers: [{ questionId: 'q1', answer: 'x' }], courseVersionId: cohort.cyber.versionId, ...(phone ? { phone } : {}) });
    const a = await apply(t.api, cohort.id, first.token, body('+501 622-0000'));
    const b = await apply(t.api, cohort.id, second.token, body());
    const c = await apply(t.api, cohort.id, third.token, body('00501 6220000'));
    const d = await apply(t.api, cohort.id, fourth.token, body('622-0001'));
    const items = new Map((await list(cohort.id, '', instructor.token)).body.items.map((i: { id: string; duplicates: unknown[] }) => [i.id, i.duplicates]));
    expect(items.get(a.id)).toEqual([
      { applicationId: b.id, traineeId: second.id, displayName: 'Santos, Maria', reasons: ['email', 'name'] },
      { applicationId: c.id, traineeId: third.id, displayName: 'Pat Lee', reasons: ['phone'] },
    ]);
    expect(items.get(b.id)).toEqual([{ applicationId: a.id, traineeId: first.id, displayName: 'María Santos', reasons: ['email', 'name'] }]);
    expect(items.get(d.id)).toEqual([]);
    expect((await list(cohort.id, '?duplicates=true')).body.items.map((i: { id: string }) => i.id)).toEqual([a.id, b.id, c.id]);
  });

  it('keeps seat quotas per track within capacity, and accepts, bulk decisions and promotion honour them under concurrency', async () => {
    const cohort = await twoTrackCohort({ capacity: 6 });
    const quotas = (body: object, token = admin.token) => t.api.put(`/api/v1/cohorts/${cohort.id}/track-quotas`, body, token);
    const bad: Array<[object, number, string]> = [
      [{ quotas: [{ trackCode: 'cybersecurity', seats: 4 }, { trackCode: 'ui-ux-design', seats: 3 }] }, 422, 'quota-over-capacity'],
      [{ quotas: [{ trackCode: 'data-analysis', seats: 1 }] }, 422, 'unknown-track'],
      [{ quotas: [{ trackCode: 'cybersecurity', seats: 1 }, { trackCode: 'cybersecurity', seats: 2 }] }, 422, 'duplicate-track'],
      [{ quotas: [{ trackCode: 'cybersecurity', seats: -1 }] }, 400, 'validation'],
      [{ quotas: [{ trackCode: 'cooking', seats: 1 }] }, 400, 'validation'],
      [{ quotas: 'all' }, 400, 'validation'],
    ];
    for (const [body, status, slug] of bad) {
      const answer = await quotas(body);
      expect([answer.status, answer.body.type]).toEqual([status, expect.stringContaining(slug)]);
    }
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/track-quotas`, admin.token)).body.tracks.every((q: { seats: number | null }) => q.seats === null)).toBe(true);
    expect((await quotas({ quotas: [{ trackCode: 'cybersecurity', seats: 2 }] }, instructor.token)).status).toBe(403);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/track-quotas`, otherInstructor.token)).status).toBe(404);
    expect((await quotas({ quotas: [{ trackCode: 'cybersecurity', seats: 2 }, { trackCode: 'ui-ux-design', seats: 3 }] })).body.tracks).toEqual([
      { trackCode: 'cybersecurity', seats: 2, taken: 0 },
      { trackCode: 'ui-ux-design', seats: 3, taken: 0 },
    ]);
    const lowered = await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { capacity: 4 }, admin.token);
    expect([lowered.status, lowered.body.type]).toEqual([422, expect.stringContaining('quota-over-capacity')]);

    // Eight cybersecurity applicants accepted at once: exactly two seats of the track.
    const cyberApps: string[] = [];
    for (let i = 0; i < 8; i++) {
      const p = await createUser(t.api, admin.token, ['trainee']);
      cyberApps.push((await apply(t.api, cohort.id, p.token, { statement: 'Hi', answers: [{ questionId: 'q1', answer: 'x' }], courseVersionId: cohort.cyber.versionId })).id);
    }
    const answers = await Promise.all(cyberApps.slice(0, 6).map((id) => decide(id, { decision: 'accept', reason: 'race' })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(2);
    expect(answers.filter((a) => a.status === 409).every((a) => String(a.body.type).endsWith('/track-quota-full'))).toBe(true);
    expect(answers.find((a) => a.status === 409)!.body.detail).toBe('All 2 seats of the cybersecurity track are taken.');
    const bulk = await t.api.post(`/api/v1/cohorts/${cohort.id}/decisions`, { items: [{ applicationId: cyberApps[6], decision: 'accept', reason: 'bulk' }] }, admin.token);
    expect(bulk.body.results[0]).toMatchObject({ status: 409, problem: { type: expect.stringContaining('track-quota-full') } });
    // An admin's direct enrollment takes a quota seat too: refused on the full track, nothing stored.
    const latecomer = await createUser(t.api, admin.token, ['trainee']);
    const directIntoFull = await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: latecomer.id, courseVersionId: cohort.cyber.versionId }, admin.token);
    expect([directIntoFull.status, directIntoFull.body.type]).toEqual([409, expect.stringContaining('track-quota-full')]);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM enrollment WHERE trainee_id = $1', [latecomer.id]))[0].n).toBe(0);

    // Promotion: a freed cybersecurity seat skips nobody of a full track; the UI/UX applicant waits behind and is promoted.
    const designer = await createUser(t.api, admin.token, ['trainee']);
    const designApp = (await apply(t.api, cohort.id, designer.token, { statement: 'Hi', answers: [{ questionId: 'q1', answer: 'x' }], courseVersionId: cohort.design.versionId })).id;
    const waitingCyber = cyberApps[7];
    expect((await decide(waitingCyber, { decision: 'waitlist', reason: 'full track' })).body.waitlistRank).toBe(1);
    expect((await decide(designApp, { decision: 'waitlist', reason: 'later' })).body.waitlistRank).toBe(2);
    // Three UI/UX trainees enrolled directly fill that track's quota (5 of 6 seats taken); then one of them leaves.
    const direct = [];
    for (let i = 0; i < 3; i++) {
      const p = await createUser(t.api, admin.token, ['trainee']);
      direct.push((await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: p.id, courseVersionId: cohort.design.versionId }, admin.token)).body.id);
    }
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}`, admin.token)).body.seatsTaken).toBe(5);
    const withdrawn = await t.api.post(`/api/v1/enrollments/${direct[0]}/withdraw`, { reason: 'moved away' }, admin.token);
    expect(withdrawn.status).toBe(200);
    // Rank 1 waits for the full cybersecurity track; the seat goes to the UI/UX applicant at rank 2.
    expect((await t.api.get(`/api/v1/applications/${designApp}`, designer.token)).body.status).toBe('accepted');
    expect((await t.api.get(`/api/v1/applications/${waitingCyber}`, admin.token)).body).toMatchObject({ status: 'waitlisted', waitlistRank: 1 });
    const [counts] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE course_version_id = $2)::int AS cyber, count(*) FILTER (WHERE course_version_id = $3)::int AS design
         FROM enrollment WHERE cohort_id = $1 AND status <> 'withdrawn'`,
      [cohort.id, cohort.cyber.versionId, cohort.design.versionId],
    );
    expect(counts).toEqual({ cyber: 2, design: 3 });
    expect((await quotas({ quotas: [{ trackCode: 'cybersecurity', seats: 1 }] })).body.type).toContain('quota-below-enrolled');
  });

  it('reverts a decision with a reason (admins): audited, the seat freed or re-checked, the applicant told; impossible once the cohort started', async () => {
    const cohort = await twoTrackCohort({ capacity: 1 });
    const [p1, p2, p3] = await Promise.all([1, 2, 3].map(() => createUser(t.api, admin.token, ['trainee'])));
    const body = { statement: 'Hi', answers: [{ questionId: 'q1', answer: 'x' }], courseVersionId: cohort.cyber.versionId };
    const [a1, a2, a3] = [await apply(t.api, cohort.id, p1.token, body), await apply(t.api, cohort.id, p2.token, body), await apply(t.api, cohort.id, p3.token, body)];
    const revert = (id: string, reqBody: object = { reason: 'Decided by mistake.' }, token = admin.token) => t.api.post(`/api/v1/applications/${id}/revert`, reqBody, token);

    expect((await revert(a1.id)).body.type).toContain('nothing-to-revert');
    expect((await revert(a1.id, {})).status).toBe(400);
    expect((await revert(a1.id, { reason: '' })).status).toBe(400);
    expect((await revert(randomUUID())).status).toBe(404);
    await decide(a1.id, { decision: 'shortlist', reason: 'good' });
    const accepted = await decide(a1.id, { decision: 'accept', reason: 'great' });
    expect(accepted.status).toBe(200);
    expect((await revert(a1.id, undefined, instructor.token)).status).toBe(403);
    expect((await revert(a1.id, undefined, p1.token)).status).toBe(403);

    // accept → revert: shortlisted again, the enrollment withdrawn, the seat free.
    const undone = await revert(a1.id);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: 'shortlisted', waitlistRank: null });
    expect((await t.api.get(`/api/v1/enrollments/${accepted.body.enrollmentId}`, admin.token)).body.status).toBe('withdrawn');
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}`, admin.token)).body.seatsTaken).toBe(0);
    const trail = (await t.api.get(`/api/v1/applications/${a1.id}/decisions`, admin.token)).body.items;
    expect(trail[trail.length - 1]).toMatchObject({ action: 'revert', fromStatus: 'accepted', toStatus: 'shortlisted', reason: 'Decided by mistake.', actorId: admin.id });
    const told = (await outboxRows(t.dataSource, 'notify', 'application-decided')).filter((r) => r.payload.data.applicationId === a1.id);
    expect(told[told.length - 1].payload).toMatchObject({ recipientIds: [p1.id], data: { decision: 'revert', status: 'shortlisted', reason: 'Decided by mistake.' } });

    // The seat goes to another; reverting the revert (back to accepted) re-checks capacity: 409, nothing changed.
    expect((await decide(a2.id, { decision: 'accept', reason: 'next best' })).status).toBe(200);
    const full = await revert(a1.id, { reason: 'Undo the undo' });
    expect([full.status, full.body.type]).toEqual([409, expect.stringContaining('cohort-full')]);
    expect((await t.api.get(`/api/v1/applications/${a1.id}`, p1.token)).body.status).toBe('shortlisted');

    // waitlist → reject → revert: back on the waitlist at its rank.
    await decide(a3.id, { decision: 'waitlist', reason: 'reserve' });
    await decide(a1.id, { decision: 'waitlist', reason: 'reserve', rank: 1 });
    expect((await t.api.get(`/api/v1/applications/${a3.id}`, p3.token)).body.waitlistRank).toBe(2);
    await decide(a1.id, { decision: 'reject', reason: 'no' });
    expect((await t.api.get(`/api/v1/applications/${a3.id}`, p3.token)).body.waitlistRank).toBe(1);
    expect((await revert(a1.id, { reason: 'wrong person' })).body).toMatchObject({ status: 'waitlisted', waitlistRank: 1 });
    expect((await t.api.get(`/api/v1/applications/${a3.id}`, p3.token)).body.waitlistRank).toBe(2);

    // An applicant's own withdrawal is not staff's to revert.
    await t.api.post(`/api/v1/applications/${a3.id}/withdraw`, {}, p3.token);
    expect((await revert(a3.id)).body.type).toContain('withdrawn-by-applicant');

    // Once the cohort runs, no revert.
    await t.dataSource.query(`UPDATE cohort SET status = 'running' WHERE id = $1`, [cohort.id]);
    const started = await revert(a2.id);
    expect([started.status, started.body.type]).toEqual([409, expect.stringContaining('cohort-started')]);
    expect((await t.api.get(`/api/v1/applications/${a2.id}`, p2.token)).body.status).toBe('accepted');
  });

  it('exports the shortlist as formula-safe CSV with a filename (admins and the cohort’s instructors)', async () => {
    const cohort = await twoTrackCohort();
    const id = tag();
    const evil = await person(`evil.${id}@example.bz`, '=HYPERLINK("http://x.test","click")');
    const plain = await person(`plain.${id}@example.bz`, 'Plain, Person');
    const left = await person(`left.${id}@example.bz`, 'Left Out');
    const e = await apply(t.api, cohort.id, evil.token, { statement: '+cmd|calc', answers: [{ questionId: 'q1', answer: '@SUM(1)' }], courseVersionId: cohort.cyber.versionId });
    const p = await apply(t.api, cohort.id, plain.token, { statement: 'Line one\nline "two"', answers: [{ questionId: 'q1', answer: 'ok' }], courseVersionId: cohort.design.versionId });
    await apply(t.api, cohort.id, left.token, { statement: 'x', answers: [{ questionId: 'q1', answer: 'x' }], courseVersionId: cohort.design.versionId });
    for (const app of [e, p]) await decide(app.id, { decision: 'shortlist', reason: 'ok' });

    const csv = await list(cohort.id, '?status=shortlisted&format=csv', instructor.token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="cohort-${cohort.id}-applications-shortlisted.csv"`);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('rank,tiedWith,applicationId,name,email,phone,track,status,score,spread,reviewers,waitlistRank,submittedAt,duplicates,statement,Why this track?');
    expect(csv.text).not.toContain('Left Out');
    expect(lines[1]).toContain(`,${e.id},"'=HYPERLINK(""http://x.test"",""click"")",evil.${id}@example.bz,,cybersecurity,shortlisted,`);
    expect(lines[1]).toMatch(/,'\+cmd\|calc,'@SUM\(1\)$/);
    expect(csv.text).toContain('"Plain, Person"');
    expect(csv.text).toContain('"Line one\nline ""two"""');

    expect((await list(cohort.id, '?format=csv', otherInstructor.token)).status).toBe(404);
    expect((await list(cohort.id, '?format=csv', evil.token)).status).toBe(403);
    const missing = await list(randomUUID(), '?format=csv');
    expect([missing.status, missing.headers.get('content-type'), missing.headers.get('content-disposition')]).toEqual([404, expect.stringMatching(/^application\/problem\+json/), null]);
  });
});
