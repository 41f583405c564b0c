import { CertificateFact, CertificateFactsSource } from '../../../src/reporting/ports/certificate-facts.source';

export class FakeCertificateFacts extends CertificateFactsSource {
  readonly all: CertificateFact[] = [];

  async certificates(enrollmentIds: string[]): Promise<CertificateFact[]> {
    const ids = new Set(enrollmentIds);
    return this.all.filter((c) => ids.has(c.enrollmentId));
  }
}
