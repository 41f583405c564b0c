import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { badRequest, decodeCursor, Page, toPage } from '@gds/http';
import { OrganisationDirectory } from '../organisation/organisation-directory.contract';
import type { CheckedInAs } from './career-fair.entity';
import type { FairRegistrationView } from './dto/career-fair.dto';
import type { MyFairBookingView } from './dto/my-fair-schedule.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface BookingRow {
  id: string;
  slot_id: string;
  fair_id: string;
  fair_name: string;
  organisation_id: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_url: string | null;
}

interface RegistrationRow {
  fair_id: string;
  registered_at: Date;
  checked_in_at: Date | null;
  checked_in_as: CheckedInAs | null;
}

/**
 * A trainee's own side of the career fairs across every fair: the fairs they registered for and
 * the meetings they booked. Only ever the caller's rows (the trainee id comes from the token).
 */
@Injectable()
export class MyFairSchedule {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly organisations: OrganisationDirectory,
  ) {}

  /** The trainee's meetings, soonest first (past ones too: they stay as history). */
  async bookings(traineeId: string, query: { limit: number; cursor?: string }): Promise<Page<MyFairBookingView>> {
    const after = this.position(query.cursor);
    const rows: BookingRow[] = await this.txHost.tx.query(
      `SELECT b.id, b.slot_id, b.fair_id, f.name AS fair_name, s.organisation_id, s.starts_at, s.ends_at, f.place, f.online_url
         FROM fair_booking b JOIN fair_slot s ON s.id = b.slot_id JOIN career_fair f ON f.id = b.fair_id
        WHERE b.trainee_id = $1 ${after ? 'AND (s.starts_at, b.id) > ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY s.starts_at, b.id LIMIT $2`,
      [traineeId, query.limit + 1, ...(after ? [after.at, after.id] : [])],
    );
    const names = new Map((await this.organisations.findByIds([...new Set(rows.map((r) => r.organisation_id))])).map((o) => [o.id, o.name]));
    const views = rows.map((r) => ({
      id: r.id,
      slotId: r.slot_id,
      fairId: r.fair_id,
      fairName: r.fair_name,
      organisationId: r.organisation_id,
      organisationName: names.get(r.organisation_id) ?? '',
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      place: r.place,
      onlineUrl: r.online_url,
    }));
    return toPage(views, query.limit, (v) => ({ at: v.startsAt, id: v.id }));
  }

  /** The fairs the trainee registered for, by the fair's start. */
  async registrations(traineeId: string, query: { limit: number; cursor?: string }): Promise<Page<FairRegistrationView>> {
    const after = this.position(query.cursor);
    const rows: Array<RegistrationRow & { starts_at: Date }> = await this.txHost.tx.query(
      `SELECT r.fair_id, r.registered_at, r.checked_in_at, r.checked_in_as, f.starts_at
         FROM career_fair_registration r JOIN career_fair f ON f.id = r.fair_id
        WHERE r.trainee_id = $1 ${after ? 'AND (f.starts_at, r.fair_id) > ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY f.starts_at, r.fair_id LIMIT $2`,
      [traineeId, query.limit + 1, ...(after ? [after.at, after.id] : [])],
    );
    const views = rows.map((r) => ({
      view: { fairId: r.fair_id, traineeId, registeredAt: r.registered_at.toISOString(), checkedInAt: r.checked_in_at?.toISOString() ?? null, checkedInAs: r.checked_in_as },
      at: r.starts_at.toISOString(),
    }));
    const page = toPage(views, query.limit, (v) => ({ at: v.at, id: v.view.fairId }));
    return { items: page.items.map((v) => v.view), nextCursor: page.nextCursor };
  }

  /** A cursor's position, checked before it reaches SQL: a forged one is a 400, not a failed cast. */
  private position(cursor: string | undefined): { at: string; id: string } | undefined {
    const after = decodeCursor<{ at: string; id: string }>(cursor, ['at', 'id']);
    if (after && (Number.isNaN(Date.parse(after.at)) || !UUID.test(after.id))) {
      throw badRequest('invalid-cursor', 'The cursor is not one this API issued.', [{ field: 'cursor', message: 'is invalid' }]);
    }
    return after;
  }
}
