import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PLACEMENT_KINDS = ['new_role', 'promotion'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];
export const PLACEMENT_SOURCES = ['self_reported', 'employer_confirmed'] as const;
export type PlacementSource = (typeof PLACEMENT_SOURCES)[number];

/** A new role or a promotion of a trainee after training in a cohort. */
@Entity('placement')
export class Placement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  cohortId: string;

  @Column('uuid')
  traineeId: string;

  @Column('text')
  kind: PlacementKind;

  @Column('text')
  role: string;

  @Column('text')
  employer: string;

  /** A calendar date (YYYY-MM-DD). */
  @Column('date')
  startsOn: string;

  @Column('text')
  source: PlacementSource;

  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  /** The talent pipeline's interview request whose confirmed hire this placement is (unique); null for placements typed in. */
  @Column('uuid', { nullable: true })
  interviewRequestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
