import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppTransactionHost } from '@gds/database';
import { forbidden, notFound, Principal } from '@gds/http';
import { CourseAccess } from './course-access.service';
import { CourseVersionOutline, PublishedCourseVersions } from './published-course-versions.contract';
import { diffOutlines, FrozenLessonContent, FrozenOutline, VersionDiff } from './course-snapshot';
import { renderMarkdown } from './markdown-renderer';

interface VersionRow {
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

/**
 * Published versions never change (database triggers refuse UPDATE and DELETE), so what other
 * modules read of them is kept in memory: grading and progress read the same frozen assessment and
 * outline on every submission. Bounded, since a long-running worker sees every version ever taught.
 * Cached values are frozen: every caller shares them, so one that changed its copy would change
 * everyone's.
 */
const CACHED_OUTLINES = 500;
const CACHED_ASSESSMENTS = 5_000;

const VERSION_COLUMNS = `id, course_id, version, title, summary, level, estimated_hours, change_note, published_by, published_at`;

/** Reads published versions: for other modules (the contract) and for the HTTP API. */
@Injectable()
export class CourseVersions implements PublishedCourseVersions {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CourseAccess,
  ) {}

  private readonly outlines = new LRUCache<string, CourseVersionOutline>({ max: CACHED_OUTLINES });
  private readonly frozenAssessments = new LRUCache<string, { frozen: unknown }>({ max: CACHED_ASSESSMENTS });

  async getOutline(versionId: string): Promise<CourseVersionOutline | null> {
    return (await this.getOutlines([versionId]))[0] ?? null;
  }

  async getOutlines(versionIds: string[]): Promise<CourseVersionOutline[]> {
    const missing = [...new Set(versionIds)].filter((id) => !this.outlines.has(id));
    if (missing.length) {
      const rows: VersionRow[] = await this.txHost.tx.query(`SELECT ${VERSION_COLUMNS}, outline FROM course_version WHERE id = ANY($1::uuid[])`, [missing]);
      for (const row of rows) this.outlines.set(row.id, deepFreeze(outlineOf(row)));
    }
    return versionIds.flatMap((id) => this.outlines.get(id) ?? []);
  }

  /** Unknown pairs are not remembered: a version published later may be asked for by the same id. */
  async getFrozenAssessment(versionId: string, assessmentId: string): Promise<unknown | null> {
    const key = `${versionId}/${assessmentId}`;
    const cached = this.frozenAssessments.get(key);
    if (cached) return cached.frozen;
    const rows: Array<{ frozen: unknown }> = await this.txHost.tx.query(
      `SELECT frozen FROM course_version_assessment WHERE version_id = $1 AND assessment_id = $2`,
      [versionId, assessmentId],
    );
    if (!rows.length) return null;
    this.frozenAssessments.set(key, deepFreeze(rows[0]));
    return rows[0].frozen;
  }

  async list(principal: Principal, courseId: string): Promise<VersionView[]> {
    await this.access.findVisible(principal, courseId);
    const rows: VersionRow[] = await this.txHost.tx.query(`SELECT ${VERSION_COLUMNS} FROM course_version WHERE course_id = $1 ORDER BY version DESC`, [courseId]);
    return rows.map((row) => viewOf(row));
  }

  /** The outline of a version (no lesson bodies): every signed-in user who can see the course. */
  async get(principal: Principal, courseId: string, version: number): Promise<VersionView> {
    await this.access.findVisible(principal, courseId);
    return viewOf(await this.row(courseId, version), true);
  }

  async lesson(principal: Principal, courseId: string, version: number, lessonId: string): Promise<VersionLessonView> {
    await this.access.findVisible(principal, courseId);
    const row = await this.row(courseId, version);
    const found: Array<{ module_id: string; content: FrozenLessonContent }> = await this.txHost.tx.query(
      `SELECT module_id, content FROM course_version_lesson WHERE version_id = $1 AND lesson_id = $2`,
      [row.id, lessonId],
    );
    if (!found.length) throw notFound('Lesson');
    if (!(await this.access.mayReadBodies(principal, courseId, row.id))) {
      throw forbidden('Lesson content is for trainees enrolled in a cohort running this version, and for the course’s instructors.');
    }
    const content = found[0].content;
    return {
      lessonId,
      moduleId: found[0].module_id,
      versionId: row.id,
      ...content,
      bodyHtml: renderMarkdown(content.body),
      environmentNotesHtml: renderMarkdown(content.environmentNotes),
    };
  }

  async diff(principal: Principal, courseId: string, from: number, to: number): Promise<{ from: number; to: number } & VersionDiff> {
    await this.access.findVisible(principal, courseId);
    const [before, after] = [await this.row(courseId, from), await this.row(courseId, to)];
    return { from, to, ...diffOutlines(before.outline, after.outline) };
  }

  /** Lesson contents of a version, in outline order (for export). */
  async contents(versionId: string): Promise<Map<string, FrozenLessonContent>> {
    const rows: Array<{ lesson_id: string; content: FrozenLessonContent }> = await this.txHost.tx.query(
      `SELECT lesson_id, content FROM course_version_lesson WHERE version_id = $1`,
      [versionId],
    );
    return new Map(rows.map((r) => [r.lesson_id, r.content]));
  }

  async row(courseId: string, version: number): Promise<VersionRow> {
    const rows: VersionRow[] = await this.txHost.tx.query(`SELECT ${VERSION_COLUMNS}, outline FROM course_version WHERE course_id = $1 AND version = $2`, [
      courseId,
      version,
    ]);
    if (!rows.length) throw notFound('Version');
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

function outlineOf(row: VersionRow): CourseVersionOutline {
  return {
    versionId: row.id,
    courseId: row.course_id,
    courseCode: row.outline.courseCode,
    courseTitle: row.title,
    trackCode: row.outline.trackCode as CourseVersionOutline['trackCode'],
    version: row.version,
    publishedAt: row.published_at,
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
