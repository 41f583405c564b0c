import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { decodeMicrosecondCursor, microsecondKey, notFound, Page, PageQuery, Principal, toPage, unprocessable } from '@gds/http';
import { Outbox, OutboxItem } from '@gds/queue';
import { CourseVersionOutline, PublishedCourseVersions } from '../course/published-course-versions.contract';
import { Cohort } from './cohort.entity';
import { CohortAccess } from './cohort-access.service';
import { incompatibilities, Incompatibility, VersionSide } from './version-compatibility';
import { CohortVersionMoveView, MoveCohortVersionDto, VersionCheckView } from './dto/version-move.dto';

interface MoveRow {
  id: string;
  cohort_id: string;
  course_id: string;
  from_version_id: string;
  to_version_id: string;
  from_version: number;
  to_version: number;
  reason: string;
  moved_by: string;
  enrollments_moved: number;
  trainees_notified: boolean;
  moved_at: Date;
}

const COLUMNS = 'id, cohort_id, course_id, from_version_id, to_version_id, from_version, to_version, reason, moved_by, enrollments_moved, trainees_notified, moved_at';

interface Planned {
  cohort: Cohort;
  from: VersionSide;
  to: VersionSide;
  reasons: Incompatibility[];
}

/**
 * Content fixes during a cohort: its instructors or an admin move it to a later published version
 * of one of its courses when the versions are compatible (version-compatibility.ts says exactly
 * when). Enrollments follow, progress is recomputed from the same completions and passes (lessons
 * and assessments keep their ids across versions), and the move is recorded.
 */
