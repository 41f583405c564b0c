import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, Authenticated, CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { CoursesService } from './courses.service';
import { CourseCatalogue } from './course-catalogue.service';
import { CourseDetails } from './course-details.service';
import { CourseModules } from './course-modules.service';
import { CatalogueQuery, CoInstructorsDto, CoursePrerequisitesDto, CreateCourseDto, UpdateCourseDto } from './dto/course.dto';
import { CreateModuleDto } from './dto/structure.dto';
import { CatalogueCourseView, CoInstructorsView, CourseDetailView, CourseDraftView, CoursePrerequisitesView, CourseView } from './dto/course-views.dto';
import { CourseModuleView } from './dto/structure-views.dto';

@ApiTags('courses')
@Controller('courses')
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly catalogue: CourseCatalogue,
    private readonly details: CourseDetails,
    private readonly modules: CourseModules,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The catalogue: ?track=&level=&q= (full text), ?teaching=true for the courses one owns or co-instructs; paginated' })
  @ApiPage(CatalogueCourseView)
  @ApiProblems(400)
  list(@CurrentPrincipal() principal: Principal, @Query() query: CatalogueQuery) {
    return this.catalogue.list(principal, query);
  }

  @Post()
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Create a draft course' })
  @ApiCreatedResponse({ type: CourseView })
  @ApiProblems(409, 422)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCourseDto) {
    return this.courses.create(principal, body);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A course with its latest published outline and skills' })
  @ApiOkResponse({ type: CourseDetailView })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string) {
    return this.details.detail(principal, id);
  }

  @Patch(':id')
  @Roles('instructor', 'admin')
  @ApiOkResponse({ type: CourseView })
  @ApiProblems(404, 409)
  update(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: UpdateCourseDto) {
    return this.courses.update(principal, id, body);
  }

  @Post(':id/archive')
  @Roles('instructor', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive: out of the catalogue; published versions stay readable' })
  @ApiOkResponse({ type: CourseView })
  @ApiProblems(404, 409)
  archive(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string) {
    return this.courses.archive(principal, id);
  }

  @Put(':id/co-instructors')
  @Roles('instructor', 'admin')
  @ApiOkResponse({ type: CoInstructorsView })
  @ApiProblems(404, 409, 422)
  async coInstructors(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: CoInstructorsDto): Promise<CoInstructorsView> {
    return { userIds: await this.courses.setCoInstructors(principal, id, body.userIds) };
  }

  @Put(':id/prerequisites')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Courses to complete first; a cycle answers 422' })
  @ApiOkResponse({ type: CoursePrerequisitesView })
  @ApiProblems(404, 409, 422)
  async prerequisites(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: CoursePrerequisitesDto): Promise<CoursePrerequisitesView> {
    return { courseIds: await this.courses.setPrerequisites(principal, id, body.courseIds) };
  }

  @Get(':id/draft')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'The editable draft with lesson bodies (the course’s editors)' })
  @ApiOkResponse({ type: CourseDraftView })
  @ApiProblems(403, 404)
  draft(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string) {
    return this.details.draft(principal, id);
  }

  @Post(':id/modules')
  @Roles('instructor', 'admin')
  @ApiCreatedResponse({ type: CourseModuleView })
  @ApiProblems(404, 409, 422)
  addModule(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: CreateModuleDto) {
    return this.modules.add(principal, id, body);
  }
}
