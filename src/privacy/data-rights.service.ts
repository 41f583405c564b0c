import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { IdentityPersonalData } from '../identity/identity.module';
import { CohortPersonalData } from '../cohort/cohort.module';
import { AssessmentPersonalData } from '../assessment/assessment.module';
import { CertificationPersonalData } from '../certification/certification.module';
import { NotificationPersonalData } from '../notification/notification.module';
import { PlacementPersonalData } from '../reporting/reporting.module';
import { TalentPipeline } from '../talent/talent-pipeline.contract';
import type { DataExportView } from './dto/data-rights.dto';

/**
 * Trainees' data rights across modules, each asked through its exported personal-data service:
 * the export of everything held about a person, and erasure on request (pseudonymisation that
 * leaves every aggregate as it was).
 */
@Injectable()
export class DataRights {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly identity: IdentityPersonalData,
    private readonly cohorts: CohortPersonalData,
    private readonly assessments: AssessmentPersonalData,
    private readonly certificates: CertificationPersonalData,
    private readonly notifications: NotificationPersonalData,
    private readonly placements: PlacementPersonalData,
    private readonly talent: TalentPipeline,
  ) {}

  /** One consistent read (a repeatable-read transaction), so the sections agree with each other. */
  async exportFor(userId: string): Promise<DataExportView> {
    return this.txHost.withTransaction({ isolationLevel: 'REPEATABLE READ' }, async () => ({
      exportedAt: new Date().toISOString(),
      identity: await this.identity.exportFor(userId),
      cohorts: await this.cohorts.exportFor(userId),
      assessments: await this.assessments.exportFor(userId),
      certificates: await this.certificates.exportFor(userId),
      notifications: await this.notifications.exportFor(userId),
      placements: await this.placements.exportFor(userId),
      talent: await this.talent.exportFor(userId),
    }));
  }

  /** All or nothing: identity checks first (trainee, not the last admin, not erased yet), then every module. */
  @Transactional()
  async erase(userId: string, actorId: string, reason: string): Promise<{ userId: string; erasedAt: string }> {
    const erasedAt = await this.identity.eraseFor(userId, actorId, reason);
    await this.cohorts.eraseFor(userId);
    await this.assessments.eraseFor(userId);
    await this.certificates.eraseFor(userId);
    await this.notifications.eraseFor(userId);
    await this.placements.eraseFor(userId);
    await this.talent.eraseFor(userId);
    return { userId, erasedAt: new Date(erasedAt).toISOString() };
  }
}
