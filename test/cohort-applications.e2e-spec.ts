import { composeJobId } from '@gds/queue';
import { randomUUID } from 'node:crypto';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions, outlineOf } from './support/fakes/published-course-versions.fake';
import { apply, createCohort, outboxRows } from './support/cohort-builders';

describe('cohort: applications, decisions, audit trail', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  let otherInstructor: TestPerson;
  let reviewer: TestPerson;
  const fake = new FakePublishedCourseVersions();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
    otherInstructor = await createUser(t.api, admin.token, ['instructor']);
    reviewer = await createUser(t.api, admin.token, ['reviewer']);
  });
  afterAll(() => t.close());

  const newCohort = (options = {}) => createCohort(t.api, admin.token, fake, { instructorIds: [instructor.id], questions: [{ prompt: 'Why?' }, { prompt: 'Anything else?', required: false }], ...options });

  it('takes one application per trainee with answers to the cohort’s questions, and audits it', async () => {
    const cohort = await newCohort();
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const answer = await t.api.post(`/api/v1/cohorts/${cohort.id}/applications`, { statement: 'Ready.', answers: [{ questionId: 'q1', answer: 'Growth' }] }, trainee.token);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'submitted', traineeId: trainee.id, courseVersionId: cohort.outline.versionId, answers: [{ questionId: 'q1', answer: 'Growth' }] });
    const twice = await t.api.post(`/api/v1/cohorts/${cohort.id}/applications`, { statement: 'Again.', answers: [{ questionId: 'q1', answer: 'x' }] }, trainee.token);
    expect(twice.status).toBe(409);
    expect(twice.body.type).toContain('already-applied');
    expect((await t.api.get('/api/v1/me/applications', trainee.token)).body).toEqual({ items: [expect.objectContaining({ id: answer.body.id })], nextCursor: null });
    const trail = await t.api.get(`/api/v1/applications/${answer.body.id}/decisions`, instructor.token);
    expect(trail.body.items).toEqual([expect.objectContaining({ action: 'submit', toStatus: 'submitted', actorId: trainee.id })]);
  });

  it('refuses applications outside the window, to a planned or archived cohort, and bad answers', async () => {
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const planned = await newCohort({ status: 'planned' });
    const body = { statement: 'Hi', answers: [{ questionId: 'q1', answer: 'a' }] };
    expect((await t.api.post(`/api/v1/cohorts/${planned.id}/applications`, body, trainee.token)).body.type).toContain('applications-closed');
    const archived = await newCohort({ status: 'planned' });
    await t.api.post(`/api/v1/cohorts/${archived.id}/status`, { status: 'archived' }, admin.token);
    expect((await t.api.post(`/api/v1/cohorts/${archived.id}/applications`, body, trainee.token)).status).toBe(422);
    const closed = await newCohort();
    await t.dataSource.query(`UPDATE cohort SET applications_open_at = now() - interval '3 days', applications_close_at = now() - interval '1 day' WHERE id = $1`, [closed.id]);
    expect((await t.api.post(`/api/v1/cohorts/${closed.id}/applications`, body, trainee.token)).body.type).toContain('applications-closed');
    const open = await newCohort();
    const bad: Array<[Record<string, unknown>, number, string]> = [
      [{ statement: 'Hi' }, 422, 'missing-answers'],
      [{ statement: 'Hi', answers: [{ questionId: 'q9', answer: 'a' }] }, 422, 'unknown-question'],
      [{ statement: 'Hi', answers: [{ questionId: 'q1', answer: 'a' }, { questionId: 'q1', answer: 'b' }] }, 422, 'duplicate-answer'],
      [{ ...body, courseVersionId: '00000000-0000-4000-8000-000000000000' }, 422, 'unknown-course-version'],
      [{ ...body, statement: '' }, 400, 'validation'],
      [{ ...body, status: 'accepted' }, 400, 'validation'],
      [{ ...body, statement: 'x'.repeat(5001) }, 400, 'validation'],
    ];
    for (const [payload, status, slug] of bad) {
      const answer = await t.api.post(`/api/v1/cohorts/${open.id}/applications`, payload, trainee.token);
      expect({ status: answer.status, type: answer.body.type }).toEqual({ status, type: expect.stringContaining(slug) });
    }
    expect((await t.api.post(`/api/v1/cohorts/${open.id}/applications`, body, instructor.token)).status).toBe(403);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM application WHERE trainee_id = $1', [trainee.id])).toEqual([{ n: 0 }]);
  });

  it('asks which track when a cohort runs several versions', async () => {
    const a = fake.add(outlineOf({ modules: [{ lessons: 1 }] }));
    const b = fake.add(outlineOf({ modules: [{ lessons: 1 }] }));
    const cohort = await createCohort(t.api, admin.token, fake, { outlines: [a, b] });
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.post(`/api/v1/cohorts/${cohort.id}/applications`, { statement: 'x' }, trainee.token)).body.type).toContain('course-version-required');
    expect((await apply(t.api, cohort.id, trainee.token, { statement: 'x', courseVersionId: b.versionId }) as any).courseVersionId).toBe(b.versionId);
  });

  it('keeps applications private: trainee B never sees A’s; reviewers and other instructors do not either', async () => {
    const cohort = await newCohort();
    const a = await createUser(t.api, admin.token, ['trainee']);
    const b = await createUser(t.api, admin.token, ['trainee']);
    const application = await apply(t.api, cohort.id, a.token, { statement: 'Mine', answers: [{ questionId: 'q1', answer: 'a' }] });
    expect((await t.api.get(`/api/v1/applications/${application.id}`, a.token)).status).toBe(200);
    expect((await t.api.get(`/api/v1/applications/${application.id}`, b.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/applications/${application.id}`, otherInstructor.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/applications/${application.id}`, reviewer.token)).status).toBe(403);
    expect((await t.api.get(`/api/v1/applications/${application.id}`, instructor.token)).status).toBe(200);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/applications`, b.token)).status).toBe(403);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/applications`, otherInstructor.token)).status).toBe(404);
    expect((await t.api.post(`/api/v1/applications/${application.id}/withdraw`, undefined, b.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/applications/${application.id}/decisions`, b.token)).status).toBe(403);
  });

  it('lets staff list, filter and score; instructors of other cohorts and reviewers cannot act', async () => {
    const cohort = await newCohort();
    const people = await Promise.all([1, 2, 3].map(() => createUser(t.api, admin.token, ['trainee'])));
    const apps = [];
    for (const p of people) apps.push(await apply(t.api, cohort.id, p.token, { statement: 'S', answers: [{ questionId: 'q1', answer: 'a' }] }));
    expect((await t.api.post(`/api/v1/applications/${apps[0].id}/score`, { score: 80, note: 'strong' }, instructor.token)).body.score).toBe(80);
    expect((await t.api.post(`/api/v1/applications/${apps[1].id}/score`, { score: 40 }, admin.token)).body.score).toBe(40);
    expect((await t.api.post(`/api/v1/applications/${apps[1].id}/score`, { score: 101 }, admin.token)).status).toBe(400);
    expect((await t.api.post(`/api/v1/applications/${apps[1].id}/score`, { score: 50 }, otherInstructor.token)).status).toBe(404);
    // A cohort that does not exist has no applications, not an empty list (found by the authorization matrix).
    expect((await t.api.get(`/api/v1/cohorts/${randomUUID()}/applications`, admin.token)).status).toBe(404);
    expect((await t.api.post(`/api/v1/applications/${apps[1].id}/score`, { score: 50 }, reviewer.token)).status).toBe(403);
    const high = await t.api.get(`/api/v1/cohorts/${cohort.id}/applications?minScore=50`, instructor.token);
    expect(high.body.items.map((a: { id: string }) => a.id)).toEqual([apps[0].id]);
    const page = await t.api.get(`/api/v1/cohorts/${cohort.id}/applications?limit=2`, admin.token);
    expect(page.body.items).toHaveLength(2);
    const rest = await t.api.get(`/api/v1/cohorts/${cohort.id}/applications?limit=2&cursor=${page.body.nextCursor}`, admin.token);
    expect(rest.body.items.map((a: { id: string }) => a.id)).toEqual([apps[2].id]);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/applications?status=bogus`, admin.token)).status).toBe(400);
  });

  it('decides with a reason, audits each step, tells the applicant, and enforces legal steps', async () => {
    const cohort = await newCohort();
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const application = await apply(t.api, cohort.id, trainee.token, { statement: 'S', answers: [{ questionId: 'q1', answer: 'a' }] });
    const decide = (body: Record<string, unknown>, token = instructor.token) => t.api.post(`/api/v1/applications/${application.id}/decision`, body, token);
    expect((await decide({ decision: 'shortlist' })).status).toBe(400);
    expect((await decide({ decision: 'promote', reason: 'x' })).status).toBe(400);
    expect((await decide({ decision: 'shortlist', reason: 'good fit' }, otherInstructor.token)).status).toBe(404);
    expect((await decide({ decision: 'shortlist', reason: 'good fit' }, reviewer.token)).status).toBe(403);
    expect((await decide({ decision: 'shortlist', reason: 'good fit' }, trainee.token)).status).toBe(403);
    expect((await decide({ decision: 'shortlist', reason: 'x', rank: 2 })).body.type).toContain('rank-without-waitlist');
    expect((await decide({ decision: 'shortlist', reason: 'good fit' })).body.status).toBe('shortlisted');
    expect((await decide({ decision: 'shortlist', reason: 'again' })).body.type).toContain('illegal-decision');
    // Ranks stay 1..n: asked for rank 3 on an empty waitlist, it is first.
    expect((await decide({ decision: 'waitlist', reason: 'cohort nearly full', rank: 3 })).body).toMatchObject({ status: 'waitlisted', waitlistRank: 1 });
    const accepted = await decide({ decision: 'accept', reason: 'a seat is free' });
    expect(accepted.body).toMatchObject({ status: 'accepted', waitlistRank: null, enrollmentId: expect.any(String) });
    expect((await decide({ decision: 'reject', reason: 'too late' })).status).toBe(422);
    const trail = (await t.api.get(`/api/v1/applications/${application.id}/decisions`, admin.token)).body.items;
    expect(trail.map((d: { action: string }) => d.action)).toEqual(['submit', 'shortlist', 'waitlist', 'accept']);
    expect(trail[3]).toMatchObject({ actorId: instructor.id, fromStatus: 'waitlisted', toStatus: 'accepted', reason: 'a seat is free' });
    const told = (await outboxRows(t.dataSource, 'notify', 'application-decided')).filter((r) => r.payload.data.applicationId === application.id);
    expect(told.map((r) => r.payload.data.decision)).toEqual(['shortlist', 'waitlist', 'accept']);
    expect(told[0].payload.recipientIds).toEqual([trainee.id]);
    expect(told[0].job_id).toBe(composeJobId('notify', told[0].payload.eventKey));
    const enrolled = (await outboxRows(t.dataSource, 'notify', 'enrolled')).filter((r) => r.payload.data.enrollmentId === accepted.body.enrollmentId);
    expect(enrolled).toHaveLength(1);
  });

  it('lets the applicant withdraw while undecided, not after acceptance', async () => {
    const cohort = await newCohort();
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const application = await apply(t.api, cohort.id, trainee.token, { statement: 'S', answers: [{ questionId: 'q1', answer: 'a' }] });
    expect((await t.api.post(`/api/v1/applications/${application.id}/withdraw`, undefined, trainee.token)).body.status).toBe('withdrawn');
    expect((await t.api.post(`/api/v1/applications/${application.id}/withdraw`, undefined, trainee.token)).status).toBe(422);
    expect((await t.api.post(`/api/v1/applications/${application.id}/decision`, { decision: 'accept', reason: 'x' }, admin.token)).status).toBe(422);
    const other = await createUser(t.api, admin.token, ['trainee']);
    const second = await apply(t.api, cohort.id, other.token, { statement: 'S', answers: [{ questionId: 'q1', answer: 'a' }] });
    await t.api.post(`/api/v1/applications/${second.id}/decision`, { decision: 'accept', reason: 'fit' }, admin.token);
    expect((await t.api.post(`/api/v1/applications/${second.id}/withdraw`, undefined, other.token)).body.type).toContain('not-withdrawable');
  });

  it('decides in bulk, answering each item with its own status', async () => {
    const cohort = await newCohort({ capacity: 1 });
    const elsewhere = await newCohort();
    const people = await Promise.all([1, 2, 3].map(() => createUser(t.api, admin.token, ['trainee'])));
    const apps = [];
    for (const p of people) apps.push(await apply(t.api, cohort.id, p.token, { statement: 'S', answers: [{ questionId: 'q1', answer: 'a' }] }));
    const stranger = await apply(t.api, elsewhere.id, people[0].token, { statement: 'S', answers: [{ questionId: 'q1', answer: 'a' }] });
    const answer = await t.api.post(`/api/v1/cohorts/${cohort.id}/decisions`, {
      items: [
        { applicationId: apps[0].id, decision: 'accept', reason: 'top score' },
        { applicationId: apps[1].id, decision: 'accept', reason: 'second' },
        { applicationId: apps[2].id, decision: 'waitlist', reason: 'reserve', rank: 1 },
        { applicationId: stranger.id, decision: 'reject', reason: 'not this cohort' },
      ],
    }, instructor.token);
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: { status: number }) => r.status)).toEqual([200, 409, 200, 404]);
    expect(answer.body.results[1].problem.type).toContain('cohort-full');
    expect((await t.api.get(`/api/v1/applications/${stranger.id}`, admin.token)).body.status).toBe('submitted');
    expect((await t.api.get(`/api/v1/applications/${apps[1].id}`, admin.token)).body.status).toBe('submitted');
    expect((await t.api.post(`/api/v1/cohorts/${cohort.id}/decisions`, { items: [] }, admin.token)).status).toBe(400);
    expect((await t.api.post(`/api/v1/cohorts/${cohort.id}/decisions`, { items: [{ applicationId: apps[1].id, decision: 'reject', reason: 'x' }] }, otherInstructor.token)).status).toBe(404);
  });
});
