import { Injectable } from '@nestjs/common';
import { CertifiedTrainees } from '../../certification/certified-trainees.contract';
import { CertificateFact, CertificateFactsSource } from '../ports/certificate-facts.source';

/** Reporting's certificate port over the certification module's CertifiedTrainees. */
@Injectable()
export class CertificateFactsAdapter extends CertificateFactsSource {
  constructor(private readonly certified: CertifiedTrainees) {
    super();
  }

  async certificates(enrollmentIds: string[]): Promise<CertificateFact[]> {
    if (enrollmentIds.length === 0) return [];
    const refs = await this.certified.certificatesOfEnrollments(enrollmentIds);
    return refs.map((c) => ({ enrollmentId: c.enrollmentId, traineeId: c.traineeId, issuedAt: c.issuedAt, revokedAt: c.revokedAt }));
  }
}
