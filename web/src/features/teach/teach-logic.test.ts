import { describe, expect, it } from 'vitest';
import { newQuestion, nextOptionId, quizKeyForApi, quizKeyFromApi, quizProblems } from './quiz-key';
import { draftChanges, publishProblems } from './publish-checks';
import { cohortsByCourse, coursesOfTeacher, teachingRole } from './my-courses';
import { parseSkillCodes } from './skill-codes';
import { sqlKeyForApi, sqlKeyFromApi } from './sql-key-editor';
import type { AuthorAssessment, Cohort, CourseDetail, CourseDraft, TeachCourse } from './teach.types';

const course = (over: Partial<TeachCourse>): TeachCourse =>
  ({ id: 'c', code: 'c', title: 'C', summary: '', trackCode: 'cybersecurity', level: 'beginner', estimatedHours: 1, status: 'published', latestVersion: 1, ownerId: 'u', ...over }) as TeachCourse;

describe('quiz key', () => {
  it('names each question the API would refuse, before saving', () => {
    const blank = newQuestion(1);
    expect(quizProblems({ questions: [blank], shuffleOptions: true, shuffleQuestions: true }).map((p) => p.rule)).toEqual(['no-prompt', 'empty-option', 'no-correct']);
    const good = { ...blank, prompt: 'Port?', options: [{ id: 'a', text: '80' }, { id: 'b', text: '443' }], correct: ['b'] };
    const twoForSingle = { ...good, id: 'q2', correct: ['a', 'b'] };
    expect(quizProblems({ questions: [good, twoForSingle], shuffleOptions: true, shuffleQuestions: true })).toEqual([{ question: 2, rule: 'single-needs-one' }]);
  });

  it('sends partial credit only with multiple choice, and reads a stored key back', () => {
    const single = { ...newQuestion(1), prompt: 'P', correct: ['a'] };
    const multiple = { ...newQuestion(2), type: 'multiple' as const, prompt: 'M', correct: ['a', 'b'], partialCredit: 'per-option' as const };
    const sent = quizKeyForApi({ questions: [single, multiple], shuffleOptions: false, shuffleQuestions: true });
    expect((sent.questions as object[])[0]).not.toHaveProperty('partialCredit');
    expect((sent.questions as object[])[1]).toMatchObject({ partialCredit: 'per-option' });
    expect(quizKeyFromApi(sent)).toMatchObject({ shuffleOptions: false, questions: [{ id: 'q1', partialCredit: 'all-or-nothing' }, { id: 'q2', partialCredit: 'per-option' }] });
  });

  it('gives options ids not used yet', () => {
    expect(nextOptionId(['a', 'b'])).toBe('c');
    expect(nextOptionId(['b'])).toBe('a');
  });
});

describe('SQL key', () => {
  it('keeps tables given as data, and leaves row order to the reference query unless chosen', () => {
    const tables = [{ name: 't', columns: [{ name: 'v', type: 'text' }], rows: [['x']] }];
    const draft = sqlKeyFromApi({ dataset: { tables }, referenceQuery: 'SELECT v FROM t', options: { tolerance: 0.5 } });
    expect(draft).toMatchObject({ orderMatters: 'auto', tolerance: '0.5', datasetSql: '' });
    expect(sqlKeyForApi(draft)).toEqual({ dataset: { tables }, referenceQuery: 'SELECT v FROM t', options: { tolerance: 0.5, revealExpected: 'auto' } });
    expect(sqlKeyForApi({ ...draft, orderMatters: 'no', tolerance: '' }).options).toEqual({ orderMatters: false, revealExpected: 'auto' });
  });
});

describe('publish checks', () => {
  const draft = {
    course: { id: 'c' },
    modules: [
      { id: 'm1', title: 'Basics', lessons: [{ id: 'l1', title: 'Intro', kind: 'article', body: '' }] },
      { id: 'm2', title: 'Empty', lessons: [] },
    ],
  } as unknown as CourseDraft;
  const rubric = { id: 'a1', moduleId: 'm1', kind: 'rubric', title: 'Page', key: { criteria: [] } } as unknown as AuthorAssessment;
  const quiz = { id: 'a2', moduleId: 'm1', kind: 'quiz', title: 'Ports', key: { questions: [{ type: 'single', correct: [] }] } } as unknown as AuthorAssessment;

  it('lists each item that is wrong, by name', () => {
    expect(publishProblems(draft, [rubric, quiz])).toEqual([
      { rule: 'empty-lesson', lesson: 'Intro' },
      { rule: 'empty-module', module: 'Empty' },
      { rule: 'no-criteria', assessment: 'Page' },
      { rule: 'no-correct-answer', assessment: 'Ports', question: 1 },
    ]);
    expect(publishProblems({ ...draft, modules: [] }, [])).toEqual([{ rule: 'empty-course' }]);
  });

  it('compares the draft with the latest outline by id', () => {
    const latest = {
      version: 1,
      outline: { modules: [{ moduleId: 'm1', title: 'Old name', lessons: [{ lessonId: 'gone', title: 'Gone' }], assessments: [{ assessmentId: 'a2', title: 'Ports' }] }] },
    } as unknown as CourseDetail['latest'];
    expect(draftChanges(draft, latest, [quiz])).toEqual([
      { kind: 'module', change: 'renamed', title: 'Basics' },
      { kind: 'lesson', change: 'added', title: 'Intro' },
      { kind: 'module', change: 'added', title: 'Empty' },
      { kind: 'lesson', change: 'removed', title: 'Gone' },
    ]);
  });
});

describe('my courses', () => {
  it('lists drafts first, then by title, and tells owned courses from co-instructed ones', () => {
    const all = [course({ id: '1', title: 'B', ownerId: 'me' }), course({ id: '2', title: 'A', ownerId: 'other' }), course({ id: '3', title: 'Z', status: 'draft', ownerId: 'other' })];
    expect(coursesOfTeacher(all).map((c) => c.id)).toEqual(['3', '2', '1']);
    expect(all.map((c) => teachingRole(c, 'me'))).toEqual(['owner', 'co-instructor', 'co-instructor']);
  });

  it('groups cohorts by the courses they run, with the version', () => {
    const cohort = { id: 'h', courses: [{ courseId: '1', version: 2 }] } as unknown as Cohort;
    expect(cohortsByCourse([cohort]).get('1')).toEqual([{ cohort, version: 2 }]);
  });

  it('reads skill codes as typed', () => {
    expect(parseSkillCodes(' sql-agg, SQL-JOIN,,sql-agg ')).toEqual(['SQL-AGG', 'SQL-JOIN']);
  });
});

describe('submissions CSV', () => {
  it('quotes what needs quoting and never lets a spreadsheet run a cell as a formula', async () => {
    const { csvCell, submissionsCsv } = await import('./submissions-csv');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(null)).toBe('');
    const row = { id: 's1', traineeId: 't1', cohortId: 'c1', status: 'graded', score: 7.5, maxScore: 10, passed: true, lateDays: 0, submittedAt: '2026-01-01T00:00:00.000Z', gradedAt: null };
    expect(submissionsCsv([row as never])).toBe(
      'submission_id,trainee_id,cohort_id,status,score,max_score,passed,late_days,submitted_at,graded_at\r\ns1,t1,c1,graded,7.5,10,true,0,2026-01-01T00:00:00.000Z,\r\n',
    );
  });
});
