import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, CurrentPrincipal, Page, PageQuery, Principal, Roles, UuidParam } from '@gds/http';
import { CohortVersionMoves } from './cohort-version-moves.service';
import { CohortVersionMoveView, MoveCohortVersionDto, VersionCheckQuery, VersionCheckView } from './dto/version-move.dto';

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortVersionMovesController {
  constructor(private readonly moves: CohortVersionMoves) {}

  @Post(':id/version-moves')
  @Roles('instructor', 'admin')
  @ApiOperation({
    summary: 'Move the cohort to a later, compatible published version of one of its courses (a content fix); progress carried over, the move recorded (admins, the cohort’s instructors)',
    description:
      'Compatible: the same modules (prerequisites and skills unchanged) and the same assessments with the same settings and keys; lessons and the ' +
      'title and instructions of assessments may change. Problems: 400 bad body; 403 reviewers; 404 no such cohort or not yours, no such version; ' +
      '422 the first incompatibility as its type (different-course, not-newer-version, module-added, module-removed, module-changed, ' +
      'assessment-added, assessment-removed, assessment-changed) with every one in `incompatibilities`, course-not-in-cohort, cohort-finished.',
  })
  @ApiCreatedResponse({ type: CohortVersionMoveView })
  @ApiProblems(404, 422)
  move(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: MoveCohortVersionDto): Promise<CohortVersionMoveView> {
    return this.moves.move(principal, id, body);
  }

  @Get(':id/version-moves')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'The cohort’s moves between course versions, oldest first, a page at a time: who, when, from which version to which, why' })
  @ApiPage(CohortVersionMoveView)
  @ApiProblems(400, 404)
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Query() query: PageQuery): Promise<Page<CohortVersionMoveView>> {
    return this.moves.list(principal, id, query);
  }

  @Get(':id/version-check')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Whether the cohort could move to a version now, every incompatibility named, and the lessons the move adds and removes (moves nothing)' })
  @ApiOkResponse({ type: VersionCheckView })
  @ApiProblems(400, 404, 422)
  check(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Query() query: VersionCheckQuery): Promise<VersionCheckView> {
    return this.moves.check(principal, id, query.toVersionId);
  }
}
