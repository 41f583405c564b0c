import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NUMERIC } from './numeric-column';

/**
 * The grade history and its audit: one row per cause (`initial`, `review`, `regrade:<id>`,
 * `override:<id>`), unique per submission, so a job that runs twice stores one grade.
 */
@Entity('grade')
export class Grade {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') submissionId: string;
  @Column('text') cause: string;
  @Column('numeric', { transformer: NUMERIC }) rawScore: number;
  @Column('numeric', { transformer: NUMERIC }) penalty: number;
  @Column('numeric', { transformer: NUMERIC }) score: number;
  @Column('numeric', { nullable: true, transformer: NUMERIC }) previousScore: number | null;
  @Column('numeric', { transformer: NUMERIC }) maxScore: number;
  @Column('boolean') passed: boolean;
  @Column('jsonb') feedback: Record<string, unknown>;
  @Column('uuid') keyVersionId: string;
  @Column('uuid', { nullable: true }) gradedBy: string | null;
  @Column('text', { nullable: true }) reason: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
