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

  async facts(enrollmentId: string): Promise<ProgressFacts> {
    const lessons = await this.reads.query<{ lesson_id: string }>('SELECT lesson_id FROM lesson_completion WHERE enrollment_id = $1', [enrollmentId]);
    const passes = await this.reads.query<{ assessment_id: string }>('SELECT DISTINCT assessment_id FROM assessment_grade WHERE enrollment_id = $1 AND passed', [enrollmentId]);
    return {
      doneLessons: new Set(lessons.map((r) => r.lesson_id)),
      passedAssessments: new Set(passes.map((r) => r.assessment_id)),
    };
  }

  /** Null when the course version is unknown to the course module (it never should be). */
  async load(enrollment: Pick<Enrollment, 'id' | 'cohortId' | 'courseVersionId'>, now = new Date()): Promise<LoadedProgress | null> {
    const outline = await this.versions.getOutline(enrollment.courseVersionId);
    if (!outline) return null;
    const cohorts = await this.reads.query<ProgressCohort>(
      `SELECT id, name, status, starts_at AS "startsAt", ends_at AS "endsAt", unlock_mode AS "unlockMode", time_zone AS "timeZone" FROM cohort WHERE id = $1`,
      [enrollment.cohortId],
    );
    const cohort = cohorts[0];
    const schedule = await this.schedule(cohort);
    const facts = await this.facts(enrollment.id);
    return { cohort, outline, schedule, facts, progress: computeProgress(outline, schedule, facts, now) };
  }
}
