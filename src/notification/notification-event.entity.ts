import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A fact told to people (one `notify` job's eventKey), shared by its deliveries. */
@Entity('notification_event')
export class NotificationEvent {
  @PrimaryColumn('text')
  eventKey: string;

  @Column('text')
  type: string;

  @Column('jsonb')
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
