import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A career fair: a day (or hours) where shortlisted or listed trainees of invited cohorts meet participating employers. */
@Entity('career_fair')
export class CareerFair {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('timestamptz') startsAt: Date;
  @Column('timestamptz') endsAt: Date;
  @Column('text', { nullable: true }) place: string | null;
  @Column('text', { nullable: true }) onlineUrl: string | null;
  @Column('uuid') createdBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('career_fair_employer')
export class CareerFairEmployer {
  @PrimaryColumn('uuid') fairId: string;
  @PrimaryColumn('uuid') organisationId: string;
}

@Entity('career_fair_cohort')
export class CareerFairCohort {
  @PrimaryColumn('uuid') fairId: string;
  @PrimaryColumn('uuid') cohortId: string;
}

@Entity('career_fair_registration')
export class CareerFairRegistration {
  @PrimaryColumn('uuid') fairId: string;
  @PrimaryColumn('uuid') traineeId: string;
  @Column('timestamptz', { default: () => 'now()' }) registeredAt: Date;
  @Column('timestamptz', { nullable: true }) checkedInAt: Date | null;
  /** Who checked the trainee in (the trainee, an employer they meet, or an admin). */
  @Column('uuid', { nullable: true }) checkedInBy: string | null;
  @Column('text', { nullable: true }) checkedInAs: CheckedInAs | null;
}

/** In what capacity a check-in was made. */
export type CheckedInAs = 'self' | 'employer' | 'admin';
export const CHECKED_IN_AS: readonly CheckedInAs[] = ['self', 'employer', 'admin'];

/** A meeting slot an employer publishes at a fair: one trainee books it. */
@Entity('fair_slot')
export class FairSlot {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') fairId: string;
  @Column('uuid') organisationId: string;
  @Column('timestamptz') startsAt: Date;
  @Column('timestamptz') endsAt: Date;
  @Column('uuid') createdBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A booked slot. The database keeps one booking per slot and no two overlapping bookings of a trainee. */
@Entity('fair_booking')
export class FairBooking {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') slotId: string;
  @Column('uuid') fairId: string;
  @Column('uuid') traineeId: string;
  /** tstzrange of the slot, copied so the exclusion constraint can compare a trainee's bookings. */
  @Column('tstzrange') during: string;
  @Column('timestamptz', { default: () => 'now()' }) bookedAt: Date;
  @Column('timestamptz', { nullable: true }) remindedAt: Date | null;
}
