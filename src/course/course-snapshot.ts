import type { AssessmentOutline, LessonOutline, ModuleOutline } from './published-course-versions.contract';
import type { LessonKind } from './lesson.entity';

/** A lesson as frozen in the outline: no body, but a hash of it so that versions can be compared. */
export interface FrozenLesson extends LessonOutline {
  contentHash: string;
}

export interface FrozenAssessment extends AssessmentOutline {
  contentHash: string;
}

export interface FrozenModule extends Omit<ModuleOutline, 'lessons' | 'assessments'> {
  summary: string;
  lessons: FrozenLesson[];
  assessments: FrozenAssessment[];
}

/** The public part of a published version (stored as course_version.outline). */
export interface FrozenOutline {
  courseCode: string;
  trackCode: string;
  prerequisiteCourseIds: string[];
  modules: FrozenModule[];
}

/** The full content of a lesson in a version (course_version_lesson.content). */
export interface FrozenLessonContent {
  title: string;
  kind: LessonKind;
  body: string | null;
  videoUrl: string | null;
  durationSeconds: number | null;
  environmentNotes: string | null;
  externalUrl: string | null;
}

export interface ItemRef {
  id: string;
  title: string;
}

export interface ChangedItem extends ItemRef {
  changes: string[];
}

export interface ChangeSet {
  added: ItemRef[];
  removed: ItemRef[];
  changed: ChangedItem[];
}

export interface VersionDiff {
  modules: ChangeSet;
  lessons: ChangeSet;
  assessments: ChangeSet;
}

interface Comparable {
  id: string;
  title: string;
  fields: Record<string, unknown>;
}

function compare(before: Comparable[], after: Comparable[]): ChangeSet {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  const changed: ChangedItem[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) continue;
    const changes = Object.keys(item.fields).filter((key) => JSON.stringify(item.fields[key]) !== JSON.stringify(previous.fields[key]));
    if (changes.length) changed.push({ id: item.id, title: item.title, changes });
  }
  return {
    added: after.filter((item) => !old.has(item.id)).map(({ id, title }) => ({ id, title })),
    removed: before.filter((item) => !now.has(item.id)).map(({ id, title }) => ({ id, title })),
    changed,
  };
}

const sorted = (values: string[]) => [...values].sort();

function modulesOf(outline: FrozenOutline): Comparable[] {
  return outline.modules.map((m) => ({
    id: m.moduleId,
    title: m.title,
    fields: { title: m.title, summary: m.summary, position: m.position, skills: sorted(m.skillCodes), prerequisites: sorted(m.prerequisiteModuleIds) },
  }));
}

function lessonsOf(outline: FrozenOutline): Comparable[] {
  return outline.modules.flatMap((m) =>
    m.lessons.map((l) => ({
      id: l.lessonId,
      title: l.title,
      fields: { title: l.title, kind: l.kind, module: m.moduleId, position: l.position, content: l.contentHash },
    })),
  );
}

function assessmentsOf(outline: FrozenOutline): Comparable[] {
  return outline.modules.flatMap((m) =>
    m.assessments.map((a) => {
      const { assessmentId, title, contentHash, ...rest } = a;
      return { id: assessmentId, title, fields: { title, module: m.moduleId, settings: rest, content: contentHash } };
    }),
  );
}

/** What changed from one version's outline to another's, by stable module, lesson and assessment ids. */
export function diffOutlines(before: FrozenOutline, after: FrozenOutline): VersionDiff {
  return {
    modules: compare(modulesOf(before), modulesOf(after)),
    lessons: compare(lessonsOf(before), lessonsOf(after)),
    assessments: compare(assessmentsOf(before), assessmentsOf(after)),
  };
}
