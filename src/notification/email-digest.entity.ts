import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One digest email: the digest-mode notifications of one person claimed by one digest run. */
@Entity('email_digest')
export class EmailDigest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  recipientId: string;

  @Column('text')
  status: 'pending' | 'sent' | 'skipped' | 'failed';

  @Column('int')
  itemCount: number;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
