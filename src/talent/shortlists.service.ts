import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { decodeCursor, Page, toPage } from '@gds/http';
import { UserDirectory } from '../identity/identity.module';
import { TalentProfiles } from './talent-profiles.service';
import { EmployerAccessLog } from './employer-access-log.service';
import type { EmployerActor } from './employer-scope.service';
import type { ShortlistEntryView } from './dto/shortlist.dto';

interface Row {
  id: string;
  role_title: string;
  trainee_id: string;
  created_at: Date;
}

/** An organisation's shortlists, one per named role; shortlisting a candidate again changes nothing. */
@Injectable()
export class Shortlists {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly profiles: TalentProfiles,
    private readonly users: UserDirectory,
    private readonly accessLog: EmployerAccessLog,
  ) {}

  /** The entry and whether this call made it (the unique index makes a repeat, even a concurrent one, a no-op). */
  @Transactional()
  async add(actor: EmployerActor, roleTitle: string, traineeId: string): Promise<{ entry: ShortlistEntryView; created: boolean }> {
    await this.profiles.listed(traineeId, { forWrite: true });
    const title = roleTitle.trim();
    const inserted: Row[] = await this.txHost.tx.query(
      `INSERT INTO shortlist_entry (organisation_id, role_title, trainee_id, added_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id, lower(role_title), trainee_id) DO NOTHING RETURNING id, role_title, trainee_id, created_at`,
      [actor.organisationId, title, traineeId, actor.employerId],
    );
    const row = inserted[0] ?? (await this.txHost.tx.query(
      `SELECT id, role_title, trainee_id, created_at FROM shortlist_entry WHERE organisation_id = $1 AND lower(role_title) = lower($2) AND trainee_id = $3`,
      [actor.organisationId, title, traineeId],
    ))[0];
    if (inserted[0]) await this.accessLog.record(actor, 'shortlist', [traineeId], { roleTitle: title });
    return { entry: (await this.views([row]))[0], created: !!inserted[0] };
  }

  /** The organisation's entries of candidates still listed, by role then newest; withdrawn candidates drop out at once. */
  async list(actor: EmployerActor, query: { limit: number; cursor?: string; roleTitle?: string }): Promise<Page<ShortlistEntryView>> {
    const after = decodeCursor<{ id: string }>(query.cursor, ['id']);
    const rows: Row[] = await this.txHost.tx.query(
      `SELECT s.id, s.role_title, s.trainee_id, s.created_at FROM shortlist_entry s
         JOIN talent_profile p ON p.trainee_id = s.trainee_id AND p.listed
        WHERE s.organisation_id = $1 AND ($2::text IS NULL OR lower(s.role_title) = lower($2)) AND ($3::uuid IS NULL OR s.id > $3)
        ORDER BY s.id LIMIT $4`,
      [actor.organisationId, query.roleTitle ?? null, after?.id ?? null, query.limit + 1],
    );
    return toPage(await this.views(rows), query.limit, (v) => ({ id: v.id }));
  }

  /** Whether the organisation shortlisted the trainee for any role (fairs let shortlisted trainees register). */
  async isShortlisted(traineeId: string): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query('SELECT 1 FROM shortlist_entry WHERE trainee_id = $1 LIMIT 1', [traineeId]);
    return rows.length > 0;
  }

  private async views(rows: Row[]): Promise<ShortlistEntryView[]> {
    const names = new Map((await this.users.findByIds(rows.map((r) => r.trainee_id))).map((p) => [p.id, p.displayName]));
    return rows.map((r) => ({ id: r.id, roleTitle: r.role_title, traineeId: r.trainee_id, displayName: names.get(r.trainee_id) ?? '', createdAt: new Date(r.created_at).toISOString() }));
  }
}
