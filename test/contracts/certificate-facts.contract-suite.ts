import { randomUUID } from 'node:crypto';
import { CertificateFactsSource } from '../../src/reporting/ports/certificate-facts.source';
import { ReportingWorld } from './reporting-world';

export interface CertificateFactsStand {
  source: CertificateFactsSource;
  world(): Promise<ReportingWorld>;
  /** Revokes the certificate of the world's certified enrollment (as an admin does). */
  revokeCertified(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What reporting relies on of CertificateFactsSource (test/reporting-facts-contract.e2e-spec.ts runs it
 * against FakeCertificateFacts and against the certification module behind CertificateFactsAdapter).
 */
export function describeCertificateFactsContract(name: string, makeStand: () => Promise<CertificateFactsStand>): void {
  describe(`CertificateFactsSource contract: ${name}`, () => {
    let stand: CertificateFactsStand;
    let world: ReportingWorld;
    beforeAll(async () => {
      stand = await makeStand();
      world = await stand.world();
    });
    afterAll(() => stand?.close());

    it('answers the certificate of a certified enrollment once, even when asked twice, and none for others', async () => {
      const certificates = await stand.source.certificates([world.certified.enrollmentId, world.failed.enrollmentId, randomUUID(), world.certified.enrollmentId]);
      expect(certificates).toEqual([{ enrollmentId: world.certified.enrollmentId, traineeId: world.certified.traineeId, issuedAt: expect.any(Date), revokedAt: null }]);
      expect(certificates[0].issuedAt.getTime()).toBeGreaterThanOrEqual(world.before.getTime());
    });

    it('answers nothing for no enrollments or enrollments without certificates', async () => {
      expect(await stand.source.certificates([])).toEqual([]);
      expect(await stand.source.certificates([world.failed.enrollmentId, randomUUID()])).toEqual([]);
    });

    // Last: it changes the world. Reporting counts a revoked certificate as not certified, so it must still be answered.
    it('answers a revoked certificate too, with the moment it was revoked', async () => {
      const [issued] = await stand.source.certificates([world.certified.enrollmentId]);
      await stand.revokeCertified();
      expect(await stand.source.certificates([world.certified.enrollmentId])).toEqual([{ ...issued, revokedAt: expect.any(Date) }]);
      const [revoked] = await stand.source.certificates([world.certified.enrollmentId]);
      expect(revoked.revokedAt!.getTime()).toBeGreaterThanOrEqual(issued.issuedAt.getTime());
    });
  });
}
