import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { decodeCursor, Page, Principal, toPage } from '@gds/http';
import { UserDirectory } from '../identity/identity.module';
import { OrganisationDirectory } from '../organisation/organisation-directory.contract';
import { CareerFairs } from './career-fairs.service';
import type { CheckedInAs } from './career-fair.entity';
import type { FairAttendeeView } from './dto/career-fair.dto';

interface RegistrationRow {
  trainee_id: string;
  registered_at: Date;
  checked_in_at: Date | null;
  checked_in_as: CheckedInAs | null;
}

interface BookingRow {
  id: string;
  trainee_id: string;
  slot_id: string;
  organisation_id: string;
  starts_at: Date;
  ends_at: Date;
}

/**
 * Who registered for a fair, who checked in and whom they meet: the programme staff's view of the
 * day (admins only; employers see their own slots, trainees their own bookings).
 */
@Injectable()
export class FairAttendance {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly fairs: CareerFairs,
    private readonly users: UserDirectory,
    private readonly organisations: OrganisationDirectory,
  ) {}

  /** Registrations by trainee id (a stable keyset), each with its bookings in time order. */
  async attendees(principal: Principal, fairId: string, query: { limit: number; cursor?: string }): Promise<Page<FairAttendeeView>> {
    await this.fairs.visible(principal, fairId);
    const after = decodeCursor<{ id: string }>(query.cursor, ['id']);
    const rows: RegistrationRow[] = await this.txHost.tx.query(
      `SELECT trainee_id, registered_at, checked_in_at, checked_in_as FROM career_fair_registration
        WHERE fair_id = $1 AND ($2::uuid IS NULL OR trainee_id > $2::uuid) ORDER BY trainee_id LIMIT $3`,
      [fairId, after?.id ?? null, query.limit + 1],
    );
    const ids = rows.map((r) => r.trainee_id);
    const bookings: BookingRow[] = ids.length === 0 ? [] : await this.txHost.tx.query(
      `SELECT b.id, b.trainee_id, b.slot_id, s.organisation_id, s.starts_at, s.ends_at FROM fair_booking b JOIN fair_slot s ON s.id = b.slot_id
        WHERE b.fair_id = $1 AND b.trainee_id = ANY($2::uuid[]) ORDER BY s.starts_at, b.slot_id`,
      [fairId, ids],
    );
    const names = new Map((await this.users.findByIds(ids)).map((p) => [p.id, p.displayName]));
    const organisations = new Map((await this.organisations.findByIds([...new Set(bookings.map((b) => b.organisation_id))])).map((o) => [o.id, o.name]));
    const items = rows.map((r) => ({
      traineeId: r.trainee_id,
      displayName: names.get(r.trainee_id) ?? '',
      registeredAt: r.registered_at.toISOString(),
      checkedInAt: r.checked_in_at?.toISOString() ?? null,
      checkedInAs: r.checked_in_as,
      bookings: bookings
        .filter((b) => b.trainee_id === r.trainee_id)
        .map((b) => ({ bookingId: b.id, slotId: b.slot_id, organisationId: b.organisation_id, organisationName: organisations.get(b.organisation_id) ?? '', startsAt: b.starts_at.toISOString(), endsAt: b.ends_at.toISOString() })),
    }));
    return toPage(items, query.limit, (v) => ({ id: v.traineeId }));
  }
}
