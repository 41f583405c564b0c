import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An attempt counts toward the attempts allowed from the moment it starts. */
@Entity('assessment_attempt')
export class AssessmentAttempt {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') assessmentId: string;
  @Column('uuid') versionId: string;
  @Column('uuid') enrollmentId: string;
  @Column('uuid') cohortId: string;
  @Column('uuid') traineeId: string;
  @Column('int') attemptNumber: number;
  @Column('int') attemptsAllowed: number;
  @Column('timestamptz') startedAt: Date;
  @Column('timestamptz', { nullable: true }) deadlineAt: Date | null;
}
