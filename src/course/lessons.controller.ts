import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiNoContent, ApiProblems, CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { Lessons } from './lessons.service';
import { Lesson } from './lesson.entity';
import { renderMarkdown } from './markdown-renderer';
import { DraftLessonHtmlView, DraftLessonView } from './dto/structure-views.dto';
import { MoveLessonDto, UpdateLessonDto } from './dto/structure.dto';

/** A draft course's lessons: read with the body rendered, edit, remove, move (instructors of the course, admins). */
@ApiTags('course modules')
@ApiProblems(404)
@Controller('lessons')
export class LessonsController {
  constructor(private readonly lessons: Lessons) {}

  @Get(':id')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'A draft lesson with its body rendered (sanitised) to HTML' })
  @ApiOkResponse({ type: DraftLessonHtmlView })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string) {
    return withHtml(await this.lessons.get(principal, id));
  }

  @Patch(':id')
  @Roles('instructor', 'admin')
  @ApiOkResponse({ type: DraftLessonHtmlView })
  @ApiProblems(409)
  async update(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: UpdateLessonDto) {
    return withHtml(await this.lessons.update(principal, id, body));
  }

  @Delete(':id')
  @Roles('instructor', 'admin')
  @HttpCode(204)
  @ApiNoContent()
  @ApiProblems(409)
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<void> {
    await this.lessons.remove(principal, id);
  }

  @Post(':id/move')
  @Roles('instructor', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the lesson to a position (optionally into another module of the course)' })
  @ApiOkResponse({ type: [DraftLessonView] })
  @ApiProblems(409, 422)
  move(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: MoveLessonDto) {
    return this.lessons.move(principal, id, body.position, body.moduleId);
  }
}

const withHtml = (lesson: Lesson) => ({ ...lesson, bodyHtml: renderMarkdown(lesson.body), environmentNotesHtml: renderMarkdown(lesson.environmentNotes) });
