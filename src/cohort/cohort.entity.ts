import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const COHORT_STATUSES = ['planned', 'accepting_applications', 'running', 'completed', 'archived'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];
export const UNLOCK_MODES = ['schedule', 'prerequisites'] as const;
export type UnlockMode = (typeof UNLOCK_MODES)[number];

/** A question every applicant of a cohort answers. */
export interface CohortQuestion {
  id: string;
  prompt: string;
  required: boolean;
}

@Entity('cohort')
export class Cohort {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') status: CohortStatus;
  @Column('int') capacity: number;
  /** Kept by enrollment writes; a CHECK keeps it within capacity whatever the concurrency. */
  @Column('int') seatsTaken: number;
  @Column('timestamptz') applicationsOpenAt: Date;
  @Column('timestamptz') applicationsCloseAt: Date;
  @Column('timestamptz') startsAt: Date;
  @Column('timestamptz') endsAt: Date;
  @Column('text') unlockMode: UnlockMode;
  /** IANA zone of the cohort's calendar: its start day, unlock days and due dates are counted there. */
  @Column('text', { default: 'America/Belize' }) timeZone: string;
  @Column('jsonb') questions: CohortQuestion[];
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('cohort_course_version')
export class CohortCourseVersion {
  @PrimaryColumn('uuid') cohortId: string;
  @PrimaryColumn('uuid') courseVersionId: string;
}

/** Schedule: a module opens `offsetDays` after the cohort start. */
@Entity('cohort_module_unlock')
export class CohortModuleUnlock {
  @PrimaryColumn('uuid') cohortId: string;
  @PrimaryColumn('uuid') moduleId: string;
  @Column('int') offsetDays: number;
}

@Entity('cohort_instructor')
export class CohortInstructor {
  @PrimaryColumn('uuid') cohortId: string;
  @PrimaryColumn('uuid') userId: string;
}
