import { Injectable } from '@nestjs/common';
import { DirectReads, NamedStatement, namedStatement } from '@gds/database';
import { CourseVersionOutline, PublishedCourseVersions } from '../course/published-course-versions.contract';
import { Cohort } from './cohort.entity';
import { Enrollment } from './enrollment.entity';
import { computeProgress, CourseProgress, ProgressFacts, ScheduleFacts } from './module-states';

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
   * Null when the course version is unknown to the course module (it never should be). The cohort,
   * its unlock offsets, the lessons done and the assessments passed are one statement (four round
   * trips before): this runs on every grade that can change progress, every lesson completion and
   * every module-lock check of a submission.
   */
  async load(enrollment: Pick<Enrollment, 'id' | 'cohortId' | 'courseVersionId'>, now = new Date()): Promise<LoadedProgress | null> {
    const outline = await this.versions.getOutline(enrollment.courseVersionId);
    if (!outline) return null;
    const rows = await this.reads.query<FactsRow>(PROGRESS_FACTS, [enrollment.cohortId, enrollment.id]);
    return assemble(rows[0], outline, now);
  }

  /**
   * Every active enrollment of a trainee, newest first, each with what its progress is computed
   * from, in one statement (a lesson completion needs the enrollment that holds the lesson and its
   * progress: two round trips as `load` after a lookup). Enrollments whose version the course
   * module does not know are left out.
   */
  async loadActiveOf(traineeId: string, now = new Date()): Promise<Array<{ enrollment: Pick<Enrollment, 'id' | 'cohortId' | 'courseVersionId'>; loaded: LoadedProgress }>> {
    const loaded = await this.loadAllOf<Pick<Enrollment, 'id' | 'cohortId' | 'courseVersionId'>>(ACTIVE_PROGRESS_FACTS_OF_TRAINEE, traineeId, now);
    return loaded.flatMap(({ enrollment, loaded }) => (loaded ? [{ enrollment, loaded }] : []));
  }

  /**
   * A trainee's enrollments and what each one's progress is computed from, in one statement
   * (`statement`, made by `progressFactsOfTrainee`): the trainee home reads this on every visit
   * (issue 23), where listing the enrollments and then `load` for each took one more round trip per
   * enrollment. `loaded` is null for an enrollment whose version the course module does not know.
   */
  async loadAllOf<E extends Pick<Enrollment, 'cohortId' | 'courseVersionId'>>(statement: NamedStatement, traineeId: string, now = new Date()): Promise<Array<{ enrollment: E; loaded: LoadedProgress | null }>> {
    const rows = await this.reads.query<FactsRow & E>(statement, [traineeId]);
    const outlines = new Map((await this.versions.getOutlines([...new Set(rows.map((r) => r.courseVersionId))])).map((o) => [o.versionId, o]));
    return rows.map((row) => {
      const { cohortName, cohortStatus, cohortStartsAt, cohortEndsAt, unlockMode, timeZone, offsets, lessons, passes, ...enrollment } = row;
      const facts: FactsRow = { cohortId: row.cohortId, cohortName, cohortStatus, cohortStartsAt, cohortEndsAt, unlockMode, timeZone, offsets, lessons, passes };
      const outline = outlines.get(row.courseVersionId);
      return { enrollment: enrollment as unknown as E, loaded: outline ? assemble(facts, outline, now) : null };
    });
  }
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
const PROGRESS_FACTS = namedStatement('cohort:progress-facts', `SELECT ${FACTS_COLUMNS} FROM cohort c WHERE c.id = $1`);

/**
 * A named statement of a trainee's enrollments (`$1`), newest first: the enrollment's own `columns`
 * (SQL over `e`, with `cohortId` and `courseVersionId` among them) and its progress facts. Declare
 * it once, at module load (see named-statement.ts); `where` narrows it (SQL over `e`, after AND).
 */
export function progressFactsOfTrainee(name: string, columns: string, where = 'true'): NamedStatement {
  return namedStatement(
    name,
    `SELECT ${columns}, ${FACTS_COLUMNS.replaceAll('$2', 'e.id')}
       FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
      WHERE e.trainee_id = $1 AND ${where} ORDER BY e.enrolled_at DESC, e.id`,
  );
}

const ACTIVE_PROGRESS_FACTS_OF_TRAINEE = progressFactsOfTrainee(
  'cohort:active-progress-facts-of-trainee',
  `e.id, e.cohort_id AS "cohortId", e.course_version_id AS "courseVersionId"`,
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
