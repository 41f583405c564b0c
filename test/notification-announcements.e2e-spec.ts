import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { SmtpCapture } from './support/smtp-capture';
import { buildCourse, publish } from './support/course-builders';
import { buildProgramme, decide, openCohort, Programme, waitForInboxTypes } from './support/journey-builders';

/*
 * Messages (issue 22, must have 5): announcements from a cohort's staff to the cohort, one track or
 * named trainees, through the notification fan-out (preferences honoured); the application receipt.
 * The start-day notices: notification-start-notices.e2e-spec.ts.
 */
describe('announcements and application receipts', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let admin: TestPerson;
  let instructor: TestPerson;
  let stranger: TestPerson;
  let reviewer: TestPerson;
  let programme: Programme;
  let cyberVersionId: string;
  let cohort: { id: string; name: string };
  /** Two data-analysis trainees, one cybersecurity trainee. */
  let data: TestPerson[];
  let cyber: TestPerson;
  let outsider: TestPerson;
  const path = (cohortId = cohort.id) => `/api/v1/cohorts/${cohortId}/announcements`;
  const stored = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM announcement'))[0].n as number;
  const message = { subject: 'Lab moved to Thursday', body: 'The SQL lab moves to Thursday 18:00.\nBring your laptop.' };

  const applyFor = async (trainee: TestPerson, courseVersionId: string) => {
    const applied = await t.api.post(`/api/v1/cohorts/${cohort.id}/applications`, { statement: 'I want to learn.', courseVersionId }, trainee.token);
    if (applied.status !== 201) throw new Error(`applying failed: ${applied.status} ${applied.text}`);
    return applied.body.id as string;
  };

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, EMAIL_FROM: 'GDS Test <noreply@gds.test>' } });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
    stranger = await createUser(t.api, admin.token, ['instructor']);
    reviewer = await createUser(t.api, admin.token, ['reviewer']);
    programme = await buildProgramme(t.api, instructor);
    const cyberCourse = await buildCourse(t.api, instructor.token, 1, 1, { trackCode: 'cybersecurity', title: 'Network defence' });
    cyberVersionId = (await publish(t.api, instructor.token, cyberCourse.course.id)).versionId;
    cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id], 10, { courseVersionIds: [programme.versionId, cyberVersionId] });
    data = [await createUser(t.api, admin.token, ['trainee']), await createUser(t.api, admin.token, ['trainee'], { language: 'es' })];
    cyber = await createUser(t.api, admin.token, ['trainee']);
    outsider = await createUser(t.api, admin.token, ['trainee']);
    for (const trainee of data) await decide(t.api, instructor, await applyFor(trainee, programme.versionId), 'accept');
    await decide(t.api, instructor, await applyFor(cyber, cyberVersionId), 'accept');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends an applicant a receipt, naming the cohort and linking to the application, in their language', async () => {
    const applicant = await createUser(t.api, admin.token, ['trainee'], { language: 'es' });
    const applicationId = await applyFor(applicant, programme.versionId);
    const items = await waitForInboxTypes(t.api, applicant, ['application-received']);
    expect(items.find((i: { type: string }) => i.type === 'application-received')).toMatchObject({
      title: `Application received: ${cohort.name}`, link: `/app/applications/${applicationId}`,
    });
    const email = await waitFor(() => smtp.to(applicant.email)[0] ?? null, { what: 'the receipt email', timeoutMs: 30_000 });
    expect(email.subject).toBe(`Solicitud recibida: ${cohort.name}`);
    expect(email.text).toContain(`/app/applications/${applicationId}`);
  });

  it('lets the cohort’s instructor announce to the whole cohort: stored, in every trainee’s inbox and email, nobody else’s', async () => {
    const sent = await t.api.post(path(), { ...message, audience: 'cohort' }, instructor.token);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ cohortId: cohort.id, authorId: instructor.id, audience: 'cohort', trackCode: null, ...message, recipientCount: 3 });
    expect([...sent.body.recipientIds].sort()).toEqual([...data, cyber].map((p) => p.id).sort());
    for (const trainee of [...data, cyber]) {
      const notice = (await waitForInboxTypes(t.api, trainee, ['announcement'])).find((i: { type: string }) => i.type === 'announcement');
      expect(notice).toMatchObject({ title: `${cohort.name}: ${message.subject}`, text: message.body, link: `/app/cohorts/${cohort.id}` });
    }
    const email = await waitFor(() => smtp.to(data[1].email).find((e) => e.subject.includes(message.subject)) ?? null, { what: 'the announcement email', timeoutMs: 30_000 });
    expect(email.text).toContain('Bring your laptop.');
    expect(email.text).toContain(`/app/cohorts/${cohort.id}`);
    const outsiderInbox = await t.api.get('/api/v1/me/notifications?limit=100', outsider.token);
    expect(outsiderInbox.body.items.map((i: { type: string }) => i.type)).not.toContain('announcement');
    const listed = await t.api.get(path(), admin.token);
    expect(listed.status).toBe(200);
    expect(listed.body.items[0]).toMatchObject({ id: sent.body.id, subject: message.subject, recipientCount: 3 });
  });

  it('honours each trainee’s preferences: email off means in-app only; in-app off means no inbox entry', async () => {
    const [quiet, silent] = data;
    await t.api.put('/api/v1/me/notification-preferences', { preferences: [{ type: 'announcement', channel: 'email', mode: 'off' }] }, quiet.token);
    await t.api.put('/api/v1/me/notification-preferences', { preferences: [{ type: 'announcement', channel: 'in_app', mode: 'off' }] }, silent.token);
    const sent = await t.api.post(path(), { subject: 'Preferences', body: 'Who hears this?', audience: 'trainees', traineeIds: [quiet.id, silent.id] }, admin.token);
    expect(sent.status).toBe(201);
    const eventKey = `announcement:${sent.body.id}`;
    const rows = await waitFor(async () => {
      const found = await t.dataSource.query('SELECT recipient_id, channel FROM notification_delivery WHERE event_key = $1 ORDER BY recipient_id, channel', [eventKey]);
      return found.length === 2 ? found : null;
    }, { what: 'the announcement’s deliveries', timeoutMs: 30_000 });
    expect(rows).toEqual(expect.arrayContaining([{ recipient_id: quiet.id, channel: 'in_app' }, { recipient_id: silent.id, channel: 'email' }]));
  });

  it('reaches one track only, or the trainees named only', async () => {
    const track = await t.api.post(path(), { subject: 'Cyber lab', body: 'Bring a USB key.', audience: 'track', trackCode: 'cybersecurity' }, instructor.token);
    expect(track.status).toBe(201);
    expect(track.body.recipientIds).toEqual([cyber.id]);
    const named = await t.api.post(path(), { subject: 'Check-in', body: 'How is it going?', audience: 'trainees', traineeIds: [data[0].id] }, instructor.token);
    expect(named.body).toMatchObject({ audience: 'trainees', recipientIds: [data[0].id], recipientCount: 1 });
    await waitForInboxTypes(t.api, data[0], ['announcement']);
    const inboxOf = async (person: TestPerson) => (await t.api.get('/api/v1/me/notifications?limit=100', person.token)).body.items.map((i: { eventKey: string }) => i.eventKey);
    await waitFor(async () => (await inboxOf(cyber)).includes(`announcement:${track.body.id}`), { what: 'the track announcement', timeoutMs: 30_000 });
    await waitFor(async () => (await inboxOf(data[0])).includes(`announcement:${named.body.id}`), { what: 'the named announcement', timeoutMs: 30_000 });
    expect(await inboxOf(data[0])).not.toContain(`announcement:${track.body.id}`);
    expect(await inboxOf(cyber)).not.toContain(`announcement:${named.body.id}`);
  });

  it('is for the cohort’s staff only: other instructors 404, trainees and reviewers 403, anonymous 401; nothing stored', async () => {
    const before = await stored();
    const body = { ...message, audience: 'cohort' };
    expect((await t.api.post(path(), body, stranger.token)).status).toBe(404);
    expect((await t.api.post(path(), body, data[0].token)).status).toBe(403);
    expect((await t.api.post(path(), body, reviewer.token)).status).toBe(403);
    expect((await t.api.post(path(), body)).status).toBe(401);
    expect((await t.api.post(path('6b0b6f0e-0000-4000-8000-000000000000'), body, admin.token)).status).toBe(404);
    expect((await t.api.get(path(), stranger.token)).status).toBe(404);
    expect((await t.api.get(path(), data[0].token)).status).toBe(403);
    expect((await t.api.get(path(), reviewer.token)).status).toBe(403);
    expect(await stored()).toBe(before);
  });

  const ids = (n: number) => Array.from({ length: n }, (_, i) => `6b0b6f0e-0000-4000-8000-${String(i).padStart(12, '0')}`);
  it.each([
    ['no subject', { body: 'b', audience: 'cohort' }, 400, 'subject'],
    ['a blank subject', { subject: '   ', body: 'b', audience: 'cohort' }, 400, 'subject'],
    ['a subject of 201 characters', { subject: 'x'.repeat(201), body: 'b', audience: 'cohort' }, 400, 'subject'],
    ['a body of 5,001 characters', { subject: 's', body: 'x'.repeat(5001), audience: 'cohort' }, 400, 'body'],
    ['an unknown audience', { subject: 's', body: 'b', audience: 'everyone' }, 400, 'audience'],
    ['an unknown track', { subject: 's', body: 'b', audience: 'track', trackCode: 'marketing' }, 400, 'trackCode'],
    ['an empty trainee list', { subject: 's', body: 'b', audience: 'trainees', traineeIds: [] }, 400, 'traineeIds'],
    ['501 trainees', { subject: 's', body: 'b', audience: 'trainees', traineeIds: ids(501) }, 400, 'traineeIds'],
    ['a trainee twice', { subject: 's', body: 'b', audience: 'trainees', traineeIds: [ids(1)[0], ids(1)[0]] }, 400, 'traineeIds'],
    ['a malformed trainee id', { subject: 's', body: 'b', audience: 'trainees', traineeIds: ['nope'] }, 400, 'traineeIds'],
    ['an unknown field', { subject: 's', body: 'b', audience: 'cohort', html: '<b>' }, 400, null],
    ['a track without its code', { subject: 's', body: 'b', audience: 'track' }, 422, 'announcement-track-required'],
    ['a track the cohort does not run', { subject: 's', body: 'b', audience: 'track', trackCode: 'cloud-engineering' }, 422, 'track-not-in-cohort'],
    ['trainees without ids', { subject: 's', body: 'b', audience: 'trainees' }, 422, 'announcement-trainees-required'],
    ['a track code for the whole cohort', { subject: 's', body: 'b', audience: 'cohort', trackCode: 'cybersecurity' }, 422, 'announcement-audience-mismatch'],
    ['trainee ids for a track', { subject: 's', body: 'b', audience: 'track', trackCode: 'cybersecurity', traineeIds: ids(1) }, 422, 'announcement-audience-mismatch'],
  ])('refuses %s, storing nothing', async (_what, body, status, rule) => {
    const before = await stored();
    const answer = await t.api.post(path(), body, instructor.token);
    expect(answer.status).toBe(status);
    if (status === 400 && rule) expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(rule);
    if (status === 422) expect(answer.body.type).toMatch(new RegExp(`${rule}$`));
    expect(await stored()).toBe(before);
  });

  it('refuses trainees outside the cohort, naming them, storing nothing', async () => {
    const before = await stored();
    const answer = await t.api.post(path(), { subject: 's', body: 'b', audience: 'trainees', traineeIds: [data[0].id, outsider.id] }, instructor.token);
    expect(answer.body).toMatchObject({ status: 422, type: expect.stringMatching(/trainee-not-in-cohort$/), traineeIds: [outsider.id] });
    expect(await stored()).toBe(before);
  });

  it('reaches graduates (completed trainees) only when staff ask with includeCompleted; withdrawn trainees never', async () => {
    const alumni = await openCohort(t.api, admin, programme.versionId, [instructor.id], 5);
    const [current, graduate, leaver] = [await createUser(t.api, admin.token, ['trainee']), await createUser(t.api, admin.token, ['trainee']), await createUser(t.api, admin.token, ['trainee'])];
    for (const trainee of [current, graduate, leaver]) expect((await t.api.post(`/api/v1/cohorts/${alumni.id}/enrollments`, { traineeId: trainee.id }, admin.token)).status).toBe(201);
    // Set-up, not under test: one finished the course, one left it.
    await t.dataSource.query(`UPDATE enrollment SET status = 'completed', completed_at = now() WHERE cohort_id = $1 AND trainee_id = $2`, [alumni.id, graduate.id]);
    await t.dataSource.query(`UPDATE enrollment SET status = 'withdrawn', withdrawn_at = now() WHERE cohort_id = $1 AND trainee_id = $2`, [alumni.id, leaver.id]);
    const send = (body: Record<string, unknown>) => t.api.post(path(alumni.id), { subject: 'Alumni evening', body: 'Join us on Friday.', ...body }, instructor.token);

    const usual = await send({ audience: 'cohort' });
    expect(usual.body).toMatchObject({ includeCompleted: false, recipientIds: [current.id] });
    const wider = await send({ audience: 'cohort', includeCompleted: true });
    expect(wider.status).toBe(201);
    expect(wider.body).toMatchObject({ includeCompleted: true, recipientCount: 2 });
    expect([...wider.body.recipientIds].sort()).toEqual([current.id, graduate.id].sort());
    const notice = (await waitForInboxTypes(t.api, graduate, ['announcement'])).filter((i: { type: string }) => i.type === 'announcement');
    expect(notice.map((i: { eventKey: string }) => i.eventKey)).toEqual([`announcement:${wider.body.id}`]);

    const before = await stored();
    const named = await send({ audience: 'trainees', traineeIds: [graduate.id] });
    expect(named.body).toMatchObject({ status: 422, type: expect.stringMatching(/trainee-not-in-cohort$/), traineeIds: [graduate.id] });
    const leaverNamed = await send({ audience: 'trainees', traineeIds: [graduate.id, leaver.id], includeCompleted: true });
    expect(leaverNamed.body).toMatchObject({ status: 422, traineeIds: [leaver.id] });
    for (const includeCompleted of ['yes', 1, null]) {
      const refused = await send({ audience: 'cohort', includeCompleted });
      expect({ status: refused.status, fields: refused.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ status: 400, fields: ['includeCompleted'] });
    }
    expect(await stored()).toBe(before);
    const graduateOnly = await send({ audience: 'trainees', traineeIds: [graduate.id], includeCompleted: true });
    expect(graduateOnly.status).toBe(201);
    expect(graduateOnly.body).toMatchObject({ recipientIds: [graduate.id], includeCompleted: true });
  });
});
