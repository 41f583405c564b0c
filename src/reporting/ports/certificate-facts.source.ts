export interface CertificateFact {
  enrollmentId: string;
  traineeId: string;
  issuedAt: Date;
  revokedAt: Date | null;
}

/** What reporting needs of certificates; bound to the certification module at merge. */
export abstract class CertificateFactsSource {
  abstract certificates(enrollmentIds: string[]): Promise<CertificateFact[]>;
}
