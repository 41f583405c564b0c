import { randomUUID } from 'node:crypto';
import { DraftCourseModules, DraftModuleRef } from '../../../src/course/published-course-versions.contract';

/** In-memory draft modules for the assessment tests (the course module is not in this tree). */
export class FakeDraftCourseModulesForAssessment extends DraftCourseModules {
  readonly modules = new Map<string, DraftModuleRef>();

  addModule(editorIds: string[], courseId: string = randomUUID(), courseStatus: DraftModuleRef['courseStatus'] = 'draft'): DraftModuleRef {
    const module = { moduleId: randomUUID(), courseId, editorIds, courseStatus };
    this.modules.set(module.moduleId, module);
    return module;
  }

  async getModule(moduleId: string) {
    return this.modules.get(moduleId) ?? null;
  }
}
