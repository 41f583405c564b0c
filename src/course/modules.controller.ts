import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiNoContent, ApiProblems, CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { CourseModules } from './course-modules.service';
import { Lessons } from './lessons.service';
import { CourseModuleView, DraftLessonView } from './dto/structure-views.dto';
import { CreateLessonDto, MoveDto, UpdateModuleDto } from './dto/structure.dto';

/** A draft course's modules: edit, remove, move, add lessons (instructors of the course, admins). */
@ApiTags('course modules')
@ApiProblems(404, 409)
@Controller('modules')
export class ModulesController {
  constructor(
    private readonly modules: CourseModules,
    private readonly lessons: Lessons,
  ) {}

  @Patch(':id')
  @Roles('instructor', 'admin')
  @ApiOkResponse({ type: CourseModuleView })
  @ApiProblems(422)
  update(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: UpdateModuleDto) {
    return this.modules.update(principal, id, body);
  }

  @Delete(':id')
  @Roles('instructor', 'admin')
  @HttpCode(204)
  @ApiNoContent()
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<void> {
    await this.modules.remove(principal, id);
  }

  @Post(':id/move')
  @Roles('instructor', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the module to a 1-based position; answers the course’s modules in order' })
  @ApiOkResponse({ type: [CourseModuleView] })
  @ApiProblems(422)
  move(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: MoveDto) {
    return this.modules.move(principal, id, body.position);
  }

  @Post(':id/lessons')
  @Roles('instructor', 'admin')
  @ApiCreatedResponse({ type: DraftLessonView })
  addLesson(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: CreateLessonDto) {
    return this.lessons.add(principal, id, body);
  }
}
