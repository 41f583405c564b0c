import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const AVAILABILITIES = ['immediately', 'within_1_month', 'within_3_months', 'open_to_offers'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/**
 * A trainee's talent profile. Employers see it only while `listed`; withdrawing keeps the row (the
 * trainee's own history, the data export) but hides it at once. Track, cohort, skills and
 * certified courses are the evidence captured when the trainee last saved it, for search; the
 * profile itself shows certificates and evidence as they are now.
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
