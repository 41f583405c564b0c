import { Column, Entity, PrimaryColumn } from 'typeorm';

export const TRACK_CODES = ['cybersecurity', 'data-analysis', 'ui-ux-design', 'cloud-engineering'] as const;
export type TrackCode = (typeof TRACK_CODES)[number];

/** One of the four curricula; seeded by the Course migration, read-only over the API. */
@Entity('track')
export class Track {
  @PrimaryColumn('text')
  code: TrackCode;

  @Column('text')
  name: string;

  @Column('text')
  description: string;

  @Column('int')
  position: number;
}
