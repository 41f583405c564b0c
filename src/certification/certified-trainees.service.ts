import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { AppConfig } from '../config/app-config';
import { CertificateRef, CertifiedTrainees, VerifiedCertificate } from './certified-trainees.contract';
import { verificationUrl } from './credential-urls';

/** The CertifiedTrainees contract for reporting: certificates of given enrollments (revoked ones too). */
@Injectable()
export class CertifiedTraineesService extends CertifiedTrainees {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly config: AppConfig,
  ) {
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

  async verifiedCertificatesOf(traineeId: string): Promise<VerifiedCertificate[]> {
    const rows: Array<Omit<VerifiedCertificate, 'verificationUrl'> & { verificationCode: string }> = await this.txHost.tx.query(
      `SELECT id AS "certificateId", course_title AS "courseTitle", course_code AS "courseCode", track_code AS "trackCode",
              issued_at AS "issuedAt", verification_code AS "verificationCode"
         FROM certificate WHERE trainee_id = $1 AND revoked_at IS NULL ORDER BY issued_at DESC, id`,
      [traineeId],
    );
    return rows.map(({ verificationCode, ...c }) => ({ ...c, verificationUrl: verificationUrl(this.config.PUBLIC_BASE_URL, verificationCode) }));
  }
}
