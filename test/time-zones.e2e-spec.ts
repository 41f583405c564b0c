import { ClsService } from 'nestjs-cls';
import { EmailDigests } from '../src/notification/email-digests.service';
import { CohortWeeklyDigests } from '../src/cohort/cohort-weekly-digests.service';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { applyTo, buildProgramme, decide, openCohort, Programme, setStatus, waitForInboxTypes } from './support/journey-builders';

/*
 * Time zones (issue 22, must have 7): every person and every cohort has an IANA zone (default
 * America/Belize); a cohort's calendar (unlock days) is counted in its zone; the API keeps ISO 8601.
 */
describe('time zones of people and cohorts', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  let trainee: TestPerson;
  let programme: Programme;

  beforeAll(async () => {
    // Digests follow each person's day: they go out after 07:00 of the recipient's own zone.
    t = await startTestApp({ env: { EMAIL_DIGEST_LOCAL_HOUR: '7' } });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
    trainee = await createUser(t.api, admin.token, ['trainee']);
    programme = await buildProgramme(t.api, instructor);
  });
  afterAll(() => t?.close());

  it('gives every person Belize until they choose their own zone (PATCH /me), which is kept as given', async () => {
    expect((await t.api.get('/api/v1/me', trainee.token)).body.timeZone).toBe('America/Belize');
    const changed = await t.api.patch('/api/v1/me', { timeZone: 'America/New_York' }, trainee.token);
    expect(changed.status).toBe(200);
    expect(changed.body.timeZone).toBe('America/New_York');
    expect((await t.api.get('/api/v1/me', trainee.token)).body.timeZone).toBe('America/New_York');
    // Another field alone leaves the zone as it was.
    expect((await t.api.patch('/api/v1/me', { displayName: 'Night shift' }, trainee.token)).body.timeZone).toBe('America/New_York');
  });

  it.each([
    ['an unknown zone', 'America/Nowhere'],
    ['an offset', '-06:00'],
    ['an abbreviation', 'CST6CDT-ish'],
    ['empty', ''],
    ['null', null],
    ['a number', -6],
    ['too long', `Europe/${'x'.repeat(80)}`],
  ])('refuses %s as a person’s zone (400 naming the rule), storing nothing', async (_what, timeZone) => {
    const answer = await t.api.patch('/api/v1/me', { timeZone }, trainee.token);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'timeZone', message: expect.stringContaining('IANA time zone') })]);
    expect((await t.api.get('/api/v1/me', trainee.token)).body.timeZone).toBe('America/New_York');
  });

  it('counts a cohort’s unlock days in its zone: 09:00 stays 09:00 across a daylight-saving change, and Belize has none', async () => {
    // New York moves its clocks on 14 March 2027; the cohort starts at 09:00 on 1 March (EST, UTC−5).
    const startsAt = '2027-03-01T14:00:00.000Z';
    const schedule = [{ moduleId: programme.modules[1].id, offsetDays: 14 }];
    const overrides = { startsAt, endsAt: '2027-06-01T14:00:00.000Z', schedule };
    const newYork = await openCohort(t.api, admin, programme.versionId, [instructor.id], 10, { ...overrides, timeZone: 'America/New_York' });
    const belize = await openCohort(t.api, admin, programme.versionId, [instructor.id], 10, overrides);
    expect((await t.api.get(`/api/v1/cohorts/${newYork.id}`, admin.token)).body).toMatchObject({ timeZone: 'America/New_York', startsAt });
    expect((await t.api.get(`/api/v1/cohorts/${belize.id}`, admin.token)).body.timeZone).toBe('America/Belize');
    const opensAt = async (cohortId: string, person: TestPerson) => {
      await decide(t.api, instructor, await applyTo(t.api, cohortId, person), 'accept');
      const enrollment = (await t.api.get('/api/v1/me/enrollments', person.token)).body.find((e: { cohortId: string }) => e.cohortId === cohortId);
      return enrollment.modules.map((m: { opensAt: string }) => m.opensAt);
    };
    // 09:00 EDT (UTC−4) on the 15th: 13 days and 23 hours after the start.
    expect(await opensAt(newYork.id, trainee)).toEqual([startsAt, '2027-03-15T13:00:00.000Z']);
    const other = await createUser(t.api, admin.token, ['trainee']);
    expect(await opensAt(belize.id, other)).toEqual([startsAt, '2027-03-15T14:00:00.000Z']);
  });

  it('lets an admin change a cohort’s zone, and nobody else; refuses an unknown zone', async () => {
    const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id]);
    const changed = await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { timeZone: 'Europe/Madrid' }, admin.token);
    expect(changed.status).toBe(200);
    expect(changed.body.timeZone).toBe('Europe/Madrid');
    expect((await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { timeZone: 'UTC' }, instructor.token)).status).toBe(403);
    expect((await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { timeZone: 'UTC' }, trainee.token)).status).toBe(403);
    for (const timeZone of ['Mars/Olympus', '', 5, null]) {
      const refused = await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { timeZone }, admin.token);
      expect({ status: refused.status, field: refused.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'timeZone' });
    }
    const created = await t.api.post('/api/v1/cohorts', {
      name: 'Bad zone', courseVersionIds: [programme.versionId], capacity: 5, unlockMode: 'schedule', timeZone: 'Belize',
      applicationsOpenAt: '2027-01-01T00:00:00Z', applicationsCloseAt: '2027-01-10T00:00:00Z', startsAt: '2027-01-11T00:00:00Z', endsAt: '2027-02-11T00:00:00Z',
    }, admin.token);
    expect({ status: created.status, field: created.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'timeZone' });
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}`, admin.token)).body.timeZone).toBe('Europe/Madrid');
  });

  it('turns a person’s digest day at 07:00 in their own zone, not in UTC', async () => {
    const belize = await createUser(t.api, admin.token, ['trainee']);
    const madrid = await createUser(t.api, admin.token, ['trainee']);
    await t.api.patch('/api/v1/me', { timeZone: 'Europe/Madrid' }, madrid.token);
    // Both had a digest on the evening of 5 December (UTC).
    for (const person of [belize, madrid]) {
      await t.dataSource.query(`INSERT INTO email_digest (recipient_id, item_count, status, created_at) VALUES ($1, 1, 'sent', '2026-12-05T20:00:00Z')`, [person.id]);
    }
    const digests = t.get<EmailDigests>(EmailDigests);
    const turned = (person: TestPerson, now: string) => t.get<ClsService>(ClsService).run(() => digests.dayHasTurned(person.id, new Date(now)));
    // 12:30 UTC: 06:30 in Belize (not yet its 07:00), 13:30 in Madrid (past it).
    expect(await turned(belize, '2026-12-06T12:30:00Z')).toBe(false);
    expect(await turned(madrid, '2026-12-06T12:30:00Z')).toBe(true);
    // 13:00 UTC is 07:00 in Belize.
    expect(await turned(belize, '2026-12-06T13:00:00Z')).toBe(true);
    // Someone who never had a digest gets one at the next run.
    expect(await turned(instructor, '2026-12-06T12:30:00Z')).toBe(true);
  });

  it('sends the weekly cohort digest on Monday 07:00 of each recipient’s own zone, once per their week, whatever scans overlap', async () => {
    const inBelize = await createUser(t.api, admin.token, ['instructor']);
    const inTokyo = await createUser(t.api, admin.token, ['instructor']);
    expect((await t.api.patch('/api/v1/me', { timeZone: 'Asia/Tokyo' }, inTokyo.token)).status).toBe(200);
    const cohort = await openCohort(t.api, admin, programme.versionId, [inBelize.id, inTokyo.id]);
    await setStatus(t.api, admin, cohort.id, 'running');
    // Both had the digest of the week that began on Monday 30 November (their own).
    for (const person of [inBelize, inTokyo]) {
      await t.dataSource.query(`INSERT INTO cohort_digest_sent (cohort_id, recipient_id, week_of) VALUES ($1, $2, '2026-11-30')`, [cohort.id, person.id]);
    }
    const weekly = t.get<CohortWeeklyDigests>(CohortWeeklyDigests);
    const scan = (now: string) => t.get<ClsService>(ClsService).run(() => weekly.send(new Date(now)));
    const sent = async () => (await t.dataSource.query(
      `SELECT payload FROM outbox_message WHERE job_name = 'notify' AND payload->>'type' = 'cohort-digest' AND payload->'data'->>'cohortId' = $1 ORDER BY created_at, id`, [cohort.id],
    )).map((r: { payload: { recipientIds: string[]; data: { weekOf: string; week: string } } }) => ({ to: r.payload.recipientIds, weekOf: r.payload.data.weekOf, week: r.payload.data.week }));

    // Sunday 21:59 UTC: 06:59 on Monday 7 December in Tokyo, Sunday afternoon in Belize.
    await scan('2026-12-06T21:59:00Z');
    expect(await sent()).toEqual([]);
    // 22:00 UTC is 07:00 on Monday in Tokyo: Tokyo's week has begun, Belize's has not.
    await scan('2026-12-06T22:00:00Z');
    expect(await sent()).toEqual([{ to: [inTokyo.id], weekOf: '2026-12-07', week: '2026-W50' }]);
    // Later scans of the same week (a restart, an hourly run) send nothing again, until 07:00 in Belize (13:00 UTC).
    await scan('2026-12-07T03:00:00Z');
    await scan('2026-12-07T12:59:59Z');
    expect(await sent()).toHaveLength(1);
    await scan('2026-12-07T13:00:00Z');
    expect(await sent()).toEqual([{ to: [inTokyo.id], weekOf: '2026-12-07', week: '2026-W50' }, { to: [inBelize.id], weekOf: '2026-12-07', week: '2026-W50' }]);
    // A week begun more than a day ago is not sent late (a mid-week deploy, a newly assigned instructor):
    // without Belize's record of this week, Thursday's scan still sends nothing.
    await t.dataSource.query(`DELETE FROM cohort_digest_sent WHERE cohort_id = $1 AND recipient_id = $2 AND week_of = '2026-12-07'`, [cohort.id, inBelize.id]);
    await scan('2026-12-10T18:00:00Z');
    expect(await sent()).toHaveLength(2);
    // Two scans at once in the next week (two workers): each person still gets one.
    await Promise.all([scan('2026-12-14T14:00:00Z'), scan('2026-12-14T14:00:00Z')]);
    const next = (await sent()).slice(2);
    expect(next.map((d: { to: string[] }) => d.to[0]).sort()).toEqual([inBelize.id, inTokyo.id].sort());
    expect(next.every((d: { weekOf: string }) => d.weekOf === '2026-12-14')).toBe(true);
    // And it reaches them.
    const digest = (await waitForInboxTypes(t.api, inTokyo, ['cohort-digest'])).find((i: { type: string }) => i.type === 'cohort-digest');
    expect(digest.title).toBe(`Weekly digest: ${cohort.name}`);
    expect(digest.text).toBe('0 active (0 at risk), 0 completed; average progress 0%.');
  });
});
