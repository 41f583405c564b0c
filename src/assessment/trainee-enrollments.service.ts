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
 * Finds, for a trainee, the active enrollment whose course version contains an assessment, and the
 * assessment as that version froze it. Reading also finds a completed enrollment's: a trainee who
 * finished the course still reads the assessment and their submissions (but attempts no more).
 */
@Injectable()
export class TraineeEnrollments {
  constructor(
    private readonly enrollments: EnrollmentDirectory,
    private readonly versions: PublishedCourseVersions,
  ) {}

  async locate(traineeId: string, assessmentId: string, purpose: 'attempt' | 'read' = 'attempt'): Promise<TraineeAssessment | null> {
    const statuses: Array<EnrollmentRef['status']> = purpose === 'read' ? ['active', 'completed'] : ['active'];
    const candidates = (await this.enrollments.enrollmentsOf(traineeId)).filter((e) => statuses.includes(e.status));
    for (const enrollment of candidates) {
      const found = await this.inEnrollment(enrollment, assessmentId);
      if (found) return found;
    }
    return null;
  }

  async inEnrollment(enrollment: EnrollmentRef, assessmentId: string): Promise<TraineeAssessment | null> {
    const outline = await this.versions.getOutline(enrollment.courseVersionId);
    const module = outline?.modules.find((m) => m.assessments.some((a) => a.assessmentId === assessmentId));
    if (!module) return null;
    const frozen = asFrozen(await this.versions.getFrozenAssessment(enrollment.courseVersionId, assessmentId));
    if (!frozen) return null;
    return { enrollment, moduleId: module.moduleId, frozen, dueAt: await this.dueAt(enrollment, module.moduleId, frozen.dueOffsetDays) };
  }

  /** Due date: offset days after the module unlocks for the enrollment, or after the cohort start. */
  async dueAt(enrollment: EnrollmentRef, moduleId: string, dueOffsetDays: number | null): Promise<Date | null> {
    if (dueOffsetDays === null) return null;
    const from = (await this.enrollments.moduleUnlockAt(enrollment.enrollmentId, moduleId)) ?? enrollment.cohortStartsAt;
    return new Date(new Date(from).getTime() + dueOffsetDays * 86_400_000);
  }
}
