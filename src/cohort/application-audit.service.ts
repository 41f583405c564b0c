import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
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

  async trail(applicationId: string): Promise<ApplicationDecision[]> {
    return this.txHost.tx.getRepository(ApplicationDecision).find({ where: { applicationId }, order: { createdAt: 'ASC' } });
  }
}
