import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One run of a scheduled job per slot; the key turns a second run of the same slot into a no-op. */
@Entity('notification_schedule_run')
export class NotificationScheduleRun {
  @PrimaryColumn('text')
  scheduler: string;

  @PrimaryColumn('bigint')
  slotMs: string;

  @Column('text')
  jobId: string;

  @Column('timestamptz', { default: () => 'now()' })
  ranAt: Date;
}
