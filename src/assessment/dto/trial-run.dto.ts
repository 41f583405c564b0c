import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema } from '@nestjs/swagger';
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

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } },
  additionalProperties: true,
};

/** The errors a trial run answers on purpose, as problem+json. */
export function ApiTrialRunProblems(): MethodDecorator {
  const problem = (status: number, description: string) => ApiResponse({ status, description, content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } } });
  return applyDecorators(
    problem(400, 'invalid-answer: the answer does not have the kind’s shape'),
    problem(404, 'not-found: no such assessment, or not yours'),
    problem(409, 'enrollment-not-active, attempts-exhausted: you could not submit it either'),
    problem(422, 'trial-run-unsupported (quiz, flag, rubric), past-due, exercise-unavailable'),
    problem(429, 'too many trial runs; retry after the Retry-After header'),
    problem(503, 'sandbox-unavailable: the SQL sandbox cannot be reached; retry shortly'),
  );
}
