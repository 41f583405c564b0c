import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Channel } from './notification-delivery.entity';

export const PREFERENCE_MODES = ['off', 'immediate', 'digest'] as const;
export type PreferenceMode = (typeof PREFERENCE_MODES)[number];

/** A person's choice for one notification type on one channel; absent means the default. */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('text')
  type: string;

  @PrimaryColumn('text')
  channel: Channel;

  @Column('text')
  mode: PreferenceMode;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
