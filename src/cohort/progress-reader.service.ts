import { Injectable } from '@nestjs/common';
import { DirectReads } from '@gds/database';
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
    const rows = await this.reads.query<ProgressCohort & { offsets: Array<[string, number]>; lessons: string[]; passes: string[] }>(
      `SELECT c.id, c.name, c.status, c.starts_at AS "startsAt", c.ends_at AS "endsAt", c.unlock_mode AS "unlockMode", c.time_zone AS "timeZone",
              (SELECT coalesce(json_agg(json_build_array(u.module_id, u.offset_days)), '[]') FROM cohort_module_unlock u WHERE u.cohort_id = c.id) AS offsets,
              ARRAY(SELECT l.lesson_id FROM lesson_completion l WHERE l.enrollment_id = $2) AS lessons,
              ARRAY(SELECT DISTINCT g.assessment_id FROM assessment_grade g WHERE g.enrollment_id = $2 AND g.passed) AS passes
         FROM cohort c WHERE c.id = $1`,
      [enrollment.cohortId, enrollment.id],
    );
    const { offsets, lessons, passes, ...cohort } = rows[0];
    const schedule: ScheduleFacts = { unlockMode: cohort.unlockMode, startsAt: cohort.startsAt, timeZone: cohort.timeZone, offsets: new Map(offsets) };
    const facts: ProgressFacts = { doneLessons: new Set(lessons), passedAssessments: new Set(passes) };
    return { cohort, outline, schedule, facts, progress: computeProgress(outline, schedule, facts, now) };
  }
}
