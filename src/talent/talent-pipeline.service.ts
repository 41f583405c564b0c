import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { PipelineHire, PipelineStages, TalentPersonalDataExport, TalentPipeline } from './talent-pipeline.contract';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The TalentPipeline contract over the module's own tables. */
@Injectable()
export class TalentPipelineService extends TalentPipeline {
  constructor(private readonly txHost: AppTransactionHost) {
    super();
  }

  async exportFor(traineeId: string): Promise<TalentPersonalDataExport> {
    const q = (sql: string) => this.txHost.tx.query(sql, [traineeId]);
    const [profile] = await q(
      `SELECT listed, statement, availability, preferred_roles AS "preferredRoles", track_code AS "trackCode", skill_codes AS "skillCodes",
              certified_course_codes AS "certifiedCourseCodes", listed_at AS "listedAt", withdrawn_at AS "withdrawnAt"
         FROM talent_profile WHERE trainee_id = $1`,
    );
    const views: Array<{ organisationId: string; at: Date }> = await q(`SELECT organisation_id AS "organisationId", at FROM employer_access WHERE trainee_id = $1 AND action = 'profile_view' ORDER BY at`);
    const shortlists: Array<{ organisationId: string; roleTitle: string; createdAt: Date }> = await q(
      `SELECT organisation_id AS "organisationId", role_title AS "roleTitle", created_at AS "createdAt" FROM shortlist_entry WHERE trainee_id = $1 ORDER BY created_at`,
    );
    const requests: Array<Record<string, unknown>> = await q(
      `SELECT r.id, r.organisation_id AS "organisationId", r.role_title AS "roleTitle", r.message, r.state, r.stage, r.created_at AS "createdAt", r.answered_at AS "answeredAt",
              COALESCE((SELECT json_agg(json_build_object('stage', o.stage, 'recordedAt', o.recorded_at) ORDER BY o.recorded_at) FROM interview_outcome o WHERE o.request_id = r.id), '[]') AS outcomes
         FROM interview_request r WHERE r.trainee_id = $1 ORDER BY r.created_at`,
    );
    return {
      profile: profile ? { ...profile, listedAt: iso(profile.listedAt), withdrawnAt: iso(profile.withdrawnAt) } : null,
      profileViews: views.map((v) => ({ organisationId: v.organisationId, at: iso(v.at)! })),
      shortlists: shortlists.map((s) => ({ ...s, createdAt: iso(s.createdAt)! })),
      interviewRequests: requests.map((r) => ({ ...r, createdAt: iso(r.createdAt as Date), answeredAt: iso(r.answeredAt as Date | null) })),
    };
  }

  async hire(interviewRequestId: string): Promise<PipelineHire | null> {
    const rows: PipelineHire[] = await this.txHost.tx.query(
      `SELECT r.id AS "interviewRequestId", r.trainee_id AS "traineeId", p.cohort_id AS "cohortId", r.organisation_id AS "organisationId",
              r.role_title AS "roleTitle", o.recorded_at AS "hiredAt", o.recorded_by AS "recordedBy"
         FROM interview_request r JOIN interview_outcome o ON o.request_id = r.id AND o.stage = 'hired'
         JOIN talent_profile p ON p.trainee_id = r.trainee_id
        WHERE r.id = $1`,
      [interviewRequestId],
    );
    return rows[0] ?? null;
  }

  /** One statement (one round trip, one pool connection) for the five stages: a cohort report asks about 10,000 trainees. */
  async stagesOf(traineeIds: string[]): Promise<PipelineStages> {
    const stages: PipelineStages = { listed: [], viewed: [], shortlisted: [], interviewed: [], hired: [] };
    if (traineeIds.length === 0) return stages;
    const rows: Array<{ stage: keyof PipelineStages; id: string }> = await this.txHost.tx.query(
      `WITH asked AS (SELECT DISTINCT unnest($1::uuid[]) AS id)
       SELECT 'listed' AS stage, p.trainee_id AS id FROM talent_profile p JOIN asked a ON a.id = p.trainee_id WHERE p.listed_at IS NOT NULL
       UNION ALL
       SELECT 'viewed', a.id FROM asked a WHERE EXISTS (SELECT 1 FROM employer_access v WHERE v.trainee_id = a.id AND v.action = 'profile_view')
       UNION ALL
       SELECT 'shortlisted', a.id FROM asked a WHERE EXISTS (SELECT 1 FROM shortlist_entry s WHERE s.trainee_id = a.id)
       UNION ALL
       SELECT o.stage, r.trainee_id FROM interview_request r JOIN interview_outcome o ON o.request_id = r.id AND o.stage IN ('interviewed', 'hired')
        WHERE r.trainee_id IN (SELECT id FROM asked) GROUP BY o.stage, r.trainee_id`,
      [traineeIds],
    );
    for (const r of rows) stages[r.stage].push(r.id);
    return stages;
  }

  async eraseFor(traineeId: string): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE talent_profile SET listed = false, withdrawn_at = COALESCE(withdrawn_at, now()), statement = '', preferred_roles = '{}', updated_at = now() WHERE trainee_id = $1`,
      [traineeId],
    );
    await this.txHost.tx.query(`UPDATE interview_request SET state = 'ended', updated_at = now() WHERE trainee_id = $1 AND state = 'pending'`, [traineeId]);
    await this.txHost.tx.query(`UPDATE interview_request SET message = '' WHERE trainee_id = $1`, [traineeId]);
    await this.txHost.tx.query(`UPDATE interview_outcome SET note = NULL WHERE request_id IN (SELECT id FROM interview_request WHERE trainee_id = $1)`, [traineeId]);
  }
}
