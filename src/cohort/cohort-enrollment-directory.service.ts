import { Injectable } from '@nestjs/common';
import { AppTransactionHost, DirectReads, namedStatement } from '@gds/database';
import { EnrollmentDirectory, EnrollmentRef, EnrollmentsWithModuleLocksSql, EnrollmentWithCompletedModules, EnrollmentWithModuleLock, InstructedVersion } from './enrollment-directory.contract';
import { Cohort } from './cohort.entity';
import { Enrollment } from './enrollment.entity';
import { moduleLockOf, moduleOpensAt } from './module-states';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import type { UnlockMode } from './cohort.entity';
import { ProgressReader } from './progress-reader.service';

// The instants leave as whole epoch milliseconds, the Date pg's text parser would give (it truncates
// the microseconds), so a lookup of a cohort's 10,000 enrollments does not parse 30,000 timestamps as text.
const REF_COLUMNS = `e.id AS "enrollmentId", e.cohort_id AS "cohortId", e.trainee_id AS "traineeId", e.course_version_id AS "courseVersionId",
       e.status, floor(extract(epoch FROM e.enrolled_at) * 1000)::float8 AS "enrolledAt",
       floor(extract(epoch FROM c.starts_at) * 1000)::float8 AS "cohortStartsAt", floor(extract(epoch FROM c.ends_at) * 1000)::float8 AS "cohortEndsAt",
       c.time_zone AS "cohortTimeZone"`;
const SELECT_REFS = `SELECT ${REF_COLUMNS}
  FROM enrollment e JOIN cohort c ON c.id = e.cohort_id`;

type RefRow = Omit<EnrollmentRef, 'enrolledAt' | 'cohortStartsAt' | 'cohortEndsAt'> & { enrolledAt: number; cohortStartsAt: number; cohortEndsAt: number };

function refOf(r: RefRow): EnrollmentRef {
  return {
    enrollmentId: r.enrollmentId,
    cohortId: r.cohortId,
    traineeId: r.traineeId,
    courseVersionId: r.courseVersionId,
    status: r.status,
    enrolledAt: new Date(r.enrolledAt),
    cohortStartsAt: new Date(r.cohortStartsAt),
    cohortEndsAt: new Date(r.cohortEndsAt),
    cohortTimeZone: r.cohortTimeZone,
  };
}

/** What the module lock reads of an enrollment in one statement. */
interface LockRow {
  course_version_id: string;
  unlock_mode: UnlockMode;
  starts_at: number;
  time_zone: string;
  offset_days: number | null;
  done_lessons: string[] | null;
  passed: string[] | null;
}

/**
 * What another module hands one of our SQL fragments for a value: one of its placeholders (`$4`,
 * `$4::uuid`) or a column of its own statement, qualified (`v.id`). A bare column is refused: inside
 * the fragment it would name our table's column of that name first (`cohort_id = cohort_id` is
 * always true), and so is a column under an alias the fragment uses inside, for the same reason. The
 * fragments are composed when the caller's statement text is built (once, at start-up), so a caller
 * that breaks this stops there.
 */
function operand(value: string, insideAliases: readonly string[], what: string): string {
  if (/^\$[1-9]\d*(::uuid)?$/.test(value)) return value;
  const column = /^([a-z_][a-z0-9_]*)\.[a-z_][a-z0-9_]*$/.exec(value);
  if (column && !insideAliases.includes(column[1])) return value;
  throw new Error(`the cohort module's SQL takes for ${what} a placeholder or a column qualified by an alias other than ${insideAliases.join(', ')}; not ${JSON.stringify(value)}`);
}

/** The alias of `enrollment` in `enrolledInVersionSql` and the named statement of the same check. */
const ENR_IV = 'enr_iv';

/**
 * Who reads a version's lesson bodies as a trainee: an active or completed enrollment in it (a
 * withdrawn one does not). One condition for the existence check and the SQL form other modules fold
 * into their own statement (`enrolledInVersionSql`), so the two cannot part. On `enrollment` as
 * ENR_IV, every column qualified.
 */
function enrolledInVersionCondition(trainee: string, version: string): string {
  return `${ENR_IV}.trainee_id = ${trainee} AND ${ENR_IV}.course_version_id = ${version} AND ${ENR_IV}.status IN ('active', 'completed')`;
}

