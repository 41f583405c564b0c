import { randomUUID } from 'node:crypto';
import { EnrollmentDirectory, EnrollmentRef } from '../../../src/cohort/enrollment-directory.contract';

/**
 * An in-memory EnrollmentDirectory for tests of modules that only read enrollments (course,
 * assessment, certification, reporting) before or without the cohort module.
 */
export class FakeEnrollmentDirectory extends EnrollmentDirectory {
  readonly enrollments: EnrollmentRef[] = [];
  readonly instructors = new Map<string, string[]>();
  readonly completed = new Map<string, string[]>();
  readonly unlocks = new Map<string, Date>();

  enroll(traineeId: string, courseVersionId: string, overrides: Partial<EnrollmentRef> = {}): EnrollmentRef {
    const now = new Date();
    const enrollment: EnrollmentRef = {
      enrollmentId: randomUUID(),
      cohortId: randomUUID(),
      traineeId,
      courseVersionId,
      status: 'active',
      enrolledAt: now,
      cohortStartsAt: now,
      cohortEndsAt: new Date(now.getTime() + 90 * 24 * 3600 * 1000), cohortTimeZone: 'America/Belize',
      ...overrides,
    };
    this.enrollments.unshift(enrollment);
    return enrollment;
  }

  async getEnrollments(enrollmentIds: string[]) {
    const found = [];
    for (const id of new Set(enrollmentIds)) {
      const ref = await this.getEnrollment(id);
      if (ref) found.push(ref);
    }
    return found;
  }

  async getEnrollment(enrollmentId: string): Promise<EnrollmentRef | null> {
    return this.enrollments.find((e) => e.enrollmentId === enrollmentId) ?? null;
  }

  async enrollmentsOf(traineeId: string): Promise<EnrollmentRef[]> {
    return this.enrollments.filter((e) => e.traineeId === traineeId);
  }

  async enrollmentsOfCohort(cohortId: string): Promise<EnrollmentRef[]> {
    return this.enrollments.filter((e) => e.cohortId === cohortId);
  }

  async cohortExists(cohortId: string): Promise<boolean> {
    return this.enrollments.some((e) => e.cohortId === cohortId) || this.instructors.has(cohortId);
  }

  async instructorsOf(cohortId: string): Promise<string[]> {
    return this.instructors.get(cohortId) ?? [];
  }

  async isCohortInstructor(userId: string, cohortId: string): Promise<boolean> {
    return (this.instructors.get(cohortId) ?? []).includes(userId);
  }

  async moduleUnlockAt(enrollmentId: string, moduleId: string): Promise<Date | null> {
    return this.unlocks.get(`${enrollmentId}:${moduleId}`) ?? null;
  }

  async moduleLock(_enrollmentId: string, _moduleId: string): Promise<{ opensAt: Date } | null> {
    return null;
  }

  async completedModules(enrollmentId: string): Promise<string[]> {
    return this.completed.get(enrollmentId) ?? [];
  }

  async courseVersionsInstructedBy(userId: string) {
    const all = [...this.enrollments];
    const pairs = new Map<string, { cohortId: string; courseVersionId: string }>();
    for (const e of all) if (await this.isCohortInstructor(userId, e.cohortId)) pairs.set(`${e.cohortId}:${e.courseVersionId}`, { cohortId: e.cohortId, courseVersionId: e.courseVersionId });
    return [...pairs.values()];
  }

  /** Fake cohorts are always running. */
  async activeEnrollmentsOfRunningCohorts(afterEnrollmentId: string | null, limit: number) {
    return [...this.enrollments]
      .filter((e) => e.status === 'active' && (afterEnrollmentId === null || e.enrollmentId > afterEnrollmentId))
      .sort((a, b) => (a.enrollmentId < b.enrollmentId ? -1 : 1))
      .slice(0, limit);
  }
}
