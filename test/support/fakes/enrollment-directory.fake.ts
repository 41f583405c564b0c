import { randomUUID } from 'node:crypto';
import { addLocalDays } from '@gds/time';
import { EnrollmentDirectory, EnrollmentRef, InstructedVersion } from '../../../src/cohort/enrollment-directory.contract';

const DAY = 86_400_000;
/** Ids compared as Postgres orders uuids (lower-case hex: the text order is the byte order). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The one in-memory EnrollmentDirectory, for tests of the modules that read enrollments (course,
 * assessment, certification) without the cohort module. It answers as the cohort module does
 * (test/contracts/enrollment-directory.contract-suite.ts runs against both), with simplifications:
 * every cohort is running; a cohort unlocks on a schedule (moduleUnlockAt: the cohort start, unless
 * setOffset or setUnlock says otherwise) unless setPrerequisites makes it unlock by prerequisites;
 * it knows no outline, so a module is done only as a whole (`completed`), and a module it was told
 * nothing about is open.
 */
export class FakeEnrollmentDirectory extends EnrollmentDirectory {
  readonly enrollments = new Map<string, EnrollmentRef>();
  /** Cohorts by id, with the course versions each runs. */
  readonly cohorts = new Map<string, Set<string>>();
  readonly instructors = new Map<string, Set<string>>();
  readonly completed = new Map<string, string[]>();
  readonly unlocks = new Map<string, Date>();
  /** Schedule offsets (days after the start, in the cohort's zone) by cohort, then module. */
  readonly offsets = new Map<string, Map<string, number>>();
  /** The cohorts that unlock by prerequisites: each module's prerequisite modules. */
  readonly prerequisites = new Map<string, Map<string, string[]>>();

  /** An active enrollment in a fresh cohort that started yesterday and runs 90 days, unless overridden. */
  enroll(traineeId: string, courseVersionId: string, overrides: Partial<EnrollmentRef> = {}): EnrollmentRef {
    const now = Date.now();
    const enrollment: EnrollmentRef = {
      enrollmentId: randomUUID(),
      cohortId: randomUUID(),
      traineeId,
      courseVersionId,
      status: 'active',
      enrolledAt: new Date(now),
      cohortStartsAt: new Date(now - DAY),
      cohortEndsAt: new Date(now + 90 * DAY),
      cohortTimeZone: 'America/Belize',
      ...overrides,
    };
    this.addCohort(enrollment.cohortId, [courseVersionId]);
    this.enrollments.set(enrollment.enrollmentId, enrollment);
    return enrollment;
  }

  /** A cohort running these course versions, enrollments or not. */
  addCohort(cohortId: string = randomUUID(), courseVersionIds: string[] = []): string {
    this.cohorts.set(cohortId, new Set([...(this.cohorts.get(cohortId) ?? []), ...courseVersionIds]));
    return cohortId;
  }

  addInstructor(cohortId: string, userId: string): void {
    this.addCohort(cohortId);
    this.instructors.set(cohortId, new Set([...(this.instructors.get(cohortId) ?? []), userId]));
  }

  setUnlock(enrollmentId: string, moduleId: string, at: Date): void {
    this.unlocks.set(`${enrollmentId}:${moduleId}`, at);
  }

  /** The module opens this many days after the cohort start (a cohort unlocking on a schedule). */
  setOffset(cohortId: string, moduleId: string, days: number): void {
    this.offsets.set(cohortId, new Map([...(this.offsets.get(cohortId) ?? []), [moduleId, days]]));
  }

  /** The cohort unlocks by prerequisites: the module opens once these modules are completed. */
  setPrerequisites(cohortId: string, moduleId: string, prerequisiteModuleIds: string[]): void {
    this.prerequisites.set(cohortId, new Map([...(this.prerequisites.get(cohortId) ?? []), [moduleId, prerequisiteModuleIds]]));
  }

  async getEnrollment(enrollmentId: string): Promise<EnrollmentRef | null> {
    return this.enrollments.get(enrollmentId) ?? null;
  }

  async getEnrollments(enrollmentIds: string[]): Promise<EnrollmentRef[]> {
    const wanted = new Set(enrollmentIds);
    return this.all().filter((e) => wanted.has(e.enrollmentId));
  }

