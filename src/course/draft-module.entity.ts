import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A draft module: ordered within its course; owns lessons and (in the assessment module) assessments. */
@Entity('course_module')
export class DraftModule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  courseId: string;

  /** 1..n within the course (unique, deferred so that a reorder can pass through duplicates). */
  @Column('int')
  position: number;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  summary: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
