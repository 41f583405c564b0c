import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { addLocalDays, DEFAULT_TIME_ZONE, localDate } from '@gds/time';
import { UserDirectory } from '../identity/identity.module';
import { EnrollmentDirectory, EnrollmentRef } from '../cohort/enrollment-directory.contract';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { TraineeEnrollments } from './trainee-enrollments.service';

const PAGE_SIZE = 500;

/**
 * Hourly: tells each trainee that an assessment they have not submitted is due today or tomorrow
 * in the trainee's own time zone (so at most 48 hours ahead, and "tomorrow" is their tomorrow),
 * against the due date in force for them (an extension granted through the exceptions route counts).
 * The reminder row (primary key enrollment + assessment) remembers the due date reminded of: once
 * per due date, so a trainee whose date was extended after the first reminder is reminded again
 * when the new date nears.
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
    private readonly users: UserDirectory,
  ) {}

  @JobHandler('scan-deadlines')
  async handle(_job: HandledJob<'scan-deadlines'>): Promise<{ reminded: number }> {
    let reminded = 0;
    const now = new Date();
    // Pages of active enrollments of running cohorts, from the cohort module, by enrollment id.
    for (let after: string | null = null; ; ) {
      const page = await this.enrollments.activeEnrollmentsOfRunningCohorts(after, PAGE_SIZE);
      const zones = new Map((await this.users.findByIds([...new Set(page.map((e) => e.traineeId))])).map((p) => [p.id, p.timeZone]));
      for (const enrollment of page) reminded += await this.scanEnrollment(enrollment, now, zones.get(enrollment.traineeId));
      if (page.length < PAGE_SIZE) break;
      after = page[page.length - 1].enrollmentId;
    }
    if (reminded > 0) this.logger.log({ msg: 'deadline reminders sent', reminded });
    return { reminded };
  }

  /** `zone`: the trainee's (looked up when not given). */
  async scanEnrollment(enrollment: EnrollmentRef, now: Date, zone?: string): Promise<number> {
    const outline = await this.versions.getOutline(enrollment.courseVersionId);
    if (!outline) return 0;
    const traineeZone = zone ?? (await this.users.findById(enrollment.traineeId))?.timeZone ?? DEFAULT_TIME_ZONE;
    // Day strings (YYYY-MM-DD) compare as dates.
    const lastDay = localDate(addLocalDays(now, 1, traineeZone), traineeZone);
    let reminded = 0;
    for (const module of outline.modules) {
      for (const assessment of module.assessments) {
        const dueAt = await this.trainees.effectiveDueAt(enrollment, module.moduleId, assessment.assessmentId, assessment.dueOffsetDays);
        if (!dueAt || dueAt.getTime() <= now.getTime() || localDate(dueAt, traineeZone) > lastDay) continue;
        if (await this.remind(enrollment, assessment.assessmentId, assessment.title, dueAt)) reminded++;
      }
    }
    return reminded;
  }

  private async remind(enrollment: EnrollmentRef, assessmentId: string, title: string, dueAt: Date): Promise<boolean> {
    return this.txHost.withTransaction(async () => {
      // A row reminded of an earlier date is moved to the later one; `xmax = 0` tells a first reminder from a renewed one.
      const [reminder]: Array<{ first: boolean }> = await this.txHost.tx.query(
        `INSERT INTO deadline_reminder (enrollment_id, assessment_id, due_at)
         SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM submission WHERE enrollment_id = $1 AND assessment_id = $2)
         ON CONFLICT (enrollment_id, assessment_id) DO UPDATE SET due_at = EXCLUDED.due_at, sent_at = now()
           WHERE deadline_reminder.due_at < EXCLUDED.due_at
         RETURNING (xmax = 0) AS first`,
        [enrollment.enrollmentId, assessmentId, dueAt],
      );
      if (!reminder) return false;
      // The first reminder keeps its historic key; a renewed one is a fact of its own, per due date.
      const eventKey = reminder.first ? `deadline:${enrollment.enrollmentId}:${assessmentId}` : `deadline:${enrollment.enrollmentId}:${assessmentId}:${dueAt.getTime()}`;
      await this.outbox.publish('notify', {
        type: 'deadline-approaching', eventKey, recipientIds: [enrollment.traineeId],
        data: { assessmentId, title, assessmentTitle: title, dueAt: dueAt.toISOString(), cohortId: enrollment.cohortId },
      });
      return true;
    });
  }
}
