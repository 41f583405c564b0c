import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A job that failed its last attempt: kept in the database where people can see and act on it. */
@Entity('job_failure')
export class JobFailure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  queue: string;

  @Column('text')
  jobName: string;

  @Column('text')
  jobId: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column('int')
  attemptsMade: number;

  @Column('text')
  error: string;

  @CreateDateColumn({ type: 'timestamptz' })
  failedAt: Date;
}
