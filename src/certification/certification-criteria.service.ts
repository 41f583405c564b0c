import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { forbidden, hasRole, notFound, Principal } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { DraftCourseModules, PublishedCourseVersions, CourseVersionOutline } from '../course/published-course-versions.contract';
import { CertificationCriteria } from './certification-criteria.entity';
import { CriteriaSettings } from './certification-criteria';

export interface EffectiveCriteria extends CriteriaSettings {
  courseVersionId: string;
  narrative: string;
  /** False while the version runs on the defaults. */
  customised: boolean;
  updatedAt: Date | null;
}

export type CriteriaChange = Partial<CriteriaSettings> & { narrative?: string | null };

/** Criteria per course version: the defaults until an admin or one of the course's instructors sets them. */
@Injectable()
export class CertificationCriteriaService {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly config: AppConfig,
    private readonly versions: PublishedCourseVersions,
    private readonly draftModules: DraftCourseModules,
  ) {}

  async effective(courseVersionId: string): Promise<EffectiveCriteria> {
    const row = await this.txHost.tx.getRepository(CertificationCriteria).findOneBy({ courseVersionId });
    return effectiveCriteria(courseVersionId, row, this.config.CERT_DEFAULT_MIN_SCORE);
  }

  async read(principal: Principal, courseVersionId: string): Promise<EffectiveCriteria> {
    await this.versionTheCallerEdits(principal, courseVersionId);
    return this.effective(courseVersionId);
  }

  @Transactional()
  async update(principal: Principal, courseVersionId: string, change: CriteriaChange): Promise<EffectiveCriteria> {
    await this.versionTheCallerEdits(principal, courseVersionId);
    const current = await this.effective(courseVersionId);
    await this.txHost.tx.getRepository(CertificationCriteria).upsert(
      {
        courseVersionId,
        requireAllModules: change.requireAllModules ?? current.requireAllModules,
        requireRequiredAssessments: change.requireRequiredAssessments ?? current.requireRequiredAssessments,
        minCourseScore: change.minCourseScore ?? current.minCourseScore,
        narrative: change.narrative === undefined ? (current.customised ? current.narrative : null) : change.narrative,
        updatedBy: principal.userId,
        updatedAt: new Date(),
      },
      ['courseVersionId'],
    );
    return this.effective(courseVersionId);
  }

  /** Admins see every version; instructors only versions of courses they edit (others: 404). */
  private async versionTheCallerEdits(principal: Principal, courseVersionId: string): Promise<CourseVersionOutline> {
    const outline = await this.versions.getOutline(courseVersionId);
    if (!outline) throw notFound('Course version');
    if (hasRole(principal, 'admin')) return outline;
    const firstModule = outline.modules[0];
    const ref = firstModule ? await this.draftModules.getModule(firstModule.moduleId) : null;
    if (!ref?.editorIds.includes(principal.userId)) throw notFound('Course version');
    if (!hasRole(principal, 'instructor')) throw forbidden();
    return outline;
  }
}

/** The version's criteria from its row, or the defaults when it has none (`defaultMinScore`: CERT_DEFAULT_MIN_SCORE). */
export function effectiveCriteria(
  courseVersionId: string,
  row: Pick<CertificationCriteria, keyof CriteriaSettings | 'narrative' | 'updatedAt'> | null,
  defaultMinScore: number,
): EffectiveCriteria {
  const settings: CriteriaSettings = row ?? { requireAllModules: true, requireRequiredAssessments: true, minCourseScore: defaultMinScore };
  return {
    courseVersionId,
    requireAllModules: settings.requireAllModules,
    requireRequiredAssessments: settings.requireRequiredAssessments,
    minCourseScore: settings.minCourseScore,
    narrative: row?.narrative ?? defaultNarrative(settings),
    customised: !!row,
    updatedAt: row?.updatedAt ?? null,
  };
}

export function defaultNarrative(settings: CriteriaSettings): string {
  const parts = [
    settings.requireAllModules ? 'complete every module of the course' : null,
    settings.requireRequiredAssessments ? 'pass every required assessment' : null,
    settings.minCourseScore > 0 ? `reach a weighted course score of at least ${settings.minCourseScore}%` : null,
  ].filter(Boolean);
  return parts.length > 0 ? `The holder had to ${parts.join(', ')}.` : 'The holder completed the course.';
}
