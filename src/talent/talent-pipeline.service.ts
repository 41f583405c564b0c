import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { TalentPersonalDataExport, TalentPipeline } from './talent-pipeline.contract';

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
}
