import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';

/** Reporting's part of a trainee's data rights: their placements; erasure clears the free text (the rates count rows). */
@Injectable()
export class PlacementPersonalData {
  constructor(private readonly txHost: AppTransactionHost) {}

  async exportFor(traineeId: string) {
    return {
      placements: await this.txHost.tx.query(
        `SELECT p.id, p.cohort_id AS "cohortId", p.kind, p.role, p.employer, p.starts_on::text AS "startsOn", p.source, p.created_at AS "createdAt",
                coalesce(json_agg(json_build_object('month', f.month, 'stillInRole', f.still_in_role, 'checkedOn', f.checked_on, 'note', f.note)) FILTER (WHERE f.month IS NOT NULL), '[]') AS "followUps"
           FROM placement p LEFT JOIN placement_follow_up f ON f.placement_id = p.id WHERE p.trainee_id = $1 GROUP BY p.id ORDER BY p.created_at`,
        [traineeId],
      ),
    };
  }

  async eraseFor(traineeId: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE placement SET role = 'erased ' || left(id::text, 8), employer = 'erased' WHERE trainee_id = $1`, [traineeId]);
    await this.txHost.tx.query(`UPDATE placement_follow_up SET note = NULL WHERE placement_id IN (SELECT id FROM placement WHERE trainee_id = $1)`, [traineeId]);
  }
}
