import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { addLesson, addModule, createCourse } from './support/course-builders';

/**
 * Issue 15, bad input: what the builder lists before publish, the API refuses too, naming the item.
 * On save: an assessment without a key, a quiz question without a correct answer, a rubric without
 * criteria, an SQL reference query that fails in the sandbox. At publish: every key is checked
 * again, so a key stored before a rule existed (or whose reference no longer runs) is never frozen
 * into a version; the 422 names each failing assessment and nothing is published.
 */
describe('publish checks: keys refused on save and again at publish, naming the item', () => {
  let t: TestApp;
  let instructor: TestPerson;

  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
    const admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
  });
  afterAll(() => t.close());

  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  const quiz = (correct: string[]) => ({
    kind: 'quiz', title: 'Ports check', maxScore: 10, passMark: 5,
    key: { questions: [{ id: 'q1', type: 'single', prompt: 'HTTPS port?', points: 1, options: [{ id: 'a', text: '80' }, { id: 'b', text: '443' }], correct }] },
  });
  const sql = (referenceQuery: string) => ({
    kind: 'sql', title: 'Calls per queue', maxScore: 10, passMark: 10,
    key: { dataset: { tables: [{ name: 'calls', columns: [{ name: 'queue', type: 'text' }], rows: [['billing'], ['tech']] }] }, referenceQuery },
  });

  async function draftModule() {
    const course = await createCourse(t.api, instructor.token);
    const module = await addModule(t.api, instructor.token, course.id, { title: 'Basics' });
    await addLesson(t.api, instructor.token, module.id, { title: 'Reading' });
    return { course, module };
  }

  it('refuses on save, naming the field of the key, and stores nothing', async () => {
    const { module } = await draftModule();
    const before = await count('assessment');
    const post = (body: unknown) => t.api.post(`/api/v1/modules/${module.id}/assessments`, body, instructor.token);

    const noKey = await post({ kind: 'quiz', title: 'No key', maxScore: 10, passMark: 5 });
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors.map((e: { field: string }) => e.field)).toContain('key');

    const noCorrect = await post(quiz([]));
    expect(noCorrect.status).toBe(422);
    expect(noCorrect.body.type).toMatch(/invalid-key$/);
    expect(noCorrect.body.errors).toContainEqual(expect.objectContaining({ field: 'key.questions[0].correct' }));

    const noCriteria = await post({ kind: 'rubric', title: 'Landing page', maxScore: 10, passMark: 5, key: { criteria: [] } });
    expect(noCriteria.status).toBe(422);
    expect(noCriteria.body.errors).toContainEqual(expect.objectContaining({ field: 'key.criteria' }));

    const failing = await post(sql('SELECT nope FROM calls'));
    expect(failing.status).toBe(422);
    expect(failing.body.type).toMatch(/invalid-reference-query$/);
    expect(failing.body.detail).toMatch(/nope/);

    expect(await count('assessment')).toBe(before);
    expect((await post(sql('SELECT queue FROM calls ORDER BY queue'))).status).toBe(201);
  });

  it('refuses to publish a course whose stored keys no longer pass, naming each assessment; nothing is published', async () => {
    const { course, module } = await draftModule();
    const good = await t.api.post(`/api/v1/modules/${module.id}/assessments`, quiz(['b']), instructor.token);
    const reference = await t.api.post(`/api/v1/modules/${module.id}/assessments`, sql('SELECT queue FROM calls'), instructor.token);
    expect([good.status, reference.status]).toEqual([201, 201]);
    // Keys written before today's rules (or by an import of an older format): changed under the API.
    await t.dataSource.query(`UPDATE assessment SET answer_key = jsonb_set(answer_key, '{questions,0,correct}', '[]') WHERE id = $1`, [good.body.id]);
    await t.dataSource.query(`UPDATE assessment SET answer_key = jsonb_set(answer_key, '{referenceQuery}', '"SELECT missing FROM calls"') WHERE id = $1`, [reference.body.id]);
    const versions = await count('course_version');

    const refused = await t.api.post(`/api/v1/courses/${course.id}/publish`, {}, instructor.token);
    expect(refused.status).toBe(422);
    expect(refused.body.type).toMatch(/assessments-not-publishable$/);
    expect(refused.body.errors).toEqual([
      { field: `assessments.${good.body.id}`, message: expect.stringMatching(/^“Ports check” \(quiz\): .*key\.questions\[0\]\.correct/) },
      { field: `assessments.${reference.body.id}`, message: expect.stringMatching(/^“Calls per queue” \(sql\): The reference query fails: .*missing/) },
    ]);
    expect(refused.body.detail).toContain('“Ports check”');
    expect(await count('course_version')).toBe(versions);
    expect((await t.api.get(`/api/v1/courses/${course.id}`, instructor.token)).body.course.latestVersion).toBe(0);

    // Fixed through the API, the same course publishes.
    expect((await t.api.patch(`/api/v1/assessments/${good.body.id}`, quiz(['b']), instructor.token)).status).toBe(200);
    expect((await t.api.patch(`/api/v1/assessments/${reference.body.id}`, sql('SELECT queue FROM calls'), instructor.token)).status).toBe(200);
    const published = await t.api.post(`/api/v1/courses/${course.id}/publish`, {}, instructor.token);
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(1);
  });
});
