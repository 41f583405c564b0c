import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DirectReads } from '@gds/database';
import { CourseRef, CourseVersionOutline, PublishedCourseVersions } from './published-course-versions.contract';
import { VERSION_COLUMNS, VersionRow } from './course-versions.service';

/**
 * Published versions never change (database triggers refuse UPDATE and DELETE), so what other
 * modules read of them is kept in memory: grading and progress read the same frozen assessment and
 * outline on every submission. Bounded, since a long-running worker sees every version ever taught.
 * Cached values are frozen: every caller shares them, so one that changed its copy would change
 * everyone's.
 */
const CACHED_OUTLINES = 500;
const CACHED_ASSESSMENTS = 5_000;

/**
 * Reads published versions for other modules. Read-only and free of access rules (callers decide
 * who may see what), so it depends on nothing but the database: the cohort module can read
 * versions while the course module's access rules read the cohort module's enrollments.
 */
@Injectable()
export class PublishedVersionsReader implements PublishedCourseVersions {
  constructor(private readonly reads: DirectReads) {}

  private readonly outlines = new LRUCache<string, CourseVersionOutline>({ max: CACHED_OUTLINES });
  private readonly frozenAssessments = new LRUCache<string, { frozen: unknown }>({ max: CACHED_ASSESSMENTS });

  async getOutline(versionId: string): Promise<CourseVersionOutline | null> {
    return (await this.getOutlines([versionId]))[0] ?? null;
  }

  async getOutlines(versionIds: string[]): Promise<CourseVersionOutline[]> {
    // Every hot read finds them all here (published outlines are read once per process): answer without building the missing list.
    const cached: CourseVersionOutline[] = [];
    for (const id of versionIds) {
      const outline = this.outlines.get(id);
      if (!outline) break;
      cached.push(outline);
    }
    if (cached.length === versionIds.length) return cached;
    const missing = [...new Set(versionIds)].filter((id) => !this.outlines.has(id));
    if (missing.length) {
      const rows = await this.reads.query<VersionRow>(`SELECT ${VERSION_COLUMNS}, outline FROM course_version WHERE id = ANY($1::uuid[])`, [missing]);
      for (const row of rows) this.outlines.set(row.id, deepFreeze(outlineOf(row)));
    }
    return versionIds.flatMap((id) => this.outlines.get(id) ?? []);
  }

  /** Not cached: a course's title may change (the draft's), and callers ask for a handful at a time. */
  async getCourses(courseIds: string[]): Promise<CourseRef[]> {
    if (!courseIds.length) return [];
    const rows = await this.reads.query<CourseRef>(`SELECT id AS "courseId", code, title FROM course WHERE id = ANY($1::uuid[])`, [courseIds]);
    const byId = new Map(rows.map((r) => [r.courseId, r]));
    return courseIds.flatMap((id) => byId.get(id) ?? []);
  }

  /** Unknown pairs are not remembered: a version published later may be asked for by the same id. */
  async getFrozenAssessment(versionId: string, assessmentId: string): Promise<unknown | null> {
    const key = `${versionId}/${assessmentId}`;
    const cached = this.frozenAssessments.get(key);
    if (cached) return cached.frozen;
    const rows = await this.reads.query<{ frozen: unknown }>(
      `SELECT frozen FROM course_version_assessment WHERE version_id = $1 AND assessment_id = $2`,
      [versionId, assessmentId],
    );
    if (!rows.length) return null;
    this.frozenAssessments.set(key, deepFreeze(rows[0]));
    return rows[0].frozen;
  }
}

function outlineOf(row: VersionRow): CourseVersionOutline {
  return {
    versionId: row.id,
    courseId: row.course_id,
    courseCode: row.outline.courseCode,
    courseTitle: row.title,
    trackCode: row.outline.trackCode as CourseVersionOutline['trackCode'],
    version: row.version,
    publishedAt: row.published_at,
    // Versions are frozen with their prerequisites; `?? []` for any outline stored before they were.
    prerequisiteCourseIds: row.outline.prerequisiteCourseIds ?? [],
    modules: row.outline.modules,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
