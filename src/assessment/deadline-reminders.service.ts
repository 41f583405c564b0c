import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { EnrollmentDirectory, EnrollmentRef } from '../cohort/enrollment-directory.contract';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { TraineeEnrollments } from './trainee-enrollments.service';

const WINDOW_MS = 48 * 60 * 60 * 1000;
const PAGE_SIZE = 500;

/**
 * Hourly: tells each trainee, once per assessment, that an assessment they have not submitted is
 * due within 48 hours. The reminder row (primary key enrollment + assessment) makes it once.
 */
@Injectable()
export class DeadlineReminders {
  private readonly logger = new Logger(DeadlineReminders.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly enrollments: EnrollmentDirectory,
    private readonly versions: PublishedCourseVersions,
    private readonly trainees: TraineeEnrollments,
  ) {}

  @JobHandler('scan-deadlines')
  async handle(_job: HandledJob<'scan-deadlines'>): Promise<{ reminded: number }> {
    let reminded = 0;
    const now = new Date();
    // Pages of active enrollments of running cohorts, from the cohort module, by enrollment id.
    for (let after: string | null = null; ; ) {
      const page = await this.enrollments.activeEnrollmentsOfRunningCohorts(after, PAGE_SIZE);
      for (const enrollment of page) reminded += await this.scanEnrollment(enrollment, now);
      if (page.length < PAGE_SIZE) break;
      after = page[page.length - 1].enrollmentId;
    }
    if (reminded > 0) this.logger.log({ msg: 'deadline reminders sent', reminded });
    return { reminded };
  }

  async scanEnrollment(enrollment: EnrollmentRef, now: Date): Promise<number> {
    const outline = await this.versions.getOutline(enrollment.courseVersionId);
    if (!outline) return 0;
    let reminded = 0;
    for (const module of outline.modules) {
      for (const assessment of module.assessments) {
        const dueAt = await this.trainees.dueAt(enrollment, module.moduleId, assessment.dueOffsetDays);
        if (!dueAt || dueAt.getTime() <= now.getTime() || dueAt.getTime() - now.getTime() > WINDOW_MS) continue;
        if (await this.remind(enrollment, assessment.assessmentId, assessment.title, dueAt)) reminded++;
      }
    }
    return reminded;
  }

  private async remind(enrollment: EnrollmentRef, assessmentId: string, title: string, dueAt: Date): Promise<boolean> {
    return this.txHost.withTransaction(async () => {
      const inserted: unknown[] = await this.txHost.tx.query(
        `INSERT INTO deadline_reminder (enrollment_id, assessment_id, due_at)
         SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM submission WHERE enrollment_id = $1 AND assessment_id = $2)
         ON CONFLICT DO NOTHING RETURNING enrollment_id`,
        [enrollment.enrollmentId, assessmentId, dueAt],
      );
      if (inserted.length === 0) return false;
      const eventKey = `deadline:${enrollment.enrollmentId}:${assessmentId}`;
      await this.outbox.publish('notify', {
        type: 'deadline-approaching', eventKey, recipientIds: [enrollment.traineeId],
        data: { assessmentId, title, assessmentTitle: title, dueAt: dueAt.toISOString(), cohortId: enrollment.cohortId },
      });
      return true;
    });
  }
}
