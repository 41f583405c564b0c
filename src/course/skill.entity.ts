import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TrackCode } from './track.entity';

/** A competency of a track's framework; modules list the skills they teach by code. */
@Entity('skill')
export class Skill {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  trackCode: TrackCode;

  /** Unique across tracks (e.g. CYB-SOC-01), so a code alone names a skill in outlines and reports. */
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  description: string;

  /** A NICE work role, an SFIA skill code, or null. */
  @Column('text', { nullable: true })
  frameworkRef: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
