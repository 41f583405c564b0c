/** What the cohort module tells other modules about enrollments. */
export interface EnrollmentRef {
  enrollmentId: string;
  cohortId: string;
  traineeId: string;
  courseVersionId: string;
  status: 'active' | 'withdrawn' | 'completed';
  enrolledAt: Date;
  cohortStartsAt: Date;
  cohortEndsAt: Date;
  /** The cohort's IANA zone: its days (due dates, unlock days, start day) are counted there. */
  cohortTimeZone: string;
}

/** Implemented by the cohort module; injected by assessment, certification, reporting, course. */
export abstract class EnrollmentDirectory {
  abstract getEnrollment(enrollmentId: string): Promise<EnrollmentRef | null>;
  /** Those of these enrollments that exist, in one query (reporting and results over whole cohorts). */
  abstract getEnrollments(enrollmentIds: string[]): Promise<EnrollmentRef[]>;
  /** The trainee's enrollments (all statuses), newest first. */
  abstract enrollmentsOf(traineeId: string): Promise<EnrollmentRef[]>;
  abstract enrollmentsOfCohort(cohortId: string): Promise<EnrollmentRef[]>;
  /** Whether the trainee has an active or completed enrollment in a cohort running this course version. */
  abstract enrolledInVersion(traineeId: string, courseVersionId: string): Promise<boolean>;
  /**
   * `enrolledInVersion` as a boolean SQL expression over the caller's parameters or columns (the
   * trainee's id, the version's id), for a statement of another module that must not take a round
   * trip of its own for it (the lesson read); null from a directory that is not backed by SQL. Each
   * value is a placeholder (`$4`, `$4::uuid`) or a qualified column (`v.id`); anything else, a bare
   * column above all (it would name the directory's own), is refused with an error.
   */
  abstract enrolledInVersionSql(trainee: string, version: string): string | null;
  /**
   * Whether the trainee has an enrollment in the cohort that is not withdrawn (active or completed:
   * `enrollmentsOf`'s rows whose status is not 'withdrawn'), as a boolean SQL expression over the
   * caller's parameters or columns (the trainee's id, the cohort's id), for a statement of another
   * module that must not take a round trip of its own for it (a trainee's career fairs); null from
   * a directory that is not backed by SQL. The values as for `enrolledInVersionSql`.
   */
  abstract enrolledInCohortSql(trainee: string, cohort: string): string | null;
  /** Whether the cohort exists, so a list under a cohort that names nothing answers 404, not an empty page. */
  abstract cohortExists(cohortId: string): Promise<boolean>;
  abstract instructorsOf(cohortId: string): Promise<string[]>;
  abstract isCohortInstructor(userId: string, cohortId: string): Promise<boolean>;
  /** When a module unlocks for this enrollment (schedule offset from the cohort start), or null if by prerequisites only. */
  abstract moduleUnlockAt(enrollmentId: string, moduleId: string): Promise<Date | null>;
  /**
   * When the module is locked for this enrollment now (before its unlock time, or its prerequisites
   * not done), when it opens (or would, once prerequisites are met); null when it is open.
   */
  abstract moduleLock(enrollmentId: string, moduleId: string): Promise<{ opensAt: Date } | null>;
  /**
   * `enrollmentsOf`, each enrollment with its `moduleLock` answered from the same read: work on an
   * assessment (a submit, an attempt start, a hint) finds the enrollment and then asks the lock of
   * the assessment's module, which the cohort module answers in one statement with the list. By
   * default: the list, then `moduleLock` when asked.
   */
  async enrollmentsWithModuleLocks(traineeId: string): Promise<EnrollmentWithModuleLock[]> {
    return (await this.enrollmentsOf(traineeId)).map((enrollment) => ({ enrollment, moduleLock: (moduleId: string) => this.moduleLock(enrollment.enrollmentId, moduleId) }));
  }
  /**
   * `enrollmentsWithModuleLocks` as SQL another module's statement embeds as a subquery, the trainee
   * given as one of the caller's placeholders (`trainee`): for a statement that must do work of its
   * own in the same round trip (a quiz submit takes its attempt lock there). Its rows carry
   * "enrollmentId" and "listOrder" (newest first, as `enrollmentsOf`: the caller orders by it);
   * `parse` turns the statement's rows (columns of the caller's are ignored) into the list
   * `enrollmentsWithModuleLocks` answers, row for row. Null from a directory that is not backed by SQL.
   */
  abstract enrollmentsWithModuleLocksSql(trainee: string): EnrollmentsWithModuleLocksSql | null;
  /** Ids of modules this enrollment has completed. */
  abstract completedModules(enrollmentId: string): Promise<string[]>;
  /**
   * The enrollment and the ids of the modules it has completed (as `completedModules` answers them),
   * or null for an id that names none. What certification evaluates on every progress change: the
   * cohort module answers it in one statement. By default: the two lookups.
   */
  async enrollmentWithCompletedModules(enrollmentId: string): Promise<EnrollmentWithCompletedModules | null> {
    const enrollment = await this.getEnrollment(enrollmentId);
    return enrollment ? { ...enrollment, completedModuleIds: await this.completedModules(enrollmentId) } : null;
  }
  /** The cohorts this user instructs (any cohort status) with each course version they run. */
  abstract courseVersionsInstructedBy(userId: string): Promise<InstructedVersion[]>;
  /**
   * One page of the active enrollments of running cohorts, ordered by enrollment id: pass the last
   * id of the previous page (null for the first). For scans that must visit every trainee at work.
   */
  abstract activeEnrollmentsOfRunningCohorts(afterEnrollmentId: string | null, limit: number): Promise<EnrollmentRef[]>;
}

/** An enrollment with the lock of each of its modules, answered from the read that found it. */
export interface EnrollmentWithModuleLock {
  enrollment: EnrollmentRef;
  moduleLock: (moduleId: string) => Promise<{ opensAt: Date } | null>;
}

/** `EnrollmentDirectory.enrollmentsWithModuleLocksSql`'s answer. */
export interface EnrollmentsWithModuleLocksSql {
  sql: string;
  parse(rows: readonly object[]): EnrollmentWithModuleLock[];
}

export interface EnrollmentWithCompletedModules extends EnrollmentRef {
  completedModuleIds: string[];
}

export interface InstructedVersion {
  cohortId: string;
  courseVersionId: string;
}
