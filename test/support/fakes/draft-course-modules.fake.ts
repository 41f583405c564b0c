import { randomUUID } from 'node:crypto';
import { DraftCourseModules, DraftModuleRef } from '../../../src/course/published-course-versions.contract';

/** The one in-memory DraftCourseModules, for tests of the modules that attach to draft modules (assessment, certification) without the course module. */
export class FakeDraftCourseModules extends DraftCourseModules {
  readonly modules = new Map<string, DraftModuleRef>();

  /** A module of a draft course edited by these people, unless overridden. */
  addModule(editorIds: string[], overrides: Partial<Omit<DraftModuleRef, 'editorIds'>> = {}): DraftModuleRef {
    const module: DraftModuleRef = { moduleId: randomUUID(), courseId: randomUUID(), courseStatus: 'draft', ...overrides, editorIds };
    this.modules.set(module.moduleId, module);
    return module;
  }

  async getModule(moduleId: string): Promise<DraftModuleRef | null> {
    return this.modules.get(moduleId) ?? null;
  }
}
