import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JobFailureView } from './dto/platform.dto';
import { DataSource } from 'typeorm';
import { ApiPage, ApiProblems, decodeCursor, Page, PageQuery, Roles, toPage } from '@gds/http';
import { JobFailure } from '@gds/queue';

@ApiTags('operations')
@Controller('admin/job-failures')
export class JobFailuresController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Jobs that failed their last attempt, newest first' })
  @ApiPage(JobFailureView)
  @ApiProblems(400)
  async list(@Query() query: PageQuery): Promise<Page<JobFailure>> {
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    const qb = this.dataSource.getRepository(JobFailure).createQueryBuilder('f').orderBy('f.failedAt', 'DESC').addOrderBy('f.id', 'DESC').limit(query.limit + 1);
    if (after) qb.where('(f.failedAt, f.id) < (:at, :id)', after);
    return toPage(await qb.getMany(), query.limit, (f) => ({ at: f.failedAt.toISOString(), id: f.id }));
  }
}
