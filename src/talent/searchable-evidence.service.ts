import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler } from '@gds/queue';
import { TalentEvidenceReader } from './talent-evidence.service';
import { lockTalentProfile } from './talent-profile-lock';

/**
 * Keeps a profile's searchable copy of the evidence (skills, certified courses) true to what the
 * trainee has proven now. The assessment and certification modules announce `trainee-evidence-changed`
 * (a pass stored, a certificate issued or revoked) through the outbox; this re-reads the evidence
 * through their contracts, so search never matches a revoked certificate or misses a new skill.
 */
@Injectable()
export class SearchableEvidence {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly evidence: TalentEvidenceReader,
  ) {}

  @JobHandler('trainee-evidence-changed')
  async handle(job: HandledJob<'trainee-evidence-changed'>): Promise<void> {
    await this.refresh(job.data.traineeId);
  }

  /**
   * Idempotent: writes the evidence as it is when it runs. Most trainees have no profile, and a
   * withdrawn one is read again in full when it is listed again: both are left alone. The
   * trainee's profile lock is taken first (as TalentProfiles.listMe does), so a save racing this
   * one, a first listing included, cannot write an older copy after it.
   */
  @Transactional()
  async refresh(traineeId: string): Promise<boolean> {
    await lockTalentProfile(this.txHost.tx, traineeId);
    const [profile]: Array<{ listed: boolean }> = await this.txHost.tx.query('SELECT listed FROM talent_profile WHERE trainee_id = $1 FOR UPDATE', [traineeId]);
    if (!profile?.listed) return false;
    const now = await this.evidence.of(traineeId);
    const skillCodes = now ? now.skills.map((s) => s.code) : [];
    const courseCodes = now ? [...new Set(now.certificates.map((c) => c.courseCode))] : [];
    await this.txHost.tx.query(
      `UPDATE talent_profile SET skill_codes = $2, certified_course_codes = $3, updated_at = now()
        WHERE trainee_id = $1 AND (skill_codes IS DISTINCT FROM $2::text[] OR certified_course_codes IS DISTINCT FROM $3::text[])`,
      [traineeId, skillCodes, courseCodes],
    );
    return true;
  }
}
