import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What a trainee must achieve in one course version to be certified (absent row: the defaults). */
@Entity('certification_criteria')
export class CertificationCriteria {
  @PrimaryColumn('uuid')
  courseVersionId: string;

  @Column('boolean')
  requireAllModules: boolean;

  @Column('boolean')
  requireRequiredAssessments: boolean;

  @Column('numeric', { precision: 5, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  minCourseScore: number;

  @Column('text', { nullable: true })
  narrative: string | null;

  @Column('uuid', { nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
