import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { badRequest, decodeCursor, encodeCursor, hasRole, notFound, Principal, unprocessable } from '@gds/http';
import { EnrollmentDirectory, EnrollmentRef } from '../cohort/enrollment-directory.contract';
import { CohortTrainees, NamedEnrollment } from '../cohort/cohort-trainees.contract';
import { CourseVersionOutline, PublishedCourseVersions } from '../course/published-course-versions.contract';
import { asFrozen } from './frozen-assessment';
import { CellFacts, gradebookCell } from './gradebook-cells';
import { laterOf, TraineeEnrollments } from './trainee-enrollments.service';
import { SubmissionStatus } from './submission.entity';
import { GradebookAssessmentView, GradebookRowView, GradebookView } from './dto/gradebook.dto';

/** The CSV export reads the whole cohort, a page of this many trainees at a time. */
const EXPORT_PAGE = 500;

/** What a column needs beyond what it shows: where its due date comes from, and its grace. */
interface ColumnRules {
  moduleId: string;
  dueOffsetDays: number | null;
  lateGraceMinutes: number;
}

interface Columns {
  outline: CourseVersionOutline;
  assessments: GradebookAssessmentView[];
  rules: Map<string, ColumnRules>;
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
    private readonly traineeEnrollments: TraineeEnrollments,
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
      items: await this.rows(shown, columns),
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
      items.push(...(await this.rows(people, opened.columns)));
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
    return { courseVersionId, columns: await this.columnsOf(outline) };
  }

  private async columnsOf(outline: CourseVersionOutline): Promise<Columns> {
    const assessments: GradebookAssessmentView[] = [];
    const rules = new Map<string, ColumnRules>();
    for (const module of [...outline.modules].sort((a, b) => a.position - b.position)) {
      for (const a of module.assessments) {
        const frozen = asFrozen(await this.versions.getFrozenAssessment(outline.versionId, a.assessmentId));
        assessments.push({
          assessmentId: a.assessmentId, title: a.title, kind: a.kind, moduleId: module.moduleId, moduleTitle: module.title,
          maxScore: a.maxScore, passMark: a.passMark, required: a.required, attemptsAllowed: frozen?.attemptsAllowed ?? 1,
        });
        rules.set(a.assessmentId, { moduleId: module.moduleId, dueOffsetDays: frozen?.dueOffsetDays ?? a.dueOffsetDays, lateGraceMinutes: frozen?.lateGraceMinutes ?? 0 });
      }
    }
    return { outline, assessments, rules };
  }

  private async rows(people: NamedEnrollment[], columns: Columns): Promise<GradebookRowView[]> {
    if (people.length === 0) return [];
    const facts = await this.factsOf(people.map((p) => p.enrollmentId), columns.assessments.map((a) => a.assessmentId));
    const scheduled = await this.scheduledDueDates(people, columns);
    const now = new Date();
    return people.map((p) => ({
      enrollmentId: p.enrollmentId, traineeId: p.traineeId, displayName: p.displayName, enrollmentStatus: p.status,
      cells: columns.assessments.map((a) => {
        const cell = facts.get(`${p.enrollmentId}:${a.assessmentId}`) ?? emptyFacts();
        const dueAt = laterOf(scheduled.get(a.assessmentId) ?? null, cell.exception?.dueAt ?? null);
        return gradebookCell(cell, { ...a, lateGraceMinutes: columns.rules.get(a.assessmentId)?.lateGraceMinutes }, { dueAt, enrollmentActive: p.status === 'active', now });
      }),
    }));
  }

  /**
   * Each assessment's due date by the cohort's schedule (before any exception): its unlock day plus
   * its offset, in the cohort's zone, as the trainee's own assessment page counts it. Unlock days
   * run from the cohort's start by the cohort's schedule, the same for all of its enrollments, so
   * one enrollment of the page stands for all: a look-up per module, not per trainee and module.
   */
  private async scheduledDueDates(people: NamedEnrollment[], columns: Columns): Promise<Map<string, Date | null>> {
    const [ref]: EnrollmentRef[] = await this.enrollments.getEnrollments([people[0].enrollmentId]);
    const due = new Map<string, Date | null>();
    if (!ref) return due;
    const byModule = new Map<string, Date | null>();
    for (const [assessmentId, rule] of columns.rules) {
      const key = `${rule.moduleId}:${rule.dueOffsetDays}`;
      if (!byModule.has(key)) byModule.set(key, await this.traineeEnrollments.dueAt(ref, rule.moduleId, rule.dueOffsetDays));
      due.set(assessmentId, byModule.get(key)!);
    }
    return due;
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
        // "Not submitted" by a lateral probe of the unique attempt id per attempt of the page: as a
        // subquery in the aggregate or a plain join, the planner hashes the whole submission table.
        `SELECT a.enrollment_id, a.assessment_id, count(*)::int AS started,
                bool_or(s.submitted IS NULL AND (a.deadline_at IS NULL OR a.deadline_at > now())) AS open
           FROM assessment_attempt a
           LEFT JOIN LATERAL (SELECT true AS submitted FROM submission WHERE submission.attempt_id = a.id LIMIT 1) s ON true
          WHERE a.enrollment_id = ANY($1::uuid[]) AND a.assessment_id = ANY($2::uuid[]) GROUP BY 1, 2`,
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
