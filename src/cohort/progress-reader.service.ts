import { Injectable } from '@nestjs/common';
import { DirectReads, namedStatement } from '@gds/database';
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
    const rows = await this.reads.query<FactsRow & { enrollmentId: string; courseVersionId: string }>(ACTIVE_PROGRESS_FACTS_OF_TRAINEE, [traineeId]);
    const loaded = [];
    for (const { enrollmentId, courseVersionId, ...row } of rows) {
      const outline = await this.versions.getOutline(courseVersionId);
      if (outline) loaded.push({ enrollment: { id: enrollmentId, cohortId: row.id, courseVersionId }, loaded: assemble(row, outline, now) });
    }
    return loaded;
  }
}

type FactsRow = ProgressCohort & { offsets: Array<[string, number]>; lessons: string[]; passes: string[] };

/** The cohort's columns and the enrollment's facts, for a FROM with the cohort as `c` and the enrollment's id as `$2`. */
const FACTS_COLUMNS = `c.id, c.name, c.status, c.starts_at AS "startsAt", c.ends_at AS "endsAt", c.unlock_mode AS "unlockMode", c.time_zone AS "timeZone",
  (SELECT coalesce(json_agg(json_build_array(u.module_id, u.offset_days)), '[]') FROM cohort_module_unlock u WHERE u.cohort_id = c.id) AS offsets,
  ARRAY(SELECT l.lesson_id FROM lesson_completion l WHERE l.enrollment_id = $2) AS lessons,
  ARRAY(SELECT DISTINCT g.assessment_id FROM assessment_grade g WHERE g.enrollment_id = $2 AND g.passed) AS passes`;

// Named statements (parsed once per pooled connection): in the load run these were planned on
// every call, and planning took longer than executing them (pg_stat_statements, FINDINGS-pgcpu.md).
const PROGRESS_FACTS = namedStatement('cohort:progress-facts', `SELECT ${FACTS_COLUMNS} FROM cohort c WHERE c.id = $1`);
const ACTIVE_PROGRESS_FACTS_OF_TRAINEE = namedStatement(
  'cohort:active-progress-facts-of-trainee',
  `SELECT e.id AS "enrollmentId", e.course_version_id AS "courseVersionId", ${FACTS_COLUMNS.replaceAll('$2', 'e.id')}
     FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
    WHERE e.trainee_id = $1 AND e.status = 'active' ORDER BY e.enrolled_at DESC`,
);

function assemble({ offsets, lessons, passes, ...cohort }: FactsRow, outline: CourseVersionOutline, now: Date): LoadedProgress {
  const schedule: ScheduleFacts = { unlockMode: cohort.unlockMode, startsAt: cohort.startsAt, timeZone: cohort.timeZone, offsets: new Map(offsets) };
  const facts: ProgressFacts = { doneLessons: new Set(lessons), passedAssessments: new Set(passes) };
  return { cohort, outline, schedule, facts, progress: computeProgress(outline, schedule, facts, now) };
}
