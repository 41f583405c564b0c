import { ClsService } from 'nestjs-cls';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { SmtpCapture } from './support/smtp-capture';
import { buildProgramme, decide, openCohort, Programme, waitForInboxTypes } from './support/journey-builders';
import { CohortStartNotices } from '../src/cohort/cohort-start-notices.service';

/**
 * Start days are built from a UTC midnight about 100 days ahead (past the cohorts other tests open
 * relative to now), so the tests that enrol at now() keep working whatever the date: `on(day, hour)`
 * is that base plus days and hours (UTC). Belize is UTC−6 all year and Tokyo UTC+9, so the local
 * days below hold on any date. Each test's days are a month apart, so one test's scan does not find
 * another's cohorts.
 */
const DAY_MS = 86_400_000;
const BASE = Math.floor(Date.now() / DAY_MS) * DAY_MS + 100 * DAY_MS;
const on = (day: number, hour: number) => new Date(BASE + day * DAY_MS + hour * 3_600_000).toISOString();

/*
 * Messages (issue 22, must have 5): "your course starts today" on the cohort's start day in its zone,
 * the welcome of trainees who join after it, and the notice again when the start moves to a later day
 * (announcements and application receipts: notification-announcements.e2e-spec.ts).
 */
describe('start-day notices and welcomes', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let admin: TestPerson;
  let instructor: TestPerson;
  let programme: Programme;
  /** The start notices (and welcomes) written for a cohort's trainees. */
  const startNoticesOf = async (cohortId: string) => (await t.dataSource.query(
    `SELECT payload FROM outbox_message WHERE job_name = 'notify' AND payload->>'type' = 'cohort-starts-today' AND payload->'data'->>'cohortId' = $1`, [cohortId],
  )).map((r: { payload: { recipientIds: string[]; data: { joinedLate?: boolean } } }) => ({ to: r.payload.recipientIds[0], late: r.payload.data.joinedLate ?? false }));

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, EMAIL_FROM: 'GDS Test <noreply@gds.test>' } });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
    programme = await buildProgramme(t.api, instructor);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('tells trainees "your course starts today" on the start day in the cohort’s zone, once', async () => {
    // 21:00 on day 0 in Belize is already day 1 in UTC (and 12:00 on day 1 in Tokyo).
    const startsAt = on(1, 3);
    const belize = await openCohort(t.api, admin, programme.versionId, [instructor.id], 10, { startsAt, endsAt: on(150, 0) });
    const tokyo = await openCohort(t.api, admin, programme.versionId, [instructor.id], 10, { startsAt, endsAt: on(150, 0), timeZone: 'Asia/Tokyo' });
    const inBelize = await createUser(t.api, admin.token, ['trainee']);
    const inTokyo = await createUser(t.api, admin.token, ['trainee']);
    const enrol = async (cohortId: string, trainee: TestPerson) => {
      const applied = await t.api.post(`/api/v1/cohorts/${cohortId}/applications`, { statement: 'Ready.' }, trainee.token);
      await decide(t.api, instructor, applied.body.id, 'accept');
    };
    await enrol(belize.id, inBelize);
    await enrol(tokyo.id, inTokyo);
    const notices = t.get<CohortStartNotices>(CohortStartNotices);
    const scan = (now: string) => t.get<ClsService>(ClsService).run(() => notices.scan(new Date(now)));
    const noticed = async (cohortId: string) => (await t.dataSource.query(
      `SELECT payload FROM outbox_message WHERE job_name = 'notify' AND payload->>'type' = 'cohort-starts-today' AND payload->'data'->>'cohortId' = $1`, [cohortId],
    )).map((r: { payload: { recipientIds: string[] } }) => r.payload.recipientIds);

    // 23:30 on day −1 in Belize, 14:30 on day 0 in Tokyo: the start day of neither.
    expect(await scan(on(0, 5.5))).toEqual({ cohorts: 0, notified: 0 });
    // 00:30 on day 0 in Belize: its start day; Tokyo's is tomorrow there.
    expect(await scan(on(0, 6.5))).toEqual({ cohorts: 1, notified: 1 });
    expect(await noticed(belize.id)).toEqual([[inBelize.id]]);
    expect(await noticed(tokyo.id)).toEqual([]);
    // Day 1 in Tokyo (day 0 still in UTC and in Belize, already told): Tokyo's turn, Belize's not again.
    expect(await scan(on(0, 16))).toEqual({ cohorts: 1, notified: 1 });
    expect(await scan(on(0, 20))).toEqual({ cohorts: 0, notified: 0 });
    expect(await noticed(belize.id)).toEqual([[inBelize.id]]);
    expect(await noticed(tokyo.id)).toEqual([[inTokyo.id]]);
    const notice = (await waitForInboxTypes(t.api, inBelize, ['cohort-starts-today'])).find((i: { type: string }) => i.type === 'cohort-starts-today');
    expect(notice.title).toBe(`Your course starts today: ${belize.name}`);
    const belizeDay = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Belize', month: 'long', day: 'numeric', year: 'numeric' }).format(new Date(startsAt));
    expect(notice.text).toContain(`${belizeDay} at 9:00 PM (America/Belize)`);
    expect(notice.link).toMatch(/^\/app\/learning\/[0-9a-f-]{36}$/);
  });

  it('welcomes trainees who join after the start notice went out (accept, direct, waitlist, import), each once', async () => {
    // Started yesterday; the scan at its start told the one trainee enrolled then.
    const startsAt = new Date(Date.now() - 24 * 3600_000);
    // As if opened earlier: the first trainee joins before the start (here, in a month), then the
    // start and that enrolment are moved back in time, the enrolment a day before the start.
    const late = await openCohort(t.api, admin, programme.versionId, [instructor.id], 4, { startsAt: new Date(Date.now() + 30 * 24 * 3600_000).toISOString() });
    const [early, accepted, direct, waiting] = [
      await createUser(t.api, admin.token, ['trainee']), await createUser(t.api, admin.token, ['trainee'], { language: 'es' }),
      await createUser(t.api, admin.token, ['trainee']), await createUser(t.api, admin.token, ['trainee']),
    ];
    const apply = async (trainee: TestPerson) => (await t.api.post(`/api/v1/cohorts/${late.id}/applications`, { statement: 'Ready.' }, trainee.token)).body.id as string;
    await decide(t.api, instructor, await apply(early), 'accept');
    await t.dataSource.query('UPDATE cohort SET starts_at = $2 WHERE id = $1', [late.id, startsAt]);
    await t.dataSource.query('UPDATE enrollment SET enrolled_at = $2 WHERE cohort_id = $1', [late.id, new Date(startsAt.getTime() - 24 * 3600_000)]);
    const notices = t.get<CohortStartNotices>(CohortStartNotices);
    await t.get<ClsService>(ClsService).run(() => notices.scan(startsAt));
    const startNotices = async () => (await t.dataSource.query(
      `SELECT payload FROM outbox_message WHERE job_name = 'notify' AND payload->>'type' = 'cohort-starts-today' AND payload->'data'->>'cohortId' = $1`, [late.id],
    )).map((r: { payload: { recipientIds: string[]; data: { joinedLate?: boolean } } }) => ({ to: r.payload.recipientIds[0], late: r.payload.data.joinedLate ?? false }));
    expect(await startNotices()).toEqual([{ to: early.id, late: false }]);

    await decide(t.api, instructor, await apply(accepted), 'accept');
    const imported = await t.api.post(`/api/v1/cohorts/${late.id}/imports`, { csv: `email,displayName\nlate-${late.id.slice(0, 8)}@example.test,Late Joiner` }, admin.token);
    expect(imported.status).toBe(202);
    await waitFor(async () => (await t.api.get(imported.body.url, admin.token)).body.status === 'finished', { what: 'the import', timeoutMs: 45_000 });
    const [importedTrainee] = await t.dataSource.query('SELECT id FROM app_user WHERE email = $1', [`late-${late.id.slice(0, 8)}@example.test`]);
    const enrolled = await t.api.post(`/api/v1/cohorts/${late.id}/enrollments`, { traineeId: direct.id }, admin.token);
    expect(enrolled.status).toBe(201);
    // The cohort is full: the next applicant waits, and takes the seat the direct enrollment frees.
    const waitlisted = await t.api.post(`/api/v1/applications/${await apply(waiting)}/decision`, { decision: 'waitlist', reason: 'full' }, instructor.token);
    expect(waitlisted.status).toBe(200);
    expect((await t.api.post(`/api/v1/enrollments/${enrolled.body.id}/withdraw`, { reason: 'moved' }, admin.token)).status).toBe(200);
    // A later scan tells nobody of this cohort again.
    await t.get<ClsService>(ClsService).run(() => notices.scan(new Date()));

    const all = await startNotices();
    expect(all.filter((n: { late: boolean }) => !n.late)).toEqual([{ to: early.id, late: false }]);
    expect(all.filter((n: { late: boolean }) => n.late).map((n: { to: string }) => n.to).sort()).toEqual([accepted.id, direct.id, waiting.id, importedTrainee.id].sort());
    const items = (await waitForInboxTypes(t.api, accepted, ['cohort-starts-today'])).filter((i: { type: string }) => i.type === 'cohort-starts-today');
    expect(items).toHaveLength(1);
    expect(items[0].title).toBe(`Welcome, your course has started: ${late.name}`);
    expect(items[0].link).toMatch(/^\/app\/learning\/[0-9a-f-]{36}$/);
    const welcome = (await waitForInboxTypes(t.api, waiting, ['cohort-starts-today'])).find((i: { type: string }) => i.type === 'cohort-starts-today');
    expect(welcome.title).toBe(`Welcome, your course has started: ${late.name}`);
    expect(welcome.text).toContain('before you joined');
  });

  it('welcomes a trainee who joins after the start although no start notice ever went out, once', async () => {
    // Opened with its start days past: nobody was or will be told "starts today".
    const startsAt = new Date(Date.now() - 3 * 24 * 3600_000);
    const unannounced = await openCohort(t.api, admin, programme.versionId, [instructor.id], 3, { startsAt: startsAt.toISOString() });
    const joiner = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.post(`/api/v1/cohorts/${unannounced.id}/enrollments`, { traineeId: joiner.id }, admin.token)).status).toBe(201);
    const notices = t.get<CohortStartNotices>(CohortStartNotices);
    await t.get<ClsService>(ClsService).run(() => notices.scan(new Date()));
    const [cohortRow] = await t.dataSource.query('SELECT start_notice_sent_at FROM cohort WHERE id = $1', [unannounced.id]);
    expect(cohortRow.start_notice_sent_at).toBeNull();
    expect(await startNoticesOf(unannounced.id)).toEqual([{ to: joiner.id, late: true }]);
    const items = (await waitForInboxTypes(t.api, joiner, ['cohort-starts-today'])).filter((i: { type: string }) => i.type === 'cohort-starts-today');
    expect(items).toHaveLength(1);
    expect(items[0].title).toBe(`Welcome, your course has started: ${unannounced.name}`);
  });

  it('on a start day whose scan comes after the start: who joined before hears "starts today", who joined after is welcomed, each once', async () => {
    const cohortOf = await openCohort(t.api, admin, programme.versionId, [instructor.id], 3, { startsAt: on(30, 15), endsAt: on(150, 0) });
    const [early, joiner] = [await createUser(t.api, admin.token, ['trainee']), await createUser(t.api, admin.token, ['trainee'])];
    expect((await t.api.post(`/api/v1/cohorts/${cohortOf.id}/enrollments`, { traineeId: early.id }, admin.token)).status).toBe(201);
    // The start comes (now, after the first enrolment) with no scan yet that day; then someone joins.
    const [[{ starts_at: startsAt }]] = await t.dataSource.query(`UPDATE cohort SET starts_at = now() WHERE id = $1 RETURNING starts_at`, [cohortOf.id]);
    expect((await t.api.post(`/api/v1/cohorts/${cohortOf.id}/enrollments`, { traineeId: joiner.id }, admin.token)).status).toBe(201);
    expect(await startNoticesOf(cohortOf.id)).toEqual([{ to: joiner.id, late: true }]);
    // The day's scan, a second after the start (the same local day), tells the early trainee only.
    const notices = t.get<CohortStartNotices>(CohortStartNotices);
    // (Other cohorts of this file may be due the same day: the counts are at least this one's.)
    const scanned = await t.get<ClsService>(ClsService).run(() => notices.scan(new Date(startsAt.getTime() + 1000)));
    expect(scanned.notified).toBeGreaterThanOrEqual(1);
    const all = await startNoticesOf(cohortOf.id);
    expect(all).toHaveLength(2);
    expect(all).toEqual(expect.arrayContaining([{ to: joiner.id, late: true }, { to: early.id, late: false }]));
    const items = (await waitForInboxTypes(t.api, joiner, ['cohort-starts-today'])).filter((i: { type: string }) => i.type === 'cohort-starts-today');
    expect(items).toHaveLength(1);
  });

  it('tells a running cohort’s trainees again when its start moves to a later day after the notice went out; an unchanged, same-day or earlier start is not told twice', async () => {
    // 09:00 on day 60 in Belize.
    const running = await openCohort(t.api, admin, programme.versionId, [instructor.id], 3, { startsAt: on(60, 15), endsAt: on(150, 0) });
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.post(`/api/v1/cohorts/${running.id}/enrollments`, { traineeId: trainee.id }, admin.token)).status).toBe(201);
    expect((await t.api.patch(`/api/v1/cohorts/${running.id}`, { applicationsCloseAt: new Date(Date.now() - 60_000).toISOString() }, admin.token)).status).toBe(200);
    expect((await t.api.post(`/api/v1/cohorts/${running.id}/status`, { status: 'running' }, admin.token)).status).toBe(200);
    const notices = t.get<CohortStartNotices>(CohortStartNotices);
    const scan = (now: string) => t.get<ClsService>(ClsService).run(() => notices.scan(new Date(now)));
    const claimed = async () => (await t.dataSource.query('SELECT start_notice_sent_at FROM cohort WHERE id = $1', [running.id]))[0].start_notice_sent_at as Date | null;
    const reschedule = async (change: Record<string, string>) => {
      const answer = await t.api.patch(`/api/v1/cohorts/${running.id}`, change, admin.token);
      expect([answer.status, answer.text]).toEqual([200, expect.any(String)]);
      return answer.body;
    };
    const deliveredToTrainee = async () => {
      await waitFor(async () => (await t.dataSource.query(`SELECT 1 FROM outbox_message WHERE job_name = 'notify' AND payload->>'type' = 'cohort-starts-today' AND payload->'data'->>'cohortId' = $1 AND sent_at IS NULL`, [running.id])).length === 0, { what: 'the outbox moved' });
      return (await waitForInboxTypes(t.api, trainee, ['cohort-starts-today'])).filter((i: { type: string }) => i.type === 'cohort-starts-today');
    };

    await scan(on(60, 14));
    expect(await startNoticesOf(running.id)).toEqual([{ to: trainee.id, late: false }]);
    expect(await deliveredToTrainee()).toHaveLength(1);

    // Unchanged (the same start sent again), later the same day, and earlier: the claim stays, nothing is sent again.
    await reschedule({ startsAt: on(60, 15), name: 'Renamed' });
    await reschedule({ startsAt: on(60, 20) });
    await reschedule({ startsAt: on(59, 15) });
    expect(await claimed()).not.toBeNull();
    expect(await scan(on(59, 16))).toEqual({ cohorts: 0, notified: 0 });
    expect(await startNoticesOf(running.id)).toHaveLength(1);

    // A week later: the claim is cleared in the same change, and the new start day tells the trainee again, once.
    const moved = await reschedule({ startsAt: on(67, 15) });
    expect(moved.startsAt).toBe(on(67, 15));
    expect(await claimed()).toBeNull();
    expect(await scan(on(60, 16))).toEqual({ cohorts: 0, notified: 0 });
    expect(await scan(on(67, 14))).toEqual({ cohorts: 1, notified: 1 });
    expect(await scan(on(67, 18))).toEqual({ cohorts: 0, notified: 0 });
    expect(await startNoticesOf(running.id)).toEqual([{ to: trainee.id, late: false }, { to: trainee.id, late: false }]);
    await waitFor(async () => ((await deliveredToTrainee()).length === 2 ? true : null), { what: 'the second start notice in the inbox' });

    // Bad dates are refused and change nothing.
    const refused = await t.api.patch(`/api/v1/cohorts/${running.id}`, { startsAt: on(200, 0) }, admin.token);
    expect([refused.status, refused.body.type]).toEqual([422, expect.stringMatching(/invalid-dates$/)]);
    // Not dates, and ISO 8601 forms (week, ordinal) or impossible dates that Date cannot read: 400 problems, not 500s.
    for (const bad of [{ startsAt: 'next week' }, { startsAt: '2025-W01-1' }, { startsAt: '2025-W01-1T09:00:00Z' }, { startsAt: '2025-001T09:00Z' }, { endsAt: '2025-W01-1' }, { endsAt: '2027-02-31T00:00:00Z' }]) {
      const answer = await t.api.patch(`/api/v1/cohorts/${running.id}`, bad, admin.token);
      expect([JSON.stringify(bad), answer.status, answer.headers.get('content-type')]).toEqual([JSON.stringify(bad), 400, expect.stringContaining('application/problem+json')]);
    }
    expect((await t.api.get(`/api/v1/cohorts/${running.id}`, admin.token)).body.startsAt).toBe(on(67, 15));

    // The same moment in a zone ahead (Auckland, UTC+12/13): 09:00 on day 67 in Belize is day 68 there.
    // The notice went out on day 67 of the old zone, so the new start day is later: told again there.
    expect((await reschedule({ timeZone: 'Pacific/Auckland' })).timeZone).toBe('Pacific/Auckland');
    expect(await claimed()).toBeNull();
    expect(await scan(on(67, 16))).toEqual({ cohorts: 1, notified: 1 });
    expect(await startNoticesOf(running.id)).toHaveLength(3);

    // Once started (here 15:00 UTC two days back, 09:00 in Belize; the notice sent), nobody is told again:
    // not when the zone alone changes to one where that instant is a later day (Auckland), nor when the
    // start moves to a later day that has also passed.
    const pastStart = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 2 * DAY_MS + 15 * 3_600_000);
    await t.dataSource.query(`UPDATE cohort SET starts_at = $2, time_zone = 'America/Belize', start_notice_sent_at = $2 WHERE id = $1`, [running.id, pastStart]);
    expect((await reschedule({ timeZone: 'Pacific/Auckland' })).timeZone).toBe('Pacific/Auckland');
    expect(await claimed()).not.toBeNull();
    expect((await reschedule({ startsAt: new Date(pastStart.getTime() + DAY_MS).toISOString() })).startsAt).toBe(new Date(pastStart.getTime() + DAY_MS).toISOString());
    expect(await claimed()).not.toBeNull();
    expect(await startNoticesOf(running.id)).toHaveLength(3);
  });

  it('does not welcome trainees who join before the start notice went out (the start-day scan tells them)', async () => {
    const future = await openCohort(t.api, admin, programme.versionId, [instructor.id], 3, { startsAt: on(30, 15), endsAt: on(150, 0) });
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.post(`/api/v1/cohorts/${future.id}/enrollments`, { traineeId: trainee.id }, admin.token)).status).toBe(201);
    await waitForInboxTypes(t.api, trainee, ['enrolled']);
    const sent = await t.dataSource.query(`SELECT 1 FROM outbox_message WHERE job_name = 'notify' AND payload->>'type' = 'cohort-starts-today' AND payload->'data'->>'cohortId' = $1`, [future.id]);
    expect(sent).toEqual([]);
  });
});
