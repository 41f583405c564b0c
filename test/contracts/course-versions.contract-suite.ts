import { randomUUID } from 'node:crypto';
import { DraftCourseModules, PublishedCourseVersions } from '../../src/course/published-course-versions.contract';

/** A course as a stand published it: its ids, and the one assessment of its first module. */
export interface PublishedCourse {
  courseId: string;
  versionId: string;
  moduleIds: string[];
  assessmentId: string;
}

/**
 * Providers of PublishedCourseVersions and DraftCourseModules with the means to make what they
 * answer about: the fakes in memory, the course module (with the assessment module freezing
 * assessments at publish) through the HTTP API on a test database.
 */
export interface CourseVersionsStand {
  versions: PublishedCourseVersions;
  drafts: DraftCourseModules;
  /** A draft course of two modules edited by `editorId`, the first with one quiz; answers its draft module ids. */
  draftCourse(editorId: string): Promise<{ courseId: string; moduleIds: string[]; assessmentId: string }>;
  publish(course: { courseId: string; moduleIds: string[]; assessmentId: string }): Promise<PublishedCourse>;
  /** An editor's id (a real provider needs the account). */
  editor(): Promise<string>;
  close(): Promise<void>;
}

/**
 * What PublishedCourseVersions and DraftCourseModules do, whoever provides them. Runs against the
 * fakes of test/support/fakes and against the course module (test/course-versions-contract.e2e-spec.ts).
 */
export function describeCourseVersionsContract(name: string, makeStand: () => Promise<CourseVersionsStand>): void {
  describe(`PublishedCourseVersions and DraftCourseModules contract: ${name}`, () => {
    let stand: CourseVersionsStand;
    beforeAll(async () => {
      stand = await makeStand();
    });
    afterAll(() => stand?.close());

    it('answers a published version’s outline: the course, its modules in order with their assessments; null for an id that names none', async () => {
      const editor = await stand.editor();
      const published = await stand.publish(await stand.draftCourse(editor));
      const outline = await stand.versions.getOutline(published.versionId);
      expect(outline).toMatchObject({ versionId: published.versionId, courseId: published.courseId, version: 1 });
      expect(outline!.publishedAt).toBeInstanceOf(Date);
      expect(outline!.modules.map((m) => m.moduleId)).toEqual(published.moduleIds);
      expect(outline!.modules.map((m) => m.position)).toEqual([...outline!.modules.map((m) => m.position)].sort((a, b) => a - b));
      expect(outline!.modules[0].assessments).toEqual([expect.objectContaining({ assessmentId: published.assessmentId, kind: 'quiz', required: expect.any(Boolean), maxScore: expect.any(Number), passMark: expect.any(Number) })]);
      expect(await stand.versions.getOutline(randomUUID())).toBeNull();
    });

    it('answers several versions in the order asked, leaving out ids that name none', async () => {
      const editor = await stand.editor();
      const first = await stand.publish(await stand.draftCourse(editor));
      const second = await stand.publish(await stand.draftCourse(editor));
      const outlines = await stand.versions.getOutlines([second.versionId, randomUUID(), first.versionId]);
      expect(outlines.map((o) => o.versionId)).toEqual([second.versionId, first.versionId]);
      expect(await stand.versions.getOutlines([])).toEqual([]);
    });

    it('numbers a course’s versions and keeps each as published', async () => {
      const editor = await stand.editor();
      const draft = await stand.draftCourse(editor);
      const first = await stand.publish(draft);
      const before = await stand.versions.getOutline(first.versionId);
      const second = await stand.publish(draft);
      expect(second.versionId).not.toBe(first.versionId);
      expect((await stand.versions.getOutline(second.versionId))!.version).toBe(2);
      expect(await stand.versions.getOutline(first.versionId)).toEqual(before);
    });

    it('answers an assessment’s frozen content by version, and null for an assessment or version that names none', async () => {
      const published = await stand.publish(await stand.draftCourse(await stand.editor()));
      expect(await stand.versions.getFrozenAssessment(published.versionId, published.assessmentId)).toEqual(expect.any(Object));
      expect(await stand.versions.getFrozenAssessment(published.versionId, randomUUID())).toBeNull();
      expect(await stand.versions.getFrozenAssessment(randomUUID(), published.assessmentId)).toBeNull();
    });

    it('answers a draft module with its course, editors and course status; null for an id that names none', async () => {
      const editor = await stand.editor();
      const draft = await stand.draftCourse(editor);
      const module = await stand.drafts.getModule(draft.moduleIds[1]);
      expect(module).toEqual({ moduleId: draft.moduleIds[1], courseId: draft.courseId, editorIds: [editor], courseStatus: 'draft' });
      expect(await stand.drafts.getModule(randomUUID())).toBeNull();
    });
  });
}
