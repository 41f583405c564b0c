import { Injectable, OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { AppTransactionHost, Transactional } from '@gds/database';
import { badRequest, FieldError, hasRole, notFound, Principal, ProblemException, unprocessable } from '@gds/http';
import { AssessmentOutline, DraftCourseModules, DraftModuleRef, PublishContributor, PublishContributors } from '../course/published-course-versions.contract';
import { Assessment } from './assessment.entity';
import { GraderRegistry } from './graders/grader-registry';
import { FlagGrader, FlagKey } from './graders/flag.grader';
import { CreateAssessmentDto, UpdateAssessmentDto } from './dto/assessment.dto';
import { freeze, outlineOf } from './frozen-assessment';
import { SqlKey } from './graders/sql-key';
import { SandboxDatasets } from './sandbox-datasets.service';

/**
 * Instructors author assessments on draft modules of courses they edit; at publish the course
 * module asks this service (a PublishContributor) to freeze them, keys included.
 */
@Injectable()
export class AssessmentAuthoring implements PublishContributor, OnModuleInit {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly modules: DraftCourseModules,
    private readonly contributors: PublishContributors,
    private readonly graders: GraderRegistry,
    private readonly flags: FlagGrader,
    private readonly datasets: SandboxDatasets,
  ) {}

  onModuleInit(): void {
    this.contributors.register(this);
  }

  async create(moduleId: string, dto: CreateAssessmentDto, principal: Principal): Promise<Assessment> {
    refuseNulls(dto);
    const module = await this.editableModule(moduleId, principal);
    // Fields the request left out arrive as undefined: they must not hide the defaults.
    const given = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as CreateAssessmentDto;
    const fields = await this.checked({ ...defaults(dto.kind), ...given });
    const repo = this.txHost.tx.getRepository(Assessment);
    const { key, ...rest } = fields;
    const created = await repo.save(repo.create({ ...rest, answerKey: key, moduleId, courseId: module.courseId, createdBy: principal.userId }));
    return this.get(created.id);
  }

  @Transactional()
  async update(id: string, dto: UpdateAssessmentDto, principal: Principal): Promise<Assessment> {
    refuseNulls(dto);
    const current = await this.editable(id, principal, true);
    const merged = await this.checked({ ...current, key: current.answerKey as Record<string, unknown>, ...dto });
    const { key, ...rest } = merged;
    await this.txHost.tx.getRepository(Assessment).update(id, { ...pick(rest), answerKey: key as never });
    return this.get(id);
  }

  async remove(id: string, principal: Principal): Promise<void> {
    await this.editable(id, principal);
    // Published versions keep their frozen copy: deleting the draft never touches a running cohort.
    await this.txHost.tx.getRepository(Assessment).delete(id);
  }

  async get(id: string): Promise<Assessment> {
    const found = await this.txHost.tx.getRepository(Assessment).findOneBy({ id });
    if (!found) throw notFound('Assessment');
    return found;
  }

  async listForModule(moduleId: string, principal: Principal): Promise<Assessment[]> {
    await this.editableModule(moduleId, principal);
    return this.txHost.tx.getRepository(Assessment).find({ where: { moduleId }, order: { createdAt: 'ASC' } });
  }

  /** The draft row when the caller may edit it (its course's editors and admins), else null. */
  async draftIfEditor(id: string, principal: Principal): Promise<Assessment | null> {
    const found = await this.txHost.tx.getRepository(Assessment).findOneBy({ id });
    if (!found) return null;
    const module = await this.modules.getModule(found.moduleId);
    return module && canEdit(module, principal) ? found : null;
  }

  async editable(id: string, principal: Principal, lock = false): Promise<Assessment> {
    const found = await this.txHost.tx.getRepository(Assessment).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!found) throw notFound('Assessment');
    await this.editableModule(found.moduleId, principal);
    return found;
  }

  /** Per-trainee flags of a flag challenge, from the draft key (flag ids are stable across versions). */
  async flagsFor(id: string, traineeId: string, principal: Principal) {
    const assessment = await this.editable(id, principal);
    if (assessment.kind !== 'flag') throw unprocessable('not-a-flag-challenge', 'Only flag challenges have flags.');
    const key = assessment.answerKey as FlagKey;
    return { assessmentId: id, traineeId, flags: key.flags.map((f) => ({ id: f.id, label: f.label, flag: this.flags.flagFor(id, f.id, traineeId) })) };
  }

  async freezeModules(moduleIds: string[]): Promise<Map<string, Array<{ outline: AssessmentOutline; frozen: unknown }>>> {
    const rows = moduleIds.length === 0 ? [] : await this.txHost.tx.getRepository(Assessment).find({ where: { moduleId: In(moduleIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
    await this.refuseUnpublishable(rows);
    const byModule = new Map<string, Array<{ outline: AssessmentOutline; frozen: unknown }>>();
    for (const row of rows) {
      const frozen = freeze(row);
      // A frozen SQL key's dataset must outlive any later edit or deletion of this draft.
      if (row.kind === 'sql') await this.datasets.frozen(row.id, (row.answerKey as SqlKey).dataset);
      byModule.set(row.moduleId, [...(byModule.get(row.moduleId) ?? []), { outline: outlineOf(frozen), frozen }]);
    }
    return byModule;
  }

  /**
   * Every key is checked again at publish, exactly as on save (a quiz question without a correct
   * answer, a rubric without criteria, a missing key, an SQL reference query that fails in the
   * sandbox): a key stored before a rule existed, or whose dataset no longer loads, must not be
   * frozen into a version. One 422 names each failing assessment (title and id) and why.
   */
  private async refuseUnpublishable(rows: Assessment[]): Promise<void> {
    const errors: FieldError[] = [];
    for (const row of rows) {
      const why = await this.keyProblem(row);
      if (why) errors.push({ field: `assessments.${row.id}`, message: `“${row.title}” (${row.kind}): ${why}` });
    }
    if (errors.length > 0) {
      throw unprocessable('assessments-not-publishable', `Not published: ${errors.map((e) => e.message).join(' ')}`, { errors });
    }
  }

  private async keyProblem(row: Assessment): Promise<string | null> {
    try {
      const grader = this.graders.get(row.kind);
      const key = grader.validateKey(row.answerKey ?? null);
      await grader.verifyKey?.(key);
      return null;
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      const fields = (error.extra.errors as FieldError[] | undefined) ?? [];
      return [error.detail, ...fields.map((f) => `${f.field} ${f.message}`)].filter(Boolean).join(' ');
    }
  }

  private async editableModule(moduleId: string, principal: Principal): Promise<DraftModuleRef> {
    const module = await this.modules.getModule(moduleId);
    if (!module || !canEdit(module, principal)) throw notFound('Module');
    if (module.courseStatus === 'archived') throw unprocessable('course-archived', 'The course is archived; its modules can no longer change.');
    return module;
  }

  /** Validates the cross-field rules and the key with the kind's grader (422 when unavailable). */
  private async checked<T extends { kind: string; key: Record<string, unknown>; maxScore: number; passMark: number; latePolicy?: string; latePenaltyPercentPerDay?: number }>(fields: T): Promise<T> {
    if (fields.passMark > fields.maxScore) throw unprocessable('invalid-pass-mark', 'The pass mark cannot exceed the max score.');
    if (fields.latePolicy === 'penalty' && !fields.latePenaltyPercentPerDay) {
      throw unprocessable('invalid-late-policy', 'A penalty late policy needs latePenaltyPercentPerDay above 0.');
    }
    const grader = this.graders.get(fields.kind);
    const key = grader.validateKey(fields.key) as Record<string, unknown>;
    await grader.verifyKey?.(key);
    if (fields.kind === 'sql') await this.datasets.used((key as unknown as SqlKey).dataset);
    return { ...fields, key };
  }
}

/** Only the time limit and the due date may be cleared with null; every other field needs a value. */
const NULLABLE = ['timeLimitMinutes', 'dueOffsetDays'];

function refuseNulls(dto: object): void {
  const nulls = Object.entries(dto).filter(([field, value]) => value === null && !NULLABLE.includes(field)).map(([field]) => field);
  if (nulls.length > 0) throw badRequest('validation', 'These fields cannot be null.', nulls.map((field) => ({ field, message: 'must not be null' })));
}

function canEdit(module: DraftModuleRef, principal: Principal): boolean {
  return hasRole(principal, 'admin') || (hasRole(principal, 'instructor') && module.editorIds.includes(principal.userId));
}

/** Practicals (a flag hunt, a query, a configuration) are learnt by trying again: several attempts unless the author says otherwise. */
const ATTEMPTS_BY_KIND: Record<string, number> = { flag: 3, sql: 3, config: 3, quiz: 1, rubric: 1 };

function defaults(kind: string) {
  return {
    instructions: '', weight: 1, required: true, attemptsAllowed: ATTEMPTS_BY_KIND[kind] ?? 1, timeLimitMinutes: null, dueOffsetDays: null,
    latePolicy: 'refuse' as const, latePenaltyPercentPerDay: 0, lateFloorPercent: 0, lateGraceMinutes: 0, skillCodes: [] as string[],
  };
}

const EDITABLE = ['kind', 'title', 'instructions', 'maxScore', 'passMark', 'weight', 'required', 'attemptsAllowed', 'timeLimitMinutes', 'dueOffsetDays', 'latePolicy', 'latePenaltyPercentPerDay', 'lateFloorPercent', 'lateGraceMinutes', 'skillCodes'] as const;

function pick(fields: Record<string, unknown>): Partial<Assessment> {
  return Object.fromEntries(EDITABLE.filter((k) => fields[k] !== undefined).map((k) => [k, fields[k]])) as Partial<Assessment>;
}
