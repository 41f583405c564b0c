import type { OutlineLesson, OutlineModule } from './learning.types';

export interface SequencedLesson extends OutlineLesson {
  moduleId: string;
  moduleTitle: string;
}

/** Every lesson of the course in reading order (modules by position, then lessons by position). */
export function lessonSequence(modules: OutlineModule[]): SequencedLesson[] {
  return [...modules]
    .sort((a, b) => a.position - b.position)
    .flatMap((module) => [...module.lessons].sort((a, b) => a.position - b.position).map((lesson) => ({ ...lesson, moduleId: module.moduleId, moduleTitle: module.title })));
}

/** The lessons before and after this one in the course (across modules), if any. */
export function neighbours(modules: OutlineModule[], lessonId: string): { previous?: SequencedLesson; next?: SequencedLesson } {
  const sequence = lessonSequence(modules);
  const index = sequence.findIndex((lesson) => lesson.lessonId === lessonId);
  if (index < 0) return {};
  return { previous: sequence[index - 1], next: sequence[index + 1] };
}
