import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CertificateEventKind = 'issued' | 'flagged' | 'kept' | 'revoked';

/** Audit trail of a certificate: issuance, review flags and the admin decisions on them. */
@Entity('certificate_event')
export class CertificateEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  certificateId: string;

  @Column('text')
  kind: CertificateEventKind;

  /** Null when the system acted (issuance, a flag raised by an evaluation). */
  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  detail: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
