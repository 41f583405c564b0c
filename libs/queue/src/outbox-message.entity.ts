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

  /** Claimed by a relay until then (OutboxRelay.relayBatch); `available_at` stays when the row became due. */
  @Column('timestamptz', { nullable: true })
  leasedUntil: Date | null;

  /** Times a relay claimed the row; more than attempts + 1 means a claim ended in neither a move nor a retry (a relay died or hung). */
  @Column('int', { default: 0 })
  claims: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;
}
