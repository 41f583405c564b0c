import type { EnrollmentModule } from '../../shared/api/resources/enrollments';
import type { OutlineModule } from './learning.types';

export type LockReason = { kind: 'opens-later'; opensAt: string } | { kind: 'prerequisites'; waitingFor: string[] } | { kind: 'not-yet' };

/**
 * Why a locked module is locked, in the terms the trainee can act on: the date it opens, or the
 * modules to finish first. The server decides what is open; this only explains its answer.
 */
export function lockReason(module: EnrollmentModule, outline: OutlineModule[], progress: EnrollmentModule[], now = Date.now()): LockReason | null {
  if (module.status !== 'locked') return null;
  if (module.opensAt && Date.parse(module.opensAt) > now) return { kind: 'opens-later', opensAt: module.opensAt };
  const prerequisites = outline.find((m) => m.moduleId === module.moduleId)?.prerequisiteModuleIds ?? [];
  const done = new Set(progress.filter((m) => m.status === 'done').map((m) => m.moduleId));
  const waitingFor = prerequisites.filter((id) => !done.has(id)).map((id) => outline.find((m) => m.moduleId === id)?.title ?? id);
  if (waitingFor.length > 0) return { kind: 'prerequisites', waitingFor };
  return { kind: 'not-yet' };
}
