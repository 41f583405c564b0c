import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event waiting to become a job. Written in the same transaction as the change it reports, so
 * that a crash or a Redis outage between commit and enqueue loses nothing.
 */
@Entity('outbox_message')
@Index('outbox_message_pending_idx', ['availableAt'], { where: 'sent_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  jobName: string;

  @Column('text')
  queue: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  /** The BullMQ job id the catalog made (jobIdFor, e.g. `grade-submission.<submissionId>`); rows written before it did may have none: then the row id. */
  @Column('text', { nullable: true })
  jobId: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  availableAt: Date;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;
}
