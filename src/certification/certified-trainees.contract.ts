/** What the certification module tells other modules (reporting) about certificates. */
export interface CertificateRef {
  certificateId: string;
  traineeId: string;
  enrollmentId: string;
  courseVersionId: string;
  issuedAt: Date;
  revokedAt: Date | null;
}

/** A certificate in force, as a holder may show it to others (the talent pipeline's profiles). */
export interface VerifiedCertificate {
  certificateId: string;
  courseTitle: string;
  courseCode: string;
  trackCode: string;
  issuedAt: Date;
  /** The public page (and JSON) anyone opens to check it is valid. */
  verificationUrl: string;
}

export abstract class CertifiedTrainees {
  abstract certificatesOfEnrollments(enrollmentIds: string[]): Promise<CertificateRef[]>;
  /** The trainee's certificates not revoked, newest first. */
  abstract verifiedCertificatesOf(traineeId: string): Promise<VerifiedCertificate[]>;
}
