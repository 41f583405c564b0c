import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** `ended`: the trainee withdrew consent (or stopped being listed) while the request waited. */
export const REQUEST_STATES = ['pending', 'accepted', 'declined', 'ended'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const OUTCOME_STAGES = ['interviewed', 'offered', 'hired', 'declined'] as const;
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];

/** An employer's request to interview a trainee for a role; accepted, it shares the trainee's contact details with that organisation. */
@Entity('interview_request')
export class InterviewRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organisationId: string;

  @Column('uuid')
  traineeId: string;

  @Column('text')
  roleTitle: string;

  @Column('text')
  message: string;

  @Column('text')
  state: RequestState;

  /** The latest outcome recorded (interview_outcome keeps each stage with its time). */
  @Column('text', { nullable: true })
  stage: OutcomeStage | null;

  @Column('uuid')
  requestedBy: string;

  @Column('timestamptz', { nullable: true })
  answeredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One stage an accepted request reached, once each. */
@Entity('interview_outcome')
export class InterviewOutcome {
  @PrimaryColumn('uuid')
  requestId: string;

  @PrimaryColumn('text')
  stage: OutcomeStage;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid')
  recordedBy: string;

  @Column('timestamptz', { default: () => 'now()' })
  recordedAt: Date;
}
