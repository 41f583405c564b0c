import type { Pool } from 'pg';
import type { CourseVersionOutline } from '../../src/course/published-course-versions.contract';

/** Published outlines by version id, kept in memory as the app keeps them (PublishedVersionsReader): published versions never change. */
const outlines = new Map<string, CourseVersionOutline>();

export async function outlineOf(pool: Pool, versionId: string): Promise<CourseVersionOutline> {
  const cached = outlines.get(versionId);
  if (cached) return cached;
  const { rows } = await pool.query('SELECT id, course_id, version, title, published_at, outline FROM course_version WHERE id = $1', [versionId]);
  const r = rows[0];
  const outline: CourseVersionOutline = {
    versionId: r.id, courseId: r.course_id, courseCode: r.outline.courseCode, courseTitle: r.title, trackCode: r.outline.trackCode,
    version: r.version, publishedAt: r.published_at, modules: r.outline.modules,
  };
  outlines.set(versionId, outline);
  return outline;
}
