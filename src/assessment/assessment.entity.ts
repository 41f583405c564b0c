import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NUMERIC } from './numeric-column';
import type { AssessmentKind } from './graders/grader-registry';

export const LATE_POLICIES = ['refuse', 'penalty'] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

/** A draft assessment attached to a draft course module; its key is frozen into each published version. */
@Entity('assessment')
export class Assessment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') moduleId: string;
  @Column('uuid') courseId: string;
  @Column('text') kind: AssessmentKind;
  @Column('text') title: string;
  @Column('text') instructions: string;
  @Column('numeric', { transformer: NUMERIC }) maxScore: number;
  @Column('numeric', { transformer: NUMERIC }) passMark: number;
  @Column('numeric', { transformer: NUMERIC }) weight: number;
  @Column('boolean') required: boolean;
  @Column('int') attemptsAllowed: number;
  @Column('int', { nullable: true }) timeLimitMinutes: number | null;
  @Column('int', { nullable: true }) dueOffsetDays: number | null;
  @Column('text') latePolicy: LatePolicy;
  @Column('numeric', { transformer: NUMERIC }) latePenaltyPercentPerDay: number;
  /** A late answer never scores below this percent of what it earned (penalty policy). */
  @Column('numeric', { transformer: NUMERIC }) lateFloorPercent: number;
  /** Minutes after the due date during which work still counts as on time. */
  @Column('int') lateGraceMinutes: number;
  @Column('text', { array: true }) skillCodes: string[];
  @Column('jsonb') answerKey: unknown;
  @Column('uuid') createdBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
