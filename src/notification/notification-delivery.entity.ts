import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CHANNELS = ['in_app', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];
export const DELIVERY_STATUSES = ['delivered', 'pending', 'sent', 'skipped', 'failed', 'digest_pending', 'digested'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One notification to one person on one channel; unique per (eventKey, recipient, channel). The
 * in-app rows are the inbox; email rows track sending.
 */
@Entity('notification_delivery')
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  eventKey: string;

  @Column('uuid')
  recipientId: string;

  @Column('text')
  channel: Channel;

  @Column('text')
  status: DeliveryStatus;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  @Column('uuid', { nullable: true })
  digestId: string | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
