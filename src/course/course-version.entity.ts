import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FrozenOutline } from './course-snapshot';

/** An immutable published version: written once at publish, refused UPDATE/DELETE by triggers. */
@Entity('course_version')
export class CourseVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  courseId: string;

  @Column('int')
  version: number;

  @Column('text')
  title: string;

  @Column('text')
  summary: string;

  @Column('text')
  level: string;

  @Column('int')
  estimatedHours: number;

  @Column('text', { default: '' })
  changeNote: string;

  @Column('uuid')
  publishedBy: string;

  @Column('timestamptz')
  publishedAt: Date;

  /** Modules, lessons (no bodies) and assessment outlines: what every signed-in user may read. */
  @Column('jsonb')
  outline: FrozenOutline;
}
