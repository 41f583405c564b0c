import { randomUUID } from 'node:crypto';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { loginAdmin, TestPerson } from './support/people';
import { addLesson, publish } from './support/course-builders';
import { QUIZ_KEY, QUIZ_RIGHT } from './support/assessment-builders';
import { completeLessons, setStatus, submitGraded, waitForInboxTypes } from './support/journey-builders';
import { buildGradebookWorld, GradebookWorld } from './support/gradebook-world';

/*
 * Issue 22, must have 4: content fixes during a cohort. Its instructors (or an admin) move a running
 * cohort to a later version of its course when the assessments stay the same; trainees keep their
 * progress and work; the move is recorded; an incompatible version is refused naming why.
 */
describe('moving a running cohort to a fixed course version', () => {
  let t: TestApp;
  let admin: TestPerson;
  let w: GradebookWorld;
  let fixedVersionId: string;
  let newLessonId: string;
  let quizSubmissionId: string;
  const moves = (cohortId = w.cohortId) => `/api/v1/cohorts/${cohortId}/version-moves`;
  const moveCount = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM cohort_version_move'))[0].n as number;
  /** The trainee's own view of her enrollment, with progress per module. */
  const enrollmentOf = async (i: number) => {
    const mine = await t.api.get('/api/v1/me/enrollments', w.trainees[i].token);
    return { status: mine.status, body: mine.body.find((e: { id: string }) => e.id === w.enrollmentIds[i]) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.api);
    w = await buildGradebookWorld(t.api, admin, ['Ana Pérez', 'Brian Young']);
    const [ana, brian] = w.trainees;
    await completeLessons(t.api, ana, w.lessonIds.slice(0, 2));
    quizSubmissionId = (await submitGraded(t.api, ana, w.quizId, QUIZ_RIGHT)).id;
    await completeLessons(t.api, brian, [w.lessonIds[0], w.lessonIds[2]]);
    // The fix: a typo in a lesson and in the quiz's title and instructions, a lesson moved to module 1, and a lesson added.
    const patched = await t.api.patch(`/api/v1/lessons/${w.lessonIds[1]}`, { title: 'Ports and protocols', body: 'HTTPS uses port 443.' }, w.editor.token);
    expect(patched.status).toBe(200);
    expect((await t.api.patch(`/api/v1/assessments/${w.quizId}`, { title: 'Network basics (fixed)', instructions: '# Answer both questions' }, w.editor.token)).status).toBe(200);
    expect((await t.api.post(`/api/v1/lessons/${w.lessonIds[2]}/move`, { position: 3, moduleId: w.moduleIds[0] }, w.editor.token)).status).toBe(200);
    newLessonId = (await addLesson(t.api, w.editor.token, w.moduleIds[1], { title: 'Extra practice', body: 'More' })).id;
    fixedVersionId = (await publish(t.api, w.editor.token, w.courseId, 'typo fixes')).versionId;
  });
  afterAll(() => t?.close());

  it('checks a version first: compatible, with the lessons it adds, moving nothing', async () => {
    const check = await t.api.get(`/api/v1/cohorts/${w.cohortId}/version-check?toVersionId=${fixedVersionId}`, w.instructor.token);
    expect(check.status).toBe(200);
    expect(check.body).toEqual({
      cohortId: w.cohortId, fromVersionId: w.versionId, fromVersion: 1, toVersionId: fixedVersionId, toVersion: 2,
      compatible: true, incompatibilities: [], lessonsAdded: [newLessonId], lessonsRemoved: [],
    });
    expect(await moveCount()).toBe(0);
  });

  it('moves the cohort: enrollments follow, progress and submissions carry over, the move is recorded and trainees told', async () => {
    // An application still waiting for a decision names the old version: it must follow the cohort.
    await t.dataSource.query(`INSERT INTO application (cohort_id, trainee_id, course_version_id, statement) VALUES ($1, $2, $3, 'Still waiting')`, [w.cohortId, randomUUID(), w.versionId]);
    const moved = await t.api.post(moves(), { toVersionId: fixedVersionId, reason: 'Typo fixes in lesson 2 and the quiz', notifyTrainees: true }, w.coInstructor.token);
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({
      cohortId: w.cohortId, courseId: w.courseId, fromVersionId: w.versionId, fromVersion: 1, toVersionId: fixedVersionId, toVersion: 2,
      reason: 'Typo fixes in lesson 2 and the quiz', movedBy: w.coInstructor.id, enrollmentsMoved: 2, traineesNotified: true,
    });
    expect((await t.api.get(`/api/v1/cohorts/${w.cohortId}`, admin.token)).body.courseVersionIds).toEqual([fixedVersionId]);
    const [stale] = await t.dataSource.query('SELECT count(*)::int AS n FROM application WHERE cohort_id = $1 AND course_version_id <> $2', [w.cohortId, fixedVersionId]);
    expect(stale.n).toBe(0);

    // Ana's completions count in the new version (whose module 2 has one more lesson), her quiz pass too.
    const ana = await waitFor(async () => {
      const view = (await enrollmentOf(0)).body;
      return view.course.version === 2 && view.modules[0].lessonsTotal === 3 ? view : null;
    }, { what: 'Ana’s progress on version 2', timeoutMs: 60_000 });
    expect(ana.lessonsDone).toBe(2);
    expect(ana.modules[0]).toMatchObject({ lessonsDone: 2, lessonsTotal: 3, completedLessonIds: expect.arrayContaining(w.lessonIds.slice(0, 2)) });
    expect(ana.modules[1]).toMatchObject({ lessonsDone: 0, lessonsTotal: 1 });
    expect(ana.modules[0].assessments.find((a: { assessmentId: string }) => a.assessmentId === w.quizId)).toMatchObject({ title: 'Network basics (fixed)' });
    await waitFor(async () => ((await t.api.get(`/api/v1/cohorts/${w.cohortId}/roster`, admin.token)).body.items.every((r: { courseVersionId: string; lessonsDone: number }) => r.courseVersionId === fixedVersionId) ? true : null), { what: 'the roster on version 2', timeoutMs: 60_000 });
    // Brian's completion of the lesson moved to module 1 went with it.
    const brian = (await enrollmentOf(1)).body;
    expect(brian.lessonsDone).toBe(2);
    expect(brian.modules[0]).toMatchObject({ lessonsDone: 2, lessonsTotal: 3, completedLessonIds: expect.arrayContaining([w.lessonIds[0], w.lessonIds[2]]) });
    const [completion] = await t.dataSource.query('SELECT module_id FROM lesson_completion WHERE enrollment_id = $1 AND lesson_id = $2', [w.enrollmentIds[1], w.lessonIds[2]]);
    expect(completion.module_id).toBe(w.moduleIds[0]);

    // Her submission stays valid and counts in the gradebook of the new version; her attempts carry over.
    expect((await t.api.get(`/api/v1/submissions/${quizSubmissionId}`, w.trainees[0].token)).body).toMatchObject({ status: 'graded', score: 100 });
    const book = await t.api.get(`/api/v1/cohorts/${w.cohortId}/gradebook`, w.instructor.token);
    expect(book.body.courseVersionId).toBe(fixedVersionId);
    expect(book.body.items[0].cells[0]).toMatchObject({ assessmentId: w.quizId, status: 'passed', bestScore: 100, attemptsUsed: 1, attemptsAllowed: 2 });
    const quiz = await t.api.get(`/api/v1/assessments/${w.quizId}`, w.trainees[0].token);
    expect(quiz.body).toMatchObject({ title: 'Network basics (fixed)', attemptsUsed: 1 });

    // The new lesson is theirs to read and complete.
    expect((await t.api.post(`/api/v1/lessons/${newLessonId}/complete`, undefined, w.trainees[1].token)).status).toBe(200);

    const notice = (await waitForInboxTypes(t.api, w.trainees[0], ['course-version-changed'])).find((n: { type: string }) => n.type === 'course-version-changed');
    expect(notice).toMatchObject({ link: `/app/learning/${w.enrollmentIds[0]}` });
    expect(notice.text).toContain('now runs version 2');
    expect(notice.text).toContain('Reason: Typo fixes in lesson 2 and the quiz');

    const trail = await t.api.get(moves(), admin.token);
    expect(trail.status).toBe(200);
    expect(trail.body.nextCursor).toBeNull();
    expect(trail.body.items).toEqual([expect.objectContaining({ id: moved.body.id, movedBy: w.coInstructor.id, fromVersion: 1, toVersion: 2, movedAt: expect.any(String) })]);
  });

  it('refuses an incompatible version with 422 naming the assessment and what differs, storing nothing', async () => {
    const wrongKey = { questions: QUIZ_KEY.questions.map((q) => (q.id === 'q1' ? { ...q, correct: ['a'] } : q)) };
    expect((await t.api.patch(`/api/v1/assessments/${w.quizId}`, { key: wrongKey, maxScore: 50, passMark: 25 }, w.editor.token)).status).toBe(200);
    expect((await t.api.delete(`/api/v1/assessments/${w.rubricId}`, w.editor.token)).status).toBe(204);
    const changed = (await publish(t.api, w.editor.token, w.courseId, 'new key')).versionId;
    const before = await moveCount();

    const refused = await t.api.post(moves(), { toVersionId: changed, reason: 'try' }, w.instructor.token);
    expect(refused.status).toBe(422);
    expect(refused.body.type).toMatch(/\/assessment-changed$/);
    expect(refused.body.incompatibilities).toEqual([
      expect.objectContaining({ code: 'assessment-changed', assessmentId: w.quizId, fields: ['key', 'maxScore', 'passMark'] }),
      expect.objectContaining({ code: 'assessment-removed', assessmentId: w.rubricId, title: 'Landing page' }),
    ]);
    expect(refused.body.detail).toContain('Network basics (fixed)');
    const check = await t.api.get(`/api/v1/cohorts/${w.cohortId}/version-check?toVersionId=${changed}`, w.instructor.token);
    expect(check.body).toMatchObject({ compatible: false, incompatibilities: [expect.objectContaining({ code: 'assessment-changed' }), expect.objectContaining({ code: 'assessment-removed' })] });

    expect(await moveCount()).toBe(before);
    expect((await t.api.get(`/api/v1/cohorts/${w.cohortId}`, admin.token)).body.courseVersionIds).toEqual([fixedVersionId]);
    expect((await enrollmentOf(0)).body.course.version).toBe(2);
  });

  it('refuses bad bodies and versions that are not a later one of the cohort’s course', async () => {
    const other = await buildGradebookWorld(t.api, admin, ['Eve Other']);
    const cases: Array<[string, unknown, number, RegExp?]> = [
      ['no reason', { toVersionId: fixedVersionId }, 400],
      ['an empty reason', { toVersionId: fixedVersionId, reason: '' }, 400],
      ['a version id that is no uuid', { toVersionId: 'v2', reason: 'x' }, 400],
      ['notify not a boolean', { toVersionId: fixedVersionId, reason: 'x', notifyTrainees: 'yes' }, 400],
      ['an unknown field', { toVersionId: fixedVersionId, reason: 'x', force: true }, 400],
      ['an unknown version', { toVersionId: randomUUID(), reason: 'x' }, 404],
      ['the version it runs', { toVersionId: fixedVersionId, reason: 'x' }, 422, /\/not-newer-version$/],
      ['an older version', { toVersionId: w.versionId, reason: 'x' }, 422, /\/not-newer-version$/],
      ['another course', { toVersionId: other.versionId, reason: 'x' }, 422, /\/course-not-in-cohort$/],
    ];
    const before = await moveCount();
    for (const [what, body, status, type] of cases) {
      const answer = await t.api.post(moves(), body, w.instructor.token);
      expect({ what, status: answer.status }).toEqual({ what, status });
      if (type) expect(answer.body.type).toMatch(type);
    }
    expect((await t.api.get(`/api/v1/cohorts/${w.cohortId}/version-check?toVersionId=nope`, w.instructor.token)).status).toBe(400);
    expect(await moveCount()).toBe(before);
  });

  it('is for admins and the cohort’s instructors only, and never for a finished cohort', async () => {
    const cases: Array<[string, string, number]> = [
      ['an instructor of another cohort', w.stranger.token, 404],
      ['a trainee of the cohort', w.trainees[0].token, 403],
      ['a reviewer', w.reviewer.token, 403],
    ];
    for (const [who, token, status] of cases) {
      expect({ who, move: (await t.api.post(moves(), { toVersionId: fixedVersionId, reason: 'x' }, token)).status }).toEqual({ who, move: status });
      expect({ who, list: (await t.api.get(moves(), token)).status }).toEqual({ who, list: status });
      expect({ who, check: (await t.api.get(`/api/v1/cohorts/${w.cohortId}/version-check?toVersionId=${fixedVersionId}`, token)).status }).toEqual({ who, check: status });
    }
    expect((await t.api.get(moves(randomUUID()), admin.token)).status).toBe(404);
    expect((await t.api.get(moves(), w.instructor.token)).status).toBe(200);

    await setStatus(t.api, admin, w.cohortId, 'completed');
    const finished = await t.api.post(moves(), { toVersionId: fixedVersionId, reason: 'x' }, admin.token);
    expect(finished.status).toBe(422);
    expect(finished.body.type).toMatch(/\/cohort-finished$/);
  });
});
