import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, CurrentPrincipal, Page, Principal, Roles, UuidParam } from '@gds/http';
import { Announcements } from './announcements.service';
import { AnnouncementView, ListAnnouncementsQuery, SendAnnouncementDto } from './dto/announcement.dto';

@ApiTags('cohorts')
@Controller('cohorts/:id/announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: Announcements) {}

  @Post()
  @Roles('admin', 'instructor')
  @ApiOperation({ summary: 'Announce to the cohort, one of its tracks or 1–500 named trainees (admins, the cohort instructors): in-app and email, as each person’s preferences say' })
  @ApiCreatedResponse({ type: AnnouncementView })
  @ApiProblems(404, 422)
  async send(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: SendAnnouncementDto): Promise<AnnouncementView> {
    return this.announcements.send(principal, id, body);
  }

  @Get()
  @Roles('admin', 'instructor')
  @ApiOperation({ summary: 'Announcements sent to the cohort, newest first (admins, the cohort instructors)' })
  @ApiPage(AnnouncementView)
  @ApiProblems(400, 404)
  async list(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Query() query: ListAnnouncementsQuery): Promise<Page<AnnouncementView>> {
    return this.announcements.list(principal, id, query);
  }
}
