import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { badRequest, decodeCursor, encodeCursor, hasRole, notFound, Principal, unprocessable } from '@gds/http';
import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';
import { CohortTrainees, NamedEnrollment } from '../cohort/cohort-trainees.contract';
import { CourseVersionOutline, PublishedCourseVersions } from '../course/published-course-versions.contract';
import { asFrozen } from './frozen-assessment';
import { CellFacts, gradebookCell } from './gradebook-cells';
import { SubmissionStatus } from './submission.entity';
import { GradebookAssessmentView, GradebookRowView, GradebookView } from './dto/gradebook.dto';

/** The CSV export reads the whole cohort, a page of this many trainees at a time. */
const EXPORT_PAGE = 500;

interface Columns {
  outline: CourseVersionOutline;
  assessments: GradebookAssessmentView[];
}

/**
 * The instructors' gradebook of a cohort and one course version: trainees × assessments. The
 * assessment module owns it (it holds submissions, attempts and exceptions); the cohort module says
 * who is enrolled and their names (CohortTrainees), and who instructs (EnrollmentDirectory).
 */
@Injectable()
export class Gradebooks {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly enrollments: EnrollmentDirectory,
    private readonly trainees: CohortTrainees,
    private readonly versions: PublishedCourseVersions,
  ) {}

  async page(principal: Principal, cohortId: string, query: { courseVersionId?: string; limit: number; cursor?: string }): Promise<GradebookView> {
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    if (after && (Number.isNaN(Date.parse(after.at)) || !/^[0-9a-f-]{36}$/i.test(after.id))) throw badRequest('invalid-cursor', 'The cursor is not one this API issued.');
    const { courseVersionId, columns } = await this.open(principal, cohortId, query.courseVersionId);
    const people = await this.trainees.page(cohortId, courseVersionId, after ? { enrolledAt: new Date(after.at), enrollmentId: after.id } : null, query.limit + 1);
    const shown = people.slice(0, query.limit);
    const last = shown[shown.length - 1];
    return {
      ...this.header(cohortId, courseVersionId, columns),
      items: await this.rows(shown, columns.assessments),
      nextCursor: people.length > query.limit && last ? encodeCursor({ at: last.enrolledAt.toISOString(), id: last.enrollmentId }) : null,
    };
  }

  /** Every trainee, for the CSV export. */
  async whole(principal: Principal, cohortId: string, courseVersionId: string | undefined): Promise<GradebookView> {
    const opened = await this.open(principal, cohortId, courseVersionId);
    const items: GradebookRowView[] = [];
    let after: NamedEnrollment | undefined;
    for (;;) {
      const people = await this.trainees.page(cohortId, opened.courseVersionId, after ? { enrolledAt: after.enrolledAt, enrollmentId: after.enrollmentId } : null, EXPORT_PAGE);
      items.push(...(await this.rows(people, opened.columns.assessments)));
      if (people.length < EXPORT_PAGE) break;
      after = people[people.length - 1];
    }
    return { ...this.header(cohortId, opened.courseVersionId, opened.columns), items, nextCursor: null };
  }

  private header(cohortId: string, courseVersionId: string, columns: Columns) {
    return { cohortId, courseVersionId, courseTitle: columns.outline.courseTitle, version: columns.outline.version, assessments: columns.assessments };
  }

  /** 404 unless the caller is an admin or instructs the cohort; the version must be one the cohort runs. */
  private async open(principal: Principal, cohortId: string, requested: string | undefined): Promise<{ courseVersionId: string; columns: Columns }> {
    const allowed = hasRole(principal, 'admin') ? await this.enrollments.cohortExists(cohortId) : await this.enrollments.isCohortInstructor(principal.userId, cohortId);
    if (!allowed) throw notFound('Cohort');
    const running = await this.trainees.courseVersionsOf(cohortId);
    if (requested && !running.includes(requested)) {
      throw unprocessable('course-version-not-in-cohort', 'The cohort does not run this course version.', { courseVersionIds: running });
    }
    if (!requested && running.length !== 1) {
      throw unprocessable('course-version-required', 'The cohort runs several course versions: name one with courseVersionId.', { courseVersionIds: running });
    }
    const courseVersionId = requested ?? running[0];
    const outline = await this.versions.getOutline(courseVersionId);
    if (!outline) throw notFound('Course version');
    return { courseVersionId, columns: { outline, assessments: await this.columnsOf(outline) } };
  }

  private async columnsOf(outline: CourseVersionOutline): Promise<GradebookAssessmentView[]> {
    const columns: GradebookAssessmentView[] = [];
    for (const module of [...outline.modules].sort((a, b) => a.position - b.position)) {
      for (const a of module.assessments) {
        const frozen = asFrozen(await this.versions.getFrozenAssessment(outline.versionId, a.assessmentId));
        columns.push({
          assessmentId: a.assessmentId, title: a.title, kind: a.kind, moduleId: module.moduleId, moduleTitle: module.title,
          maxScore: a.maxScore, passMark: a.passMark, required: a.required, attemptsAllowed: frozen?.attemptsAllowed ?? 1,
        });
      }
    }
    return columns;
  }

  private async rows(people: NamedEnrollment[], assessments: GradebookAssessmentView[]): Promise<GradebookRowView[]> {
    if (people.length === 0) return [];
    const facts = await this.factsOf(people.map((p) => p.enrollmentId), assessments.map((a) => a.assessmentId));
    return people.map((p) => ({
      enrollmentId: p.enrollmentId, traineeId: p.traineeId, displayName: p.displayName, enrollmentStatus: p.status,
      cells: assessments.map((a) => gradebookCell(facts.get(`${p.enrollmentId}:${a.assessmentId}`) ?? emptyFacts(), a)),
    }));
  }

  /** Four grouped reads for a whole page, whatever its size: submissions, the latest of each, attempts and exceptions. */
  private async factsOf(enrollmentIds: string[], assessmentIds: string[]): Promise<Map<string, CellFacts>> {
    const params = [enrollmentIds, assessmentIds];
    const scope = 'enrollment_id = ANY($1::uuid[]) AND assessment_id = ANY($2::uuid[])';
    // One after another: inside a transaction they share one connection anyway.
    const best: BestRow[] = await this.txHost.tx.query(`SELECT enrollment_id, assessment_id, max(score) FILTER (WHERE status = 'graded')::float8 AS best FROM submission WHERE ${scope} GROUP BY 1, 2`, params);
    const latest: LatestRow[] = await this.txHost.tx.query(
        `SELECT DISTINCT ON (enrollment_id, assessment_id) enrollment_id, assessment_id, id, status, score::float8 AS score, late_days
           FROM submission WHERE ${scope} ORDER BY enrollment_id, assessment_id, submitted_at DESC, id DESC`,
      params,
    );
    const attempts: AttemptRow[] = await this.txHost.tx.query(
        `SELECT enrollment_id, assessment_id, count(*)::int AS started,
                bool_or(NOT EXISTS (SELECT 1 FROM submission s WHERE s.attempt_id = a.id) AND (a.deadline_at IS NULL OR a.deadline_at > now())) AS open
           FROM assessment_attempt a WHERE ${scope} GROUP BY 1, 2`,
      params,
    );
    const exceptions: ExceptionRow[] = await this.txHost.tx.query(
        `SELECT enrollment_id, assessment_id, max(due_at) AS due_at, coalesce(sum(extra_attempts), 0)::int AS extra FROM assessment_exception WHERE ${scope} GROUP BY 1, 2`,
      params,
    );
    const facts = new Map<string, CellFacts>();
    const at = (r: { enrollment_id: string; assessment_id: string }) => {
      const key = `${r.enrollment_id}:${r.assessment_id}`;
      if (!facts.has(key)) facts.set(key, emptyFacts());
      return facts.get(key)!;
    };
    for (const r of best) at(r).bestScore = r.best;
    for (const r of latest) at(r).latest = { id: r.id, status: r.status, score: r.score, lateDays: r.late_days };
    for (const r of attempts) Object.assign(at(r), { attemptsStarted: r.started, openAttempt: r.open });
    for (const r of exceptions) at(r).exception = { dueAt: r.due_at, extraAttempts: r.extra };
    return facts;
  }
}

interface BestRow { enrollment_id: string; assessment_id: string; best: number | null }
interface LatestRow { enrollment_id: string; assessment_id: string; id: string; status: SubmissionStatus; score: number | null; late_days: number }
interface AttemptRow { enrollment_id: string; assessment_id: string; started: number; open: boolean }
interface ExceptionRow { enrollment_id: string; assessment_id: string; due_at: Date | null; extra: number }

function emptyFacts(): CellFacts {
  return { bestScore: null, latest: null, attemptsStarted: 0, openAttempt: false, exception: null };
}
