import { Injectable } from '@nestjs/common';
import { DirectReads, NamedStatement, namedStatement } from '@gds/database';
import { CourseVersionOutline, PublishedCourseVersions } from '../course/published-course-versions.contract';
import { Cohort } from './cohort.entity';
import { Enrollment } from './enrollment.entity';
import { computeProgress, CourseProgress, ModuleState, ProgressFacts, ScheduleFacts } from './module-states';

/** What progress needs of a cohort (read by plain SQL: no entity to build on every trainee page). */
export type ProgressCohort = Pick<Cohort, 'id' | 'name' | 'status' | 'startsAt' | 'endsAt' | 'unlockMode' | 'timeZone'>;

export interface LoadedProgress {
  cohort: ProgressCohort;
  outline: CourseVersionOutline;
  schedule: ScheduleFacts;
  facts: ProgressFacts;
  progress: CourseProgress;
}

/**
 * Gathers what an enrollment's progress is computed from: the version outline, the schedule,
 * completions and passes. Plain SQL reads (DirectReads: on the pool outside a transaction, in it inside one).
 */
@Injectable()
export class ProgressReader {
  constructor(
    private readonly reads: DirectReads,
    private readonly versions: PublishedCourseVersions,
  ) {}

  async schedule(cohort: Pick<Cohort, 'id' | 'unlockMode' | 'startsAt' | 'timeZone'>): Promise<ScheduleFacts> {
    const rows = await this.reads.query<{ module_id: string; offset_days: number }>(
      'SELECT module_id, offset_days FROM cohort_module_unlock WHERE cohort_id = $1',
      [cohort.id],
    );
    return { unlockMode: cohort.unlockMode, startsAt: cohort.startsAt, timeZone: cohort.timeZone, offsets: new Map(rows.map((r) => [r.module_id, r.offset_days])) };
  }

  /**
   * Null when the course version is unknown to the course module (it never should be). What the
   * progress recompute needs, in one statement: the cohort, its unlock offsets, the lessons done and
   * the assessments passed, and what the recompute compares with — the module states recorded and
   * how many assessments fail (three statements before, the facts alone having been four; issue 23: it runs on every
   * lesson done and every grade that can change progress). The recompute reads it after taking the
   * enrollment's lock, so its one snapshot sees every change committed before the lock was held.
   */
  async load(enrollment: Pick<Enrollment, 'id' | 'cohortId' | 'courseVersionId'>, now = new Date()): Promise<(LoadedProgress & { recorded: RecordedProgress }) | null> {
    const outline = await this.versions.getOutline(enrollment.courseVersionId);
    if (!outline) return null;
    const [row] = await this.reads.query<FactsRow & { moduleStates: Array<[string, ModuleState['status']]>; failingAssessments: number }>(RECOMPUTE_FACTS, [enrollment.cohortId, enrollment.id]);
    return { ...assemble(row, outline, now), recorded: { moduleStates: new Map(row.moduleStates), failingAssessments: row.failingAssessments } };
  }

  /**
   * Every active enrollment of a trainee, newest first, each with what its progress is computed
   * from, in one statement (a lesson completion needs the enrollment that holds the lesson and its
   * progress: two round trips as `load` after a lookup). Enrollments whose version the course
   * module does not know are left out.
   */
  async loadActiveOf(traineeId: string, lessonId: string, now = new Date()): Promise<Array<{ enrollment: ActiveEnrollmentWithLesson; loaded: LoadedProgress }>> {
    const loaded = await this.loadAllOf<ActiveEnrollmentWithLesson>(ACTIVE_PROGRESS_FACTS_OF_TRAINEE, traineeId, now, [lessonId]);
    return loaded.flatMap(({ enrollment, loaded }) => (loaded ? [{ enrollment, loaded }] : []));
  }

  /**
   * A trainee's enrollments and what each one's progress is computed from, in one statement
   * (`statement`, made by `progressFactsOfTrainee`): the trainee home reads this on every visit
   * (issue 23), where listing the enrollments and then `load` for each took one more round trip per
   * enrollment. `loaded` is null for an enrollment whose version the course module does not know.
   */
  async loadAllOf<E extends Pick<Enrollment, 'cohortId' | 'courseVersionId'>>(statement: NamedStatement, traineeId: string, now = new Date(), more: unknown[] = []): Promise<Array<{ enrollment: E; loaded: LoadedProgress | null }>> {
    const rows = await this.reads.query<FactsRow & E>(statement, [traineeId, ...more]);
    const outlines = new Map((await this.versions.getOutlines(rows.map((r) => r.courseVersionId))).map((o) => [o.versionId, o]));
    // The row serves as both the enrollment (callers read its own columns by name) and its facts:
    // no per-row copies (the trainee home reads this on every visit; issue 23, bench/findings/gap.md).
    return rows.map((row) => {
      const outline = outlines.get(row.courseVersionId);
      return { enrollment: row, loaded: outline ? assemble(row, outline, now) : null };
    });
  }
}

