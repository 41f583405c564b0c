import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { EmployerAction } from './employer-access.entity';
import type { EmployerActor } from './employer-scope.service';

export interface ProfileViewRow {
  organisationId: string;
  viewedAt: Date;
}

/** The audit of employers' access to the pipeline: written with every employer read and write. */
@Injectable()
export class EmployerAccessLog {
  constructor(private readonly txHost: AppTransactionHost) {}

  async record(actor: EmployerActor, action: EmployerAction, traineeIds: string[] | null, detail: Record<string, unknown> = {}): Promise<void> {
    if (traineeIds === null) {
      await this.txHost.tx.query('INSERT INTO employer_access (employer_id, organisation_id, action, trainee_id, detail) VALUES ($1, $2, $3, NULL, $4)', [
        actor.employerId, actor.organisationId, action, detail,
      ]);
      return;
    }
    if (traineeIds.length === 0) return;
    await this.txHost.tx.query(
      `INSERT INTO employer_access (employer_id, organisation_id, action, trainee_id, detail)
       SELECT $1, $2, $3, t, $5 FROM unnest($4::uuid[]) t`,
      [actor.employerId, actor.organisationId, action, traineeIds, detail],
    );
  }

  /**
   * Which organisations viewed the trainee's profile and when, newest first (keyset on time and id).
   * `atText` is the time at the column's full (microsecond) precision, for the cursor: a JavaScript
   * Date keeps milliseconds only, and a cursor built from one would skip rows between pages.
   */
  async viewsOf(traineeId: string, limit: number, after?: { at: string; id: string }): Promise<Array<{ id: string; organisationId: string; at: Date; atText: string }>> {
    return this.txHost.tx.query(
      `SELECT id, organisation_id AS "organisationId", at, at::text AS "atText" FROM employer_access
        WHERE trainee_id = $1 AND action = 'profile_view' ${after ? 'AND (at, id) < ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY at DESC, id DESC LIMIT $2`,
      after ? [traineeId, limit, after.at, after.id] : [traineeId, limit],
    );
  }
}
