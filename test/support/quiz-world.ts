import { HttpClient, waitFor } from '@gds/testing';
import type { DataSource } from 'typeorm';
import { QUIZ_KEY, QUIZ_RIGHT, QUIZ_WRONG } from './assessment-builders';
import { cohortBody } from './cohort-builders';
import { addLesson, addModule, createCourse, publish } from './course-builders';
import { createUser, TestPerson } from './people';

/**
 * A real learning world built over HTTP with every module bound (no fakes): a course with one
 * module, one lesson and a quiz, published; a running cohort over the version; `trainees`
 * trainees created, signed in and enrolled directly. Used by the fault tests of issue 9.
 */
export interface QuizWorld {
  courseId: string;
  versionId: string;
  cohortId: string;
  assessmentId: string;
  lessonId: string;
  trainees: TestPerson[];
}

async function expectStatus(answer: Promise<{ status: number; body: any; text: string }>, status: number, what: string) {
  const result = await answer;
  if (result.status !== status) throw new Error(`${what} failed: ${result.status} ${result.text}`);
  return result.body;
}

export async function buildQuizWorld(api: HttpClient, adminToken: string, trainees: number, attemptsAllowed = 1): Promise<QuizWorld> {
  const course = await createCourse(api, adminToken);
  const module = await addModule(api, adminToken, course.id, { title: 'Module 1' });
  const lesson = await addLesson(api, adminToken, module.id, { title: 'Lesson 1.1', body: 'Read this first.' });
  const assessment = await expectStatus(
    api.post(`/api/v1/modules/${module.id}/assessments`, { kind: 'quiz', title: 'Network basics', maxScore: 100, passMark: 50, attemptsAllowed, key: QUIZ_KEY }, adminToken),
    201,
    'authoring the quiz',
  );
  const version = await publish(api, adminToken, course.id);
  const versionId: string = version.versionId ?? version.id;
  const outline = { versionId, modules: [{ moduleId: module.id }] };
  const body = { ...cohortBody([outline as never], { capacity: Math.max(50, trainees) }), schedule: [] };
  const cohort = await expectStatus(api.post('/api/v1/cohorts', body, adminToken), 201, 'creating the cohort');
  await expectStatus(api.post(`/api/v1/cohorts/${cohort.id}/status`, { status: 'running' }, adminToken), 200, 'starting the cohort');
  const people: TestPerson[] = [];
  for (let i = 0; i < trainees; i++) {
    const trainee = await createUser(api, adminToken, ['trainee']);
    await expectStatus(api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id }, adminToken), 201, 'enrolling a trainee');
    people.push(trainee);
  }
  return { courseId: course.id, versionId, cohortId: cohort.id, assessmentId: assessment.id, lessonId: lesson.id, trainees: people };
}

/** Alternately right and wrong answers, so that grading is not a constant. */
export const quizAnswer = (i: number) => (i % 2 === 0 ? QUIZ_RIGHT : QUIZ_WRONG);

/** Submits one answer per trainee (answer i alternating right/wrong); answers the submission ids. Every answer must be 202. */
export async function submitAll(api: HttpClient, world: QuizWorld, trainees = world.trainees): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < trainees.length; i++) {
    const answer = await api.post(`/api/v1/assessments/${world.assessmentId}/submissions`, { answer: quizAnswer(i) }, trainees[i].token);
    if (answer.status !== 202) throw new Error(`submitting failed: ${answer.status} ${answer.text}`);
    ids.push(answer.body.id);
  }
  return ids;
}

export interface GradingCounts {
  submissions: number;
  graded: number;
  /** Submissions with no grade row of cause 'initial'. */
  ungraded: number;
  initialGrades: number;
  /** Submissions with more than one grade row of cause 'initial'. */
  gradedTwice: number;
  /** Submissions in a status other than graded (queued, grading, error...). */
  notGraded: Record<string, number>;
}

export async function gradingCounts(dataSource: DataSource, ids: string[]): Promise<GradingCounts> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS submissions,
            count(*) FILTER (WHERE s.status = 'graded')::int AS graded,
            count(*) FILTER (WHERE coalesce(g.n, 0) = 0)::int AS ungraded,
            coalesce(sum(g.n), 0)::int AS initial_grades,
            count(*) FILTER (WHERE g.n > 1)::int AS graded_twice
       FROM submission s
       LEFT JOIN (SELECT submission_id, count(*)::int AS n FROM grade WHERE cause = 'initial' GROUP BY submission_id) g ON g.submission_id = s.id
      WHERE s.id = ANY($1)`,
    [ids],
  );
  const statuses: Array<{ status: string; n: number }> = await dataSource.query(
    `SELECT status, count(*)::int AS n FROM submission WHERE id = ANY($1) AND status <> 'graded' GROUP BY status`,
    [ids],
  );
  return {
    submissions: row.submissions,
    graded: row.graded,
    ungraded: row.ungraded,
    initialGrades: row.initial_grades,
    gradedTwice: row.graded_twice,
    notGraded: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
  };
}

export async function waitAllGraded(dataSource: DataSource, ids: string[], timeoutMs: number, what: string): Promise<GradingCounts> {
  return waitFor(async () => {
    const counts = await gradingCounts(dataSource, ids);
    return counts.graded === ids.length && counts.ungraded === 0 ? counts : undefined;
  }, { what, timeoutMs });
}
