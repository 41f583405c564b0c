import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One refused field of a request (validation, an import row). */
export class FieldErrorView {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'email must be an email' }) message: string;
  @ApiPropertyOptional({ description: 'The line of an uploaded file the error is on (imports)' }) line?: number;
}

/**
 * The one error body of this API: RFC 9457 problem details as ProblemDetailsFilter,
 * problemFrameworkErrors and problemClientErrorHandler write them. A domain error may add members
 * of its own (`retryAfter`, ids in a conflict), so the object is open.
 */
export class ProblemView {
  @ApiProperty({ description: 'Stable URI of the kind of problem; switch on it (https://gds-academy.dev/problems/<slug>, or about:blank for an unexpected error)', example: 'https://gds-academy.dev/problems/not-found' })
  type: string;

  @ApiProperty({ example: 'Not found' }) title: string;
  @ApiProperty({ type: 'integer', example: 404 }) status: number;
  @ApiPropertyOptional({ description: 'What went wrong, for a person; never quotes the input' }) detail?: string;
  @ApiPropertyOptional({ description: 'The path of the request (no query)' }) instance?: string;
  @ApiPropertyOptional({ description: 'The X-Request-Id of the request, to quote to support' }) requestId?: string;
  @ApiPropertyOptional({ type: FieldErrorView, isArray: true, description: 'Validation: each refused field' }) errors?: FieldErrorView[];
  @ApiPropertyOptional({ type: 'integer', description: '429 and 503: seconds to wait before trying again (also the Retry-After header)' }) retryAfter?: number;
}
