import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RevocationReasonCode } from './revocation-reasons';

export type ReviewStatus = 'pending' | 'kept' | 'revoked';

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A certificate: one per trainee and course version (unique constraint), with its signed credential. */
@Entity('certificate')
export class Certificate {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  traineeId: string;

  @Column('uuid')
  enrollmentId: string;

  @Column('uuid')
  cohortId: string;

  @Column('uuid')
  courseVersionId: string;

  @Column('text')
  verificationCode: string;

  @Column('text')
  holderName: string;

  @Column('text')
  courseTitle: string;

  @Column('text')
  courseCode: string;

  @Column('text')
  trackCode: string;

  @Column('text', { array: true })
  skillCodes: string[];

  /** The track's name as signed into the credential (null for certificates issued before names were kept). */
  @Column('text', { nullable: true })
  trackName: string | null;

  /** The skills as signed into the credential, in order (null for certificates issued before names were kept). */
  @Column('jsonb', { nullable: true })
  skills: Array<{ code: string; name: string }> | null;

  /** The credential subject's id, `urn:uuid:<this>` (null for certificates issued before subjects had ids). */
  @Column('uuid', { nullable: true })
  credentialSubjectId: string | null;

  @Column('numeric', { precision: 5, scale: 2, nullable: true, transformer: numeric })
  courseScore: number | null;

  @Column('text')
  credentialJwt: string;

  @Column('text')
  signingKid: string;

  @Column('timestamptz')
  issuedAt: Date;

  @Column('timestamptz', { nullable: true })
  validUntil: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('uuid', { nullable: true })
  revokedBy: string | null;

  /** Public reason (revocation-reasons.ts); the admin's free-text note is only in the audit trail. */
  @Column('text', { nullable: true })
  revocationReasonCode: RevocationReasonCode | null;

  @Column('text', { nullable: true })
  reviewStatus: ReviewStatus | null;

  @Column('timestamptz', { nullable: true })
  reviewFlaggedAt: Date | null;

  @Column('text', { nullable: true })
  reviewDetail: string | null;
}
