import { Injectable } from '@nestjs/common';
import { AppTransactionHost, DirectReads, isUniqueViolation, namedStatement, Transactional } from '@gds/database';
import { conflict, notFound } from '@gds/http';
import { Skill } from './skill.entity';
import { Track, TrackCode } from './track.entity';
import type { CreateSkillDto, UpdateSkillDto } from './dto/skill.dto';

/**
 * The hot reads (every signed-in screen that names skills, the load run's browsing) as named
 * statements on the pool: TypeORM's find built the query and hydrated an entity per row on every
 * call, and Postgres parsed and planned it each time. Same columns, order and values as the
 * entities had (JSON.stringify writes the Dates as toISOString, as before).
 */
const SKILL_COLUMNS = 'id, track_code AS "trackCode", code, name, description, framework_ref AS "frameworkRef", created_at AS "createdAt", updated_at AS "updatedAt"';
const ALL_SKILLS = namedStatement('course:skills', `SELECT ${SKILL_COLUMNS} FROM skill ORDER BY track_code, code`);
const TRACK_SKILLS = namedStatement('course:track-skills', `SELECT ${SKILL_COLUMNS} FROM skill WHERE track_code = $1 ORDER BY track_code, code`);
const TRACKS = namedStatement('course:tracks', 'SELECT code, name, description, position FROM track ORDER BY position');

/** The tracks and their skills frameworks (admins manage skills; codes never change once made). */
@Injectable()
export class SkillsService {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly reads: DirectReads,
  ) {}

  private get skills() {
    return this.txHost.tx.getRepository(Skill);
  }

  tracks(): Promise<Track[]> {
    return this.reads.query<Track>(TRACKS, []);
  }

  list(track?: TrackCode): Promise<Skill[]> {
    return track ? this.reads.query<Skill>(TRACK_SKILLS, [track]) : this.reads.query<Skill>(ALL_SKILLS, []);
  }

  byCode(code: string): Promise<Skill | null> {
    return this.skills.findOneBy({ code });
  }

  async get(id: string): Promise<Skill> {
    const skill = await this.skills.findOneBy({ id });
    if (!skill) throw notFound('Skill');
    return skill;
  }

  @Transactional()
  async create(input: CreateSkillDto): Promise<Skill> {
    try {
      const { identifiers } = await this.skills.insert({ ...input, frameworkRef: input.frameworkRef ?? null });
      return this.get(identifiers[0].id);
    } catch (error) {
      if (isUniqueViolation(error, 'skill_code_key')) throw conflict('skill-code-taken', `A skill with code ${input.code} already exists.`);
      throw error;
    }
  }

  @Transactional()
  async update(id: string, changes: UpdateSkillDto): Promise<Skill> {
    await this.get(id);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(defined).length) await this.skills.update(id, defined);
    return this.get(id);
  }
}
