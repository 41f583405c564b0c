import { Injectable } from '@nestjs/common';
import { AppTransactionHost, isUniqueViolation, Transactional } from '@gds/database';
import { conflict, notFound } from '@gds/http';
import { Skill } from './skill.entity';
import { Track, TrackCode } from './track.entity';
import type { CreateSkillDto, UpdateSkillDto } from './dto/skill.dto';

/** The tracks and their skills frameworks (admins manage skills; codes never change once made). */
@Injectable()
export class SkillsService {
  constructor(private readonly txHost: AppTransactionHost) {}

  private get skills() {
    return this.txHost.tx.getRepository(Skill);
  }

  tracks(): Promise<Track[]> {
    return this.txHost.tx.getRepository(Track).find({ order: { position: 'ASC' } });
  }

  list(track?: TrackCode): Promise<Skill[]> {
    return this.skills.find({ where: track ? { trackCode: track } : {}, order: { trackCode: 'ASC', code: 'ASC' } });
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
