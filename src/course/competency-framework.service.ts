import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AppTransactionHost } from '@gds/database';
import { CompetencyFramework, SkillRef, TrackRef } from './competency-framework.contract';
import { Skill } from './skill.entity';
import { Track } from './track.entity';

@Injectable()
export class CompetencyFrameworkService extends CompetencyFramework {
  constructor(private readonly txHost: AppTransactionHost) {
    super();
  }

  async skillsByCodes(codes: string[]): Promise<SkillRef[]> {
    if (codes.length === 0) return [];
    const rows = await this.txHost.tx.getRepository(Skill).findBy({ code: In(codes) });
    const byCode = new Map(rows.map((s) => [s.code, s]));
    return codes.flatMap((code) => {
      const s = byCode.get(code);
      return s ? [{ code: s.code, name: s.name, description: s.description, trackCode: s.trackCode, frameworkRef: s.frameworkRef }] : [];
    });
  }

  async track(code: string): Promise<TrackRef | null> {
    const track = await this.txHost.tx.getRepository(Track).findOneBy({ code: code as Track['code'] });
    return track ? { code: track.code, name: track.name, description: track.description } : null;
  }
}
