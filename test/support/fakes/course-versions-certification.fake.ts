import { randomUUID } from 'node:crypto';
import {
  CourseVersionOutline,
  DraftCourseModules,
  DraftModuleRef,
  PublishedCourseVersions,
} from '../../../src/course/published-course-versions.contract';

/** In-memory PublishedCourseVersions (+ DraftCourseModules for editor checks) for certification tests. */
export class FakeCourseVersions extends PublishedCourseVersions {
  readonly outlines = new Map<string, CourseVersionOutline>();

  async getOutline(versionId: string) {
    return this.outlines.get(versionId) ?? null;
  }

  async getOutlines(versionIds: string[]) {
    return versionIds.flatMap((id) => (this.outlines.has(id) ? [this.outlines.get(id)!] : []));
  }

  async getFrozenAssessment() {
    return null;
  }

  /** A published version of two modules, each with one required assessment, aligned to skills. */
  addVersion(overrides: Partial<CourseVersionOutline> = {}): CourseVersionOutline {
    const versionId = randomUUID();
    const assessment = (title: string, skill: string) => ({
      assessmentId: randomUUID(), kind: 'quiz' as const, title, required: true, maxScore: 100, passMark: 60, weight: 1, dueOffsetDays: null, skillCodes: [skill],
    });
    const outline: CourseVersionOutline = {
      versionId,
      courseId: randomUUID(),
      courseCode: 'SEC-101',
      courseTitle: 'Security Operations Foundations',
      trackCode: 'cybersecurity',
      version: 1,
      publishedAt: new Date(),
      modules: [
        { moduleId: randomUUID(), title: 'Threats', position: 1, prerequisiteModuleIds: [], skillCodes: ['CYB-SOC-01'], lessons: [], assessments: [assessment('Threats quiz', 'CYB-SOC-01')] },
        { moduleId: randomUUID(), title: 'Incident response', position: 2, prerequisiteModuleIds: [], skillCodes: ['CYB-IR-01'], lessons: [], assessments: [assessment('IR lab', 'CYB-FOR-01')] },
      ],
      ...overrides,
    };
    this.outlines.set(versionId, outline);
    return outline;
  }
}

export class FakeDraftModules extends DraftCourseModules {
  /** Editors by module id. */
  readonly editors = new Map<string, string[]>();

  async getModule(moduleId: string): Promise<DraftModuleRef | null> {
    const editorIds = this.editors.get(moduleId);
    return editorIds ? { moduleId, courseId: randomUUID(), editorIds, courseStatus: 'published' } : null;
  }
}
