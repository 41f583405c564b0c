import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, CACHE, CachePolicy, CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { CoursePublisher } from './course-publisher.service';
import { CourseVersions } from './course-versions.service';
import { CourseExchange } from './course-exchange.service';
import { PublishDto } from './dto/course.dto';
import { VersionParam } from './version-param.pipe';
import { CourseDocumentDto, ImportCourseDto } from './dto/course-document.dto';
import { CourseView } from './dto/course-views.dto';
import { CourseVersionSummaryView, CourseVersionView, PublishedVersionView, VersionDiffView, VersionLessonView } from './dto/version-views.dto';

@ApiTags('course versions')
@Controller('courses')
export class CourseVersionsController {
  constructor(
    private readonly publisher: CoursePublisher,
    private readonly versions: CourseVersions,
    private readonly exchange: CourseExchange,
  ) {}

  @Post('import')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Create a draft course from an exported course document' })
  @ApiCreatedResponse({ type: CourseView })
  @ApiProblems(409, 422)
  import(@CurrentPrincipal() principal: Principal, @Body() body: ImportCourseDto) {
    return this.exchange.import(principal, body);
  }

  @Post(':id/publish')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Freeze the draft (with its assessments) as the next immutable version' })
  @ApiCreatedResponse({ type: PublishedVersionView })
  @ApiProblems(404, 409, 422)
  async publish(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: PublishDto): Promise<PublishedVersionView> {
    const version = await this.publisher.publish(principal, id, body.changeNote);
    return { versionId: version.id, courseId: version.courseId, version: version.version, publishedAt: version.publishedAt.toISOString() };
  }

  @Get(':id/versions')
  @Authenticated()
  @ApiOperation({ summary: 'Published versions of a course, newest first' })
  @ApiOkResponse({ type: [CourseVersionSummaryView] })
  @ApiProblems(404)
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string) {
    return this.versions.list(principal, id);
  }

  @Get(':id/versions/:version')
  @Authenticated()
  @CachePolicy(CACHE.privateImmutable)
  @ApiOperation({ summary: 'The outline of a version (no lesson bodies)' })
  @ApiOkResponse({ type: CourseVersionView })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Param('version', VersionParam) version: number) {
    return this.versions.get(principal, id, version);
  }

  @Get(':id/versions/:version/lessons/:lessonId')
  @Authenticated()
  @CachePolicy(CACHE.privateImmutable)
  @ApiOperation({ summary: 'A lesson of a version with its body: enrolled trainees of that version, the course’s instructors, admins' })
  @ApiOkResponse({ type: VersionLessonView })
  @ApiProblems(403, 404)
  lesson(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Param('version', VersionParam) version: number,
    @Param('lessonId', UuidParam()) lessonId: string,
  ) {
    return this.versions.lesson(principal, id, version, lessonId);
  }

  @Get(':id/versions/:from/diff/:to')
  @Authenticated()
  @CachePolicy(CACHE.privateImmutable)
  @ApiOperation({ summary: 'What changed between two versions' })
  @ApiOkResponse({ type: VersionDiffView })
  @ApiProblems(404)
  diff(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Param('from', VersionParam) from: number,
    @Param('to', VersionParam) to: number,
  ) {
    return this.versions.diff(principal, id, from, to);
  }

  @Get(':id/versions/:version/export')
  @Roles('instructor', 'admin')
  @CachePolicy(CACHE.privateImmutable)
  @ApiOperation({ summary: 'The version as one JSON document (import it with POST /courses/import)' })
  @ApiOkResponse({ type: CourseDocumentDto })
  @ApiProblems(404)
  export(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Param('version', VersionParam) version: number) {
    return this.exchange.export(principal, id, version);
  }
}
