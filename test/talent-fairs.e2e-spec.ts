import { ClsService } from 'nestjs-cls';
import { HttpClient, waitFor } from '@gds/testing';
import { AppTransactionHost, onTransactionRetry, TransactionRetryEvent } from '@gds/database';
import { publishInTransaction, startTestApp, TestApp } from './support/test-app';
import { buildWorld, MatrixWorld } from './support/authz-world';
import { createUser, TestPerson } from './support/people';
import { FairReminders } from '../src/talent/fair-reminders.service';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * Issue 19 item 5: career fairs over the real app with a worker. The world (authz-world) has trainee
 * A listed, enrolled with B in 'cohortId', and an employer of one organisation.
 */
describe('career fairs', () => {
  let t: TestApp;
  let w: MatrixWorld;
  let api: HttpClient;
  let organisationId: string;
  let rival: TestPerson;
  let outsider: TestPerson;
  let fairId: string;
  const fairBody = () => ({
    name: 'Belize Digital Careers Fair',
    startsAt: at(3 * HOUR),
    endsAt: at(9 * HOUR),
    place: 'Biltmore Hotel, Belize City',
    organisationIds: [organisationId],
    cohortIds: [w.objects.get('cohortId'), w.objects.get('otherCohortId')],
  });

  beforeAll(async () => {
    t = await startTestApp();
    api = t.api;
    w = await buildWorld(api);
    organisationId = (await api.get('/api/v1/me', w.people.employer.token)).body.organisationId;
    const rivalOrganisation = (await api.post('/api/v1/organisations', { name: 'Not At The Fair Ltd' }, w.people.admin.token)).body.id;
    rival = await createUser(api, w.people.admin.token, ['employer'], { organisationId: rivalOrganisation });
    outsider = await createUser(api, w.people.admin.token, ['trainee']);
  });
  afterAll(() => t?.close());

  it('admins create a fair; bad input is refused naming the rule and nothing is stored', async () => {
    const token = w.people.admin.token;
    const cases: Array<[Record<string, unknown>, number, RegExp | null]> = [
      [{ endsAt: at(2 * HOUR) }, 422, /fair-ends-before-start$/],
      [{ place: undefined }, 422, /fair-needs-place$/],
      [{ organisationIds: ['00000000-0000-4000-8000-000000000000'] }, 422, /unknown-organisation$/],
      [{ cohortIds: ['00000000-0000-4000-8000-000000000000'] }, 422, /unknown-cohort$/],
      [{ onlineUrl: 'http://insecure.example' }, 400, null],
      [{ startsAt: 'tomorrow' }, 400, null],
      [{ organisationIds: [] }, 400, null],
      // Without an offset the time would be read in the server's zone: refused, naming the field.
      [{ startsAt: '2026-12-10T09:00:00' }, 400, null],
      [{ endsAt: '2026-12-10T17:00:00.000' }, 400, null],
      // ISO 8601 forms that Date cannot read (week date, ordinal date): refused, not a 500.
      [{ startsAt: '2025-W01-1T09:00:00Z' }, 400, null],
      [{ endsAt: '2025-001T09:00:00Z' }, 400, null],
    ];
    for (const [change, status, type] of cases) {
      const answer = await api.post('/api/v1/career-fairs', { ...fairBody(), ...change }, token);
      expect([answer.status, JSON.stringify(change)]).toEqual([status, JSON.stringify(change)]);
      if (type) expect(answer.body.type).toMatch(type);
      if (/T\d{2}:\d{2}:\d{2}(\.\d+)?"/.test(JSON.stringify(change))) expect(JSON.stringify(answer.body)).toMatch(/(startsAt|endsAt) must give its offset from UTC/);
    }
    expect((await api.post('/api/v1/career-fairs', fairBody(), w.people.employer.token)).status).toBe(403);
    // The world holds one fair already ('careerFairId'); the refused ones added none.
    expect((await t.dataSource.query('SELECT count(*) FROM career_fair'))[0].count).toBe('1');
    const created = await api.post('/api/v1/career-fairs', { ...fairBody(), onlineUrl: 'https://meet.example.org/fair' }, token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Belize Digital Careers Fair', organisationIds: [organisationId], onlineUrl: 'https://meet.example.org/fair' });
    fairId = created.body.id;
  });

  it('shows a fair to admins, its employers and invited trainees only', async () => {
    for (const who of [w.people.admin, w.people.employer, w.people.traineeA, w.people.traineeB]) {
      expect((await api.get(`/api/v1/career-fairs/${fairId}`, who.token)).status).toBe(200);
      expect((await api.get('/api/v1/career-fairs', who.token)).body.items.map((f: { id: string }) => f.id)).toContain(fairId);
    }
    for (const who of [rival, outsider]) {
      expect((await api.get(`/api/v1/career-fairs/${fairId}`, who.token)).status).toBe(404);
      expect((await api.get('/api/v1/career-fairs', who.token)).body.items).toEqual([]);
    }
    const second = await api.post('/api/v1/career-fairs', { ...fairBody(), name: 'Later fair', startsAt: at(30 * HOUR), endsAt: at(31 * HOUR) }, w.people.admin.token);
    const seen: string[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await api.get(`/api/v1/career-fairs?limit=1${cursor ? `&cursor=${cursor}` : ''}`, w.people.traineeA.token);
      seen.push(...page.body.items.map((f) => f.id));
      cursor = page.body.nextCursor;
    }
    // By start: this fair (in 3 hours), the world's (in a day), the later one (in 30 hours).
    expect(seen).toEqual([fairId, w.objects.get('careerFairId'), second.body.id]);
    expect((await api.get(`/api/v1/career-fairs/${fairId}`, w.people.reviewer.token)).status).toBe(403);
  });

  it('registers listed or shortlisted trainees of invited cohorts, once', async () => {
    const first = await api.post(`/api/v1/career-fairs/${fairId}/registrations`, undefined, w.people.traineeA.token);
    expect(first.status).toBe(201);
    const again = await api.post(`/api/v1/career-fairs/${fairId}/registrations`, undefined, w.people.traineeA.token);
    expect(again.status).toBe(200);
    expect(again.body.registeredAt).toBe(first.body.registeredAt);
    const unlisted = await api.post(`/api/v1/career-fairs/${fairId}/registrations`, undefined, w.people.traineeB.token);
    expect(unlisted.status).toBe(422);
    expect(unlisted.body.type).toMatch(/fair-not-eligible$/);
    expect((await api.post(`/api/v1/career-fairs/${fairId}/registrations`, undefined, outsider.token)).status).toBe(404);
  });

  it('lets participating employers publish slots within the fair', async () => {
    const slot = await api.post(`/api/v1/career-fairs/${fairId}/slots`, { startsAt: at(3 * HOUR), endsAt: at(3.5 * HOUR) }, w.people.employer.token);
    expect(slot.status).toBe(201);
    expect(slot.body).toMatchObject({ organisationId, available: true, bookedByName: null });
    const outside = await api.post(`/api/v1/career-fairs/${fairId}/slots`, { startsAt: at(10 * HOUR), endsAt: at(11 * HOUR) }, w.people.employer.token);
    expect(outside.status).toBe(422);
    expect(outside.body.type).toMatch(/slot-outside-fair$/);
    expect((await api.post(`/api/v1/career-fairs/${fairId}/slots`, { startsAt: at(4 * HOUR), endsAt: at(3.5 * HOUR) }, w.people.employer.token)).status).toBe(422);
    const local = await api.post(`/api/v1/career-fairs/${fairId}/slots`, { startsAt: at(4 * HOUR).replace('Z', ''), endsAt: at(4.5 * HOUR) }, w.people.employer.token);
    expect(local.status).toBe(400);
    expect(JSON.stringify(local.body)).toMatch(/startsAt must give its offset from UTC/);
    expect((await api.post(`/api/v1/career-fairs/${fairId}/slots`, { startsAt: at(4 * HOUR), endsAt: at(5 * HOUR) }, rival.token)).status).toBe(404);
    expect((await api.post(`/api/v1/career-fairs/${fairId}/slots`, { startsAt: at(4 * HOUR), endsAt: at(5 * HOUR) }, w.people.traineeA.token)).status).toBe(403);
  });

  it('books one-to-one: an occupied slot is 409, a second meeting at the same time is 409, unregistered trainees 422', async () => {
    const publish = async (from: number) =>
      (await api.post(`/api/v1/career-fairs/${fairId}/slots`, { startsAt: at(from), endsAt: at(from + 0.5 * HOUR) }, w.people.employer.token)).body.id as string;
    const [early, sameTime] = [await publish(6 * HOUR), await publish(6 * HOUR)];
    const booked = await api.post(`/api/v1/fair-slots/${early}/bookings`, undefined, w.people.traineeA.token);
    expect(booked.status).toBe(201);
    const clash = await api.post(`/api/v1/fair-slots/${sameTime}/bookings`, undefined, w.people.traineeA.token);
    expect(clash.status).toBe(409);
    expect(clash.body.type).toMatch(/booking-clash$/);
    const listedOther = await createUser(api, w.people.admin.token, ['trainee']);
    await api.post(`/api/v1/cohorts/${w.objects.get('cohortId')}/enrollments`, { traineeId: listedOther.id }, w.people.admin.token);
    expect((await api.post(`/api/v1/fair-slots/${early}/bookings`, undefined, listedOther.token)).body.type).toMatch(/fair-not-registered$/);
    await api.put('/api/v1/me/talent-profile', { statement: '', availability: 'immediately', preferredRoles: [] }, listedOther.token);
    await api.post(`/api/v1/career-fairs/${fairId}/registrations`, undefined, listedOther.token);
    const taken = await api.post(`/api/v1/fair-slots/${early}/bookings`, undefined, listedOther.token);
    expect(taken.status).toBe(409);
    expect(taken.body.type).toMatch(/slot-taken$/);
    expect((await api.post(`/api/v1/fair-slots/${early}/bookings`, undefined, outsider.token)).status).toBe(404);
    const own = await api.get(`/api/v1/career-fairs/${fairId}/slots?limit=100`, w.people.employer.token);
    expect(own.body.items.find((s: { id: string }) => s.id === early)).toMatchObject({ available: false, bookedByName: expect.any(String) });
    const seen = await api.get(`/api/v1/career-fairs/${fairId}/slots?limit=100`, listedOther.token);
    expect(seen.body.items.find((s: { id: string }) => s.id === early)).toMatchObject({ available: false, bookedByMe: false, bookedByName: null });
  });

  it('stays clash-free under 200 concurrent booking requests (20 trainees × 10 slots at two times)', async () => {
    const trainees = await Promise.all(Array.from({ length: 20 }, () => createUser(api, w.people.admin.token, ['trainee'])));
    for (const [i, trainee] of trainees.entries()) {
      const cohort = w.objects.get(i < 10 ? 'cohortId' : 'otherCohortId');
      expect((await api.post(`/api/v1/cohorts/${cohort}/enrollments`, { traineeId: trainee.id }, w.people.admin.token)).status).toBe(201);
      expect((await api.put('/api/v1/me/talent-profile', { statement: '', availability: 'immediately', preferredRoles: [] }, trainee.token)).status).toBe(200);
      expect((await api.post(`/api/v1/career-fairs/${fairId}/registrations`, undefined, trainee.token)).status).toBe(201);
    }
    const slots: Array<{ id: string; band: number }> = [];
    for (let i = 0; i < 10; i++) {
      const band = i < 5 ? 0 : 1;
      const from = (7 + band) * HOUR;
      const slot = await api.post(`/api/v1/career-fairs/${fairId}/slots`, { startsAt: at(from), endsAt: at(from + 0.5 * HOUR) }, w.people.employer.token);
      slots.push({ id: slot.body.id, band });
    }
    const attempts = trainees.flatMap((trainee) => slots.map((slot) => ({ trainee, slot })));
    expect(attempts).toHaveLength(200);
    // The lock order of a booking (fair-bookings.service.ts) keeps the burst free of deadlocks: one
    // would be retried and pass unseen (libs/database/src/transaction-retry.ts), so retries are counted.
    const retries: TransactionRetryEvent[] = [];
    const stopHearingRetries = onTransactionRetry((event) => retries.push(event));
    const answers = await Promise.all(attempts.map(async ({ trainee, slot }) => ({ trainee, slot, answer: await api.post(`/api/v1/fair-slots/${slot.id}/bookings`, undefined, trainee.token) })));
    stopHearingRetries();
    expect(retries).toEqual([]);
    expect(answers.filter((a) => ![201, 409].includes(a.answer.status)).map((a) => `${a.answer.status} ${a.answer.text}`)).toEqual([]);
    const won = answers.filter((a) => a.answer.status === 201);
    const rows: Array<{ slot_id: string; trainee_id: string }> = await t.dataSource.query('SELECT slot_id, trainee_id FROM fair_booking WHERE slot_id = ANY($1)', [slots.map((s) => s.id)]);
    // Every 201 is a stored booking and every booking answered one 201; each slot at most once; each trainee at most once per time.
    expect(rows.length).toBe(won.length);
    expect(new Set(rows.map((r) => r.slot_id)).size).toBe(rows.length);
    const perTraineeBand = new Set(won.map((a) => `${a.trainee.id}:${a.slot.band}`));
    expect(perTraineeBand.size).toBe(won.length);
    // Twenty people race for ten slots: every slot ends up booked.
    expect(rows.length).toBe(10);
    for (const a of answers.filter((x) => x.answer.status === 409)) expect(a.answer.body.type).toMatch(/(slot-taken|booking-clash)$/);
  });

  it('checks in registered trainees on the day only', async () => {
    const closed = await api.post(`/api/v1/career-fairs/${fairId}/check-in`, undefined, w.people.traineeA.token);
    expect(closed.status).toBe(422);
    expect(closed.body.type).toMatch(/check-in-closed$/);
    const today = await api.post('/api/v1/career-fairs', { ...fairBody(), name: 'Today', startsAt: at(-HOUR), endsAt: at(2 * HOUR) }, w.people.admin.token);
    expect((await api.post(`/api/v1/career-fairs/${today.body.id}/check-in`, undefined, w.people.traineeA.token)).body.type).toMatch(/fair-not-registered$/);
    await api.post(`/api/v1/career-fairs/${today.body.id}/registrations`, undefined, w.people.traineeA.token);
    const checked = await api.post(`/api/v1/career-fairs/${today.body.id}/check-in`, undefined, w.people.traineeA.token);
    expect(checked.body.checkedInAt).toEqual(expect.any(String));
    expect((await api.post(`/api/v1/career-fairs/${today.body.id}/check-in`, undefined, w.people.traineeA.token)).body.checkedInAt).toBe(checked.body.checkedInAt);
  });

  it('withdrawal of consent cancels future meetings and registrations, hides the name, and a withdrawn trainee cannot book', async () => {
    const trainee = await createUser(api, w.people.admin.token, ['trainee']);
    await api.post(`/api/v1/cohorts/${w.objects.get('cohortId')}/enrollments`, { traineeId: trainee.id }, w.people.admin.token);
    await api.put('/api/v1/me/talent-profile', { statement: '', availability: 'immediately', preferredRoles: [] }, trainee.token);
    // A fair under way (registration kept after withdrawal) and one to come (registration ends).
    const today = await api.post('/api/v1/career-fairs', { ...fairBody(), name: 'Under way', startsAt: at(-HOUR), endsAt: at(5 * HOUR) }, w.people.admin.token);
    for (const fair of [today.body.id, fairId]) expect((await api.post(`/api/v1/career-fairs/${fair}/registrations`, undefined, trainee.token)).status).toBe(201);
    const slot = async (fair: string, from: number) => (await api.post(`/api/v1/career-fairs/${fair}/slots`, { startsAt: at(from), endsAt: at(from + 0.25 * HOUR) }, w.people.employer.token)).body.id as string;
    const future = await slot(fairId, 8.5 * HOUR);
    const later = await slot(today.body.id, 4 * HOUR);
    const begun = await slot(today.body.id, -0.5 * HOUR);
    const futureBooking = await api.post(`/api/v1/fair-slots/${future}/bookings`, undefined, trainee.token);
    expect(futureBooking.status).toBe(201);
    // A plain cancellation by the same trainee (while listed), to compare the withdrawal's notice with.
    const plainBooking = await api.post(`/api/v1/fair-slots/${await slot(fairId, 5 * HOUR)}/bookings`, undefined, trainee.token);
    expect((await api.delete(`/api/v1/fair-bookings/${plainBooking.body.id}`, trainee.token)).status).toBe(204);
    type Notice = { type: string; title: string; text: string; data: Record<string, unknown> };
    const employerNotice = (bookingId: string, what: string) => waitFor(async () => ((await api.get('/api/v1/me/notifications?limit=100', w.people.employer.token)).body.items as Notice[])
      .find((n) => n.type === 'fair-meeting-cancelled' && n.data.bookingId === bookingId), { what });
    const plain = await employerNotice(plainBooking.body.id, "the employer's notice of a plain cancellation");
    expect(plain.data).toMatchObject({ cancelledBy: 'trainee', traineeName: 'Test trainee' });
    // A meeting that began before the withdrawal (booked and reminded earlier): history, kept.
    await t.dataSource.query(`INSERT INTO fair_booking (slot_id, fair_id, trainee_id, during, reminded_at) SELECT id, fair_id, $2, tstzrange(starts_at, ends_at), now() FROM fair_slot WHERE id = $1`, [begun, trainee.id]);
    const before = await api.get(`/api/v1/career-fairs/${today.body.id}/slots?limit=100`, w.people.employer.token);
    expect(before.body.items.find((s: { id: string }) => s.id === begun)).toMatchObject({ bookedByName: 'Test trainee' });

    expect((await api.post('/api/v1/me/talent-profile/withdraw', undefined, trainee.token)).status).toBe(200);
    expect(await t.dataSource.query('SELECT slot_id FROM fair_booking WHERE trainee_id = $1', [trainee.id])).toEqual([{ slot_id: begun }]);
    expect((await t.dataSource.query('SELECT fair_id FROM career_fair_registration WHERE trainee_id = $1', [trainee.id])).map((r: { fair_id: string }) => r.fair_id)).toEqual([today.body.id]);
    const mine = await api.get(`/api/v1/career-fairs/${fairId}/slots?limit=100`, w.people.employer.token);
    expect(mine.body.items.find((s: { id: string }) => s.id === future)).toMatchObject({ available: true, bookedByName: null });
    const under = await api.get(`/api/v1/career-fairs/${today.body.id}/slots?limit=100`, w.people.employer.token);
    expect(under.body.items.find((s: { id: string }) => s.id === begun)).toMatchObject({ available: false, bookedByName: null });
    // The employer hears the time is free, without the name of someone who withdrew their consent, and
    // in the words of a plain cancellation by a candidate: no reason that would tell them who withdrew.
    const notice = await employerNotice(futureBooking.body.id, "the employer's cancellation notice");
    expect(notice.data).toMatchObject({ cancelledBy: 'trainee', fairName: 'Belize Digital Careers Fair' });
    expect(notice.data).not.toHaveProperty('traineeName');
    expect(notice.data).not.toHaveProperty('traineeId');
    expect(Object.keys(notice.data).sort()).toEqual(Object.keys(plain.data).filter((k) => k !== 'traineeName').sort());
    expect(notice.title).toBe(plain.title);
    const wording = (n: Notice) => n.text.replace(String(n.data.fairName), '<fair>').replace(/ at .+? \(/, ' at <time> (').replace(' with Test trainee', '');
    expect(wording(notice)).toBe(wording(plain));
    expect(notice.text).toMatch(/was cancelled by the candidate\. The slot is free again\.$/);
    expect(notice.text).not.toContain('Test trainee');
    expect(notice.text).not.toContain('listed');
    const refused = await api.post(`/api/v1/fair-slots/${later}/bookings`, undefined, trainee.token);
    expect(refused.status).toBe(422);
    expect(refused.body.type).toMatch(/talent-profile-not-listed$/);
    expect((await t.dataSource.query('SELECT count(*) FROM fair_booking WHERE slot_id = $1', [later]))[0].count).toBe('0');
  });

  it('reminds both sides of each meeting within a day, once, through the scheduled job and notifications', async () => {
    await publishInTransaction(t, 'scan-fair-reminders', {});
    const reminder = await waitFor(
      async () => (await api.get('/api/v1/me/notifications?limit=50', w.people.traineeA.token)).body.items.find((n: { type: string }) => n.type === 'fair-meeting-reminder'),
      { what: "A's fair meeting reminder" },
    );
    expect(reminder.title).toMatch(/Belize Digital Careers Fair/);
    await waitFor(async () => (await api.get('/api/v1/me/notifications?limit=50', w.people.employer.token)).body.items.find((n: { type: string }) => n.type === 'fair-meeting-reminder'), { what: "the employer's reminder" });
    const again = await t.get<ClsService>(ClsService).run(() => t.get<AppTransactionHost>(AppTransactionHost).withTransaction(() => t.get<FairReminders>(FairReminders).scan()));
    expect(again).toBe(0);
    expect((await t.dataSource.query('SELECT count(*) FROM fair_booking WHERE reminded_at IS NULL'))[0].count).toBe('0');
  });

  it('shows admins who registered, who checked in and their meetings; nobody else', async () => {
    const later = (await api.post('/api/v1/career-fairs', { ...fairBody(), name: 'Next month', startsAt: at(30 * 24 * HOUR), endsAt: at(30 * 24 * HOUR + 6 * HOUR) }, w.people.admin.token)).body;
    const slot = (await api.post(`/api/v1/career-fairs/${later.id}/slots`, { startsAt: at(30 * 24 * HOUR + HOUR), endsAt: at(30 * 24 * HOUR + 90 * 60_000) }, w.people.employer.token)).body;
    expect((await api.post(`/api/v1/career-fairs/${later.id}/registrations`, undefined, w.people.traineeA.token)).status).toBe(201);
    const booked = await api.post(`/api/v1/fair-slots/${slot.id}/bookings`, undefined, w.people.traineeA.token);
    expect(booked.status).toBe(201);
    const page = await api.get(`/api/v1/career-fairs/${later.id}/registrations`, w.people.admin.token);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      items: [{
        traineeId: w.people.traineeA.id, displayName: expect.any(String), registeredAt: expect.any(String), checkedInAt: null, checkedInAs: null,
        bookings: [{ bookingId: booked.body.id, slotId: slot.id, organisationId, organisationName: expect.any(String), startsAt: slot.startsAt, endsAt: slot.endsAt }],
      }],
      nextCursor: null,
    });
    // The booking id there is the one an admin cancels the meeting by; the employer is told.
    expect((await api.delete(`/api/v1/fair-bookings/${booked.body.id}`, w.people.admin.token)).status).toBe(204);
    expect((await api.get(`/api/v1/career-fairs/${later.id}/registrations`, w.people.admin.token)).body.items[0].bookings).toEqual([]);
    await waitFor(async () => (await api.get('/api/v1/me/notifications?limit=50', w.people.employer.token)).body.items.some((n: { type: string; data: { bookingId?: string; cancelledBy?: string } }) => n.type === 'fair-meeting-cancelled' && n.data.bookingId === booked.body.id && n.data.cancelledBy === 'admin'), { what: "the employer told of the admin's cancellation" });
    const today = (await api.get('/api/v1/career-fairs?limit=100', w.people.admin.token)).body.items.find((f: { name: string }) => f.name === 'Today');
    const checkedIn = (await api.get(`/api/v1/career-fairs/${today.id}/registrations`, w.people.admin.token)).body.items;
    expect(checkedIn).toEqual([expect.objectContaining({ traineeId: w.people.traineeA.id, checkedInAt: expect.any(String), checkedInAs: 'self', bookings: [] })]);
    for (const who of [w.people.employer, w.people.traineeA, w.people.reviewer]) expect((await api.get(`/api/v1/career-fairs/${later.id}/registrations`, who.token)).status).toBe(403);
    expect((await api.get('/api/v1/career-fairs/00000000-0000-4000-8000-000000000000/registrations', w.people.admin.token)).status).toBe(404);
    expect((await api.get(`/api/v1/career-fairs/${later.id}/registrations?limit=0`, w.people.admin.token)).status).toBe(400);
  });
});
