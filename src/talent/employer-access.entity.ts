import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const EMPLOYER_ACTIONS = ['search', 'profile_view', 'shortlist', 'interview_request', 'outcome', 'hire', 'fair_slots', 'fair_check_in'] as const;
export type EmployerAction = (typeof EMPLOYER_ACTIONS)[number];

/** One access of an employer user to the pipeline (every search, profile view, shortlist, request, outcome). */
@Entity('employer_access')
export class EmployerAccess {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  employerId: string;

  @Column('uuid')
  organisationId: string;

  @Column('text')
  action: EmployerAction;

  @Column('uuid', { nullable: true })
  traineeId: string | null;

  @Column('jsonb')
  detail: Record<string, unknown>;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;
}