/** An active enrollment, and when it completed the lesson asked about (null: not yet). */
export type ActiveEnrollmentWithLesson = Pick<Enrollment, 'id' | 'cohortId' | 'courseVersionId'> & { lessonCompletedAt: Date | null };

/**
 * What a recompute compares with: each module's state as the last recompute wrote it (absent: never
 * written), and how many assessments fail now (graded, never passed), which it writes to the enrollment.
 */
export interface RecordedProgress {
  moduleStates: Map<string, ModuleState['status']>;
  failingAssessments: number;
}

/** The cohort's columns under names apart from an enrollment's (both have an id and a status), and the enrollment's facts. */
interface FactsRow {
  cohortId: string;
  cohortName: string;
  cohortStatus: ProgressCohort['status'];
  cohortStartsAt: Date;
  cohortEndsAt: Date;
  unlockMode: ProgressCohort['unlockMode'];
  timeZone: string;
  offsets: Array<[string, number]>;
  lessons: string[];
  passes: string[];
}

/** The cohort's columns and the enrollment's facts, for a FROM with the cohort as `c` and the enrollment's id as `$2`. */
const FACTS_COLUMNS = `c.id AS "cohortId", c.name AS "cohortName", c.status AS "cohortStatus", c.starts_at AS "cohortStartsAt", c.ends_at AS "cohortEndsAt",
  c.unlock_mode AS "unlockMode", c.time_zone AS "timeZone",
  (SELECT coalesce(json_agg(json_build_array(u.module_id, u.offset_days)), '[]') FROM cohort_module_unlock u WHERE u.cohort_id = c.id) AS offsets,
  ARRAY(SELECT l.lesson_id FROM lesson_completion l WHERE l.enrollment_id = $2) AS lessons,
  ARRAY(SELECT DISTINCT g.assessment_id FROM assessment_grade g WHERE g.enrollment_id = $2 AND g.passed) AS passes`;

// Named statements (parsed once per pooled connection): in the load run these were planned on
// every call, and planning took longer than executing them (pg_stat_statements; bench/README.md).
const RECOMPUTE_FACTS = namedStatement(
  'cohort:recompute-facts',
  `SELECT ${FACTS_COLUMNS},
     (SELECT coalesce(json_agg(json_build_array(p.module_id, p.status)), '[]') FROM module_progress p WHERE p.enrollment_id = $2) AS "moduleStates",
     (SELECT count(*)::int FROM (SELECT 1 FROM assessment_grade g WHERE g.enrollment_id = $2 GROUP BY g.assessment_id HAVING NOT bool_or(g.passed)) f) AS "failingAssessments"
   FROM cohort c WHERE c.id = $1`,
);

/**
 * A named statement of a trainee's enrollments (`$1`), newest first: the enrollment's own `columns`
 * (SQL over `e`, with `cohortId` and `courseVersionId` among them) and its progress facts. Declare
 * it once, at module load (see named-statement.ts); `where` narrows it (SQL over `e`, after AND).
 * `columns` may use parameters from `$2` on (`loadAllOf`'s `more`).
 */
export function progressFactsOfTrainee(name: string, columns: string, where = 'true'): NamedStatement {
  return namedStatement(
    name,
    `SELECT ${columns}, ${FACTS_COLUMNS.replaceAll('$2', 'e.id')}
       FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
      WHERE e.trainee_id = $1 AND ${where} ORDER BY e.enrolled_at DESC, e.id`,
  );
}

/**
 * A lesson completion's read: the trainee's active enrollments with their facts and when each
 * completed the lesson (`$2`), so a repeated completion is answered from this read alone (LessonCompletions).
 */
const ACTIVE_PROGRESS_FACTS_OF_TRAINEE = progressFactsOfTrainee(
  'cohort:active-progress-facts-of-trainee',
  `e.id, e.cohort_id AS "cohortId", e.course_version_id AS "courseVersionId",
   (SELECT l.completed_at FROM lesson_completion l WHERE l.enrollment_id = e.id AND l.lesson_id = $2::uuid) AS "lessonCompletedAt"`,
  `e.status = 'active'`,
);

function assemble(row: FactsRow, outline: CourseVersionOutline, now: Date): LoadedProgress {
  const { offsets, lessons, passes } = row;
  const cohort: ProgressCohort = {
    id: row.cohortId, name: row.cohortName, status: row.cohortStatus, startsAt: row.cohortStartsAt, endsAt: row.cohortEndsAt, unlockMode: row.unlockMode, timeZone: row.timeZone,
  };
  const schedule: ScheduleFacts = { unlockMode: cohort.unlockMode, startsAt: cohort.startsAt, timeZone: cohort.timeZone, offsets: new Map(offsets) };
  const facts: ProgressFacts = { doneLessons: new Set(lessons), passedAssessments: new Set(passes) };
  return { cohort, outline, schedule, facts, progress: computeProgress(outline, schedule, facts, now) };
}
