import { randomUUID } from 'node:crypto';
import { CourseRef, CourseVersionOutline, PublishContributors, PublishedCourseVersions } from '../../../src/course/published-course-versions.contract';

/**
 * The one in-memory PublishedCourseVersions, for tests of the modules that read published versions
 * (cohort, assessment, certification) without the course module. It answers as the course module
 * does (test/contracts/course-versions.contract-suite.ts runs against both). Versions come
 * from `add` (any outline, e.g. outlineOf), `addVersion` (a two-module security course) or
 * `publish`, which does what the course module does at publish: asks every registered contributor
 * (the assessment module) to freeze the modules' assessments.
 */
export class FakePublishedCourseVersions extends PublishedCourseVersions {
  readonly outlines = new Map<string, CourseVersionOutline>();
  /** Frozen assessment content by `<versionId>:<assessmentId>`. */
  readonly frozen = new Map<string, unknown>();
  /** The app's PublishContributors, for `publish`. */
  contributors: PublishContributors | undefined;

  add(outline: CourseVersionOutline): CourseVersionOutline {
    this.outlines.set(outline.versionId, outline);
    return outline;
  }

  /** A published version of two modules, each with one required assessment aligned to skills. */
  addVersion(overrides: Partial<CourseVersionOutline> = {}): CourseVersionOutline {
    return this.add(securityCourseOutline(overrides));
  }

  async publish(courseId: string, moduleIds: string[]): Promise<string> {
    if (!this.contributors) throw new Error('attach the app’s PublishContributors first');
    const versionId = randomUUID();
    const contributed = await Promise.all(this.contributors.all().map((c) => c.freezeModules(moduleIds)));
    const modules = moduleIds.map((moduleId, position) => {
      const items = contributed.flatMap((map) => map.get(moduleId) ?? []);
      for (const item of items) this.frozen.set(`${versionId}:${item.outline.assessmentId}`, structuredClone(item.frozen));
      return { moduleId, title: `Module ${position + 1}`, position, prerequisiteModuleIds: [], skillCodes: [], lessons: [], assessments: items.map((i) => i.outline) };
    });
    const version = [...this.outlines.values()].filter((o) => o.courseId === courseId).length + 1;
    this.add({ versionId, courseId, courseCode: 'TEST-101', courseTitle: 'Test course', trackCode: 'cybersecurity', version, publishedAt: new Date(), modules });
    return versionId;
  }

  async getOutline(versionId: string): Promise<CourseVersionOutline | null> {
    return this.outlines.get(versionId) ?? null;
  }

  async getOutlines(versionIds: string[]): Promise<CourseVersionOutline[]> {
    return versionIds.flatMap((id) => this.outlines.get(id) ?? []);
  }

  async getFrozenAssessment(versionId: string, assessmentId: string): Promise<unknown | null> {
    return this.frozen.get(`${versionId}:${assessmentId}`) ?? null;
  }

  /** The courses of the versions added, named by their latest version's code and title. */
  async getCourses(courseIds: string[]): Promise<CourseRef[]> {
    const latest = new Map<string, CourseVersionOutline>();
    for (const o of this.outlines.values()) if ((latest.get(o.courseId)?.version ?? 0) < o.version) latest.set(o.courseId, o);
    return courseIds.flatMap((id) => {
      const o = latest.get(id);
      return o ? [{ courseId: id, code: o.courseCode, title: o.courseTitle }] : [];
    });
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

/** A published security course of two modules, each with one required quiz aligned to a skill. */
export function securityCourseOutline(overrides: Partial<CourseVersionOutline> = {}): CourseVersionOutline {
  const quiz = (title: string, skill: string) => ({
    assessmentId: randomUUID(), kind: 'quiz' as const, title, required: true, maxScore: 100, passMark: 60, weight: 1, dueOffsetDays: null, skillCodes: [skill],
  });
  return {
    versionId: randomUUID(),
    courseId: randomUUID(),
    courseCode: 'SEC-101',
    courseTitle: 'Security Operations Foundations',
    trackCode: 'cybersecurity',
    version: 1,
    publishedAt: new Date(),
    modules: [
      { moduleId: randomUUID(), title: 'Threats', position: 1, prerequisiteModuleIds: [], skillCodes: ['CYB-SOC-01'], lessons: [], assessments: [quiz('Threats quiz', 'CYB-SOC-01')] },
      { moduleId: randomUUID(), title: 'Incident response', position: 2, prerequisiteModuleIds: [], skillCodes: ['CYB-IR-01'], lessons: [], assessments: [quiz('IR lab', 'CYB-FOR-01')] },
    ],
    ...overrides,
  };
}
