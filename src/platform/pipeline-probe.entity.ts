import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A probe sent through outbox → relay → queue → handler; `handledRuns` counts how often its job ran. */
@Entity('pipeline_probe')
export class PipelineProbe {
  @PrimaryColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  handledAt: Date | null;

  @Column('int', { default: 0 })
  handledRuns: number;
}
