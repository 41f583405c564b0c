import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppTransactionHost, DirectReads } from '@gds/database';
import { forbidden, notFound, Principal } from '@gds/http';
import { CourseAccess } from './course-access.service';
import { diffOutlines, FrozenLessonContent, FrozenOutline, VersionDiff } from './course-snapshot';
import { renderMarkdown } from './markdown-renderer';

export interface VersionRow {
  id: string;
  course_id: string;
  version: number;
  title: string;
  summary: string;
  level: string;
  estimated_hours: number;
  change_note: string;
  published_by: string;
  published_at: Date;
  outline: FrozenOutline;
}

export interface VersionView {
  versionId: string;
  courseId: string;
  version: number;
  title: string;
  summary: string;
  level: string;
  estimatedHours: number;
  changeNote: string;
  publishedBy: string;
  publishedAt: string;
  outline?: FrozenOutline;
}

export interface VersionLessonView extends FrozenLessonContent {
  lessonId: string;
  moduleId: string;
  versionId: string;
  bodyHtml: string | null;
  environmentNotesHtml: string | null;
}

export const VERSION_COLUMNS = `id, course_id, version, title, summary, level, estimated_hours, change_note, published_by, published_at`;

/** Reads published versions for the HTTP API (other modules read them through PublishedCourseVersions). */
type RenderedLesson = Pick<VersionLessonView, 'bodyHtml' | 'environmentNotesHtml'>;

/** Rendered lessons kept per process (bounded: a long-running api sees every version ever taught). */
const RENDERED_LESSONS = 2_000;
/** Published version rows (with their outline, tens of KB for a 12 × 10 course) kept per process. */
const VERSION_ROWS = 100;

@Injectable()
export class CourseVersions {
  private readonly renderedLessons = new LRUCache<string, RenderedLesson>({ max: RENDERED_LESSONS });
  private readonly versionRows = new LRUCache<string, VersionRow>({ max: VERSION_ROWS });

  constructor(
    private readonly reads: DirectReads,
    private readonly access: CourseAccess,
    private readonly txHost: AppTransactionHost,
  ) {}

  async list(principal: Principal, courseId: string): Promise<VersionView[]> {
    await this.access.ensureVisible(principal, courseId);
    const rows: VersionRow[] = await this.reads.query(`SELECT ${VERSION_COLUMNS} FROM course_version WHERE course_id = $1 ORDER BY version DESC`, [courseId]);
    return rows.map((row) => viewOf(row));
  }

  /** The outline of a version (no lesson bodies): every signed-in user who can see the course. */
  async get(principal: Principal, courseId: string, version: number): Promise<VersionView> {
    await this.access.ensureVisible(principal, courseId);
    return this.published(courseId, version);
  }

  /** The outline of a version, for a caller that has already checked the course is visible (the course page). */
  async published(courseId: string, version: number): Promise<VersionView> {
    return viewOf(await this.row(courseId, version), true);
  }

  async lesson(principal: Principal, courseId: string, version: number, lessonId: string): Promise<VersionLessonView> {
    await this.access.ensureVisible(principal, courseId);
    const versionId = await this.versionId(courseId, version);
    const found: Array<{ module_id: string; content: FrozenLessonContent }> = await this.reads.query(
      `SELECT module_id, content FROM course_version_lesson WHERE version_id = $1 AND lesson_id = $2`,
      [versionId, lessonId],
    );
    if (!found.length) throw notFound('Lesson');
    if (!(await this.access.mayReadBodies(principal, courseId, versionId))) {
      throw forbidden('Lesson content is for trainees enrolled in a cohort running this version, and for the course’s instructors.');
    }
    const content = found[0].content;
    return { lessonId, moduleId: found[0].module_id, versionId, ...content, ...this.rendered(versionId, lessonId, content) };
  }

  async diff(principal: Principal, courseId: string, from: number, to: number): Promise<{ from: number; to: number } & VersionDiff> {
    await this.access.ensureVisible(principal, courseId);
    const [before, after] = [await this.row(courseId, from), await this.row(courseId, to)];
    return { from, to, ...diffOutlines(before.outline, after.outline) };
  }

  /** Lesson contents of a version, in outline order (for export). */
  async contents(versionId: string): Promise<Map<string, FrozenLessonContent>> {
    const rows: Array<{ lesson_id: string; content: FrozenLessonContent }> = await this.reads.query(
      `SELECT lesson_id, content FROM course_version_lesson WHERE version_id = $1`,
      [versionId],
    );
    return new Map(rows.map((r) => [r.lesson_id, r.content]));
  }

  /**
   * The lesson's Markdown as sanitised HTML, rendered once per process: a published version's lesson
   * never changes (database triggers refuse UPDATE and DELETE), and rendering a 2 KB body was a
   * quarter of the lesson read's CPU (issue 23's profile). The bench's bare baseline keeps the same cache.
   */
  private rendered(versionId: string, lessonId: string, content: FrozenLessonContent): RenderedLesson {
    const key = `${versionId}/${lessonId}`;
    let rendered = this.renderedLessons.get(key);
    if (!rendered) {
      rendered = Object.freeze({ bodyHtml: renderMarkdown(content.body), environmentNotesHtml: renderMarkdown(content.environmentNotes) });
      this.renderedLessons.set(key, rendered);
    }
    return rendered;
  }

  /** The version's id alone: a lesson read needs no outline (a 12 × 10 outline is tens of KB of JSON to parse). */
  private async versionId(courseId: string, version: number): Promise<string> {
    const rows: Array<{ id: string }> = await this.reads.query('SELECT id FROM course_version WHERE course_id = $1 AND version = $2', [courseId, version]);
    if (!rows.length) throw notFound('Version');
    return rows[0].id;
  }

  /**
   * A published version's row, read once per process: a version is written at publish and never
   * changed (database triggers refuse UPDATE, DELETE and TRUNCATE), and the course page and outline
   * (80 of every 430 requests in bench:load) parsed its outline JSON each time. Only rows read
   * outside a transaction are kept: one read inside the publishing transaction could still roll
   * back. Callers never change the row (nor its outline) they get.
   */
  async row(courseId: string, version: number): Promise<VersionRow> {
    const key = `${courseId}/${version}`;
    const cached = this.versionRows.get(key);
    if (cached) return cached;
    const rows: VersionRow[] = await this.reads.query(`SELECT ${VERSION_COLUMNS}, outline FROM course_version WHERE course_id = $1 AND version = $2`, [
      courseId,
      version,
    ]);
    if (!rows.length) throw notFound('Version');
    if (!this.txHost.isTransactionActive()) this.versionRows.set(key, rows[0]);
    return rows[0];
  }
}

function viewOf(row: VersionRow, withOutline = false): VersionView {
  return {
    versionId: row.id,
    courseId: row.course_id,
    version: row.version,
    title: row.title,
    summary: row.summary,
    level: row.level,
    estimatedHours: row.estimated_hours,
    changeNote: row.change_note,
    publishedBy: row.published_by,
    publishedAt: new Date(row.published_at).toISOString(),
    ...(withOutline ? { outline: row.outline } : {}),
  };
}
