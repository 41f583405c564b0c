import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';

/** What certificates say of a holder who had their personal data erased. */
export const HOLDER_WITHDREW = 'holder withdrew personal data';

/** The certification module's part of a trainee's data rights: their certificates; erasure of the holder's name. */
@Injectable()
export class CertificationPersonalData {
  constructor(private readonly txHost: AppTransactionHost) {}

  async exportFor(traineeId: string) {
    return {
      certificates: await this.txHost.tx.query(
        `SELECT id, enrollment_id AS "enrollmentId", course_code AS "courseCode", course_title AS "courseTitle", holder_name AS "holderName",
                verification_code AS "verificationCode", course_score AS "courseScore", issued_at AS "issuedAt", valid_until AS "validUntil", revoked_at AS "revokedAt"
           FROM certificate WHERE trainee_id = $1 ORDER BY issued_at`,
        [traineeId],
      ),
    };
  }

  /**
   * The certificate stays valid and verifiable by its code; the holder's name on the verification
   * page, the PDF and lists reads HOLDER_WITHDREW. (The signed credential a holder already downloaded
   * is theirs; the copy kept here is replaced by nothing new: see README, Privacy.)
   */
  async eraseFor(traineeId: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE certificate SET holder_name = $2 WHERE trainee_id = $1`, [traineeId, HOLDER_WITHDREW]);
  }
}
