import { Injectable } from '@nestjs/common';
import { AppTransactionHost, isUniqueViolation, postgresCode, Transactional } from '@gds/database';
import { conflict, decodeMicrosecondCursor, hasRole, microsecondKey, notFound, Page, PageQuery, Principal, toPage, unprocessable } from '@gds/http';
import { Outbox } from '@gds/queue';
import { UserDirectory } from '../identity/identity.module';
import { OrganisationDirectory } from '../organisation/organisation-directory.contract';
import { CareerFairs } from './career-fairs.service';
import { EmployerAccessLog } from './employer-access-log.service';
import type { EmployerActor } from './employer-scope.service';
import type { FairBookingView, FairRegistrationView, FairSlotView, PublishSlotDto } from './dto/career-fair.dto';

const PG_EXCLUSION_VIOLATION = '23P01';

interface CancelledBooking {
  id: string;
  slot_id: string;
  fair_id: string;
  trainee_id: string;
}
const CANCELLED_COLUMNS = 'id, slot_id, fair_id, trainee_id';

interface SlotRow {
  id: string;
  fair_id: string;
  organisation_id: string;
  starts_at: Date;
  ends_at: Date;
  booked_by: string | null;
  booking_id?: string | null;
  booker_checked_in_at?: Date | null;
}

/**
 * Meeting slots and one-to-one bookings. No clash is checked in the app alone: the database
 * refuses a second booking of a slot (unique) and two overlapping bookings of a trainee
 * (exclusion constraint), so concurrent requests cannot both win.
 */
