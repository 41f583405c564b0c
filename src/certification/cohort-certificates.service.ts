import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { csvCell, decodeCursor, hasRole, notFound, Page, PageQuery, Principal, toPage } from '@gds/http';
import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';
import { Certificate } from './certificate.entity';

/** A row of a cohort's certificate list. Reviewers (consortium) get no names or ids of trainees. */
export interface CohortCertificateRow {
  certificateId: string;
  traineeId?: string;
  holderName?: string;
  verificationCode?: string;
  courseCode: string;
  courseTitle: string;
  track: string;
  courseScore: number | null;
  issuedAt: string;
  status: 'valid' | 'revoked';
  revokedAt: string | null;
  reviewStatus: string | null;
}

const CSV_COLUMNS_ADMIN: Array<keyof CohortCertificateRow> = [
  'certificateId', 'traineeId', 'holderName', 'verificationCode', 'courseCode', 'courseTitle', 'track', 'courseScore', 'issuedAt', 'status', 'revokedAt', 'reviewStatus',
];
const IDENTIFYING: Array<keyof CohortCertificateRow> = ['traineeId', 'holderName', 'verificationCode'];

@Injectable()
export class CohortCertificates {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly enrollments: EnrollmentDirectory,
  ) {}

  async page(principal: Principal, cohortId: string, page: PageQuery): Promise<Page<CohortCertificateRow>> {
    await this.requireCohort(cohortId);
    const after = decodeCursor<{ issuedAt: string; id: string }>(page.cursor, ['issuedAt', 'id']);
    const query = this.query(cohortId).limit(page.limit + 1);
    if (after) query.andWhere('(c.issued_at, c.id) > (:issuedAt, :id)', after);
    const rows = await query.getMany();
    const result = toPage(rows, page.limit, (c) => ({ issuedAt: c.issuedAt.toISOString(), id: c.id }));
    return { items: result.items.map((c) => toRow(c, seesNames(principal))), nextCursor: result.nextCursor };
  }

  /** RFC 4180 CSV of the whole cohort (UTF-8, CRLF, one header row). */
  async csv(principal: Principal, cohortId: string): Promise<string> {
    await this.requireCohort(cohortId);
    const names = seesNames(principal);
    const columns = names ? CSV_COLUMNS_ADMIN : CSV_COLUMNS_ADMIN.filter((c) => !IDENTIFYING.includes(c));
    const rows = (await this.query(cohortId).getMany()).map((c) => toRow(c, names));
    const lines = [columns.join(','), ...rows.map((row) => columns.map((col) => csvCell(row[col])).join(','))];
    return lines.join('\r\n') + '\r\n';
  }

  /** A path naming no cohort is 404, not an empty list (admins and reviewers read every cohort). */
  private async requireCohort(cohortId: string): Promise<void> {
    if (!(await this.enrollments.cohortExists(cohortId))) throw notFound('Cohort');
  }

  private query(cohortId: string) {
    return this.txHost.tx
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .where('c.cohort_id = :cohortId', { cohortId })
      .orderBy('c.issued_at', 'ASC')
      .addOrderBy('c.id', 'ASC');
  }
}

const seesNames = (principal: Principal) => hasRole(principal, 'admin');

function toRow(c: Certificate, withNames: boolean): CohortCertificateRow {
  const row: CohortCertificateRow = {
    certificateId: c.id,
    traineeId: c.traineeId,
    holderName: c.holderName,
    verificationCode: c.verificationCode,
    courseCode: c.courseCode,
    courseTitle: c.courseTitle,
    track: c.trackCode,
    courseScore: c.courseScore,
    issuedAt: c.issuedAt.toISOString(),
    status: c.revokedAt ? 'revoked' : 'valid',
    revokedAt: c.revokedAt?.toISOString() ?? null,
    reviewStatus: c.reviewStatus,
  };
  if (!withNames) for (const key of IDENTIFYING) delete row[key];
  return row;
}
