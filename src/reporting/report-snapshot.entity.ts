import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last computed outcome report of a cohort at the configured k. */
@Entity('report_snapshot')
export class ReportSnapshot {
  @PrimaryColumn('uuid')
  cohortId: string;

  @Column('int')
  minCellSize: number;

  @Column('jsonb')
  report: unknown;

  @Column('timestamptz')
  computedAt: Date;
}
