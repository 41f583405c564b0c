import { HttpClient } from '@gds/testing';
import { addLesson, addModule, createCourse, publish } from './course-builders';
import { quizBody } from './assessment-builders';
import { openCohort, setStatus } from './journey-builders';
import { enrollDirectly } from './assessment-world';
import { createUser, TestPerson } from './people';

export const RUBRIC_KEY = {
  criteria: [
    { id: 'layout', title: 'Layout and hierarchy', levels: [{ label: 'weak', points: 0 }, { label: 'good', points: 5 }, { label: 'great', points: 10 }] },
    { id: 'a11y', title: 'Accessibility', levels: [{ label: 'missing', points: 0 }, { label: 'done', points: 10 }] },
  ],
};
export const RUBRIC_ANSWER = { text: 'My design rationale', links: ['https://figma.example/file/1'] };

export interface GradebookWorld {
  editor: TestPerson;
  /** Instructs the cohort (and edits the course). */
  instructor: TestPerson;
  /** Instructs the cohort too, but reviews nothing. */
  coInstructor: TestPerson;
  /** An instructor of another cohort. */
  stranger: TestPerson;
  reviewer: TestPerson;
  trainees: TestPerson[];
  names: string[];
  courseId: string;
  versionId: string;
  version: number;
  cohortId: string;
  enrollmentIds: string[];
  /** Lessons of module 1 then module 2. */
  lessonIds: string[];
  moduleIds: string[];
  quizId: string;
  rubricId: string;
  /** With `secondCourse`: another course in the same cohort, its rubric, and one trainee enrolled in it. */
  second?: { versionId: string; rubricId: string; trainee: TestPerson; name: string };
}

async function ok(answer: Promise<{ status: number; body: any; text: string }>, want: number, what: string) {
  const result = await answer;
  if (result.status !== want) throw new Error(`${what} failed: ${result.status} ${result.text}`);
  return result.body;
}

/**
 * A published course (module 1: two lessons, a quiz of two attempts and a rubric design review due
 * the day the cohort started, late work penalised; module 2: one lesson), a running cohort of it with
 * two instructors, and three named trainees enrolled in turn.
 */
export async function buildGradebookWorld(
  api: HttpClient,
  admin: TestPerson,
  names = ['Ana Pérez', 'Brian Young', '=HYPERLINK("http://evil.example")'],
  options: { secondCourse?: boolean } = {},
): Promise<GradebookWorld> {
  const instructor = await createUser(api, admin.token, ['instructor']);
  const coInstructor = await createUser(api, admin.token, ['instructor']);
  const stranger = await createUser(api, admin.token, ['instructor']);
  const reviewer = await createUser(api, admin.token, ['reviewer']);
  const course = await createCourse(api, instructor.token);
  const m1 = await addModule(api, instructor.token, course.id, { title: 'Foundations' });
  const m2 = await addModule(api, instructor.token, course.id, { title: 'Practice' });
  const lessonIds = [
    (await addLesson(api, instructor.token, m1.id, { title: 'Welcome', body: 'Hello' })).id,
    (await addLesson(api, instructor.token, m1.id, { title: 'Ports', body: 'HTTPS uses 443' })).id,
    (await addLesson(api, instructor.token, m2.id, { title: 'Practice time', body: 'Try it' })).id,
  ];
  const quiz = await ok(api.post(`/api/v1/modules/${m1.id}/assessments`, quizBody({ title: 'Network basics', attemptsAllowed: 2 }), instructor.token), 201, 'authoring the quiz');
  const rubric = await ok(api.post(`/api/v1/modules/${m1.id}/assessments`, {
    kind: 'rubric', title: 'Landing page', instructions: 'Design a landing page.', maxScore: 100, passMark: 60, key: RUBRIC_KEY,
    dueOffsetDays: 0, latePolicy: 'penalty', latePenaltyPercentPerDay: 10, lateFloorPercent: 100,
  }, instructor.token), 201, 'authoring the rubric');
  const published = await publish(api, instructor.token, course.id, 'first cohort');
  const other = options.secondCourse ? await secondCourse(api, instructor) : null;
  const versionIds = [published.versionId, ...(other ? [other.versionId] : [])];
  const cohortId = (await openCohort(api, admin, published.versionId, [instructor.id, coInstructor.id], 10, { courseVersionIds: versionIds })).id;
  await setStatus(api, admin, cohortId, 'running');
  const trainees: TestPerson[] = [];
  const enrollmentIds: string[] = [];
  const enroll = async (traineeId: string, courseVersionId: string) =>
    (await ok(api.post(`/api/v1/cohorts/${cohortId}/enrollments`, { traineeId, courseVersionId }, admin.token), 201, 'enrolling')).id as string;
  for (const displayName of names) {
    const trainee = await createUser(api, admin.token, ['trainee'], { displayName });
    trainees.push(trainee);
    enrollmentIds.push(other ? await enroll(trainee.id, published.versionId) : await enrollDirectly(api, admin, cohortId, trainee.id));
  }
  let second: GradebookWorld['second'];
  if (other) {
    const trainee = await createUser(api, admin.token, ['trainee'], { displayName: 'Dana Cruz' });
    await enroll(trainee.id, other.versionId);
    second = { ...other, trainee, name: 'Dana Cruz' };
  }
  return {
    editor: instructor, instructor, coInstructor, stranger, reviewer, trainees, names, courseId: course.id, versionId: published.versionId, version: published.version,
    cohortId, enrollmentIds, lessonIds, moduleIds: [m1.id, m2.id], quizId: quiz.id, rubricId: rubric.id, second,
  };
}

async function secondCourse(api: HttpClient, instructor: TestPerson) {
  const course = await createCourse(api, instructor.token, { title: 'Brand design' });
  const module = await addModule(api, instructor.token, course.id, { title: 'Brands' });
  await addLesson(api, instructor.token, module.id, { title: 'What a brand is', body: 'Promise and proof' });
  const rubric = await ok(api.post(`/api/v1/modules/${module.id}/assessments`, { kind: 'rubric', title: 'Brand kit', instructions: 'Make a brand kit.', maxScore: 100, passMark: 60, key: RUBRIC_KEY }, instructor.token), 201, 'authoring the brand kit');
  const published = await publish(api, instructor.token, course.id);
  return { versionId: published.versionId as string, rubricId: rubric.id as string };
}
