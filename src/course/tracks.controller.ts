import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiContent, ApiProblems, Authenticated, CACHE, CachePolicy, notFound, prefersHtml, Public, Roles, UuidParam } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { SkillsService } from './skills.service';
import { TRACK_CODES, TrackCode } from './track.entity';
import { CreateSkillDto, SkillDocument, SkillsQuery, UpdateSkillDto } from './dto/skill.dto';
import { COMPETENCY_FRAMEWORK_NAME, renderSkillPage } from './skill-page';
import { SKILL_CODE } from './dto/structure.dto';
import { SkillView, TrackView } from './dto/track-views.dto';

@ApiTags('tracks')
@Controller('tracks')
export class TracksController {
  constructor(private readonly skills: SkillsService) {}

  @Get()
  @Public()
  @CachePolicy(CACHE.publicFor(3600))
  @ApiOperation({ summary: 'The four curricula' })
  @ApiOkResponse({ type: [TrackView] })
  tracks() {
    return this.skills.tracks();
  }

  @Get(':code/skills')
  @Public()
  @CachePolicy(CACHE.publicFor(300))
  @ApiOperation({ summary: 'The skills framework of a track' })
  @ApiOkResponse({ type: [SkillView] })
  @ApiProblems(404)
  async skillsOf(@Param('code') code: string) {
    if (!(TRACK_CODES as readonly string[]).includes(code)) throw notFound('Track');
    return this.skills.list(code as TrackCode);
  }
}

@ApiTags('skills')
@Controller('skills')
export class SkillsController {
  constructor(
    private readonly skills: SkillsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Skills of every track, or of one (?track=)' })
  @ApiOkResponse({ type: [SkillView] })
  @ApiProblems(400)
  list(@Query() query: SkillsQuery) {
    return this.skills.list(query.track);
  }

  @Get(':code')
  @Public()
  @CachePolicy(CACHE.publicFor(300))
  @ApiContent(200, { 'application/json': SkillDocument, 'text/html': 'text' }, 'JSON for machines; an HTML page when the client prefers text/html')
  @ApiOperation({ summary: 'One skill of the framework (the alignment targetUrl signed into credentials): HTML or JSON by Accept' })
  @ApiProblems(404)
  async skill(@Param('code') code: string, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<SkillDocument | string> {
    const document = await this.document(code);
    reply.header('vary', 'Accept');
    if (!prefersHtml(accept)) return document;
    reply.header('content-type', 'text/html; charset=utf-8');
    return renderSkillPage(document);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a skill to a track’s framework' })
  @ApiCreatedResponse({ type: SkillView })
  @ApiProblems(409)
  create(@Body() body: CreateSkillDto) {
    return this.skills.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: SkillView })
  @ApiProblems(404)
  update(@Param('id', UuidParam()) id: string, @Body() body: UpdateSkillDto) {
    return this.skills.update(id, body);
  }

  private async document(code: string): Promise<SkillDocument> {
    const skill = SKILL_CODE.test(code) ? await this.skills.byCode(code) : null;
    if (!skill) throw notFound('Skill');
    const track = (await this.skills.tracks()).find((t) => t.code === skill.trackCode);
    return {
      id: `${this.config.PUBLIC_BASE_URL}/api/v1/skills/${encodeURIComponent(skill.code)}`,
      code: skill.code,
      name: skill.name,
      description: skill.description,
      track: { code: skill.trackCode, name: track?.name ?? skill.trackCode },
      frameworkRef: skill.frameworkRef,
      framework: COMPETENCY_FRAMEWORK_NAME,
    };
  }
}
