import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { decodeCursor, Page, Principal, toPage, unprocessable } from '@gds/http';
import { Outbox } from '@gds/queue';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { CohortAccess } from './cohort-access.service';
import { AnnouncementView, ListAnnouncementsQuery, SendAnnouncementDto } from './dto/announcement.dto';

interface AnnouncementRow {
  id: string;
  cohort_id: string;
  author_id: string;
  audience: AnnouncementView['audience'];
  track_code: string | null;
  subject: string;
  body: string;
  recipient_ids: string[];
  include_completed: boolean;
  created_at: Date;
  created_text: string;
}

const COLUMNS = 'id, cohort_id, author_id, audience, track_code, subject, body, recipient_ids, include_completed, created_at, created_at::text AS created_text';

/**
 * Announcements: the cohort's staff (its instructors, admins) write to the whole cohort, one track
 * of it or named trainees. Recipients are resolved when sent (active enrollments, and completed
 * ones when `includeCompleted` asks to reach graduates too) and kept with the message; the notice goes out through the outbox to the notification module, which honours each
 * person's preferences (in-app, email immediately or in a digest, or off).
 */
@Injectable()
export class Announcements {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CohortAccess,
    private readonly versions: PublishedCourseVersions,
    private readonly outbox: Outbox,
  ) {}

  @Transactional()
  async send(principal: Principal, cohortId: string, input: SendAnnouncementDto): Promise<AnnouncementView> {
    const cohort = await this.access.requireStaff(principal, cohortId);
    const recipientIds = await this.recipients(cohortId, input);
    const subject = input.subject.trim();
    const body = input.body.trim();
    const [row]: AnnouncementRow[] = await this.txHost.tx.query(
      `INSERT INTO announcement (cohort_id, author_id, audience, track_code, subject, body, recipient_ids, include_completed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [cohortId, principal.userId, input.audience, input.trackCode ?? null, subject, body, recipientIds, input.includeCompleted ?? false],
    );
    const eventKey = `announcement:${row.id}`;
    await this.outbox.publish('notify', {
      type: 'announcement',
      eventKey,
      recipientIds,
      data: { announcementId: row.id, cohortId, cohortName: cohort.name, subject, body, audience: input.audience, trackCode: input.trackCode ?? null, includeCompleted: row.include_completed },
    });
    return viewOf(row);
  }

  /** Sent announcements of a cohort, newest first: its staff only. */
  async list(principal: Principal, cohortId: string, query: ListAnnouncementsQuery): Promise<Page<AnnouncementView>> {
    await this.access.requireStaff(principal, cohortId);
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    const params: unknown[] = [cohortId, query.limit + 1];
    let where = 'cohort_id = $1';
    if (after) {
      params.push(after.at, after.id);
      where += ' AND (created_at, id) < ($3::timestamptz, $4::uuid)';
    }
    const rows: AnnouncementRow[] = await this.txHost.tx.query(
      `SELECT ${COLUMNS} FROM announcement WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const page = toPage(rows, query.limit, (row) => ({ at: row.created_text, id: row.id }));
    return { items: page.items.map(viewOf), nextCursor: page.nextCursor };
  }

  /**
   * The trainees the audience names, each actively enrolled (or completed, with includeCompleted);
   * 422 naming the rule otherwise, before anything is stored.
   */
  private async recipients(cohortId: string, input: SendAnnouncementDto): Promise<string[]> {
    if (input.audience !== 'track' && input.trackCode !== undefined) {
      throw unprocessable('announcement-audience-mismatch', 'trackCode is for the audience "track" only.', { errors: [{ field: 'trackCode', message: 'only with audience track' }] });
    }
    if (input.audience !== 'trainees' && input.traineeIds !== undefined) {
      throw unprocessable('announcement-audience-mismatch', 'traineeIds is for the audience "trainees" only.', { errors: [{ field: 'traineeIds', message: 'only with audience trainees' }] });
    }
    const statuses = input.includeCompleted ? ['active', 'completed'] : ['active'];
    const active: Array<{ trainee_id: string; course_version_id: string }> = await this.txHost.tx.query(
      `SELECT trainee_id, course_version_id FROM enrollment WHERE cohort_id = $1 AND status = ANY($2::text[]) ORDER BY trainee_id`,
      [cohortId, statuses],
    );
    if (input.audience === 'trainees') {
      if (!input.traineeIds) throw unprocessable('announcement-trainees-required', 'Name 1 to 500 trainees of the cohort (traineeIds) for the audience "trainees".', { errors: [{ field: 'traineeIds', message: 'required with audience trainees' }] });
      const enrolled = new Set(active.map((e) => e.trainee_id));
      const missing = input.traineeIds.filter((id) => !enrolled.has(id));
      if (missing.length > 0) {
        const rule = input.includeCompleted ? 'actively enrolled in this cohort or have completed it' : 'actively enrolled in this cohort (includeCompleted also admits its graduates)';
        throw unprocessable('trainee-not-in-cohort', `Every trainee named must be ${rule}.`, { traineeIds: missing });
      }
      return input.traineeIds;
    }
    let chosen = active;
    if (input.audience === 'track') {
      if (!input.trackCode) throw unprocessable('announcement-track-required', 'Name the track (trackCode) for the audience "track".', { errors: [{ field: 'trackCode', message: 'required with audience track' }] });
      const versionIds: Array<{ id: string }> = await this.txHost.tx.query('SELECT course_version_id AS id FROM cohort_course_version WHERE cohort_id = $1', [cohortId]);
      const outlines = await this.versions.getOutlines(versionIds.map((v) => v.id));
      const ofTrack = new Set(outlines.filter((o) => o.trackCode === input.trackCode).map((o) => o.versionId));
      if (ofTrack.size === 0) throw unprocessable('track-not-in-cohort', `This cohort runs no course of the track ${input.trackCode}.`, { errors: [{ field: 'trackCode', message: 'is not a track of this cohort' }] });
      chosen = active.filter((e) => ofTrack.has(e.course_version_id));
    }
    if (chosen.length === 0) {
      throw unprocessable('announcement-no-recipients', `Nobody is ${input.includeCompleted ? 'enrolled or completed' : 'actively enrolled'} in this audience: the announcement would reach no one.`);
    }
    return chosen.map((e) => e.trainee_id);
  }
}

function viewOf(row: AnnouncementRow): AnnouncementView {
  return {
    id: row.id,
    cohortId: row.cohort_id,
    authorId: row.author_id,
    audience: row.audience,
    trackCode: row.track_code,
    subject: row.subject,
    body: row.body,
    includeCompleted: row.include_completed,
    recipientIds: row.recipient_ids,
    recipientCount: row.recipient_ids.length,
    createdAt: row.created_at.toISOString(),
  };
}