  async enrollmentsOf(traineeId: string): Promise<EnrollmentRef[]> {
    return this.all().filter((e) => e.traineeId === traineeId).reverse();
  }

  async enrolledInVersion(traineeId: string, courseVersionId: string): Promise<boolean> {
    return this.all().some((e) => e.traineeId === traineeId && e.courseVersionId === courseVersionId && e.status !== 'withdrawn');
  }

  /** In memory: no SQL form, so the lesson read asks `enrolledInVersion` instead. */
  enrolledInVersionSql(): null {
    return null;
  }

  /** In memory: no SQL form, so a trainee's career fairs list the enrollments first. */
  enrolledInCohortSql(): null {
    return null;
  }

  /** In memory: no SQL form, so a submit reads the enrollments, then takes its attempt lock. */
  enrollmentsWithModuleLocksSql(): null {
    return null;
  }

  async enrollmentsOfCohort(cohortId: string): Promise<EnrollmentRef[]> {
    return this.all().filter((e) => e.cohortId === cohortId);
  }

  async cohortExists(cohortId: string): Promise<boolean> {
    return this.cohorts.has(cohortId);
  }

  async instructorsOf(cohortId: string): Promise<string[]> {
    return [...(this.instructors.get(cohortId) ?? [])].sort();
  }

  async isCohortInstructor(userId: string, cohortId: string): Promise<boolean> {
    return this.instructors.get(cohortId)?.has(userId) ?? false;
  }

  /** On a schedule: setUnlock's instant, else the cohort start plus setOffset's days; null by prerequisites. */
  async moduleUnlockAt(enrollmentId: string, moduleId: string): Promise<Date | null> {
    const enrollment = this.enrollments.get(enrollmentId);
    if (!enrollment || this.prerequisites.has(enrollment.cohortId)) return null;
    const offset = this.offsets.get(enrollment.cohortId)?.get(moduleId);
    return this.unlocks.get(`${enrollmentId}:${moduleId}`) ?? (offset === undefined ? enrollment.cohortStartsAt : addLocalDays(enrollment.cohortStartsAt, offset, enrollment.cohortTimeZone));
  }

  /** Locked before its unlock instant; by prerequisites, from the start until every prerequisite module is completed. */
  async moduleLock(enrollmentId: string, moduleId: string): Promise<{ opensAt: Date } | null> {
    const enrollment = this.enrollments.get(enrollmentId);
    if (!enrollment) return null;
    const prerequisites = this.prerequisites.get(enrollment.cohortId);
    const opensAt = prerequisites ? enrollment.cohortStartsAt : (await this.moduleUnlockAt(enrollmentId, moduleId))!;
    const done = new Set(this.completed.get(enrollmentId) ?? []);
    const unmet = (prerequisites?.get(moduleId) ?? []).some((id) => !done.has(id));
    return Date.now() < opensAt.getTime() || unmet ? { opensAt } : null;
  }

  async completedModules(enrollmentId: string): Promise<string[]> {
    return [...(this.completed.get(enrollmentId) ?? [])].sort();
  }

  async courseVersionsInstructedBy(userId: string): Promise<InstructedVersion[]> {
    const pairs = [...this.cohorts.entries()]
      .filter(([cohortId]) => this.instructors.get(cohortId)?.has(userId))
      .flatMap(([cohortId, versionIds]) => [...versionIds].map((courseVersionId) => ({ cohortId, courseVersionId })));
    return pairs.sort((a, b) => byText(a.cohortId, b.cohortId) || byText(a.courseVersionId, b.courseVersionId));
  }

  async activeEnrollmentsOfRunningCohorts(afterEnrollmentId: string | null, limit: number): Promise<EnrollmentRef[]> {
    return this.all()
      .filter((e) => e.status === 'active' && (afterEnrollmentId === null || e.enrollmentId > afterEnrollmentId))
      .sort((a, b) => byText(a.enrollmentId, b.enrollmentId))
      .slice(0, Math.max(1, Math.min(limit, 1000)));
  }

  /** In the order they were made (enrolledAt, as the cohort module orders). */
  private all(): EnrollmentRef[] {
    return [...this.enrollments.values()];
  }
}