@Injectable()
export class FairBookings {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly fairs: CareerFairs,
    private readonly users: UserDirectory,
    private readonly organisations: OrganisationDirectory,
    private readonly accessLog: EmployerAccessLog,
    private readonly outbox: Outbox,
  ) {}

  @Transactional()
  async publish(principal: Principal, actor: EmployerActor, fairId: string, input: PublishSlotDto): Promise<FairSlotView> {
    const fair = await this.fairs.visible(principal, fairId);
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) throw unprocessable('slot-ends-before-start', 'endsAt must be after startsAt.', { errors: [{ field: 'endsAt', message: 'must be after startsAt' }] });
    if (startsAt < fair.startsAt || endsAt > fair.endsAt) throw unprocessable('slot-outside-fair', `A slot lies within the fair (${fair.startsAt.toISOString()} to ${fair.endsAt.toISOString()}).`, { errors: [{ field: 'startsAt', message: 'is outside the fair' }] });
    const [row]: SlotRow[] = await this.txHost.tx.query(
      `INSERT INTO fair_slot (fair_id, organisation_id, starts_at, ends_at, created_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, fair_id, organisation_id, starts_at, ends_at, NULL::uuid AS booked_by`,
      [fairId, actor.organisationId, startsAt, endsAt, actor.employerId],
    );
    return (await this.views([row], principal, actor.organisationId))[0];
  }

  /**
   * One page of the fair's slots by (starts_at, id): an employer sees their organisation's (with who
   * booked), a trainee or admin every slot (available or not, and their own). Read through
   * fair_slot_fair_idx, or fair_slot_organisation_keyset_idx for an employer; many slots share a
   * start time, so the id breaks ties.
   */
  async slots(principal: Principal, fairId: string, employerOrganisationId: string | null, query: PageQuery): Promise<Page<FairSlotView>> {
    const after = decodeMicrosecondCursor(query.cursor);
    await this.fairs.visible(principal, fairId);
    const onlyOwn = !hasRole(principal, 'admin', 'trainee') && employerOrganisationId;
    const rows: Array<SlotRow & { cursor_at: string }> = await this.txHost.tx.query(
      `SELECT s.id, s.fair_id, s.organisation_id, s.starts_at, s.ends_at, b.trainee_id AS booked_by, b.id AS booking_id, r.checked_in_at AS booker_checked_in_at,
              ${microsecondKey('s.starts_at')} AS cursor_at
         FROM fair_slot s LEFT JOIN fair_booking b ON b.slot_id = s.id
         LEFT JOIN career_fair_registration r ON r.fair_id = b.fair_id AND r.trainee_id = b.trainee_id
        WHERE s.fair_id = $1 AND ($2::uuid IS NULL OR s.organisation_id = $2)
          AND ($3::timestamptz IS NULL OR (s.starts_at, s.id) > ($3::timestamptz, $4::uuid))
        ORDER BY s.starts_at, s.id LIMIT $5`,
      [fairId, onlyOwn ? employerOrganisationId : null, after?.at ?? null, after?.id ?? null, query.limit + 1],
    );
    const page = toPage(rows, query.limit, (r) => ({ at: r.cursor_at, id: r.id }));
    return { items: await this.views(page.items, principal, employerOrganisationId), nextCursor: page.nextCursor };
  }

  @Transactional()
  async book(principal: Principal, slotId: string): Promise<FairBookingView> {
    const [slot]: SlotRow[] = await this.txHost.tx.query('SELECT id, fair_id, organisation_id, starts_at, ends_at, NULL AS booked_by FROM fair_slot WHERE id = $1', [slotId]);
    if (!slot) throw notFound('Slot');
    await this.fairs.visible(principal, slot.fair_id).catch(() => {
      throw notFound('Slot');
    });
    await this.fairs.registration(slot.fair_id, principal.userId);
    // Consent: only a listed trainee meets employers, and the profile row's lock makes a concurrent
    // withdrawal wait and then cancel this booking. FOR NO KEY UPDATE (not FOR SHARE) also queues the
    // trainee's other bookings behind this one: the exclusion constraint then never waits on another
    // booking in progress, and such waits, crossed with the slot's unique-index waits, made deadlock
    // cycles under a burst of concurrent bookings.
    const listed: unknown[] = await this.txHost.tx.query('SELECT 1 FROM talent_profile WHERE trainee_id = $1 AND listed FOR NO KEY UPDATE', [principal.userId]);
    if (listed.length === 0) throw unprocessable('talent-profile-not-listed', 'Fair meetings are for listed trainees: list your talent profile again (PUT /api/v1/me/talent-profile) to book.');
    if (slot.starts_at <= new Date()) throw unprocessable('slot-started', 'This slot has started; book a later one.');
    try {
      const [booking]: Array<{ id: string }> = await this.txHost.tx.query(
        `INSERT INTO fair_booking (slot_id, fair_id, trainee_id, during) VALUES ($1, $2, $3, tstzrange($4, $5)) RETURNING id`,
        [slot.id, slot.fair_id, principal.userId, slot.starts_at, slot.ends_at],
      );
      return { id: booking.id, slotId: slot.id, fairId: slot.fair_id, startsAt: slot.starts_at.toISOString(), endsAt: slot.ends_at.toISOString() };
    } catch (error) {
      if (isUniqueViolation(error, 'fair_booking_slot_once')) throw conflict('slot-taken', 'Someone booked this slot already; choose another.');
      if (postgresCode(error) === PG_EXCLUSION_VIOLATION) throw conflict('booking-clash', 'You have a meeting booked at that time already.');
      throw error;
    }
  }

  /**
   * The trainee cancels their own meeting before it starts, or an admin anyone's: the booking goes,
   * so the slot is free for someone else at once, and the employer who published the slot is told
   * (and the trainee, when staff cancelled), in the same transaction. Another's booking (or one
   * already cancelled) is not there for a trainee (404); a meeting that has started or passed stays
   * as it was (409), and nobody is told anything.
   */
  @Transactional()
  async cancel(principal: Principal, bookingId: string): Promise<void> {
    const byAdmin = hasRole(principal, 'admin');
    const deleted: CancelledBooking[] = (await this.txHost.tx.query(
      `DELETE FROM fair_booking WHERE id = $1 AND ($3 OR trainee_id = $2) AND lower(during) > now() RETURNING ${CANCELLED_COLUMNS}`,
      [bookingId, principal.userId, byAdmin],
    ))[0];
    if (deleted.length > 0) {
      await this.tellOfCancelled(deleted, byAdmin && deleted[0].trainee_id !== principal.userId ? 'admin' : 'trainee');
      return;
    }
    const kept: unknown[] = await this.txHost.tx.query('SELECT 1 FROM fair_booking WHERE id = $1 AND ($3 OR trainee_id = $2)', [bookingId, principal.userId, byAdmin]);
    if (kept.length === 0) throw notFound('Booking');
    throw conflict('meeting-started', 'This meeting has started or passed, so it can no longer be cancelled.');
  }

  /**
   * Cancels the trainee's meetings not yet begun, as withdrawal of consent does (inside the caller's
   * transaction), and tells each slot's employer that the time is free, without the trainee's name
   * and in the words of a plain cancellation by the candidate (no reason): consent to be seen by
   * employers is what was withdrawn, so the notice must not say so.
   */
  async cancelUpcomingOf(traineeId: string): Promise<void> {
    const deleted: CancelledBooking[] = (await this.txHost.tx.query(
      `DELETE FROM fair_booking WHERE trainee_id = $1 AND lower(during) > now() RETURNING ${CANCELLED_COLUMNS}`,
      [traineeId],
    ))[0];
    await this.tellOfCancelled(deleted, 'withdrawal');
  }

  /**
   * One `fair-meeting-cancelled` notice per booking through the outbox (in-app and email as each
   * person's preferences say): to the employer who published the slot, and to the trainee when staff
   * cancelled. The trainee is named to the employer only while listed (their consent), and only
   * while the employer still acts for the slot's organisation.
   */
  private async tellOfCancelled(bookings: CancelledBooking[], by: 'trainee' | 'admin' | 'withdrawal'): Promise<void> {
    if (bookings.length === 0) return;
    const slots: Array<{ id: string; organisation_id: string; created_by: string; starts_at: Date; fair_name: string }> = await this.txHost.tx.query(
      `SELECT s.id, s.organisation_id, s.created_by, s.starts_at, f.name AS fair_name FROM fair_slot s JOIN career_fair f ON f.id = s.fair_id WHERE s.id = ANY($1::uuid[])`,
      [bookings.map((b) => b.slot_id)],
    );
    const slotOf = new Map(slots.map((s) => [s.id, s]));
    const names = new Map((await this.organisations.findByIds(slots.map((s) => s.organisation_id))).map((o) => [o.id, o.name]));
    const listed = by === 'withdrawal' ? [] : ((await this.txHost.tx.query(
      'SELECT trainee_id FROM talent_profile WHERE trainee_id = ANY($1::uuid[]) AND listed', [bookings.map((b) => b.trainee_id)],
    )) as Array<{ trainee_id: string }>);
    const people = new Map((await this.users.findByIds(listed.map((l) => l.trainee_id))).map((p) => [p.id, p.displayName]));
    // The name goes only to a publisher who still is an active employer of the slot's organisation
    // (one who left it, or was deactivated, is told the time is free, as reminders tell them, unnamed).
    const organisationOf = new Map<string, string | null>();
    if (people.size > 0) for (const id of new Set(slots.map((s) => s.created_by))) organisationOf.set(id, await this.users.employerOrganisationOf(id));
    await this.outbox.publishMany('notify', bookings.map((booking) => {
      const slot = slotOf.get(booking.slot_id)!;
      const named = people.has(booking.trainee_id) && organisationOf.get(slot.created_by) === slot.organisation_id;
      return {
        payload: {
          type: 'fair-meeting-cancelled' as const,
          // A booking is cancelled once (its row goes), so its id keys the notice.
          eventKey: `fair-meeting-cancelled:${booking.id}`,
          recipientIds: by === 'admin' ? [slot.created_by, booking.trainee_id] : [slot.created_by],
          data: {
            bookingId: booking.id, fairId: booking.fair_id, fairName: slot.fair_name, organisationName: names.get(slot.organisation_id) ?? '',
            // A withdrawal reads as the candidate's own cancellation: a reason ("no longer listed") would
            // tell the employer who withdrew consent. No traineeId either (the fan-out would add the name).
            startsAt: new Date(slot.starts_at).toISOString(), cancelledBy: by === 'withdrawal' ? 'trainee' : by,
            ...(named ? { traineeName: people.get(booking.trainee_id) } : {}),
          },
        },
      };
    }));
  }

  /**
   * Checks in the trainee who booked a meeting: by an employer of the organisation whose slot it is
   * (while the trainee is listed: their consent is what lets the employer see them), or an admin.
   * Anyone else, another organisation's employer included, finds no such booking (404).
   */
  @Transactional()
  async checkIn(principal: Principal, bookingId: string, employerOrganisationId: string | null): Promise<FairRegistrationView> {
    const asAdmin = hasRole(principal, 'admin');
    const [booking]: Array<{ fair_id: string; trainee_id: string; organisation_id: string }> = await this.txHost.tx.query(
      `SELECT b.fair_id, b.trainee_id, s.organisation_id FROM fair_booking b JOIN fair_slot s ON s.id = b.slot_id
        WHERE b.id = $1 AND ($2::boolean OR (s.organisation_id = $3::uuid
          AND EXISTS (SELECT 1 FROM talent_profile p WHERE p.trainee_id = b.trainee_id AND p.listed)))`,
      [bookingId, asAdmin, employerOrganisationId],
    );
    if (!booking) throw notFound('Booking');
    const fair = await this.fairs.visible(principal, booking.fair_id).catch(() => {
      throw notFound('Booking');
    });
    if (!asAdmin && employerOrganisationId) {
      await this.accessLog.record({ employerId: principal.userId, organisationId: employerOrganisationId, organisationName: '' }, 'fair_check_in', [booking.trainee_id], { fairId: booking.fair_id });
    }
    return this.fairs.recordCheckIn(fair, booking.trainee_id, principal.userId, asAdmin ? 'admin' : 'employer');
  }

  private async views(rows: SlotRow[], principal: Principal, organisationId: string | null): Promise<FairSlotView[]> {
    const names = new Map((await this.organisations.findByIds(rows.map((r) => r.organisation_id))).map((o) => [o.id, o.name]));
    const booked = rows.filter((r) => r.booked_by && r.organisation_id === organisationId);
    // A trainee who withdrew their profile withdrew consent: their name leaves the employer's slots.
    const listed: Array<{ trainee_id: string }> = booked.length === 0 ? [] : await this.txHost.tx.query(
      'SELECT trainee_id FROM talent_profile WHERE trainee_id = ANY($1::uuid[]) AND listed', [booked.map((r) => r.booked_by!)],
    );
    const listedIds = new Set(listed.map((l) => l.trainee_id));
    const mine = booked.filter((r) => listedIds.has(r.booked_by!));
    const people = new Map((await this.users.findByIds(mine.map((r) => r.booked_by!))).map((p) => [p.id, p.displayName]));
    if (organisationId && mine.length > 0) {
      await this.accessLog.record({ employerId: principal.userId, organisationId, organisationName: '' }, 'fair_slots', mine.map((r) => r.booked_by!), { fairId: rows[0].fair_id });
    }
    return rows.map((r) => ({
      id: r.id,
      fairId: r.fair_id,
      organisationId: r.organisation_id,
      organisationName: names.get(r.organisation_id) ?? '',
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: new Date(r.ends_at).toISOString(),
      available: r.booked_by === null,
      bookedByMe: r.booked_by === principal.userId,
      bookedByName: r.booked_by && r.organisation_id === organisationId && listedIds.has(r.booked_by) ? (people.get(r.booked_by) ?? '') : null,
      bookingId: r.booked_by && (r.booked_by === principal.userId || (r.organisation_id === organisationId && listedIds.has(r.booked_by))) ? (r.booking_id ?? null) : null,
      bookerCheckedInAt: r.booked_by && r.organisation_id === organisationId && listedIds.has(r.booked_by) && r.booker_checked_in_at ? new Date(r.booker_checked_in_at).toISOString() : null,
    }));
  }
}
