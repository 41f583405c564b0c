import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NUMERIC } from './numeric-column';

/** A hint a trainee chose to see; its cost is taken from later grades of that assessment. */
@Entity('hint_reveal')
export class HintReveal {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') assessmentId: string;
  @Column('uuid') enrollmentId: string;
  @Column('uuid') traineeId: string;
  @Column('text') hintId: string;
  @Column('numeric', { transformer: NUMERIC }) cost: number;
  @Column('timestamptz') revealedAt: Date;
}
