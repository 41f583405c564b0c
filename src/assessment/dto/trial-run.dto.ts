import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class TrialRunDto {
  @ApiProperty({ description: 'The answer, in the shape of the assessment kind: `{ query }` (sql) or `{ document, format? }` (config)', type: 'object', additionalProperties: true })
  @IsObject()
  answer: Record<string, unknown>;
}

@ApiSchema({ name: 'TrialRunRows', description: 'What an SQL query returned, every value as Postgres prints it' })
export class TrialRunRowsView {
  @ApiProperty({ type: [String] }) columns: string[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string', nullable: true } } }) rows: Array<Array<string | null>>;
  @ApiProperty() rowCount: number;
  @ApiProperty({ description: 'More rows than the exercise’s row cap were available; `rows` holds the cap' }) truncated: boolean;
}

@ApiSchema({ name: 'TrialRunRuleFinding', description: 'One rule of a configuration exercise: passed or not, and where it failed' })
export class TrialRunRuleFindingView {
  @ApiPropertyOptional() id?: string;
  @ApiProperty() description: string;
  @ApiProperty() passed: boolean;
  @ApiProperty({ description: 'The rule’s message, as graded feedback would show it' }) message: string;
  @ApiPropertyOptional({ description: 'Where it failed (a path)' }) at?: string;
  @ApiPropertyOptional({ type: [String], description: 'Schema rules: one line per schema error' }) errors?: string[];
}

/**
 * A trial run's answer: the rows or the rule findings, never a score, an expected result or the
 * key. Nothing is stored and no attempt is used.
 */
@ApiSchema({ name: 'TrialRun' })
export class TrialRunView {
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty({ enum: ['sql', 'config'] }) kind: 'sql' | 'config';
  @ApiProperty({ enum: ['ok', 'error', 'unreadable'], description: '`error`: the query failed (message says why); `unreadable`: the document could not be read' })
  status: 'ok' | 'error' | 'unreadable';
  @ApiPropertyOptional() message?: string;
  @ApiPropertyOptional({ type: TrialRunRowsView }) result?: TrialRunRowsView;
  @ApiPropertyOptional({ enum: ['json', 'yaml'] }) format?: string;
  @ApiPropertyOptional({ type: [TrialRunRuleFindingView] }) rules?: TrialRunRuleFindingView[];
}
