import type { CourseVersionOutline, ModuleOutline } from '../course/published-course-versions.contract';
import { addLocalDays } from '@gds/time';
import type { UnlockMode } from './cohort.entity';

export type ModuleStatus = 'locked' | 'open' | 'done';

export interface ScheduleFacts {
  unlockMode: UnlockMode;
  startsAt: Date;
  /** The cohort's zone: offsets are calendar days there (the same wall-clock time across a DST change). */
  timeZone: string;
  /** moduleId → days after the start (schedule mode); modules absent open at the start. */
  offsets: Map<string, number>;
}

export interface ProgressFacts {
  doneLessons: Set<string>;
  passedAssessments: Set<string>;
}

export interface ModuleState {
  moduleId: string;
  title: string;
  position: number;
  status: ModuleStatus;
  opensAt: Date;
  lessonsDone: number;
  lessonsTotal: number;
  requiredPending: string[];
  dueDates: Array<{ assessmentId: string; title: string; dueAt: Date | null; passed: boolean }>;
}

export interface CourseProgress {
  modules: ModuleState[];
  lessonsDone: number;
  modulesDone: number;
  percentComplete: number;
  next: { moduleId: string; lessonId: string | null; assessmentId: string | null } | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function moduleOpensAt(schedule: ScheduleFacts, moduleId: string): Date {
  const offset = schedule.unlockMode === 'schedule' ? (schedule.offsets.get(moduleId) ?? 0) : 0;
  return addLocalDays(schedule.startsAt, offset, schedule.timeZone);
}

/**
 * When a module is locked for an enrollment now, when it opens; null when open (or not in the
 * outline). The same rule as `computeProgress`, without building every module's state when the
 * schedule alone decides: on a schedule a module's lock never depends on what was done.
 */
export function moduleLockOf(outline: CourseVersionOutline, schedule: ScheduleFacts, facts: ProgressFacts, moduleId: string, now: Date): { opensAt: Date } | null {
  if (!outline.modules.some((m) => m.moduleId === moduleId)) return null;
  if (schedule.unlockMode === 'prerequisites') {
    const state = computeProgress(outline, schedule, facts, now).modules.find((m) => m.moduleId === moduleId)!;
    return state.status === 'locked' ? { opensAt: state.opensAt } : null;
  }
  const opensAt = moduleOpensAt(schedule, moduleId);
  return now.getTime() < opensAt.getTime() ? { opensAt } : null;
}

function isComplete(module: ModuleOutline, facts: ProgressFacts): boolean {
  return (
    module.lessons.every((l) => facts.doneLessons.has(l.lessonId)) &&
    module.assessments.filter((a) => a.required).every((a) => facts.passedAssessments.has(a.assessmentId))
  );
}

/**
 * The state of every module of a course version for one enrollment. A module is open once its
 * unlock time has come (schedule mode) or its prerequisites are done (prerequisite mode, from the
 * start); it is done when open, every lesson is completed and every required assessment passed.
 */
export function computeProgress(outline: CourseVersionOutline, schedule: ScheduleFacts, facts: ProgressFacts, now: Date): CourseProgress {
  const ordered = [...outline.modules].sort((a, b) => a.position - b.position);
  const done = new Set<string>();
  const modules: ModuleState[] = [];
  for (const module of ordered) {
    const opensAt = moduleOpensAt(schedule, module.moduleId);
    const prerequisitesMet = schedule.unlockMode !== 'prerequisites' || module.prerequisiteModuleIds.every((id) => done.has(id));
    const open = now.getTime() >= opensAt.getTime() && prerequisitesMet;
    const status: ModuleStatus = !open ? 'locked' : isComplete(module, facts) ? 'done' : 'open';
    if (status === 'done') done.add(module.moduleId);
    modules.push({
      moduleId: module.moduleId,
      title: module.title,
      position: module.position,
      status,
      opensAt,
      lessonsDone: module.lessons.filter((l) => facts.doneLessons.has(l.lessonId)).length,
      lessonsTotal: module.lessons.length,
      requiredPending: module.assessments.filter((a) => a.required && !facts.passedAssessments.has(a.assessmentId)).map((a) => a.assessmentId),
      dueDates: module.assessments.map((a) => ({
        assessmentId: a.assessmentId,
        title: a.title,
        dueAt: a.dueOffsetDays === null ? null : addLocalDays(opensAt, a.dueOffsetDays, schedule.timeZone),
        passed: facts.passedAssessments.has(a.assessmentId),
      })),
    });
  }
  return { modules, ...totals(ordered, facts, modules), next: nextStep(ordered, modules, facts) };
}

function totals(ordered: ModuleOutline[], facts: ProgressFacts, modules: ModuleState[]) {
  const lessons = ordered.flatMap((m) => m.lessons.map((l) => l.lessonId));
  const required = ordered.flatMap((m) => m.assessments.filter((a) => a.required).map((a) => a.assessmentId));
  const lessonsDone = lessons.filter((id) => facts.doneLessons.has(id)).length;
  const passed = required.filter((id) => facts.passedAssessments.has(id)).length;
  const items = lessons.length + required.length;
  // Percent counts lessons and required assessments alike: each is one step of the course.
  const percentComplete = items === 0 ? 0 : Math.round(((lessonsDone + passed) / items) * 10000) / 100;
  return { lessonsDone, modulesDone: modules.filter((m) => m.status === 'done').length, percentComplete };
}

function nextStep(ordered: ModuleOutline[], modules: ModuleState[], facts: ProgressFacts): CourseProgress['next'] {
  for (const [index, state] of modules.entries()) {
    if (state.status !== 'open') continue;
    const module = ordered[index];
    const lesson = [...module.lessons].sort((a, b) => a.position - b.position).find((l) => !facts.doneLessons.has(l.lessonId));
    return { moduleId: module.moduleId, lessonId: lesson?.lessonId ?? null, assessmentId: lesson ? null : (state.requiredPending[0] ?? null) };
  }
  return null;
}

/** ISO 8601 week of a date, e.g. `2026-W48`: the period of "once a week" notices. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / DAY_MS + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
