import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TrackCode } from './track.entity';

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];
export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/**
 * A course and its editable draft. Publishing copies the draft into an immutable CourseVersion;
 * `latestVersion` is 0 until the first publish.
 */
@Entity('course')
export class Course {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  code: string;

  @Column('text')
  title: string;

  @Column('text')
  summary: string;

  @Column('text')
  trackCode: TrackCode;

  @Column('text')
  level: Level;

  @Column('int')
  estimatedHours: number;

  @Column('uuid')
  ownerId: string;

  @Column('text', { default: 'draft' })
  status: CourseStatus;

  @Column('int', { default: 0 })
  latestVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