/** ENROLLED_IN_VERSION as an EXISTS another module's statement embeds (the lesson read's; same index, by the trainee). */
export function enrolledInVersionSql(trainee: string, version: string): string {
  const [t, v] = [operand(trainee, [ENR_IV], 'the trainee'), operand(version, [ENR_IV], 'the version')];
  return `EXISTS (SELECT 1 FROM enrollment ${ENR_IV} WHERE ${enrolledInVersionCondition(t, v)})`;
}

/**
 * A trainee's enrollment in a cohort that is not withdrawn, as an EXISTS another module's statement
 * embeds (a trainee's career fairs: the fairs inviting a cohort of theirs); the unique
 * (cohort_id, trainee_id) index answers it. On `enrollment` as `enr_ic`, every column qualified.
 */
export function enrolledInCohortSql(trainee: string, cohort: string): string {
  const [t, c] = [operand(trainee, ['enr_ic'], 'the trainee'), operand(cohort, ['enr_ic'], 'the cohort')];
  return `EXISTS (SELECT 1 FROM enrollment enr_ic WHERE enr_ic.cohort_id = ${c} AND enr_ic.trainee_id = ${t} AND enr_ic.status <> 'withdrawn')`;
}

/** The lesson read's enrollment check and a trainee's own enrollments: named statements (parsed once per connection). */
const REFS_OF_TRAINEE = namedStatement('cohort:enrollment-refs-of-trainee', `${SELECT_REFS} WHERE e.trainee_id = $1 ORDER BY e.enrolled_at DESC, e.id`);
const REF_WITH_COMPLETED_MODULES = namedStatement(
  'cohort:enrollment-with-completed-modules',
  `SELECT ${REF_COLUMNS},
          ARRAY(SELECT p.module_id FROM module_progress p WHERE p.enrollment_id = e.id AND p.status = 'done' ORDER BY p.module_id) AS "completedModuleIds"
     FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
    WHERE e.id = $1`,
);
export const ENROLLED_IN_VERSION = namedStatement(
  'cohort:enrolled-in-version',
  `SELECT 1 FROM enrollment ${ENR_IV} WHERE ${enrolledInVersionCondition('$1', '$2')} LIMIT 1`,
);

/** What `moduleLock` reads: every submit, hint and attempt start asks it (named: parsed once per connection). */
const MODULE_LOCK = namedStatement(
  'cohort:module-lock',
  `SELECT e.course_version_id, c.unlock_mode, floor(extract(epoch FROM c.starts_at) * 1000)::float8 AS starts_at, c.time_zone, u.offset_days,
          CASE WHEN c.unlock_mode = 'prerequisites' THEN ARRAY(SELECT lesson_id FROM lesson_completion WHERE enrollment_id = e.id) END AS done_lessons,
          CASE WHEN c.unlock_mode = 'prerequisites' THEN ARRAY(SELECT DISTINCT assessment_id FROM assessment_grade WHERE enrollment_id = e.id AND passed) END AS passed
     FROM enrollment e JOIN cohort c ON c.id = e.cohort_id LEFT JOIN cohort_module_unlock u ON u.cohort_id = c.id AND u.module_id = $2
    WHERE e.id = $1`,
);

/**
 * A trainee's enrollments (REFS_OF_TRAINEE's rows) with what MODULE_LOCK reads, for every module of
 * each cohort at once (its unlock offsets): `enrollmentsWithModuleLocks`, one statement where a submit
 * took two.
 */
const REF_WITH_LOCK_FACTS_COLUMNS = `${REF_COLUMNS}, c.unlock_mode,
          (SELECT coalesce(json_agg(json_build_array(u.module_id, u.offset_days)), '[]') FROM cohort_module_unlock u WHERE u.cohort_id = c.id) AS offsets,
          CASE WHEN c.unlock_mode = 'prerequisites' THEN ARRAY(SELECT lesson_id FROM lesson_completion WHERE enrollment_id = e.id) END AS done_lessons,
          CASE WHEN c.unlock_mode = 'prerequisites' THEN ARRAY(SELECT DISTINCT assessment_id FROM assessment_grade WHERE enrollment_id = e.id AND passed) END AS passed`;
const REFS_WITH_LOCK_FACTS_OF_TRAINEE = namedStatement(
  'cohort:enrollment-refs-with-lock-facts-of-trainee',
  `SELECT ${REF_WITH_LOCK_FACTS_COLUMNS}
     FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
    WHERE e.trainee_id = $1 ORDER BY e.enrolled_at DESC, e.id`,
);

