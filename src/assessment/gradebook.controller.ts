import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiContent, ApiProblems, CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { Gradebooks } from './gradebooks.service';
import { gradebookCsv } from './gradebook-csv';
import { GradebookQuery, GradebookView } from './dto/gradebook.dto';

@ApiTags('assessments')
@Controller('cohorts')
export class GradebookController {
  constructor(private readonly gradebooks: Gradebooks) {}

  @Get(':id/gradebook')
  // Not reviewers: the gradebook names trainees; the consortium sees aggregates only.
  @Roles('instructor', 'admin')
  @ApiOperation({
    summary: 'The gradebook of a cohort and course version: trainees × assessments with status, best and latest score, late days and exceptions (admins, the cohort’s instructors)',
    description:
      'JSON is paged by trainee (enrolment order), the assessment columns listed once; ?format=csv answers every trainee as one file. ' +
      'Problems: 400 bad query or cursor; 404 no such cohort, or not one you instruct; 422 course-version-not-in-cohort, course-version-required ' +
      '(the cohort runs several versions: name one).',
  })
  @ApiContent(200, { 'application/json': GradebookView, 'text/csv': 'text' }, 'The gradebook; as CSV with ?format=csv')
  @ApiProblems(400, 404, 422)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Query() query: GradebookQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GradebookView | string> {
    if (query.format !== 'csv') return this.gradebooks.page(principal, id, query);
    const book = await this.gradebooks.whole(principal, id, query.courseVersionId);
    reply.header('content-type', 'text/csv; charset=utf-8; header=present');
    reply.header('content-disposition', `attachment; filename="gradebook-${id}-v${book.version}.csv"`);
    return gradebookCsv(book);
  }
}
