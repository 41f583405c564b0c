import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppTransactionHost, DirectReads, NamedStatement, namedStatement } from '@gds/database';
import { forbidden, hasRole, notFound, Principal } from '@gds/http';
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

/**
 * What the course module knows for a lesson read, in one statement instead of four (course
 * visibility, version, lesson row, the caller's editorship): every trainee page reads a lesson, and
 * each statement is a round trip to the database and a share of the api's CPU (issue 23). LEFT
 * JOINs keep the row when the version or the lesson is missing, so each 404 stays what it was.
 */
export const LESSON_LOOKUP = namedStatement('course:lesson-lookup', lessonLookupText(''));

function lessonLookupText(extraColumns: string): string {
  return `SELECT c.latest_version, v.id AS version_id, l.module_id, l.content,
         (c.owner_id = $4::uuid OR EXISTS (SELECT 1 FROM course_co_instructor ci WHERE ci.course_id = c.id AND ci.user_id = $4::uuid)) AS editor${extraColumns}
    FROM course c
    LEFT JOIN course_version v ON v.course_id = c.id AND v.version = $2
    LEFT JOIN course_version_lesson l ON l.version_id = v.id AND l.lesson_id = $3
   WHERE c.id = $1`;
}

/**
 * The lesson read in one statement: LESSON_LOOKUP with the caller's enrollment in the version as a
 * column, in the SQL the enrollments' owner gives through CourseReaders (the caller's id is `$4`, the
 * version `v.id`, null when the version is missing: the fragment answers false). One round trip
 * instead of two on the trainee's most frequent request (issue 23); with readers that have no SQL
 * form (an in-memory directory in tests), LESSON_LOOKUP and the readers' own check as before. The
 * text is fixed by the bound readers, so it is declared once per process like any named statement.
 */
export function lessonReadStatement(enrolledInVersionSql: (trainee: string, version: string) => string | null): NamedStatement {
  const enrolled = enrolledInVersionSql('$4::uuid', 'v.id');
  if (enrolled === null) return LESSON_LOOKUP;
  onlyPlaceholders(enrolled, ['$4'], 'CourseReaders.enrolledInVersionSql');
  return namedStatement('course:lesson-read', lessonLookupText(`,\n         ${enrolled} AS enrolled`));
}

/**
 * Another module's SQL fragment may refer only to the parameters it was handed: a `$1` of its own
 * would silently bind the course id (this statement's `$1`), a `$5` would fail on every read. The
 * text is composed once, at start-up, so a fragment that breaks this stops the app there.
 */
function onlyPlaceholders(fragment: string, allowed: string[], from: string): void {
  const stray = (fragment.match(/\$\d+/g) ?? []).filter((placeholder) => !allowed.includes(placeholder));
  if (stray.length > 0) throw new Error(`${from} answered SQL with parameters it was not given (${[...new Set(stray)].join(', ')}; allowed: ${allowed.join(', ')})`);
}

interface LessonLookup {
  latest_version: number;
  version_id: string | null;
  module_id: string | null;
  content: FrozenLessonContent | null;
  editor: boolean;
  /** Only from `course:lesson-read`: whether the caller has an active or completed enrollment in the version. */
  enrolled?: boolean;
}

/** Rendered lessons kept per process (bounded: a long-running api sees every version ever taught). */
const RENDERED_LESSONS = 2_000;
/** Published version rows (with their outline, tens of KB for a 12 × 10 course) kept per process. */
const VERSION_ROWS = 100;

@Injectable()
export class CourseVersions {
  private readonly renderedLessons = new LRUCache<string, RenderedLesson>({ max: RENDERED_LESSONS });
  private readonly versionRows = new LRUCache<string, VersionRow>({ max: VERSION_ROWS });
  private readonly lessonRead: NamedStatement;

  constructor(
    private readonly reads: DirectReads,
    private readonly access: CourseAccess,
    private readonly txHost: AppTransactionHost,
  ) {
    this.lessonRead = lessonReadStatement((trainee, version) => access.enrolledInVersionSql(trainee, version));
  }

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
    const [found] = await this.reads.query<LessonLookup>(this.lessonRead, [courseId, version, lessonId, principal.userId]);
    // The same answers, in the same order, as ensureVisible, the version, the lesson and mayReadBodies one by one.
    const editor = hasRole(principal, 'admin') || found?.editor === true;
    if (!found || (found.latest_version === 0 && !editor)) throw notFound('Course');
    if (!found.version_id) throw notFound('Version');
    if (!found.module_id || !found.content) throw notFound('Lesson');
    // The enrollment comes as the read's own column when the cohort module gives its SQL: no further await (issue 23).
    if (!editor && !(found.enrolled !== undefined ? hasRole(principal, 'trainee') && found.enrolled : await this.access.enrolledInVersion(principal, found.version_id))) {
      throw forbidden('Lesson content is for trainees enrolled in a cohort running this version, and for the course’s instructors.');
    }
    const versionId = found.version_id;
    return { lessonId, moduleId: found.module_id, versionId, ...found.content, ...this.rendered(versionId, lessonId, found.content) };
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
