import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { decodeMicrosecondCursor, microsecondKey, Page, PageQuery, toPage } from '@gds/http';
import { ApplicationDecision } from './application.entity';

export interface AuditEntry {
  applicationId: string;
  actorId: string | null;
  action: 'submit' | 'score' | 'shortlist' | 'accept' | 'waitlist' | 'reject' | 'withdraw' | 'promote' | 'promotion-skipped' | 'revert';
  fromStatus: string | null;
  toStatus: string;
  reason?: string | null;
  score?: number | null;
  waitlistRank?: number | null;
  /** Ids of the prerequisite courses an admin waived with this decision. */
  prerequisitesOverridden?: string[] | null;
  /** Ids of the prerequisite courses a passed-over applicant had not completed (`promotion-skipped`). */
  prerequisitesMissing?: string[] | null;
}

/** The audit trail of applications: who did what, when, from which status to which, and why. */
@Injectable()
export class ApplicationAudit {
  constructor(private readonly txHost: AppTransactionHost) {}

  async record(entry: AuditEntry): Promise<string> {
    const [row] = await this.txHost.tx.query(
      `INSERT INTO application_decision (application_id, actor_id, action, from_status, to_status, reason, score, waitlist_rank, prerequisites_overridden, prerequisites_missing)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        entry.applicationId, entry.actorId, entry.action, entry.fromStatus, entry.toStatus, entry.reason ?? null, entry.score ?? null, entry.waitlistRank ?? null,
        entry.prerequisitesOverridden?.length ? entry.prerequisitesOverridden : null,
        entry.prerequisitesMissing?.length ? entry.prerequisitesMissing : null,
      ],
    );
    return row.id;
  }

  /**
   * One page of the trail, oldest first, by (created_at, id) through application_decision_keyset_idx:
   * a trail only grows. The id breaks ties (a decision and the promotion it causes share now()).
   */
  async trailPage(applicationId: string, query: PageQuery): Promise<Page<ApplicationDecision>> {
    const after = decodeMicrosecondCursor(query.cursor);
    const rows: Array<ApplicationDecision & { cursorAt: string }> = await this.txHost.tx.query(
      `SELECT id, application_id AS "applicationId", actor_id AS "actorId", action, from_status AS "fromStatus", to_status AS "toStatus", reason, score,
              waitlist_rank AS "waitlistRank", prerequisites_overridden AS "prerequisitesOverridden", prerequisites_missing AS "prerequisitesMissing",
              created_at AS "createdAt", ${microsecondKey('created_at')} AS "cursorAt"
         FROM application_decision
        WHERE application_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY created_at, id LIMIT $4`,
      [applicationId, after?.at ?? null, after?.id ?? null, query.limit + 1],
    );
    return toPage(rows, query.limit, (r) => ({ at: r.cursorAt, id: r.id }));
  }

  /**
   * The whole trail (the revert of a decision looks back through it), oldest first, in the order of
   * trailPage: by (created_at, id), so decisions sharing a created_at come in one order every time
   * and the revert undoes the one the trail's pages show last.
   */
  async trail(applicationId: string): Promise<ApplicationDecision[]> {
    return this.txHost.tx.getRepository(ApplicationDecision).find({ where: { applicationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
