import { randomUUID } from 'node:crypto';
import { EnrollmentDirectory, EnrollmentRef } from '../../../src/cohort/enrollment-directory.contract';

/** In-memory EnrollmentDirectory for certification tests: enrollments and their completed modules. */
export class FakeEnrollmentDirectory extends EnrollmentDirectory {
  readonly enrollments = new Map<string, EnrollmentRef>();
  readonly completed = new Map<string, string[]>();
  readonly instructors = new Map<string, string[]>();

  enroll(traineeId: string, courseVersionId: string, cohortId: string = randomUUID()): EnrollmentRef {
    const ref: EnrollmentRef = {
      enrollmentId: randomUUID(), cohortId, traineeId, courseVersionId, status: 'active',
      enrolledAt: new Date(), cohortStartsAt: new Date(), cohortEndsAt: new Date(Date.now() + 90 * 86_400_000), cohortTimeZone: 'America/Belize',
    };
    this.enrollments.set(ref.enrollmentId, ref);
    return ref;
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
    return [...this.enrollments.values()].filter((e) => e.traineeId === traineeId);
  }

  async enrollmentsOfCohort(cohortId: string) {
    return [...this.enrollments.values()].filter((e) => e.cohortId === cohortId);
  }

  async cohortExists(cohortId: string) {
    return [...this.enrollments.values()].some((e) => e.cohortId === cohortId) || this.instructors.has(cohortId);
  }

  async instructorsOf(cohortId: string) {
    return this.instructors.get(cohortId) ?? [];
  }

  async isCohortInstructor(userId: string, cohortId: string) {
    return (this.instructors.get(cohortId) ?? []).includes(userId);
  }

  async moduleUnlockAt() {
    return null;
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
