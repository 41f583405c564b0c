import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A candidate on an organisation's shortlist for a named role: once per (organisation, role, trainee). */
@Entity('shortlist_entry')
export class ShortlistEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organisationId: string;

  @Column('text')
  roleTitle: string;

  @Column('uuid')
  traineeId: string;

  @Column('uuid')
  addedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