/**
 * REFS_WITH_LOCK_FACTS_OF_TRAINEE as a subquery of another module's statement
 * (`enrollmentsWithModuleLocksSql`), its order as a column. The trainee is tested where `e` and `c` are
 * in scope: a column of the caller's under either alias is refused (`operand`).
 */
export function refsWithLockFactsSql(trainee: string): string {
  const t = operand(trainee, ['e', 'c'], 'the trainee');
  return `SELECT ${REF_WITH_LOCK_FACTS_COLUMNS}, row_number() OVER (ORDER BY e.enrolled_at DESC, e.id) AS "listOrder"
     FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
    WHERE e.trainee_id = ${t}`;
}

type RefWithLockFactsRow = RefRow & Pick<LockRow, 'unlock_mode' | 'done_lessons' | 'passed'> & { offsets: Array<[string, number]> };

/** The cohort module's answer to other modules about enrollments (the EnrollmentDirectory contract). */
@Injectable()
export class CohortEnrollmentDirectory extends EnrollmentDirectory {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly reader: ProgressReader,
    private readonly reads: DirectReads,
    private readonly versions: PublishedCourseVersions,
  ) {
    super();
  }

  async getEnrollment(enrollmentId: string): Promise<EnrollmentRef | null> {
    const rows: RefRow[] = await this.txHost.tx.query(`${SELECT_REFS} WHERE e.id = $1`, [enrollmentId]);
    return rows[0] ? refOf(rows[0]) : null;
  }

  async getEnrollments(enrollmentIds: string[]): Promise<EnrollmentRef[]> {
    if (enrollmentIds.length === 0) return [];
    const rows: RefRow[] = await this.txHost.tx.query(`${SELECT_REFS} WHERE e.id = ANY($1::uuid[]) ORDER BY e.enrolled_at, e.id`, [[...new Set(enrollmentIds)]]);
    return rows.map(refOf);
  }

  /** Plain SQL on the pool outside a transaction: the lesson read asks this on every request (issue 23). */
  async enrollmentsOf(traineeId: string): Promise<EnrollmentRef[]> {
    const rows: RefRow[] = await this.reads.query(REFS_OF_TRAINEE, [traineeId]);
    return rows.map(refOf);
  }

  /**
   * One indexed existence check on the pool (the lesson read asks it on every request): before, the
   * lesson read listed all the trainee's enrollments joined with their cohorts, sorted, as Dates, to
   * test one version id (issue 23, tail latency).
   */
  async enrolledInVersion(traineeId: string, courseVersionId: string): Promise<boolean> {
    const rows = await this.reads.query(ENROLLED_IN_VERSION, [traineeId, courseVersionId]);
    return rows.length > 0;
  }

  enrolledInVersionSql(trainee: string, version: string): string {
    return enrolledInVersionSql(trainee, version);
  }

  enrolledInCohortSql(trainee: string, cohort: string): string {
    return enrolledInCohortSql(trainee, cohort);
  }

  async enrollmentsOfCohort(cohortId: string): Promise<EnrollmentRef[]> {
    const rows: RefRow[] = await this.txHost.tx.query(`${SELECT_REFS} WHERE e.cohort_id = $1 ORDER BY e.enrolled_at, e.id`, [cohortId]);
    return rows.map(refOf);
  }

  async cohortExists(cohortId: string): Promise<boolean> {
    const rows = await this.txHost.tx.query('SELECT 1 FROM cohort WHERE id = $1', [cohortId]);
    return rows.length > 0;
  }

  async instructorsOf(cohortId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.txHost.tx.query('SELECT user_id FROM cohort_instructor WHERE cohort_id = $1 ORDER BY user_id', [cohortId]);
    return rows.map((r) => r.user_id);
  }

  async isCohortInstructor(userId: string, cohortId: string): Promise<boolean> {
    const rows = await this.txHost.tx.query('SELECT 1 FROM cohort_instructor WHERE cohort_id = $1 AND user_id = $2', [cohortId, userId]);
    return rows.length > 0;
  }

  async moduleUnlockAt(enrollmentId: string, moduleId: string): Promise<Date | null> {
    const enrollment = await this.txHost.tx.getRepository(Enrollment).findOneBy({ id: enrollmentId });
    if (!enrollment) return null;
    const cohort = (await this.txHost.tx.getRepository(Cohort).findOneBy({ id: enrollment.cohortId }))!;
    if (cohort.unlockMode === 'prerequisites') return null;
    return moduleOpensAt(await this.reader.schedule(cohort), moduleId);
  }

  /**
   * On every submission and attempt (issue 23): one statement reads the enrollment's cohort schedule
   * for this module, and what was done only when prerequisites decide (a schedule alone never needs
   * it); the version's outline comes from the course module's cache.
   */
  async moduleLock(enrollmentId: string, moduleId: string): Promise<{ opensAt: Date } | null> {
    const now = new Date();
    const [row] = await this.reads.query<LockRow>(MODULE_LOCK, [enrollmentId, moduleId]);
    if (!row) return null;
    const outline = await this.versions.getOutline(row.course_version_id);
    if (!outline) return null;
    const schedule = { unlockMode: row.unlock_mode, startsAt: new Date(row.starts_at), timeZone: row.time_zone, offsets: new Map(row.offset_days === null ? [] : [[moduleId, row.offset_days]]) };
    return moduleLockOf(outline, schedule, { doneLessons: new Set(row.done_lessons ?? []), passedAssessments: new Set(row.passed ?? []) }, moduleId, now);
  }

  /** `moduleLock`'s answer for every enrollment of the list, from the list's own statement (see the contract). */
  override async enrollmentsWithModuleLocks(traineeId: string): Promise<EnrollmentWithModuleLock[]> {
    return this.withModuleLocks(await this.reads.query<RefWithLockFactsRow>(REFS_WITH_LOCK_FACTS_OF_TRAINEE, [traineeId]));
  }

  enrollmentsWithModuleLocksSql(trainee: string): EnrollmentsWithModuleLocksSql {
    return { sql: refsWithLockFactsSql(trainee), parse: (rows) => this.withModuleLocks(rows as RefWithLockFactsRow[]) };
  }

  private withModuleLocks(rows: RefWithLockFactsRow[]): EnrollmentWithModuleLock[] {
    const now = new Date();
    return rows.map((row) => {
      const enrollment = refOf(row);
      const moduleLock = async (moduleId: string): Promise<{ opensAt: Date } | null> => {
        const outline = await this.versions.getOutline(row.courseVersionId);
        if (!outline) return null;
        const offset = row.offsets.find(([id]) => id === moduleId);
        const schedule = { unlockMode: row.unlock_mode, startsAt: enrollment.cohortStartsAt, timeZone: row.cohortTimeZone, offsets: new Map(offset ? [[moduleId, offset[1]]] : []) };
        return moduleLockOf(outline, schedule, { doneLessons: new Set(row.done_lessons ?? []), passedAssessments: new Set(row.passed ?? []) }, moduleId, now);
      };
      return { enrollment, moduleLock };
    });
  }

  /** One named statement (certification asks it on every progress change, issue 23). */
  override async enrollmentWithCompletedModules(enrollmentId: string): Promise<EnrollmentWithCompletedModules | null> {
    const [row] = await this.reads.query<RefRow & { completedModuleIds: string[] }>(REF_WITH_COMPLETED_MODULES, [enrollmentId]);
    return row ? { ...refOf(row), completedModuleIds: row.completedModuleIds } : null;
  }

  async completedModules(enrollmentId: string): Promise<string[]> {
    const rows: Array<{ module_id: string }> = await this.txHost.tx.query(
      `SELECT module_id FROM module_progress WHERE enrollment_id = $1 AND status = 'done' ORDER BY module_id`,
      [enrollmentId],
    );
    return rows.map((r) => r.module_id);
  }

  async courseVersionsInstructedBy(userId: string): Promise<InstructedVersion[]> {
    return this.txHost.tx.query(
      `SELECT ci.cohort_id AS "cohortId", cv.course_version_id AS "courseVersionId"
         FROM cohort_instructor ci JOIN cohort_course_version cv ON cv.cohort_id = ci.cohort_id
        WHERE ci.user_id = $1 ORDER BY ci.cohort_id, cv.course_version_id`,
      [userId],
    );
  }

  async activeEnrollmentsOfRunningCohorts(afterEnrollmentId: string | null, limit: number): Promise<EnrollmentRef[]> {
    // Keyset on the enrollment primary key: each page is one index range scan, whatever the page number.
    const rows: RefRow[] = await this.txHost.tx.query(
      `${SELECT_REFS} WHERE e.status = 'active' AND c.status = 'running' AND ($1::uuid IS NULL OR e.id > $1::uuid) ORDER BY e.id LIMIT $2`,
      [afterEnrollmentId, Math.max(1, Math.min(limit, 1000))],
    );
    return rows.map(refOf);
  }
}
