/** What the certification module tells other modules (reporting) about certificates. */
export interface CertificateRef {
  certificateId: string;
  traineeId: string;
  enrollmentId: string;
  courseVersionId: string;
  issuedAt: Date;
  revokedAt: Date | null;
}

export abstract class CertifiedTrainees {
  abstract certificatesOfEnrollments(enrollmentIds: string[]): Promise<CertificateRef[]>;
}
