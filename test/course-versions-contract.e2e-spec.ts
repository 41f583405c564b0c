import { randomUUID } from 'node:crypto';
import { DraftCourseModules, PublishContributors, PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { describeCourseVersionsContract } from './contracts/course-versions.contract-suite';
import { FakeDraftCourseModules } from './support/fakes/draft-course-modules.fake';
import { FakePublishedCourseVersions } from './support/fakes/published-course-versions.fake';
import { authorAssessment, quizBody } from './support/assessment-builders';
import { addLesson, buildCourse, publish } from './support/course-builders';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { startTestApp } from './support/test-app';

describeCourseVersionsContract('the fakes other modules’ tests use', async () => {
  const versions = new FakePublishedCourseVersions();
  const drafts = new FakeDraftCourseModules();
  // What the assessment module does at publish, for the fake's publish: one quiz on the first module.
  const quizzes = new Map<string, string>();
  versions.contributors = new PublishContributors();
  versions.contributors.register({
    freezeModules: async (moduleIds) => new Map(moduleIds.filter((id) => quizzes.has(id)).map((id) => [id, [{
      outline: { assessmentId: quizzes.get(id)!, kind: 'quiz' as const, title: 'Quiz', required: true, maxScore: 100, passMark: 50, weight: 1, dueOffsetDays: null, skillCodes: [] },
      frozen: { key: { questions: [] } },
    }]])),
  });
  return {
    versions,
    drafts,
    editor: async () => randomUUID(),
    draftCourse: async (editorId) => {
      const courseId = randomUUID();
      const moduleIds = [drafts.addModule([editorId], { courseId }).moduleId, drafts.addModule([editorId], { courseId }).moduleId];
      const assessmentId = randomUUID();
      quizzes.set(moduleIds[0], assessmentId);
      return { courseId, moduleIds, assessmentId };
    },
    publish: async (course) => ({ ...course, versionId: await versions.publish(course.courseId, course.moduleIds) }),
    close: async () => undefined,
  };
});

describeCourseVersionsContract('the course module (with the assessment module) on Postgres', async () => {
  const t = await startTestApp({ env: { LOG_LEVEL: 'error' }, role: 'api' });
  const admin = await loginAdmin(t.api);
  const editors = new Map<string, TestPerson>();
  const editorOf = new Map<string, TestPerson>();
  const published = new Set<string>();
  return {
    versions: t.get<PublishedCourseVersions>(PublishedCourseVersions),
    drafts: t.get<DraftCourseModules>(DraftCourseModules),
    editor: async () => {
      const person = await createUser(t.api, admin.token, ['instructor']);
      editors.set(person.id, person);
      return person.id;
    },
    draftCourse: async (editorId) => {
      const editor = editors.get(editorId)!;
      const { course, modules } = await buildCourse(t.api, editor.token, 2, 1);
      const assessmentId = await authorAssessment(t.api, editor, modules[0].id, quizBody());
      editorOf.set(course.id, editor);
      return { courseId: course.id, moduleIds: modules.map((m) => m.id), assessmentId };
    },
    publish: async (course) => {
      const editor = editorOf.get(course.courseId)!;
      // A second version needs a change to publish.
      if (published.has(course.courseId)) await addLesson(t.api, editor.token, course.moduleIds[1], { title: 'Added later' });
      const version = await publish(t.api, editor.token, course.courseId);
      published.add(course.courseId);
      return { courseId: course.courseId, moduleIds: course.moduleIds, assessmentId: course.assessmentId, versionId: version.versionId };
    },
    close: () => t.close(),
  };
});
