import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { notFound, Principal, unprocessable } from '@gds/http';
import { Course } from './course.entity';
import { DraftModule } from './draft-module.entity';
import { CourseAccess } from './course-access.service';
import { findCycle } from './prerequisite-graph';
import { movedOrder, renumber } from './positions';
import type { CreateModuleDto, UpdateModuleDto } from './dto/structure.dto';

export interface ModuleDetail extends DraftModule {
  skillCodes: string[];
  prerequisiteModuleIds: string[];
}

/** The ordered modules of a course's draft, the skills they teach and their prerequisites. */
@Injectable()
export class CourseModules {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CourseAccess,
  ) {}

  private get modules() {
    return this.txHost.tx.getRepository(DraftModule);
  }

  @Transactional()
  async add(principal: Principal, courseId: string, input: CreateModuleDto): Promise<ModuleDetail> {
    const course = await this.access.lockForEdit(principal, courseId);
    const [{ next }] = await this.txHost.tx.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM course_module WHERE course_id = $1`, [courseId]);
    const { identifiers } = await this.modules.insert({ courseId, position: next, title: input.title, summary: input.summary ?? '' });
    const moduleId: string = identifiers[0].id;
    await this.setSkills(course, moduleId, input.skillCodes ?? []);
    await this.setPrerequisites(courseId, moduleId, input.prerequisiteModuleIds ?? []);
    return this.detail(moduleId);
  }

  @Transactional()
  async update(principal: Principal, moduleId: string, input: UpdateModuleDto): Promise<ModuleDetail> {
    const { course } = await this.lockModule(principal, moduleId);
    const fields = Object.fromEntries(Object.entries({ title: input.title, summary: input.summary }).filter(([, v]) => v !== undefined));
    if (Object.keys(fields).length) await this.modules.update(moduleId, fields);
    if (input.skillCodes) await this.setSkills(course, moduleId, input.skillCodes);
    if (input.prerequisiteModuleIds) await this.setPrerequisites(course.id, moduleId, input.prerequisiteModuleIds);
    return this.detail(moduleId);
  }

  @Transactional()
  async remove(principal: Principal, moduleId: string): Promise<void> {
    const { course } = await this.lockModule(principal, moduleId);
    await this.modules.delete(moduleId);
    await renumber(this.txHost.tx, 'course_module', await this.orderedIds(course.id));
  }

  @Transactional()
  async move(principal: Principal, moduleId: string, position: number): Promise<ModuleDetail[]> {
    const { course } = await this.lockModule(principal, moduleId);
    const order = movedOrder(await this.orderedIds(course.id), moduleId, position);
    await renumber(this.txHost.tx, 'course_module', order);
    return this.listOf(course.id);
  }

  /** A module, with its course locked for editing by this principal (404 when absent or invisible). */
  async lockModule(principal: Principal, moduleId: string): Promise<{ module: DraftModule; course: Course }> {
    const module = await this.modules.findOneBy({ id: moduleId });
    if (!module) throw notFound('Module');
    const course = await this.access.lockForEdit(principal, module.courseId).catch((error) => {
      throw error?.problemStatus === 404 ? notFound('Module') : error;
    });
    return { module, course };
  }

  async detail(moduleId: string): Promise<ModuleDetail> {
    const module = await this.modules.findOneBy({ id: moduleId });
    if (!module) throw notFound('Module');
    return (await this.withRelations([module]))[0];
  }

  async listOf(courseId: string): Promise<ModuleDetail[]> {
    return this.withRelations(await this.modules.find({ where: { courseId }, order: { position: 'ASC' } }));
  }

  private async withRelations(modules: DraftModule[]): Promise<ModuleDetail[]> {
    const ids = modules.map((m) => m.id);
    const skills: Array<{ module_id: string; code: string }> = await this.txHost.tx.query(
      `SELECT ms.module_id, s.code FROM module_skill ms JOIN skill s ON s.id = ms.skill_id WHERE ms.module_id = ANY($1::uuid[]) ORDER BY s.code`,
      [ids],
    );
    const prerequisites: Array<{ module_id: string; prerequisite_id: string }> = await this.txHost.tx.query(
      `SELECT module_id, prerequisite_id FROM module_prerequisite WHERE module_id = ANY($1::uuid[]) ORDER BY prerequisite_id`,
      [ids],
    );
    return modules.map((m) => ({
      ...m,
      skillCodes: skills.filter((s) => s.module_id === m.id).map((s) => s.code),
      prerequisiteModuleIds: prerequisites.filter((p) => p.module_id === m.id).map((p) => p.prerequisite_id),
    }));
  }

  private async orderedIds(courseId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query(`SELECT id FROM course_module WHERE course_id = $1 ORDER BY position`, [courseId]);
    return rows.map((r) => r.id);
  }

  /** Skills must belong to the course's track. */
  private async setSkills(course: Course, moduleId: string, codes: string[]): Promise<void> {
    const found: Array<{ id: string; code: string }> = await this.txHost.tx.query(
      `SELECT id, code FROM skill WHERE code = ANY($1::text[]) AND track_code = $2`,
      [codes, course.trackCode],
    );
    const unknown = codes.filter((code) => !found.some((s) => s.code === code));
    if (unknown.length) throw unprocessable('unknown-skill', `No skill of track ${course.trackCode} has code ${unknown.join(', ')}.`);
    await this.txHost.tx.query(`DELETE FROM module_skill WHERE module_id = $1`, [moduleId]);
    await this.txHost.tx.query(`INSERT INTO module_skill (module_id, skill_id) SELECT $1, unnest($2::uuid[])`, [moduleId, found.map((s) => s.id)]);
  }

  /** Prerequisites are modules of the same course; a cycle is a 422. */
  private async setPrerequisites(courseId: string, moduleId: string, prerequisiteIds: string[]): Promise<void> {
    const siblings = await this.orderedIds(courseId);
    const foreign = prerequisiteIds.filter((id) => !siblings.includes(id));
    if (foreign.length) throw unprocessable('unknown-module', `Module ${foreign.join(', ')} is not a module of this course.`);
    const edges: Array<{ module_id: string; prerequisite_id: string }> = await this.txHost.tx.query(
      `SELECT module_id, prerequisite_id FROM module_prerequisite WHERE module_id = ANY($1::uuid[]) AND module_id <> $2`,
      [siblings, moduleId],
    );
    const graph = [...edges.map((e): [string, string] => [e.module_id, e.prerequisite_id]), ...prerequisiteIds.map((id): [string, string] => [moduleId, id])];
    const cycle = findCycle(graph);
    if (cycle) throw unprocessable('prerequisite-cycle', 'These prerequisites would make a cycle of modules.', { cycle });
    await this.txHost.tx.query(`DELETE FROM module_prerequisite WHERE module_id = $1`, [moduleId]);
    await this.txHost.tx.query(`INSERT INTO module_prerequisite (module_id, prerequisite_id) SELECT $1, unnest($2::uuid[])`, [moduleId, prerequisiteIds]);
  }
}
