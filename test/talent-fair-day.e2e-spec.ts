import { ClsService } from 'nestjs-cls';
import { HttpClient, waitFor } from '@gds/testing';
import { AppTransactionHost } from '@gds/database';
import { startTestApp, TestApp } from './support/test-app';
import { buildWorld, MatrixWorld } from './support/authz-world';
import { createUser, TestPerson } from './support/people';
import { TalentEvidence, TalentEvidenceReader } from '../src/talent/talent-evidence.service';
import { TalentProfiles } from '../src/talent/talent-profiles.service';
import { SearchableEvidence } from '../src/talent/searchable-evidence.service';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const LISTING = { statement: '', availability: 'immediately', preferredRoles: [] };

/**
 * Issue 19, the fair's day: a trainee cancels their own meeting (DELETE /fair-bookings/:id), the
 * employer whose slot it is (or an admin) checks in the trainee who booked it
 * (POST /fair-bookings/:id/check-in), and each check-in says who made it. The world (authz-world)
 * has trainee A listed in 'cohortId' and an employer of one organisation; here a second
 * organisation ("rival") takes part in the same fair and a second listed trainee ("other") books.
 */
describe("a career fair's day", () => {
  let t: TestApp;
  let w: MatrixWorld;
  let api: HttpClient;
  let organisationId: string;
  let rival: TestPerson;
  let other: TestPerson;
  let today: string;
  let later: string;

  const fair = async (name: string, from: number, to: number) => {
    const created = await api.post('/api/v1/career-fairs', {
      name, startsAt: at(from), endsAt: at(to), place: 'Biltmore Hotel, Belize City',
      organisationIds: [organisationId, (await api.get('/api/v1/me', rival.token)).body.organisationId],
      cohortIds: [w.objects.get('cohortId')],
    }, w.people.admin.token);
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const slot = async (fairId: string, employer: TestPerson, from: number) => {
    const published = await api.post(`/api/v1/career-fairs/${fairId}/slots`, { startsAt: at(from), endsAt: at(from + 0.25 * HOUR) }, employer.token);
    expect(published.status).toBe(201);
    return published.body.id as string;
  };
  const book = async (slotId: string, trainee: TestPerson) => {
    const booked = await api.post(`/api/v1/fair-slots/${slotId}/bookings`, undefined, trainee.token);
    expect([booked.status, booked.text]).toEqual([201, expect.any(String)]);
    return booked.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = t.api;
    w = await buildWorld(api);
    organisationId = (await api.get('/api/v1/me', w.people.employer.token)).body.organisationId;
    const rivalOrganisation = (await api.post('/api/v1/organisations', { name: 'Rival Digital Ltd' }, w.people.admin.token)).body.id;
    rival = await createUser(api, w.people.admin.token, ['employer'], { organisationId: rivalOrganisation });
    other = await createUser(api, w.people.admin.token, ['trainee']);
    await api.post(`/api/v1/cohorts/${w.objects.get('cohortId')}/enrollments`, { traineeId: other.id }, w.people.admin.token);
    expect((await api.put('/api/v1/me/talent-profile', LISTING, other.token)).status).toBe(200);
    today = await fair('Under way', -HOUR, 5 * HOUR);
    later = await fair('Next week', 7 * 24 * HOUR, 7 * 24 * HOUR + 6 * HOUR);
    for (const fairId of [today, later]) {
      for (const trainee of [w.people.traineeA, other]) expect((await api.post(`/api/v1/career-fairs/${fairId}/registrations`, undefined, trainee.token)).status).toBe(201);
    }
  });
  afterAll(() => t?.close());

  describe('cancelling a meeting', () => {
    it('only the trainee who booked it (or an admin) may cancel: others find nothing there, other roles are refused', async () => {
      const booking = await book(await slot(today, w.people.employer, 2 * HOUR), w.people.traineeA);
      const cases: Array<[string, TestPerson | null, number]> = [
        ['another trainee', other, 404],
        ['a trainee of the cohort who is not listed', w.people.traineeB, 404],
        ['the employer', w.people.employer, 403],
        ['a reviewer', w.people.reviewer, 403],
        ['nobody signed in', null, 401],
      ];
      for (const [who, person, status] of cases) {
        const answer = await api.delete(`/api/v1/fair-bookings/${booking}`, person?.token);
        expect([who, answer.status, answer.headers.get('content-type')]).toEqual([who, status, expect.stringContaining('application/problem+json')]);
      }
      expect((await t.dataSource.query('SELECT 1 FROM fair_booking WHERE id = $1', [booking])).length).toBe(1);
      for (const id of [NO_SUCH, 'not-a-uuid']) {
        const answer = await api.delete(`/api/v1/fair-bookings/${id}`, w.people.traineeA.token);
        expect(answer.status).toBe(404);
        expect(answer.body.type).toMatch(/not-found$/);
      }
    });

    it('frees the slot at once; cancelling again finds nothing (404); someone else can book the time', async () => {
      const slotId = await slot(today, w.people.employer, 2.5 * HOUR);
      const booking = await book(slotId, w.people.traineeA);
      const mine = async () => ((await api.get(`/api/v1/career-fairs/${today}/slots?limit=100`, w.people.traineeA.token)).body.items as Array<{ id: string; available: boolean; bookedByMe: boolean; bookingId: string | null }>).find((s) => s.id === slotId)!;
      expect(await mine()).toMatchObject({ available: false, bookedByMe: true, bookingId: booking });
      const cancelled = await api.delete(`/api/v1/fair-bookings/${booking}`, w.people.traineeA.token);
      expect(cancelled.status).toBe(204);
      expect(cancelled.text).toBe('');
      expect(await mine()).toMatchObject({ available: true, bookedByMe: false, bookingId: null });
      expect((await api.get('/api/v1/me/fair-bookings', w.people.traineeA.token)).body.items.map((b: { id: string }) => b.id)).not.toContain(booking);
      const again = await api.delete(`/api/v1/fair-bookings/${booking}`, w.people.traineeA.token);
      expect(again.status).toBe(404);
      // The employer sees the time free again, and another trainee takes it.
      const employerView = ((await api.get(`/api/v1/career-fairs/${today}/slots?limit=100`, w.people.employer.token)).body.items as Array<{ id: string; available: boolean; bookedByName: string | null }>).find((s) => s.id === slotId);
      expect(employerView).toMatchObject({ available: true, bookedByName: null });
      await book(slotId, other);
    });

    it('a meeting that has started stays: 409 naming why, and the booking is kept', async () => {
      const slotId = await slot(today, w.people.employer, 3 * HOUR);
      const booking = await book(slotId, w.people.traineeA);
      // The meeting's time comes: moved to have begun ten minutes ago.
      await t.dataSource.query(`UPDATE fair_slot SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '5 minutes' WHERE id = $1`, [slotId]);
      await t.dataSource.query(`UPDATE fair_booking SET during = tstzrange(now() - interval '10 minutes', now() + interval '5 minutes') WHERE id = $1`, [booking]);
      const refused = await api.delete(`/api/v1/fair-bookings/${booking}`, w.people.traineeA.token);
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ status: 409, type: expect.stringMatching(/meeting-started$/), detail: expect.stringMatching(/started or passed/) });
      expect((await t.dataSource.query('SELECT 1 FROM fair_booking WHERE id = $1', [booking])).length).toBe(1);
      // Not theirs: still 404, started or not (nothing about another's meeting leaks).
      expect((await api.delete(`/api/v1/fair-bookings/${booking}`, other.token)).status).toBe(404);
    });
  });

  describe('telling the employer of a cancelled meeting', () => {
    const cancelNotices = async (person: TestPerson, bookingId: string) =>
      ((await api.get('/api/v1/me/notifications?limit=100', person.token)).body.items as Array<{ type: string; title: string; text: string; data: Record<string, unknown> }>)
        .filter((n) => n.type === 'fair-meeting-cancelled' && n.data.bookingId === bookingId);
    const deliveries = async (bookingId: string) =>
      (await t.dataSource.query(`SELECT recipient_id, channel FROM notification_delivery WHERE event_key = $1 ORDER BY recipient_id, channel`, [`fair-meeting-cancelled:${bookingId}`])) as Array<{ recipient_id: string; channel: string }>;

    it('a trainee cancelling tells the employer whose slot it was, in the inbox and by email, once', async () => {
      const booking = await book(await slot(later, w.people.employer, 7 * 24 * HOUR + HOUR), w.people.traineeA);
      expect((await api.delete(`/api/v1/fair-bookings/${booking}`, w.people.traineeA.token)).status).toBe(204);
      const [notice] = await waitFor(async () => {
        const found = await cancelNotices(w.people.employer, booking);
        return found.length ? found : null;
      }, { what: "the employer's cancellation notice" });
      expect(notice.title).toContain('Next week');
      expect(notice.text).toMatch(/cancelled/);
      expect(notice.text).toContain((await api.get('/api/v1/me', w.people.traineeA.token)).body.displayName);
      await waitFor(async () => ((await deliveries(booking)).length >= 2 ? true : null), { what: 'the deliveries' });
      // The employer on both channels (their defaults); the trainee who cancelled is not told of it.
      expect(await deliveries(booking)).toEqual([{ recipient_id: w.people.employer.id, channel: 'email' }, { recipient_id: w.people.employer.id, channel: 'in_app' }]);
      expect(await cancelNotices(w.people.traineeA, booking)).toEqual([]);
    });

    it('an employer who no longer acts for the slot\'s organisation is told the time is free, without the trainee\'s name', async () => {
      const leaver = await createUser(api, w.people.admin.token, ['employer'], { organisationId });
      const booking = await book(await slot(later, leaver, 7 * 24 * HOUR + 3 * HOUR), w.people.traineeA);
      // Set-up, not under test: the employer moved to another organisation after publishing the slot.
      const elsewhere = (await api.post('/api/v1/organisations', { name: 'Moved On Ltd' }, w.people.admin.token)).body.id as string;
      await t.dataSource.query('UPDATE app_user SET organisation_id = $2 WHERE id = $1', [leaver.id, elsewhere]);
      expect((await api.delete(`/api/v1/fair-bookings/${booking}`, w.people.traineeA.token)).status).toBe(204);
      const [notice] = await waitFor(async () => {
        const found = await cancelNotices(leaver, booking);
        return found.length ? found : null;
      }, { what: "the former employer's notice" });
      expect(notice.data).not.toHaveProperty('traineeName');
      expect(notice.text).not.toContain((await api.get('/api/v1/me', w.people.traineeA.token)).body.displayName);
      expect(notice.text).toMatch(/cancelled by the candidate/);
    });

    it('an admin cancelling tells the employer (by their preferences) and the trainee; a refused cancel tells no one', async () => {
      const employer = await createUser(api, w.people.admin.token, ['employer'], { organisationId });
      expect((await api.put('/api/v1/me/notification-preferences', { preferences: [{ type: 'fair-meeting-cancelled', channel: 'email', mode: 'off' }] }, employer.token)).status).toBe(200);
      const booking = await book(await slot(later, employer, 7 * 24 * HOUR + 2 * HOUR), other);
      expect((await api.delete(`/api/v1/fair-bookings/${booking}`, w.people.employer.token)).status).toBe(403);
      expect((await api.delete(`/api/v1/fair-bookings/${booking}`, w.people.admin.token)).status).toBe(204);
      expect((await t.dataSource.query('SELECT 1 FROM fair_booking WHERE id = $1', [booking])).length).toBe(0);
      const [toEmployer] = await waitFor(async () => {
        const found = await cancelNotices(employer, booking);
        return found.length ? found : null;
      }, { what: "the slot's employer's notice" });
      expect(toEmployer.text).toMatch(/programme staff/i);
      const [toTrainee] = await waitFor(async () => {
        const found = await cancelNotices(other, booking);
        return found.length ? found : null;
      }, { what: "the trainee's notice" });
      expect(toTrainee.text).toMatch(/programme staff/i);
      await waitFor(async () => ((await deliveries(booking)).length >= 3 ? true : null), { what: 'the deliveries' });
      expect((await deliveries(booking)).filter((d) => d.recipient_id === employer.id)).toEqual([{ recipient_id: employer.id, channel: 'in_app' }]);
      // Only the employer who published the slot is told, not everyone of the organisation.
      expect(await cancelNotices(w.people.employer, booking)).toEqual([]);

      // A meeting under way stays, and no notice goes out.
      const started = await book(await slot(today, employer, 4 * HOUR), other);
      await t.dataSource.query(`UPDATE fair_booking SET during = tstzrange(now() - interval '10 minutes', now() + interval '5 minutes') WHERE id = $1`, [started]);
      expect((await api.delete(`/api/v1/fair-bookings/${started}`, w.people.admin.token)).status).toBe(409);
      expect((await api.delete(`/api/v1/fair-bookings/${NO_SUCH}`, w.people.admin.token)).status).toBe(404);
      expect(await t.dataSource.query(`SELECT 1 FROM outbox_message WHERE payload->>'eventKey' = $1`, [`fair-meeting-cancelled:${started}`])).toEqual([]);
    });
  });

  describe("checking in who booked a meeting", () => {
    let ownBooking: string;
    let rivalBooking: string;

    beforeAll(async () => {
      ownBooking = await book(await slot(today, w.people.employer, 4 * HOUR), w.people.traineeA);
      rivalBooking = await book(await slot(today, rival, 4 * HOUR), other);
    });

    it("refuses everyone but the slot's employer and admins: another organisation's employer finds nothing", async () => {
      const cases: Array<[string, string, TestPerson | null, number]> = [
        ["another organisation's employer", ownBooking, rival, 404],
        ["the employer, on another organisation's slot", rivalBooking, w.people.employer, 404],
        ['the trainee who booked it', ownBooking, w.people.traineeA, 403],
        ['another trainee', ownBooking, other, 403],
        ['a reviewer', ownBooking, w.people.reviewer, 403],
        ['an instructor', ownBooking, w.people.instructorOwn, 403],
        ['nobody signed in', ownBooking, null, 401],
        ['a booking that does not exist', NO_SUCH, w.people.employer, 404],
        ['a malformed id', 'not-a-uuid', w.people.employer, 404],
      ];
      for (const [who, booking, person, status] of cases) {
        const answer = await api.post(`/api/v1/fair-bookings/${booking}/check-in`, undefined, person?.token);
        expect([who, answer.status, answer.headers.get('content-type')]).toEqual([who, status, expect.stringContaining('application/problem+json')]);
      }
      const checked: unknown[] = await t.dataSource.query('SELECT 1 FROM career_fair_registration WHERE fair_id = $1 AND checked_in_at IS NOT NULL', [today]);
      expect(checked).toEqual([]);
    });

    it('refuses outside the fair\'s day (422 naming the window)', async () => {
      const booking = await book(await slot(later, w.people.employer, 7 * 24 * HOUR + HOUR), w.people.traineeA);
      const closed = await api.post(`/api/v1/fair-bookings/${booking}/check-in`, undefined, w.people.employer.token);
      expect(closed.status).toBe(422);
      expect(closed.body.type).toMatch(/check-in-closed$/);
      expect(closed.body.detail).toMatch(/two hours before/);
    });

    it('the employer checks in the trainee who booked their slot; the check-in says who made it and is logged', async () => {
      const checked = await api.post(`/api/v1/fair-bookings/${ownBooking}/check-in`, undefined, w.people.employer.token);
      expect(checked.status).toBe(200);
      expect(checked.body).toEqual({ fairId: today, traineeId: w.people.traineeA.id, registeredAt: expect.any(String), checkedInAt: expect.any(String), checkedInAs: 'employer' });
      // Twice changes nothing, and the trainee checking in themself afterwards keeps the first check-in.
      expect((await api.post(`/api/v1/fair-bookings/${ownBooking}/check-in`, undefined, w.people.employer.token)).body).toEqual(checked.body);
      const self = await api.post(`/api/v1/career-fairs/${today}/check-in`, undefined, w.people.traineeA.token);
      expect(self.body).toMatchObject({ checkedInAt: checked.body.checkedInAt, checkedInAs: 'employer' });
      const registrations = (await api.get('/api/v1/me/fair-registrations', w.people.traineeA.token)).body.items;
      expect(registrations.find((r: { fairId: string }) => r.fairId === today)).toMatchObject({ checkedInAt: checked.body.checkedInAt, checkedInAs: 'employer' });
      const slots = (await api.get(`/api/v1/career-fairs/${today}/slots?limit=100`, w.people.employer.token)).body.items as Array<{ bookingId: string | null; bookerCheckedInAt: string | null }>;
      expect(slots.find((s) => s.bookingId === ownBooking)?.bookerCheckedInAt).toBe(checked.body.checkedInAt);
      const [row] = await t.dataSource.query('SELECT checked_in_by FROM career_fair_registration WHERE fair_id = $1 AND trainee_id = $2', [today, w.people.traineeA.id]);
      expect(row.checked_in_by).toBe(w.people.employer.id);
      // Every employer access is audited, the repeated check-in too.
      const logged = await t.dataSource.query(`SELECT DISTINCT employer_id, trainee_id FROM employer_access WHERE action = 'fair_check_in'`);
      expect(logged).toEqual([{ employer_id: w.people.employer.id, trainee_id: w.people.traineeA.id }]);
    });

    it('admins check in anyone who booked; a trainee checking in themself is recorded as such', async () => {
      const byAdmin = await api.post(`/api/v1/fair-bookings/${rivalBooking}/check-in`, undefined, w.people.admin.token);
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body).toMatchObject({ traineeId: other.id, checkedInAs: 'admin' });
      const attendees = (await api.get(`/api/v1/career-fairs/${today}/registrations`, w.people.admin.token)).body.items as Array<{ traineeId: string; checkedInAs: string | null }>;
      expect(attendees.find((a) => a.traineeId === other.id)?.checkedInAs).toBe('admin');
      expect(attendees.find((a) => a.traineeId === w.people.traineeA.id)?.checkedInAs).toBe('employer');

      const walkIn = await createUser(api, w.people.admin.token, ['trainee']);
      await api.post(`/api/v1/cohorts/${w.objects.get('cohortId')}/enrollments`, { traineeId: walkIn.id }, w.people.admin.token);
      await api.put('/api/v1/me/talent-profile', LISTING, walkIn.token);
      await api.post(`/api/v1/career-fairs/${today}/registrations`, undefined, walkIn.token);
      const self = await api.post(`/api/v1/career-fairs/${today}/check-in`, undefined, walkIn.token);
      expect(self.body).toMatchObject({ checkedInAt: expect.any(String), checkedInAs: 'self' });
    });

    it("a trainee who withdrew consent is no longer the employer's to check in", async () => {
      const leaver = await createUser(api, w.people.admin.token, ['trainee']);
      await api.post(`/api/v1/cohorts/${w.objects.get('cohortId')}/enrollments`, { traineeId: leaver.id }, w.people.admin.token);
      await api.put('/api/v1/me/talent-profile', LISTING, leaver.token);
      await api.post(`/api/v1/career-fairs/${today}/registrations`, undefined, leaver.token);
      const slotId = await slot(today, w.people.employer, 4.5 * HOUR);
      const booking = await book(slotId, leaver);
      const employerSees = async () => ((await api.get(`/api/v1/career-fairs/${today}/slots?limit=100`, w.people.employer.token)).body.items as Array<{ id: string; bookingId: string | null }>).find((s) => s.id === slotId);
      expect((await employerSees())?.bookingId).toBe(booking);
      // Withdrawal during the fair: meetings not yet begun are cancelled with it.
      expect((await api.post('/api/v1/me/talent-profile/withdraw', undefined, leaver.token)).status).toBe(200);
      expect((await api.post(`/api/v1/fair-bookings/${booking}/check-in`, undefined, w.people.employer.token)).status).toBe(404);
      expect((await employerSees())?.bookingId).toBeNull();
    });
  });

  describe('a first listing racing an evidence refresh', () => {
    it('the refresh waits for the listing and writes the evidence as it is after the change', async () => {
      const trainee = await createUser(api, w.people.admin.token, ['trainee']);
      await api.post(`/api/v1/cohorts/${w.objects.get('cohortId')}/enrollments`, { traineeId: trainee.id }, w.people.admin.token);
      const reader = t.get<TalentEvidenceReader>(TalentEvidenceReader);
      const real = reader.of.bind(reader);
      let reached!: () => void;
      const listingRead = new Promise<void>((resolve) => (reached = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let armed = true;
      let changed = false;
      // The listing reads the evidence as it was, then pauses (still in its transaction) while a new
      // pass is announced and its refresh runs; every later read sees the new skill.
      const spy = jest.spyOn(reader, 'of').mockImplementation(async (traineeId: string): Promise<TalentEvidence | null> => {
        const now = await real(traineeId);
        if (traineeId !== trainee.id || !now) return now;
        if (armed) {
          armed = false;
          reached();
          await gate;
          return now;
        }
        return changed ? { ...now, skills: [...now.skills, { code: 'RACE-NEW-01', name: 'Proved meanwhile', evidence: [] }] } : now;
      });
      const inTransaction = <T>(work: () => Promise<T>) => t.get<ClsService>(ClsService).run(() => t.get<AppTransactionHost>(AppTransactionHost).withTransaction(work));
      try {
        const listing = inTransaction(() => t.get<TalentProfiles>(TalentProfiles).listMe(trainee.id, { statement: '', availability: 'immediately', preferredRoles: [] }));
        await listingRead;
        changed = true;
        let refreshed: boolean | undefined;
        const refresh = inTransaction(() => t.get<SearchableEvidence>(SearchableEvidence).refresh(trainee.id)).then((result) => (refreshed = result));
        // Either the refresh is done already (no lock: it found no profile and did nothing), or it waits on the listing's lock.
        await waitFor(async () => {
          if (refreshed !== undefined) return true;
          const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
          return row.n > 0 ? true : undefined;
        }, { what: 'the refresh to finish or to wait for the listing', timeoutMs: 20_000 });
        release();
        await listing;
        await refresh;
        expect(refreshed).toBe(true);
        const [row] = await t.dataSource.query('SELECT skill_codes FROM talent_profile WHERE trainee_id = $1', [trainee.id]);
        expect(row.skill_codes).toContain('RACE-NEW-01');
      } finally {
        release();
        spy.mockRestore();
      }
    });
  });
});
