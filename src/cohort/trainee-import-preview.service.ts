import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { unprocessable } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { UserDirectory } from '../identity/identity.module';
import { ENROLLING_STATUSES } from './cohort-lifecycle';
import { CohortAccess } from './cohort-access.service';
import { checkTraineeCsv } from './trainee-csv';

export type PreviewAction = 'invite-and-enroll' | 'enroll' | 'already-enrolled' | 'no-seat' | 'invalid';

export interface ImportPreviewRow {
  line: number;
  email: string;
  displayName: string;
  courseVersionId: string | null;
  action: PreviewAction;
  reasons: string[];
}

/**
 * What an import of this CSV would do, row by row, without writing anything: which rows would get
 * a new invited account, which existing trainees would be enrolled, who is enrolled already, which
 * rows are bad and why, and which would find no seat left. The import itself decides again row by
 * row when it runs (seats may go meanwhile).
 */
@Injectable()
export class TraineeImportPreview {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CohortAccess,
    private readonly users: UserDirectory,
    private readonly config: AppConfig,
  ) {}

  async preview(cohortId: string, csv: string) {
    const cohort = await this.access.cohort(cohortId);
    if (!ENROLLING_STATUSES.includes(cohort.status)) throw unprocessable('cohort-not-enrolling', `A ${cohort.status} cohort takes no enrollments.`);
    const versions: Array<{ id: string }> = await this.txHost.tx.query('SELECT course_version_id AS id FROM cohort_course_version WHERE cohort_id = $1', [cohortId]);
    const { rows, errors } = checkTraineeCsv(csv, { maxRows: this.config.IMPORT_MAX_ROWS, courseVersionIds: versions.map((v) => v.id) });
    const people = new Map((await this.users.findByEmails(rows.map((r) => r.email))).map((p) => [p.email.toLowerCase(), p]));
    const ids = [...people.values()].map((p) => p.id);
    const enrolled: Array<{ id: string }> = ids.length
      ? await this.txHost.tx.query(`SELECT trainee_id AS id FROM enrollment WHERE cohort_id = $1 AND status <> 'withdrawn' AND trainee_id = ANY($2::uuid[])`, [cohortId, ids])
      : [];
    const enrolledIds = new Set(enrolled.map((e) => e.id));
    let seatsLeft = cohort.capacity - cohort.seatsTaken;
    const previewRows = rows.map((row): ImportPreviewRow => {
      const base = { line: row.line, email: row.email, displayName: row.displayName, courseVersionId: row.courseVersionId };
      const problems = errors.filter((e) => e.line === row.line).map((e) => `${e.field} ${e.message}`);
      if (problems.length > 0) return { ...base, action: 'invalid', reasons: problems };
      const person = people.get(row.email.toLowerCase());
      if (person && (!person.active || !person.roles.includes('trainee'))) return { ...base, action: 'invalid', reasons: ['the account is not an active trainee'] };
      if (person && enrolledIds.has(person.id)) return { ...base, action: 'already-enrolled', reasons: [] };
      if (seatsLeft <= 0) return { ...base, action: 'no-seat', reasons: [`the cohort has no seat left (capacity ${cohort.capacity})`] };
      seatsLeft--;
      return { ...base, action: person ? 'enroll' : 'invite-and-enroll', reasons: [] };
    });
    const count = (action: PreviewAction) => previewRows.filter((r) => r.action === action).length;
    return {
      cohortId,
      rows: previewRows,
      toEnroll: count('enroll') + count('invite-and-enroll'),
      accountsToCreate: count('invite-and-enroll'),
      alreadyEnrolled: count('already-enrolled'),
      invalid: count('invalid'),
      noSeat: count('no-seat'),
      seatsLeft: cohort.capacity - cohort.seatsTaken,
    };
  }
}
