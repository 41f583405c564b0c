import type { CourseVersionOutline } from '../course/published-course-versions.contract';
import type { RosterModuleView } from './dto/enrollment-views.dto';
import type { ModuleStatus } from './module-states';

/** What the roster query aggregates per enrollment: module states and lessons done, keyed by module id. */
export interface EnrollmentModuleFacts {
  states: Record<string, ModuleStatus>;
  lessonsDone: Record<string, number>;
}

/**
 * One trainee's progress per module, in course order: the module list comes from the version's
 * outline (so modules the processor has not written yet show as locked with 0 lessons done), the
 * state and counts from the aggregates the progress processor keeps.
 */
export function rosterModules(outline: CourseVersionOutline | undefined, facts: EnrollmentModuleFacts): RosterModuleView[] {
  if (!outline) return [];
  return [...outline.modules]
    .sort((a, b) => a.position - b.position)
    .map((m) => ({
      moduleId: m.moduleId,
      title: m.title,
      position: m.position,
      status: facts.states[m.moduleId] ?? 'locked',
      lessonsDone: facts.lessonsDone[m.moduleId] ?? 0,
      lessonsTotal: m.lessons.length,
    }));
}