@Injectable()
export class CohortVersionMoves {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CohortAccess,
    private readonly versions: PublishedCourseVersions,
    private readonly outbox: Outbox,
  ) {}

  /** What moving to the version would answer, without moving: for a screen to show before asking. */
  async check(principal: Principal, cohortId: string, toVersionId: string): Promise<VersionCheckView> {
    const cohort = await this.access.requireStaff(principal, cohortId);
    const plan = await this.plan(cohort, toVersionId);
    const lessons = (o: CourseVersionOutline) => new Set(o.modules.flatMap((m) => m.lessons.map((l) => l.lessonId)));
    const before = lessons(plan.from.outline);
    const after = lessons(plan.to.outline);
    return {
      cohortId, fromVersionId: plan.from.outline.versionId, fromVersion: plan.from.outline.version, toVersionId, toVersion: plan.to.outline.version,
      compatible: plan.reasons.length === 0, incompatibilities: plan.reasons,
      lessonsAdded: [...after].filter((id) => !before.has(id)), lessonsRemoved: [...before].filter((id) => !after.has(id)),
    };
  }

  @Transactional()
  async move(principal: Principal, cohortId: string, input: MoveCohortVersionDto): Promise<CohortVersionMoveView> {
    await this.access.requireStaff(principal, cohortId);
    // One move of a cohort at a time: the second waits, then plans from the version the first left.
    const cohort = await this.txHost.tx.getRepository(Cohort).findOne({ where: { id: cohortId }, lock: { mode: 'pessimistic_write' } });
    if (!cohort) throw notFound('Cohort');
    const { from, to, reasons } = await this.plan(cohort, input.toVersionId);
    if (reasons.length) {
      throw unprocessable(reasons[0].code, `The cohort cannot move to version ${to.outline.version}: ${reasons.map((r) => r.detail).join(' ')}`, { incompatibilities: reasons });
    }
    const fromVersionId = from.outline.versionId;
    await this.txHost.tx.query('INSERT INTO cohort_course_version (cohort_id, course_version_id) VALUES ($1, $2)', [cohortId, input.toVersionId]);
    await this.txHost.tx.query('DELETE FROM cohort_course_version WHERE cohort_id = $1 AND course_version_id = $2', [cohortId, fromVersionId]);
    const moved: Array<{ id: string; trainee_id: string; status: string }> = await this.txHost.tx.query(
      // Inside a WITH: TypeORM answers an UPDATE ... RETURNING as [rows, count], a SELECT as rows.
      `WITH moved AS (UPDATE enrollment SET course_version_id = $3 WHERE cohort_id = $1 AND course_version_id = $2 RETURNING id, trainee_id, status)
       SELECT id, trainee_id, status FROM moved`,
      [cohortId, fromVersionId, input.toVersionId],
    );
    // Applications name the version they asked for; they follow the cohort, so a later accept enrols
    // into a version the cohort runs (and counts against its track's quota).
    await this.txHost.tx.query('UPDATE application SET course_version_id = $3, updated_at = now() WHERE cohort_id = $1 AND course_version_id = $2', [cohortId, fromVersionId, input.toVersionId]);
    await this.rekeyMovedLessons(moved.map((e) => e.id), to.outline);
    const notify = input.notifyTrainees ?? false;
    const [row]: MoveRow[] = await this.txHost.tx.query(
      `INSERT INTO cohort_version_move (cohort_id, course_id, from_version_id, to_version_id, from_version, to_version, reason, moved_by, enrollments_moved, trainees_notified)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [cohortId, to.outline.courseId, fromVersionId, input.toVersionId, from.outline.version, to.outline.version, input.reason, principal.userId, moved.length, notify],
    );
    const active = moved.filter((e) => e.status === 'active');
    const events: OutboxItem[] = active.map((e) => ({ name: 'recompute-progress', payload: { enrollmentId: e.id } }));
    if (notify) {
      for (const e of active) {
        const eventKey = `course-version-changed:${row.id}:${e.id}`;
        events.push({
          name: 'notify',
          payload: {
            type: 'course-version-changed', eventKey, recipientIds: [e.trainee_id],
            data: { enrollmentId: e.id, cohortId, cohortName: cohort.name, courseTitle: to.outline.courseTitle, fromVersion: from.outline.version, toVersion: to.outline.version, reason: input.reason },
          },
        });
      }
    }
    await this.outbox.publishAll(events);
    return viewOf(row);
  }

  /** The cohort's moves, oldest first, a keyset page by (moved_at µs, id) through cohort_version_move_keyset_idx: its audit trail of versions only grows. */
  async list(principal: Principal, cohortId: string, query: PageQuery): Promise<Page<CohortVersionMoveView>> {
    await this.access.requireStaff(principal, cohortId);
    const after = decodeMicrosecondCursor(query.cursor);
    const rows: Array<MoveRow & { cursor_at: string }> = await this.txHost.tx.query(
      `SELECT ${COLUMNS}, ${microsecondKey('moved_at')} AS cursor_at FROM cohort_version_move
        WHERE cohort_id = $1 AND ($2::timestamptz IS NULL OR (moved_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY moved_at, id LIMIT $4`,
      [cohortId, after?.at ?? null, after?.id ?? null, query.limit + 1],
    );
    const page = toPage(rows, query.limit, (r) => ({ at: r.cursor_at, id: r.id }));
    return { items: page.items.map(viewOf), nextCursor: page.nextCursor };
  }

  private async plan(cohort: Cohort, toVersionId: string): Promise<Planned> {
    if (cohort.status === 'completed' || cohort.status === 'archived') {
      throw unprocessable('cohort-finished', `The cohort is ${cohort.status}: its trainees' results stand on the version they took.`);
    }
    const target = await this.versions.getOutline(toVersionId);
    if (!target) throw notFound('Course version');
    const running: Array<{ course_version_id: string }> = await this.txHost.tx.query('SELECT course_version_id FROM cohort_course_version WHERE cohort_id = $1', [cohort.id]);
    const outlines = await this.versions.getOutlines(running.map((r) => r.course_version_id));
    const current = outlines.find((o) => o.courseId === target.courseId);
    if (!current) throw unprocessable('course-not-in-cohort', `The cohort does not run ${target.courseTitle}.`);
    const from = await this.side(current);
    const to = await this.side(target);
    return { cohort, from, to, reasons: incompatibilities(from, to) };
  }

  private async side(outline: CourseVersionOutline): Promise<VersionSide> {
    const frozen = new Map<string, unknown>();
    for (const a of outline.modules.flatMap((m) => m.assessments)) frozen.set(a.assessmentId, await this.versions.getFrozenAssessment(outline.versionId, a.assessmentId));
    return { outline, frozen };
  }

  /** A completion carries its lesson's module (module progress counts by it): lessons moved to another module take their completions along. */
  private async rekeyMovedLessons(enrollmentIds: string[], outline: CourseVersionOutline): Promise<void> {
    if (enrollmentIds.length === 0) return;
    const placed = outline.modules.flatMap((m) => m.lessons.map((l) => ({ lessonId: l.lessonId, moduleId: m.moduleId })));
    if (placed.length === 0) return;
    await this.txHost.tx.query(
      `UPDATE lesson_completion lc SET module_id = p.module_id
         FROM unnest($2::uuid[], $3::uuid[]) AS p(lesson_id, module_id)
        WHERE lc.enrollment_id = ANY($1::uuid[]) AND lc.lesson_id = p.lesson_id AND lc.module_id <> p.module_id`,
      [enrollmentIds, placed.map((p) => p.lessonId), placed.map((p) => p.moduleId)],
    );
  }
}

function viewOf(r: MoveRow): CohortVersionMoveView {
  return {
    id: r.id, cohortId: r.cohort_id, courseId: r.course_id, fromVersionId: r.from_version_id, fromVersion: r.from_version, toVersionId: r.to_version_id,
    toVersion: r.to_version, reason: r.reason, movedBy: r.moved_by, movedAt: r.moved_at.toISOString(), enrollmentsMoved: r.enrollments_moved, traineesNotified: r.trainees_notified,
  };
}
