import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './roles';

/** Audit trail of role grants, removals, deactivations and reactivations. */
@Entity('role_change')
@Index(['userId', 'changedAt', 'id'])
export class RoleChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  /** Null when the system made the change (first admin bootstrap). */
  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text')
  action: 'create' | 'roles' | 'deactivate' | 'reactivate';

  @Column('text', { array: true })
  rolesBefore: Role[];

  @Column('text', { array: true })
  rolesAfter: Role[];

  @Column('text', { nullable: true })
  reason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
