import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const AVAILABILITIES = ['immediately', 'within_1_month', 'within_3_months', 'open_to_offers'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/**
 * A trainee's talent profile. Employers see it only while `listed`; withdrawing keeps the row (the
 * trainee's own history, the data export) but hides it at once. Track and cohort are captured when
 * the trainee last saved it; skills and certified courses, for search, are also refreshed whenever
 * the trainee's evidence changes (SearchableEvidence). The profile itself reads the evidence live.
 */
@Entity('talent_profile')
export class TalentProfile {
  @PrimaryColumn('uuid')
  traineeId: string;

  @Column('boolean')
  listed: boolean;

  @Column('text')
  statement: string;

  @Column('text')
  availability: Availability;

  @Column('text', { array: true })
  preferredRoles: string[];

  @Column('text')
  trackCode: string;

  /** The cohort of the trainee's latest enrollment: the pipeline figures count per cohort. */
  @Column('uuid')
  cohortId: string;

  @Column('text', { array: true })
  skillCodes: string[];

  @Column('text', { array: true })
  certifiedCourseCodes: string[];

  @Column('timestamptz', { nullable: true })
  listedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  withdrawnAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
