import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { AppTransactionHost, Transactional } from '@gds/database';
import { conflict, decodeCursor, hasRole, notFound, Page, PageQuery, Principal, toPage } from '@gds/http';
import { Outbox } from '@gds/queue';
import { Certificate } from './certificate.entity';
import { CertificateEvent } from './certificate-event.entity';
import { RevocationReasonCode, revocationReasonLabel } from './revocation-reasons';

/**
 * Certificates as their holders and admins see them: lists, access to the credential and the PDF,
 * revocation and the review of flagged certificates.
 */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
  ) {}

  async mine(principal: Principal, page: PageQuery): Promise<Page<Certificate>> {
    const after = decodeCursor<{ issuedAt: string; id: string }>(page.cursor, ['issuedAt', 'id']);
    const query = this.txHost.tx
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .where('c.trainee_id = :traineeId', { traineeId: principal.userId })
      .orderBy('c.issued_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(page.limit + 1);
    if (after) query.andWhere('(c.issued_at, c.id) < (:issuedAt, :id)', after);
    return toPage(await query.getMany(), page.limit, (c) => ({ issuedAt: c.issuedAt.toISOString(), id: c.id }));
  }

  /** Its trainee and admins; anyone else (or nothing there) gets 404. */
  async forHolderOrAdmin(principal: Principal | undefined, id: string): Promise<Certificate> {
    const certificate = await this.txHost.tx.getRepository(Certificate).findOneBy({ id });
    if (!certificate || !principal) throw notFound('Certificate');
    if (certificate.traineeId !== principal.userId && !hasRole(principal, 'admin')) throw notFound('Certificate');
    return certificate;
  }

  /** The signed credential: for its trainee, admins, or anyone presenting the verification code. */
  async credential(principal: Principal | undefined, id: string, code: string | undefined): Promise<Certificate> {
    const certificate = await this.txHost.tx.getRepository(Certificate).findOneBy({ id });
    if (!certificate) throw notFound('Certificate');
    if (code !== undefined && sameSecret(code, certificate.verificationCode)) return certificate;
    return this.forHolderOrAdmin(principal, id);
  }

  /**
   * Revokes with a public reason code; the admin's note (free text) is kept only in the audit trail.
   * The trainee's notice names the reason's label, never the note.
   */
  @Transactional()
  async revoke(principal: Principal, id: string, reasonCode: RevocationReasonCode, note: string | null): Promise<Certificate> {
    const revoked: Certificate[] = (
      await this.txHost.tx.query(
        `UPDATE certificate SET revoked_at = now(), revoked_by = $2, revocation_reason_code = $3,
                review_status = CASE WHEN review_status = 'pending' THEN 'revoked' ELSE review_status END
          WHERE id = $1 AND revoked_at IS NULL RETURNING id, trainee_id, course_title`,
        [id, principal.userId, reasonCode],
      )
    )[0];
    if (revoked.length === 0) {
      const exists = await this.txHost.tx.getRepository(Certificate).existsBy({ id });
      throw exists ? conflict('certificate-already-revoked', 'This certificate is already revoked.') : notFound('Certificate');
    }
    const row = revoked[0] as unknown as { trainee_id: string; course_title: string };
    const detail = note ? `${reasonCode}: ${note}` : reasonCode;
    await this.txHost.tx.getRepository(CertificateEvent).insert({ certificateId: id, kind: 'revoked', actorId: principal.userId, detail });
    const reason = revocationReasonLabel(reasonCode);
    await this.outbox.publish(
      'notify',
      { type: 'certificate-revoked', eventKey: `certificate-revoked:${id}`, recipientIds: [row.trainee_id], data: { certificateId: id, courseTitle: row.course_title, reason, reasonCode } },
    );
    await this.outbox.publish('trainee-evidence-changed', { traineeId: row.trainee_id });
    return this.txHost.tx.getRepository(Certificate).findOneByOrFail({ id });
  }

  /** Certificates flagged by a later evaluation, oldest flag first (admins). */
  async pendingReviews(page: PageQuery): Promise<Page<Certificate>> {
    const after = decodeCursor<{ flaggedAt: string; id: string }>(page.cursor, ['flaggedAt', 'id']);
    const query = this.txHost.tx
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .where(`c.review_status = 'pending'`)
      .orderBy('c.review_flagged_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(page.limit + 1);
    if (after) query.andWhere('(c.review_flagged_at, c.id) > (:flaggedAt, :id)', after);
    return toPage(await query.getMany(), page.limit, (c) => ({ flaggedAt: c.reviewFlaggedAt!.toISOString(), id: c.id }));
  }

  /** Keep the flagged certificate (it stays valid) or revoke it (by default: the criteria are no longer met). */
  @Transactional()
  async resolveReview(principal: Principal, id: string, decision: ReviewDecision): Promise<Certificate> {
    const certificate = await this.txHost.tx.getRepository(Certificate).findOneBy({ id });
    if (!certificate) throw notFound('Certificate');
    if (certificate.reviewStatus !== 'pending') throw conflict('review-not-pending', 'This certificate is not awaiting review.');
    const note = decision.note ?? null;
    if (decision.decision === 'revoke') return this.revoke(principal, id, decision.reasonCode ?? 'criteria-no-longer-met', note ?? certificate.reviewDetail);
    const [kept] = await this.txHost.tx.query(`UPDATE certificate SET review_status = 'kept' WHERE id = $1 AND review_status = 'pending' RETURNING id`, [id]);
    if (kept.length === 0) throw conflict('review-not-pending', 'This certificate is not awaiting review.');
    await this.txHost.tx.getRepository(CertificateEvent).insert({ certificateId: id, kind: 'kept', actorId: principal.userId, detail: note });
    return this.txHost.tx.getRepository(Certificate).findOneByOrFail({ id });
  }

  /** The admin's note of the revocation (audit trail), for admins' views only. */
  async revocationNote(id: string): Promise<string | null> {
    const event = await this.txHost.tx.getRepository(CertificateEvent).findOne({ where: { certificateId: id, kind: 'revoked' }, order: { createdAt: 'DESC' } });
    return event?.detail ?? null;
  }
}

export interface ReviewDecision {
  decision: 'keep' | 'revoke';
  reasonCode?: RevocationReasonCode;
  note?: string;
}

/** Compares a presented verification code without leaking, through timing, how much of it matched. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given.trim().toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
