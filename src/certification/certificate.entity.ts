import { Column, Entity, PrimaryColumn } from 'typeorm';

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

  @Column('text', { nullable: true })
  revocationReason: string | null;

  @Column('text', { nullable: true })
  reviewStatus: ReviewStatus | null;

  @Column('timestamptz', { nullable: true })
  reviewFlaggedAt: Date | null;

  @Column('text', { nullable: true })
  reviewDetail: string | null;
}
