import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A request to reset a password by email. The secret of its link is chosen by the worker when the
 * email is sent and only its sha256 is kept; the link works once, until `expiresAt`.
 */
@Entity('password_reset')
export class PasswordReset {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column('text', { nullable: true })
  secretHash: string | null;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
