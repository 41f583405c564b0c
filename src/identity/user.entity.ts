import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from './roles';
import type { Language } from './languages';

export const GENDERS = ['female', 'male', 'non_binary', 'prefer_not_to_say'] as const;
export type Gender = (typeof GENDERS)[number];

@Entity('app_user')
@Index('app_user_email_lower_key', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored as given; unique case-insensitively (index on lower(email)). */
  @Column('text')
  email: string;

  @Column('text')
  displayName: string;

  /** argon2id; null until an invited user sets a password. */
  @Column('text', { nullable: true, select: false })
  passwordHash: string | null;

  @Column('text', { array: true })
  roles: Role[];

  @Column('boolean', { default: true })
  active: boolean;

  /** Language of emails and the web app (`en` | `es`). */
  @Column('text', { default: 'en' })
  language: Language;

  /** IANA zone the person's dates are shown and counted in (due tomorrow, digests); default America/Belize. */
  @Column('text', { default: 'America/Belize' })
  timeZone: string;

  @Column('text', { nullable: true })
  gender: Gender | null;

  @Column('int', { nullable: true })
  birthYear: number | null;

  @Column('text', { nullable: true })
  district: string | null;

  @Column('text', { nullable: true })
  employer: string | null;

  /** The organisation an employer user acts for: set exactly when the roles include `employer` (a check constraint). */
  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
