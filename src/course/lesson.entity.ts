import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const LESSON_KINDS = ['article', 'video', 'lab', 'external'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

/**
 * A draft lesson. `body` is Markdown as written (article text or lab instructions; optional notes
 * for video and external lessons); it is sanitised whenever rendered, never when stored.
 */
@Entity('lesson')
export class Lesson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  moduleId: string;

  @Column('int')
  position: number;

  @Column('text')
  title: string;

  @Column('text')
  kind: LessonKind;

  @Column('text', { nullable: true })
  body: string | null;

  @Column('text', { nullable: true })
  videoUrl: string | null;

  @Column('int', { nullable: true })
  durationSeconds: number | null;

  @Column('text', { nullable: true })
  environmentNotes: string | null;

  @Column('text', { nullable: true })
  externalUrl: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
