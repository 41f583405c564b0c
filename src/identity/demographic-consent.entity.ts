import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A trainee's consent to hold their demographic fields: when, to which purpose text, and its withdrawal. */
@Entity('demographic_consent')
export class DemographicConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column('int')
  version: number;

  @Column('timestamptz')
  givenAt: Date;

  @Column('timestamptz', { nullable: true })
  withdrawnAt: Date | null;
}
