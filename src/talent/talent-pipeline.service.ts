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

  async stagesOf(traineeIds: string[]): Promise<PipelineStages> {
    const ids = [...new Set(traineeIds)];
    const of = async (sql: string): Promise<string[]> => ((await this.txHost.tx.query(sql, [ids])) as Array<{ id: string }>).map((r) => r.id);
    return {
      listed: await of('SELECT trainee_id AS id FROM talent_profile WHERE trainee_id = ANY($1::uuid[]) AND listed_at IS NOT NULL'),
      viewed: await of(`SELECT DISTINCT trainee_id AS id FROM employer_access WHERE trainee_id = ANY($1::uuid[]) AND action = 'profile_view'`),
      shortlisted: await of('SELECT DISTINCT trainee_id AS id FROM shortlist_entry WHERE trainee_id = ANY($1::uuid[])'),
      interviewed: await of(`SELECT DISTINCT r.trainee_id AS id FROM interview_request r JOIN interview_outcome o ON o.request_id = r.id AND o.stage = 'interviewed' WHERE r.trainee_id = ANY($1::uuid[])`),
      hired: await of(`SELECT DISTINCT r.trainee_id AS id FROM interview_request r JOIN interview_outcome o ON o.request_id = r.id AND o.stage = 'hired' WHERE r.trainee_id = ANY($1::uuid[])`),
    };
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
