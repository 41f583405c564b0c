import { Injectable } from '@nestjs/common';
import { AppTransactionHost, DirectReads, NamedStatement, namedStatement, Transactional } from '@gds/database';
import { Outbox } from '@gds/queue';
import { DEFAULT_TIME_ZONE, localDate } from '@gds/time';
import { assertMicrosecondCursor, decodeCursor, hasRole, microsecondKey, notFound, Page, Principal, toPage, unprocessable } from '@gds/http';
import { CourseVersionOutline, PublishedCourseVersions } from '../course/published-course-versions.contract';
import { UserDirectory } from '../identity/identity.module';
import { Cohort, CohortStatus } from './cohort.entity';
import { CohortAccess } from './cohort-access.service';
import { canTransition } from './cohort-lifecycle';
import { PrerequisiteChecks, PrerequisiteStanding } from './prerequisite-checks.service';
import { CohortView, CreateCohortDto, ListCohortsQuery, UpdateCohortDto } from './dto/cohort.dto';

/** The columns of a Cohort, named as the entity's properties (plain-SQL reads of whole cohorts). */
const COHORT_COLUMNS = `c.id, c.name, c.status, c.capacity, c.seats_taken AS "seatsTaken", c.applications_open_at AS "applicationsOpenAt",
  c.applications_close_at AS "applicationsCloseAt", c.starts_at AS "startsAt", c.ends_at AS "endsAt", c.unlock_mode AS "unlockMode",
  c.time_zone AS "timeZone", c.questions, c.created_by AS "createdBy", c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;


/** A cohort's versions, unlock schedule and instructors, as columns of a statement where `cohortId` is the cohort's id (a parameter or a column). */
function cohortPartsColumns(cohortId: string): string {
  return `ARRAY(SELECT course_version_id::text FROM cohort_course_version WHERE cohort_id = ${cohortId} ORDER BY course_version_id) AS "versionIds",
              coalesce((SELECT json_agg(json_build_object('moduleId', module_id, 'offsetDays', offset_days) ORDER BY offset_days, module_id)
                          FROM cohort_module_unlock WHERE cohort_id = ${cohortId}), '[]'::json) AS schedule,
              ARRAY(SELECT user_id::text FROM cohort_instructor WHERE cohort_id = ${cohortId} ORDER BY user_id) AS "instructorIds"`;
}

interface CohortParts {
  versionIds: string[];
  schedule: CohortView['schedule'];
  instructorIds: string[];
}

type CohortListRow = Cohort & CohortParts & { startsAtKey: string; completedVersionIds: string[] };

/**
 * The text of GET /cohorts' statement for one combination of the caller seeing every cohort
 * (admins, reviewers) or not, a status filter and a cursor: eight fixed texts, each named (declared
 * here, at module load). Parameters: `$1` the limit + 1, `$2` the viewer, then (not everyone)
 * whether the viewer is a trainee, then the status, then the cursor's time and id. The page is
 * chosen first (keyset on (starts_at, id), the LIMIT inside), and each cohort's parts are read for
 * the page's rows only; the viewer's completed versions (enrollment_trainee_idx) ride on every row.
 */
function listText(everyone: boolean, byStatus: boolean, after: boolean): string {
  let next = 2;
  const where: string[] = [];
  if (!everyone) {
    const trainee = `$${++next}`;
    where.push(`(c.id IN (SELECT cohort_id FROM cohort_instructor WHERE user_id = $2)
          OR c.id IN (SELECT cohort_id FROM application WHERE trainee_id = $2)
          OR c.id IN (SELECT cohort_id FROM enrollment WHERE trainee_id = $2)
          OR (c.status = 'accepting_applications' AND ${trainee}::boolean))`);
  }
  if (byStatus) where.push(`c.status = $${++next}`);
  if (after) where.push(`(c.starts_at, c.id) < ($${++next}::timestamptz, $${++next}::uuid)`);
  // The cursor's time is written by Postgres at full precision (microseconds): a JavaScript Date
  // keeps milliseconds only, and cohorts starting within the same millisecond were skipped.
  return `SELECT c.*, ${cohortPartsColumns('c.id')},
              ARRAY(SELECT DISTINCT course_version_id::text FROM enrollment WHERE trainee_id = $2::uuid AND status = 'completed') AS "completedVersionIds"
         FROM (SELECT ${COHORT_COLUMNS}, ${microsecondKey('c.starts_at')} AS "startsAtKey" FROM cohort c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                ORDER BY c.starts_at DESC, c.id DESC LIMIT $1) c
        ORDER BY c."startsAt" DESC, c.id DESC`;
}

const LIST_STATEMENTS = new Map(
  [false, true].flatMap((everyone) =>
    [false, true].flatMap((byStatus) =>
      [false, true].map((after) => [listKey(everyone, byStatus, after), namedStatement(`cohort:list${listKey(everyone, byStatus, after)}`, listText(everyone, byStatus, after))] as const),
    ),
  ),
);

function listKey(everyone: boolean, byStatus: boolean, after: boolean): string {
  return `${everyone ? ':all' : ':mine'}${byStatus ? ':status' : ''}${after ? ':after' : ''}`;
}

function listStatement(everyone: boolean, byStatus: boolean, after: boolean): NamedStatement {
  return LIST_STATEMENTS.get(listKey(everyone, byStatus, after))!;
}

/** Cohorts: creation from published course versions, schedule, instructors and lifecycle. */
@Injectable()
export class CohortsService {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly reads: DirectReads,
    private readonly versions: PublishedCourseVersions,
    private readonly users: UserDirectory,
    private readonly access: CohortAccess,
    private readonly prerequisites: PrerequisiteChecks,
    private readonly outbox: Outbox,
  ) {}

  @Transactional()
  async create(input: CreateCohortDto, actorId: string): Promise<CohortView> {
    checkDates(input);
    await this.checkVersionsAndSchedule(input.courseVersionIds, input.schedule ?? []);
    await this.checkInstructors(input.instructorIds ?? []);
    const questions = (input.questions ?? []).map((q, i) => ({ id: `q${i + 1}`, prompt: q.prompt, required: q.required ?? true }));
    const [row] = await this.txHost.tx.query(
      `INSERT INTO cohort (name, capacity, applications_open_at, applications_close_at, starts_at, ends_at, unlock_mode, questions, created_by, time_zone)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [input.name.trim(), input.capacity, input.applicationsOpenAt, input.applicationsCloseAt, input.startsAt, input.endsAt, input.unlockMode, JSON.stringify(questions), actorId, input.timeZone ?? DEFAULT_TIME_ZONE],
    );
    const id: string = row.id;
    await this.txHost.tx.query('INSERT INTO cohort_course_version (cohort_id, course_version_id) SELECT $1, unnest($2::uuid[])', [id, input.courseVersionIds]);
    for (const unlock of input.schedule ?? []) {
      await this.txHost.tx.query('INSERT INTO cohort_module_unlock (cohort_id, module_id, offset_days) VALUES ($1, $2, $3)', [id, unlock.moduleId, unlock.offsetDays]);
    }
    await this.replaceInstructors(id, input.instructorIds ?? []);
    return this.view(await this.access.cohort(id), actorId);
  }

  @Transactional()
  async update(id: string, input: UpdateCohortDto, viewerId?: string): Promise<CohortView> {
    const cohort = await this.lock(id);
    if (cohort.status === 'archived') throw unprocessable('cohort-archived', 'An archived cohort cannot change.');
    if (input.capacity !== undefined && input.capacity < cohort.seatsTaken) {
      throw unprocessable('capacity-below-enrolled', `The cohort already has ${cohort.seatsTaken} enrolled trainees.`);
    }
    // The seats reserved per track must still fit (see TrackQuotas).
    const [{ sum: quotaSum }] = await this.txHost.tx.query('SELECT coalesce(sum(seats), 0)::int AS sum FROM cohort_track_quota WHERE cohort_id = $1', [id]);
    if (input.capacity !== undefined && input.capacity < quotaSum) {
      throw unprocessable('quota-over-capacity', `The track quotas add up to ${quotaSum} seats: lower them before the capacity.`, { capacity: input.capacity, quotaSum });
    }
    const openAt = input.applicationsOpenAt ?? cohort.applicationsOpenAt.toISOString();
    const closeAt = input.applicationsCloseAt ?? cohort.applicationsCloseAt.toISOString();
    if (Date.parse(closeAt) <= Date.parse(openAt)) throw unprocessable('invalid-dates', 'Applications must close after they open.');
    const { startsAt, endsAt, startNoticeAgain, unlocksMoved } = this.reschedule(cohort, input);
    await this.txHost.tx.query(
      `UPDATE cohort SET name = coalesce($2, name), capacity = coalesce($3, capacity), applications_open_at = $4,
              applications_close_at = $5, time_zone = coalesce($6, time_zone), starts_at = $7, ends_at = $8,
              start_notice_sent_at = CASE WHEN $9 THEN NULL ELSE start_notice_sent_at END, updated_at = now() WHERE id = $1`,
      [id, input.name?.trim() ?? null, input.capacity ?? null, openAt, closeAt, input.timeZone ?? null, startsAt, endsAt, startNoticeAgain],
    );
    if (unlocksMoved) await this.publishScheduleChange(id, startsAt, input.timeZone ?? cohort.timeZone);
    if (input.instructorIds) {
      await this.checkInstructors(input.instructorIds);
      await this.replaceInstructors(id, input.instructorIds);
    }
    return this.view(await this.access.cohort(id), viewerId);
  }

  @Transactional()
  async transition(id: string, to: CohortStatus, viewerId?: string): Promise<CohortView> {
    const cohort = await this.lock(id);
    if (!canTransition(cohort.status, to)) {
      throw unprocessable('illegal-transition', `A cohort cannot go from ${cohort.status} to ${to}.`, { from: cohort.status, to });
    }
    // Starting while applicants may still apply would leave them applying to a cohort already under way.
    if (to === 'running' && cohort.status === 'accepting_applications' && Date.now() < cohort.applicationsCloseAt.getTime()) {
      throw unprocessable('applications-still-open', `Applications to this cohort close at ${cohort.applicationsCloseAt.toISOString()}: close them first (PATCH applicationsCloseAt), then start the cohort.`, {
        applicationsCloseAt: cohort.applicationsCloseAt.toISOString(),
      });
    }
    await this.txHost.tx.query('UPDATE cohort SET status = $2, updated_at = now() WHERE id = $1', [id, to]);
    return this.view(await this.access.cohort(id), viewerId);
  }

  /**
   * Trainees see cohorts open for applications and their own; instructors theirs; admins and
   * reviewers all. One statement for the page with each cohort's versions, schedule and instructors
   * and the viewer's completed versions (it was one for the page, one for the viewer and one per
   * cohort: issue 23's load run had this list among the costliest reads), named (its text is one of
   * eight fixed ones, see LIST_STATEMENTS); the outlines come from the per-process cache and the
   * prerequisite courses, when any, in one read for the page.
   */
  async list(principal: Principal, query: ListCohortsQuery): Promise<Page<CohortView>> {
    const after = decodeCursor<{ startsAt: string; id: string }>(query.cursor, ['startsAt', 'id']);
    if (after) assertMicrosecondCursor(after.startsAt, after.id);
    const everyone = hasRole(principal, 'admin', 'reviewer');
    const params: unknown[] = [query.limit + 1, principal.userId];
    if (!everyone) params.push(hasRole(principal, 'trainee'));
    if (query.status) params.push(query.status);
    if (after) params.push(after.startsAt, after.id);
    const rows = await this.reads.query<CohortListRow>(listStatement(everyone, query.status !== undefined, Boolean(after)), params);
    const page = toPage(rows, query.limit, (c) => ({ startsAt: c.startsAtKey, id: c.id }));
    // The viewer's completed courses, once for the page (every row carries the same list): each cohort's prerequisites are judged against them.
    const completed = await this.prerequisites.completedCourseIdsOfVersions(rows[0]?.completedVersionIds ?? []);
    const outlines = await this.versions.getOutlines([...new Set(page.items.flatMap((c) => c.versionIds))]);
    const standings = await this.prerequisites.standings(outlines, completed);
    const outlineOf = new Map(outlines.map((o) => [o.versionId, o]));
    const items = page.items.map((cohort) => this.viewOf(cohort, cohort, cohort.versionIds.flatMap((id) => outlineOf.get(id) ?? []), standings));
    return { items, nextCursor: page.nextCursor };
  }

  async get(principal: Principal, id: string): Promise<CohortView> {
    const page = await this.txHost.tx.query(
      `SELECT 1 FROM cohort c WHERE c.id = $1 AND ($3 OR c.id IN (SELECT cohort_id FROM cohort_instructor WHERE user_id = $2)
         OR c.id IN (SELECT cohort_id FROM application WHERE trainee_id = $2)
         OR c.id IN (SELECT cohort_id FROM enrollment WHERE trainee_id = $2)
         OR (c.status = 'accepting_applications' AND $4))`,
      [id, principal.userId, hasRole(principal, 'admin', 'reviewer'), hasRole(principal, 'trainee')],
    );
    if (page.length === 0) throw notFound('Cohort');
    return this.view(await this.access.cohort(id), principal.userId);
  }

  /** `viewer`: whose completed courses the prerequisites are judged against (an id, or those courses already read); none: no one's. */
  async view(cohort: Cohort, viewer?: string | Set<string>): Promise<CohortView> {
    // The versions, schedule and instructors in one statement (three round trips before).
    const [parts] = await this.reads.query<CohortParts>(`SELECT ${cohortPartsColumns('$1')}`, [cohort.id]);
    const outlines = await this.versions.getOutlines(parts.versionIds);
    const completed = typeof viewer === 'string' ? await this.prerequisites.completedCourseIds(viewer) : (viewer ?? new Set<string>());
    return this.viewOf(cohort, parts, outlines, await this.prerequisites.standings(outlines, completed));
  }

  /** The view of a cohort from what was read for it: `outlines` are its versions' (those found, in `parts.versionIds` order). */
  private viewOf(cohort: Cohort, parts: CohortParts, outlines: CourseVersionOutline[], standings: Map<string, PrerequisiteStanding[]>): CohortView {
    return {
      id: cohort.id,
      name: cohort.name,
      status: cohort.status,
      capacity: cohort.capacity,
      seatsTaken: cohort.seatsTaken,
      applicationsOpenAt: cohort.applicationsOpenAt.toISOString(),
      applicationsCloseAt: cohort.applicationsCloseAt.toISOString(),
      startsAt: cohort.startsAt.toISOString(),
      endsAt: cohort.endsAt.toISOString(),
      unlockMode: cohort.unlockMode,
      timeZone: cohort.timeZone,
      courseVersionIds: parts.versionIds,
      courses: outlines
        .map((o) => {
          const prerequisites = standings.get(o.versionId) ?? [];
          return {
            versionId: o.versionId, courseId: o.courseId, code: o.courseCode, title: o.courseTitle, trackCode: o.trackCode, version: o.version,
            prerequisites, prerequisitesMet: prerequisites.every((p) => p.met),
          };
        })
        .sort((a, b) => a.title.localeCompare(b.title) || a.versionId.localeCompare(b.versionId)),
      schedule: parts.schedule,
      instructorIds: parts.instructorIds,
      questions: cohort.questions,
      createdAt: cohort.createdAt.toISOString(),
    };
  }

  /**
   * The new start and end, and whether the start-day notice must go out again: when the start moves
   * to a later day in the cohort's zone, the "starts today" already sent (if any) told of the old day,
   * so the claim is cleared in this transaction and the start-day scan tells the trainees on the new
   * day (its event key carries the start day, so that notice is not taken for the old one). A start
   * moved earlier, or later on the same day, keeps the claim: nothing is sent twice. A new zone counts
   * too: the new start's day in the new zone against the old start's day in the old one. Only a start
   * still to come is told again: once the (new) start has passed at the time of the change, say a
   * started cohort whose zone alone is corrected, "starts today" would be news of a day gone by.
   */
  private reschedule(cohort: Cohort, input: UpdateCohortDto): { startsAt: Date; endsAt: Date; startNoticeAgain: boolean; unlocksMoved: boolean } {
    const startsAt = input.startsAt ? new Date(input.startsAt) : cohort.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : cohort.endsAt;
    const moved = startsAt.getTime() !== cohort.startsAt.getTime() || endsAt.getTime() !== cohort.endsAt.getTime();
    if (moved && cohort.status === 'completed') throw unprocessable('cohort-completed', 'A completed cohort’s dates cannot change.');
    if (endsAt <= startsAt) throw unprocessable('invalid-dates', 'The cohort must end after it starts.');
    // Each start on its own zone's calendar: the notice already sent told of the old day where the cohort was then.
    const zone = input.timeZone ?? cohort.timeZone;
    const laterDay = localDate(startsAt, zone) > localDate(cohort.startsAt, cohort.timeZone);
    // Unlock times are calendar days after the start in the cohort's zone (moduleOpensAt): the end plays no part.
    const unlocksMoved = startsAt.getTime() !== cohort.startsAt.getTime() || zone !== cohort.timeZone;
    return { startsAt, endsAt, startNoticeAgain: laterDay && startsAt.getTime() > Date.now(), unlocksMoved };
  }

  /**
   * Module states are stored by the progress processor and otherwise recomputed only on a trainee's
   * activity or the at-risk scan: after a new start (or zone) the cohort's active enrollments are
   * recomputed by the worker (CohortScheduleRecompute), so modules whose day has now come open (and
   * their trainees are told) at once, and those whose day moved away close again. One outbox row for
   * the cohort, not one per enrollment: this transaction holds the cohort lock, and a cohort of
   * thousands made it long and flooded the outbox.
   */
  private async publishScheduleChange(cohortId: string, startsAt: Date, timeZone: string): Promise<void> {
    const [{ changedAt }]: Array<{ changedAt: string }> = await this.txHost.tx.query(`SELECT ${microsecondKey('now()')} AS "changedAt"`);
    await this.outbox.publish('cohort-schedule-changed', { cohortId, startsAt: startsAt.toISOString(), timeZone, changedAt });
  }

  private async lock(id: string): Promise<Cohort> {
    const cohort = await this.txHost.tx.getRepository(Cohort).createQueryBuilder('c').setLock('for_no_key_update').where('c.id = :id', { id }).getOne();
    if (!cohort) throw notFound('Cohort');
    return cohort;
  }

  private async checkVersionsAndSchedule(versionIds: string[], schedule: Array<{ moduleId: string }>): Promise<void> {
    const outlines = await this.versions.getOutlines(versionIds);
    const known = new Set(outlines.map((o) => o.versionId));
    const missing = versionIds.filter((id) => !known.has(id));
    if (missing.length > 0) throw unprocessable('unknown-course-version', 'Every course version must exist and be published.', { courseVersionIds: missing });
    const modules = new Set(outlines.flatMap((o) => o.modules.map((m) => m.moduleId)));
    const strangers = schedule.map((s) => s.moduleId).filter((id) => !modules.has(id));
    if (strangers.length > 0) throw unprocessable('unknown-module', 'The schedule names modules outside the cohort’s course versions.', { moduleIds: strangers });
    if (new Set(schedule.map((s) => s.moduleId)).size !== schedule.length) throw unprocessable('duplicate-module', 'The schedule names a module twice.');
  }

  private async checkInstructors(ids: string[]): Promise<void> {
    const people = await this.users.findByIds(ids);
    const ok = new Set(people.filter((p) => p.active && p.roles.includes('instructor')).map((p) => p.id));
    const bad = ids.filter((id) => !ok.has(id));
    if (bad.length > 0) throw unprocessable('not-an-instructor', 'Every assigned instructor must be an active user with the instructor role.', { instructorIds: bad });
  }

  private async replaceInstructors(cohortId: string, ids: string[]): Promise<void> {
    await this.txHost.tx.query('DELETE FROM cohort_instructor WHERE cohort_id = $1', [cohortId]);
    if (ids.length > 0) await this.txHost.tx.query('INSERT INTO cohort_instructor (cohort_id, user_id) SELECT $1, unnest($2::uuid[])', [cohortId, ids]);
  }
}

function checkDates(input: CreateCohortDto): void {
  if (Date.parse(input.applicationsCloseAt) <= Date.parse(input.applicationsOpenAt)) {
    throw unprocessable('invalid-dates', 'Applications must close after they open.');
  }
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) throw unprocessable('invalid-dates', 'The cohort must end after it starts.');
}
