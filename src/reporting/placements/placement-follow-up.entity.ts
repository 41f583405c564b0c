import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether the trainee still holds the placement 3 or 6 months on. */
@Entity('placement_follow_up')
export class PlacementFollowUp {
  @PrimaryColumn('uuid')
  placementId: string;

  @PrimaryColumn('int')
  month: 3 | 6;

  @Column('boolean')
  stillInRole: boolean;

  @Column('date')
  checkedOn: string;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  recordedAt: Date;
}
