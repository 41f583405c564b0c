import { randomUUID } from 'node:crypto';
import { CourseVersionOutline, PublishedCourseVersions } from '../../../src/course/published-course-versions.contract';

/** In-memory published course versions for tests of modules that read them (cohort). */
export class FakePublishedCourseVersions extends PublishedCourseVersions {
  private readonly outlines = new Map<string, CourseVersionOutline>();

  add(outline: CourseVersionOutline): CourseVersionOutline {
    this.outlines.set(outline.versionId, outline);
    return outline;
  }

  async getOutline(versionId: string): Promise<CourseVersionOutline | null> {
    return this.outlines.get(versionId) ?? null;
  }

  async getOutlines(versionIds: string[]): Promise<CourseVersionOutline[]> {
    return versionIds.flatMap((id) => (this.outlines.has(id) ? [this.outlines.get(id)!] : []));
  }

  async getFrozenAssessment(): Promise<unknown | null> {
    return null;
  }
}

export interface OutlineShape {
  /** Per module: lesson count and required assessment count; prerequisites by module index. */
  modules: Array<{ lessons: number; requiredAssessments?: number; optionalAssessments?: number; prerequisites?: number[]; dueOffsetDays?: number }>;
}

/** A published version with fresh ids: modules in order, each with lessons and assessments. */
export function outlineOf(shape: OutlineShape): CourseVersionOutline {
  const moduleIds = shape.modules.map(() => randomUUID());
  return {
    versionId: randomUUID(),
    courseId: randomUUID(),
    courseCode: `C-${moduleIds[0].slice(0, 6)}`,
    courseTitle: 'Test course',
    trackCode: 'cybersecurity',
    version: 1,
    publishedAt: new Date('2026-01-01T00:00:00Z'),
    modules: shape.modules.map((m, index) => ({
      moduleId: moduleIds[index],
      title: `Module ${index + 1}`,
      position: index + 1,
      prerequisiteModuleIds: (m.prerequisites ?? []).map((i) => moduleIds[i]),
      skillCodes: [],
      lessons: Array.from({ length: m.lessons }, (_, i) => ({ lessonId: randomUUID(), title: `Lesson ${index + 1}.${i + 1}`, kind: 'article' as const, position: i + 1 })),
      assessments: [
        ...Array.from({ length: m.requiredAssessments ?? 0 }, (_, i) => assessment(`Required ${index + 1}.${i + 1}`, true, m.dueOffsetDays ?? null)),
        ...Array.from({ length: m.optionalAssessments ?? 0 }, (_, i) => assessment(`Optional ${index + 1}.${i + 1}`, false, m.dueOffsetDays ?? null)),
      ],
    })),
  };
}

function assessment(title: string, required: boolean, dueOffsetDays: number | null) {
  return { assessmentId: randomUUID(), kind: 'quiz' as const, title, required, maxScore: 10, passMark: 6, weight: 1, dueOffsetDays, skillCodes: [] };
}
