import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { CertificateRef, CertifiedTrainees } from './certified-trainees.contract';

/** The CertifiedTrainees contract for reporting: certificates of given enrollments (revoked ones too). */
@Injectable()
export class CertifiedTraineesService extends CertifiedTrainees {
  constructor(private readonly txHost: AppTransactionHost) {
    super();
  }

  async certificatesOfEnrollments(enrollmentIds: string[]): Promise<CertificateRef[]> {
    if (enrollmentIds.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.txHost.tx.query(
      `SELECT id, trainee_id, enrollment_id, course_version_id, issued_at, revoked_at
         FROM certificate WHERE enrollment_id = ANY($1::uuid[])`,
      [[...new Set(enrollmentIds)]],
    );
    return rows.map((r) => ({
      certificateId: r.id as string,
      traineeId: r.trainee_id as string,
      enrollmentId: r.enrollment_id as string,
      courseVersionId: r.course_version_id as string,
      issuedAt: r.issued_at as Date,
      revokedAt: (r.revoked_at as Date | null) ?? null,
    }));
  }
}
