import { Injectable } from '@nestjs/common';
import { EnrollmentDirectory, EnrollmentRef } from '../cohort/enrollment-directory.contract';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { asFrozen, FrozenAssessment } from './frozen-assessment';

export interface TraineeAssessment {
  enrollment: EnrollmentRef;
  moduleId: string;
  frozen: FrozenAssessment;
  /** When the assessment is due for this enrollment, or null when it has no due date. */
  dueAt: Date | null;
}

/**
 * Finds, for a trainee, the enrollment whose course version contains an assessment (an active one
 * first, else a completed one: a trainee who finished keeps reading their work), and the assessment
 * as that version froze it. Withdrawn enrollments give no access.
 */
@Injectable()
export class TraineeEnrollments {
  constructor(
    private readonly enrollments: EnrollmentDirectory,
    private readonly versions: PublishedCourseVersions,
  ) {}

  async locate(traineeId: string, assessmentId: string): Promise<TraineeAssessment | null> {
    const all = await this.enrollments.enrollmentsOf(traineeId);
    const candidates = [...all.filter((e) => e.status === 'active'), ...all.filter((e) => e.status === 'completed')];
    for (const enrollment of candidates) {
      const found = await this.inEnrollment(enrollment, assessmentId);
      if (found) return found;
    }
    return null;
  }

  /** The frozen copy names its module: one indexed read, never the whole outline (this is on every submission). */
  async inEnrollment(enrollment: EnrollmentRef, assessmentId: string): Promise<TraineeAssessment | null> {
    const frozen = asFrozen(await this.versions.getFrozenAssessment(enrollment.courseVersionId, assessmentId));
    if (!frozen) return null;
    return { enrollment, moduleId: frozen.moduleId, frozen, dueAt: await this.dueAt(enrollment, frozen.moduleId, frozen.dueOffsetDays) };
  }

  /** Due date: offset days after the module unlocks for the enrollment, or after the cohort start. */
  async dueAt(enrollment: EnrollmentRef, moduleId: string, dueOffsetDays: number | null): Promise<Date | null> {
    if (dueOffsetDays === null) return null;
    const from = (await this.enrollments.moduleUnlockAt(enrollment.enrollmentId, moduleId)) ?? enrollment.cohortStartsAt;
    return new Date(new Date(from).getTime() + dueOffsetDays * 86_400_000);
  }
}
