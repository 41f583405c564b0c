import { randomUUID } from 'node:crypto';
import { CourseVersionOutline, PublishContributors, PublishedCourseVersions } from '../../../src/course/published-course-versions.contract';

/**
 * In-memory published versions for the assessment tests. `publish` does what the course module
 * does at publish: asks every registered contributor to freeze the modules' assessments.
 */
export class FakePublishedCourseVersionsForAssessment extends PublishedCourseVersions {
  readonly outlines = new Map<string, CourseVersionOutline>();
  readonly frozen = new Map<string, unknown>();
  contributors: PublishContributors | undefined;

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
    this.outlines.set(versionId, {
      versionId, courseId, courseCode: 'TEST-101', courseTitle: 'Test course', trackCode: 'cybersecurity', version, publishedAt: new Date(), modules,
    });
    return versionId;
  }

  async getOutline(versionId: string) {
    return this.outlines.get(versionId) ?? null;
  }

  async getOutlines(versionIds: string[]) {
    return versionIds.map((id) => this.outlines.get(id)).filter((o): o is CourseVersionOutline => !!o);
  }

  async getFrozenAssessment(versionId: string, assessmentId: string) {
    return this.frozen.get(`${versionId}:${assessmentId}`) ?? null;
  }
}
