import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CACHE, CachePolicy, notFound, Public, Roles, UuidParam } from '@gds/http';
import { SkillsService } from './skills.service';
import { TRACK_CODES, TrackCode } from './track.entity';
import { CreateSkillDto, SkillsQuery, UpdateSkillDto } from './dto/skill.dto';

@ApiTags('tracks')
@Controller('tracks')
export class TracksController {
  constructor(private readonly skills: SkillsService) {}

  @Get()
  @Public()
  @CachePolicy(CACHE.publicFor(3600))
  @ApiOperation({ summary: 'The four curricula' })
  tracks() {
    return this.skills.tracks();
  }

  @Get(':code/skills')
  @Public()
  @CachePolicy(CACHE.publicFor(300))
  @ApiOperation({ summary: 'The skills framework of a track' })
  async skillsOf(@Param('code') code: string) {
    if (!(TRACK_CODES as readonly string[]).includes(code)) throw notFound('Track');
    return this.skills.list(code as TrackCode);
  }
}

@ApiTags('skills')
@Controller('skills')
export class SkillsController {
  constructor(private readonly skills: SkillsService) {}

  @Get()
  @Authenticated()
  list(@Query() query: SkillsQuery) {
    return this.skills.list(query.track);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a skill to a track’s framework' })
  create(@Body() body: CreateSkillDto) {
    return this.skills.create(body);
  }

  @Patch(':id')
  @Roles('admin')
  update(@Param('id', UuidParam()) id: string, @Body() body: UpdateSkillDto) {
    return this.skills.update(id, body);
  }
}
