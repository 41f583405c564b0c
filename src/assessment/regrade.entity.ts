import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A bulk regrade of an assessment's graded submissions, after a key fix. */
@Entity('regrade')
export class Regrade {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') assessmentId: string;
  @Column('uuid', { nullable: true }) keyVersionId: string | null;
  @Column('uuid') requestedBy: string;
  @Column('text') reason: string;
  @Column('text') status: 'queued' | 'running' | 'finished';
  @Column('int') total: number;
  @Column('int') done: number;
  @Column('int') changed: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) finishedAt: Date | null;
}
