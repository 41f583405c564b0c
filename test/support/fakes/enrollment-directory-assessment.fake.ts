import { randomUUID } from 'node:crypto';
import { EnrollmentDirectory, EnrollmentRef } from '../../../src/cohort/enrollment-directory.contract';

/** In-memory cohort enrollments for the assessment tests (the cohort module is not in this tree). */
export class FakeEnrollmentDirectoryForAssessment extends EnrollmentDirectory {
  readonly enrollments = new Map<string, EnrollmentRef>();
  readonly instructors = new Map<string, Set<string>>();
  readonly unlocks = new Map<string, Date>();
  readonly completed = new Map<string, string[]>();

  enroll(input: { traineeId: string; cohortId: string; courseVersionId: string; cohortStartsAt?: Date; status?: EnrollmentRef['status'] }): EnrollmentRef {
    const now = Date.now();
    const enrollment: EnrollmentRef = {
      enrollmentId: randomUUID(),
      cohortId: input.cohortId,
      traineeId: input.traineeId,
      courseVersionId: input.courseVersionId,
      status: input.status ?? 'active',
      enrolledAt: new Date(now),
      cohortStartsAt: input.cohortStartsAt ?? new Date(now - 86_400_000),
      cohortEndsAt: new Date(now + 90 * 86_400_000), cohortTimeZone: 'America/Belize',
    };
    this.enrollments.set(enrollment.enrollmentId, enrollment);
    return enrollment;
  }

  addInstructor(cohortId: string, userId: string): void {
    this.instructors.set(cohortId, new Set([...(this.instructors.get(cohortId) ?? []), userId]));
  }

  setUnlock(enrollmentId: string, moduleId: string, at: Date): void {
    this.unlocks.set(`${enrollmentId}:${moduleId}`, at);
  }

  async getEnrollments(enrollmentIds: string[]) {
    const found = [];
    for (const id of new Set(enrollmentIds)) {
      const ref = await this.getEnrollment(id);
      if (ref) found.push(ref);
    }
    return found;
  }

  async getEnrollment(enrollmentId: string) {
    return this.enrollments.get(enrollmentId) ?? null;
  }

  async enrollmentsOf(traineeId: string) {
    return [...this.enrollments.values()].filter((e) => e.traineeId === traineeId).reverse();
  }

  async enrollmentsOfCohort(cohortId: string) {
    return [...this.enrollments.values()].filter((e) => e.cohortId === cohortId);
  }

  async cohortExists(cohortId: string) {
    return [...this.enrollments.values()].some((e) => e.cohortId === cohortId) || this.instructors.has(cohortId);
  }

  async instructorsOf(cohortId: string) {
    return [...(this.instructors.get(cohortId) ?? [])];
  }

  async isCohortInstructor(userId: string, cohortId: string) {
    return this.instructors.get(cohortId)?.has(userId) ?? false;
  }

  async moduleUnlockAt(enrollmentId: string, moduleId: string) {
    return this.unlocks.get(`${enrollmentId}:${moduleId}`) ?? null;
  }

  async moduleLock(_enrollmentId: string, _moduleId: string): Promise<{ opensAt: Date } | null> {
    return null;
  }

  async completedModules(enrollmentId: string) {
    return this.completed.get(enrollmentId) ?? [];
  }

  async courseVersionsInstructedBy(userId: string) {
    const all = [...this.enrollments.values()];
    const pairs = new Map<string, { cohortId: string; courseVersionId: string }>();
    for (const e of all) if (await this.isCohortInstructor(userId, e.cohortId)) pairs.set(`${e.cohortId}:${e.courseVersionId}`, { cohortId: e.cohortId, courseVersionId: e.courseVersionId });
    return [...pairs.values()];
  }

  /** Fake cohorts are always running. */
  async activeEnrollmentsOfRunningCohorts(afterEnrollmentId: string | null, limit: number) {
    return [...this.enrollments.values()]
      .filter((e) => e.status === 'active' && (afterEnrollmentId === null || e.enrollmentId > afterEnrollmentId))
      .sort((a, b) => (a.enrollmentId < b.enrollmentId ? -1 : 1))
      .slice(0, limit);
  }
}
