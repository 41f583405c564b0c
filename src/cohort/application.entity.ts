import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const APPLICATION_STATUSES = ['submitted', 'shortlisted', 'accepted', 'waitlisted', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const DECISIONS = ['shortlist', 'accept', 'waitlist', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface ApplicationAnswer {
  questionId: string;
  answer: string;
}

@Entity('application')
export class Application {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') cohortId: string;
  @Column('uuid') traineeId: string;
  @Column('uuid') courseVersionId: string;
  @Column('text') status: ApplicationStatus;
  @Column('text') statement: string;
  @Column('jsonb') answers: ApplicationAnswer[];
  @Column('numeric', { nullable: true }) score: string | null;
  @Column('int', { nullable: true }) waitlistRank: number | null;
  @Column('timestamptz') submittedAt: Date;
  @Column('timestamptz', { nullable: true }) decidedAt: Date | null;
  @Column('timestamptz') updatedAt: Date;
}

/** The audit trail of an application: every submission, score, decision and withdrawal. */
@Entity('application_decision')
export class ApplicationDecision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') applicationId: string;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @Column('text') action: string;
  @Column('text', { nullable: true }) fromStatus: string | null;
  @Column('text') toStatus: string;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('numeric', { nullable: true }) score: string | null;
  @Column('int', { nullable: true }) waitlistRank: number | null;
  /** The prerequisite courses an admin waived with this decision (null when none). */
  @Column('uuid', { array: true, nullable: true }) prerequisitesOverridden: string[] | null;
  /** The prerequisite courses a `promotion-skipped` applicant had not completed (null otherwise, and on entries written before they were recorded). */
  @Column('uuid', { array: true, nullable: true }) prerequisitesMissing: string[] | null;
  @Column('timestamptz') createdAt: Date;
}
