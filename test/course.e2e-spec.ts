import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { addLesson, addModule, buildCourse, courseInput, createCourse, publish } from './support/course-builders';
import { FakeEnrollmentDirectory } from './support/fakes/enrollment-directory.fake';
import { EnrollmentDirectory } from '../src/cohort/enrollment-directory.contract';

describe('course: build, publish, versions, access', () => {
  let t: TestApp;
  let admin: TestPerson;
  let owner: TestPerson;
  let co: TestPerson;
  let other: TestPerson;
  let trainee: TestPerson;
  let enrolled: TestPerson;
  let reviewer: TestPerson;
  const enrollments = new FakeEnrollmentDirectory();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', overrides: [{ provide: EnrollmentDirectory, useValue: enrollments }] });
    admin = await loginAdmin(t.api);
    [owner, co, other, trainee, enrolled, reviewer] = await Promise.all([
      createUser(t.api, admin.token, ['instructor']),
      createUser(t.api, admin.token, ['instructor']),
      createUser(t.api, admin.token, ['instructor']),
      createUser(t.api, admin.token, ['trainee']),
      createUser(t.api, admin.token, ['trainee']),
      createUser(t.api, admin.token, ['reviewer']),
    ]);
  });
  afterAll(() => t.close());

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('builds, publishes, edits and publishes again; version 1 never changes', async () => {
    const { course, modules } = await buildCourse(t.api, owner.token, 2, 2);
    expect(course).toMatchObject({ status: 'draft', latestVersion: 0, ownerId: owner.id });
    await t.api.patch(`/api/v1/modules/${modules[0].id}`, { skillCodes: ['CYB-SOC-01', 'CYB-IR-01'] }, owner.token);
    const v1 = await publish(t.api, owner.token, course.id, 'first cut');
    expect(v1.version).toBe(1);

    const lessonId = modules[0].lessonIds[0];
    expect((await t.api.patch(`/api/v1/lessons/${lessonId}`, { title: 'Renamed', body: 'New body' }, owner.token)).status).toBe(200);
    const extra = await addLesson(t.api, owner.token, modules[1].id, { title: 'Brand new' });
    await t.api.delete(`/api/v1/lessons/${modules[1].lessonIds[0]}`, owner.token);

    const still = await t.api.get(`/api/v1/courses/${course.id}/versions/1/lessons/${lessonId}`, owner.token);
    expect(still.status).toBe(200);
    expect(still.body).toMatchObject({ title: 'Lesson 1.1', body: 'Body of 1.1', bodyHtml: '<p>Body of 1.1</p>' });

    const v2 = await publish(t.api, owner.token, course.id);
    expect(v2.version).toBe(2);
    const outline1 = (await t.api.get(`/api/v1/courses/${course.id}/versions/1`, trainee.token)).body.outline;
    const outline2 = (await t.api.get(`/api/v1/courses/${course.id}/versions/2`, trainee.token)).body.outline;
    expect(outline1.modules[0].lessons[0]).toMatchObject({ lessonId, title: 'Lesson 1.1', kind: 'article', position: 1 });
    expect(outline1.modules[0].skillCodes).toEqual(['CYB-IR-01', 'CYB-SOC-01']);
    expect(outline2.modules[0].lessons[0]).toMatchObject({ lessonId, title: 'Renamed' });
    expect(outline1.modules[1].lessons.map((l: any) => l.title)).toEqual(['Lesson 2.1', 'Lesson 2.2']);
    expect(outline2.modules[1].lessons.map((l: any) => l.title)).toEqual(['Lesson 2.2', 'Brand new']);

    const diff = await t.api.get(`/api/v1/courses/${course.id}/versions/1/diff/2`, trainee.token);
    expect(diff.status).toBe(200);
    expect(diff.body.lessons.added).toEqual([{ id: extra.id, title: 'Brand new' }]);
    expect(diff.body.lessons.removed).toEqual([{ id: modules[1].lessonIds[0], title: 'Lesson 2.1' }]);
    expect(diff.body.lessons.changed).toEqual(
      expect.arrayContaining([
        { id: lessonId, title: 'Renamed', changes: ['title', 'content'] },
        { id: modules[1].lessonIds[1], title: 'Lesson 2.2', changes: ['position'] },
      ]),
    );
    expect(diff.body.modules).toEqual({ added: [], removed: [], changed: [] });

    const versions = await t.api.get(`/api/v1/courses/${course.id}/versions`, trainee.token);
    expect(versions.body.map((v: any) => [v.version, v.changeNote])).toEqual([[2, ''], [1, 'first cut']]);
  });

  it('numbers concurrent publishes 1, 2, 3 without a failure', async () => {
    const { course } = await buildCourse(t.api, owner.token, 1, 1);
    const answers = await Promise.all([1, 2, 3].map(() => t.api.post(`/api/v1/courses/${course.id}/publish`, {}, owner.token)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers.map((a) => a.body.version).sort()).toEqual([1, 2, 3]);
    const docs = await t.api.get('/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/courses/{id}/publish', '/api/v1/courses/{id}/versions/{from}/diff/{to}']));
  });

  it('refuses in the database any change to a published version', async () => {
    const { course } = await buildCourse(t.api, owner.token, 1, 1);
    await publish(t.api, owner.token, course.id);
    await expect(t.dataSource.query(`UPDATE course_version SET title = 'x' WHERE course_id = $1`, [course.id])).rejects.toThrow(/immutable/);
    await expect(t.dataSource.query(`UPDATE course_version_lesson SET content = '{}' WHERE version_id IN (SELECT id FROM course_version WHERE course_id = $1)`, [course.id])).rejects.toThrow(/immutable/);
    await expect(t.dataSource.query(`DELETE FROM course_version WHERE course_id = $1`, [course.id])).rejects.toThrow(/immutable/);
  });

  it('lets the owner, co-instructors and admins edit; refuses others', async () => {
    const { course, modules } = await buildCourse(t.api, owner.token, 1, 1);
    const path = `/api/v1/courses/${course.id}`;
    // Before publishing, the draft is invisible to everyone but its editors.
    expect((await t.api.patch(path, { title: 'Other' }, other.token)).status).toBe(404);
    expect((await t.api.get(path, trainee.token)).status).toBe(404);
    expect((await t.api.put(`${path}/co-instructors`, { userIds: [co.id] }, co.token)).status).toBe(404);
    expect((await t.api.put(`${path}/co-instructors`, { userIds: [co.id] }, owner.token)).status).toBe(200);
    expect((await t.api.patch(path, { title: 'By co' }, co.token)).status).toBe(200);
    expect((await t.api.post(`/api/v1/modules/${modules[0].id}/lessons`, { title: 'By co', kind: 'article', body: 'x' }, co.token)).status).toBe(201);
    expect((await t.api.put(`${path}/co-instructors`, { userIds: [] }, co.token)).status).toBe(422);
    expect((await t.api.patch(path, { title: 'By admin' }, admin.token)).status).toBe(200);
    await publish(t.api, co.token, course.id);

    // Published: visible to all signed-in users, editable by none of the others (403 now, since they can see it).
    expect((await t.api.patch(path, { title: 'Other' }, other.token)).status).toBe(403);
    expect((await t.api.post(`${path}/modules`, { title: 'x' }, other.token)).status).toBe(403);
    expect((await t.api.post(`${path}/publish`, {}, other.token)).status).toBe(403);
    expect((await t.api.patch(`/api/v1/modules/${modules[0].id}`, { title: 'x' }, other.token)).status).toBe(403);
    expect((await t.api.patch(`/api/v1/lessons/${modules[0].lessonIds[0]}`, { title: 'x' }, other.token)).status).toBe(403);
    expect((await t.api.get(`${path}/draft`, other.token)).status).toBe(403);
    expect((await t.api.patch(path, { title: 'Trainee' }, trainee.token)).status).toBe(403);
    expect((await t.api.patch(path, { title: 'Reviewer' }, reviewer.token)).status).toBe(403);
    expect((await t.api.patch(path, { title: 'Anon' })).status).toBe(401);
    expect((await t.api.get(path)).status).toBe(401);
    expect((await t.api.post('/api/v1/courses', courseInput(), trainee.token)).status).toBe(403);
    expect((await t.api.post('/api/v1/courses', courseInput(), reviewer.token)).status).toBe(403);
    expect((await t.api.get(path, reviewer.token)).body.course.title).toBe('By admin');
    expect((await t.api.get(`${path}/draft`, co.token)).body.modules[0].lessons).toHaveLength(2);
    // Lesson bodies of a version: its editors (the co-instructor too), not another instructor.
    const lesson = `${path}/versions/1/lessons/${modules[0].lessonIds[0]}`;
    expect((await t.api.get(lesson, co.token)).status).toBe(200);
    expect((await t.api.get(lesson, other.token)).status).toBe(403);
  });

  it('shows the outline to everyone signed in, lesson bodies only to enrolled trainees and instructors', async () => {
    const { course, modules } = await buildCourse(t.api, owner.token, 1, 1);
    const v1 = await publish(t.api, owner.token, course.id);
    await t.api.patch(`/api/v1/lessons/${modules[0].lessonIds[0]}`, { body: 'v2 body' }, owner.token);
    const v2 = await publish(t.api, owner.token, course.id);
    enrollments.enroll(enrolled.id, v1.versionId);
    enrollments.enroll(trainee.id, v2.versionId, { status: 'withdrawn' });
    const lesson = (n: number) => `/api/v1/courses/${course.id}/versions/${n}/lessons/${modules[0].lessonIds[0]}`;

    for (const person of [trainee, enrolled, reviewer, other]) {
      const outline = await t.api.get(`/api/v1/courses/${course.id}/versions/1`, person.token);
      expect(outline.status).toBe(200);
      expect(JSON.stringify(outline.body)).not.toContain('Body of');
    }
    const detail = await t.api.get(`/api/v1/courses/${course.id}`, trainee.token);
    expect(detail.body.latest.version).toBe(2);
    expect(detail.body.latest.outline.modules).toHaveLength(1);

    expect((await t.api.get(lesson(1), enrolled.token)).body.body).toBe('Body of 1.1');
    expect((await t.api.get(lesson(2), enrolled.token)).status).toBe(403);
    expect((await t.api.get(lesson(2), trainee.token)).status).toBe(403);
    expect((await t.api.get(lesson(1), trainee.token)).status).toBe(403);
    expect((await t.api.get(lesson(1), reviewer.token)).status).toBe(403);
    expect((await t.api.get(lesson(1), other.token)).status).toBe(403);
    expect((await t.api.get(lesson(1))).status).toBe(401);
    expect((await t.api.get(lesson(2), owner.token)).body.body).toBe('v2 body');
    expect((await t.api.get(lesson(2), admin.token)).body.body).toBe('v2 body');
    expect((await t.api.get(`/api/v1/courses/${course.id}/versions/3`, trainee.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/courses/${course.id}/versions/abc`, trainee.token)).status).toBe(404);
    // The lesson read asks course, version, lesson and editorship in one statement: each 404 still names what is missing.
    const missing = async (path: string, token: string) => {
      const answer = await t.api.get(path, token);
      expect(answer.status).toBe(404);
      return answer.body.detail;
    };
    const absent = '00000000-0000-4000-8000-000000000000';
    expect(await missing(`/api/v1/courses/${absent}/versions/1/lessons/${modules[0].lessonIds[0]}`, admin.token)).toBe('Course was not found.');
    expect(await missing(`/api/v1/courses/${course.id}/versions/3/lessons/${modules[0].lessonIds[0]}`, owner.token)).toBe('Version was not found.');
    expect(await missing(`/api/v1/courses/${course.id}/versions/1/lessons/${absent}`, enrolled.token)).toBe('Lesson was not found.');
    const draft = await buildCourse(t.api, owner.token, 1, 1);
    expect(await missing(`/api/v1/courses/${draft.course.id}/versions/1/lessons/${draft.modules[0].lessonIds[0]}`, trainee.token)).toBe('Course was not found.');
    expect(await missing(`/api/v1/courses/${draft.course.id}/versions/1/lessons/${draft.modules[0].lessonIds[0]}`, owner.token)).toBe('Version was not found.');
    // A trainee who completed the course keeps reading it (the authorization matrix found it hidden).
    const graduate = await createUser(t.api, admin.token, ['trainee']);
    enrollments.enroll(graduate.id, v1.versionId, { status: 'completed' });
    expect((await t.api.get(lesson(1), graduate.token)).body.body).toBe('Body of 1.1');
  });

  it('rejects module and course prerequisite cycles with 422 and stores nothing', async () => {
    const { course, modules } = await buildCourse(t.api, owner.token, 3, 0);
    const [a, b, c] = modules.map((m) => m.id);
    expect((await t.api.patch(`/api/v1/modules/${b}`, { prerequisiteModuleIds: [a] }, owner.token)).status).toBe(200);
    expect((await t.api.patch(`/api/v1/modules/${c}`, { prerequisiteModuleIds: [b] }, owner.token)).status).toBe(200);
    const cycle = await t.api.patch(`/api/v1/modules/${a}`, { prerequisiteModuleIds: [c], title: 'Changed' }, owner.token);
    expect(cycle.status).toBe(422);
    expect(cycle.headers.get('content-type')).toContain('application/problem+json');
    expect(cycle.body.type).toMatch(/prerequisite-cycle$/);
    expect(cycle.body.cycle).toHaveLength(4);
    expect(new Set(cycle.body.cycle)).toEqual(new Set([a, b, c]));
    const draft = (await t.api.get(`/api/v1/courses/${course.id}/draft`, owner.token)).body;
    expect(draft.modules[0]).toMatchObject({ title: 'Module 1', prerequisiteModuleIds: [] });

    const foreign = await buildCourse(t.api, owner.token, 1, 0);
    expect((await t.api.patch(`/api/v1/modules/${a}`, { prerequisiteModuleIds: [foreign.modules[0].id] }, owner.token)).status).toBe(422);

    const x = await createCourse(t.api, owner.token);
    const y = await createCourse(t.api, owner.token);
    expect((await t.api.put(`/api/v1/courses/${y.id}/prerequisites`, { courseIds: [x.id] }, owner.token)).status).toBe(200);
    expect((await t.api.put(`/api/v1/courses/${course.id}/prerequisites`, { courseIds: [y.id] }, owner.token)).status).toBe(200);
    const loop = await t.api.put(`/api/v1/courses/${x.id}/prerequisites`, { courseIds: [course.id] }, owner.token);
    expect(loop.status).toBe(422);
    expect(loop.body.type).toMatch(/prerequisite-cycle$/);
    expect((await t.api.get(`/api/v1/courses/${x.id}`, owner.token)).body.prerequisiteCourseIds).toEqual([]);
    expect((await t.api.put(`/api/v1/courses/${x.id}/prerequisites`, { courseIds: [x.id] }, owner.token)).status).toBe(422);
  });

  it('reorders modules and lessons; refuses positions that do not exist', async () => {
    const { course, modules } = await buildCourse(t.api, owner.token, 3, 3);
    const moved = await t.api.post(`/api/v1/modules/${modules[2].id}/move`, { position: 1 }, owner.token);
    expect(moved.status).toBe(200);
    expect(moved.body.map((m: any) => [m.title, m.position])).toEqual([['Module 3', 1], ['Module 1', 2], ['Module 2', 3]]);
    const lessons = modules[0].lessonIds;
    const reordered = await t.api.post(`/api/v1/lessons/${lessons[0]}/move`, { position: 3 }, owner.token);
    expect(reordered.body.map((l: any) => l.id)).toEqual([lessons[1], lessons[2], lessons[0]]);
    const across = await t.api.post(`/api/v1/lessons/${lessons[1]}/move`, { position: 1, moduleId: modules[1].id }, owner.token);
    expect(across.body.map((l: any) => l.id)).toEqual([lessons[1], ...modules[1].lessonIds]);

    const before = await t.api.get(`/api/v1/courses/${course.id}/draft`, owner.token);
    for (const [path, body] of [
      [`/api/v1/modules/${modules[0].id}/move`, { position: 4 }],
      [`/api/v1/modules/${modules[0].id}/move`, { position: 0 }],
      [`/api/v1/lessons/${lessons[0]}/move`, { position: 3 }],
      [`/api/v1/lessons/${lessons[0]}/move`, { position: 1, moduleId: (await buildCourse(t.api, owner.token, 1, 0)).modules[0].id }],
    ] as const) {
      const answer = await t.api.post(path, body, owner.token);
      expect([400, 422]).toContain(answer.status);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await t.api.get(`/api/v1/courses/${course.id}/draft`, owner.token)).body).toEqual(before.body);

    expect((await t.api.delete(`/api/v1/modules/${modules[0].id}`, other.token)).status).toBe(404);
    expect((await t.api.delete(`/api/v1/modules/${modules[0].id}`, owner.token)).status).toBe(204);
    const after = (await t.api.get(`/api/v1/courses/${course.id}/draft`, owner.token)).body.modules;
    expect(after.map((m: any) => [m.title, m.position])).toEqual([['Module 3', 1], ['Module 2', 2]]);
    expect((await t.api.delete(`/api/v1/modules/${modules[0].id}`, owner.token)).status).toBe(404);
  });

  it('answers bad input with 4xx problem+json and stores nothing', async () => {
    const course = await createCourse(t.api, owner.token);
    const module = await addModule(t.api, owner.token, course.id);
    const [courses, lessons, modules] = [await count('course'), await count('lesson'), await count('course_module')];
    const bad: Array<[string, string, unknown, number]> = [
      ['POST', '/api/v1/courses', courseInput({ code: course.code }), 409],
      ['POST', '/api/v1/courses', courseInput({ title: 'x'.repeat(201) }), 400],
      ['POST', '/api/v1/courses', courseInput({ level: 'expert' }), 400],
      ['POST', '/api/v1/courses', courseInput({ trackCode: 'cooking' }), 400],
      ['POST', '/api/v1/courses', courseInput({ code: 'Bad Code!' }), 400],
      ['POST', '/api/v1/courses', courseInput({ estimatedHours: 0 }), 400],
      ['POST', '/api/v1/courses', courseInput({ unknown: 1 }), 400],
      ['POST', `/api/v1/modules/${module.id}/lessons`, { title: 'v', kind: 'video', videoUrl: 'javascript:alert(1)', durationSeconds: 60 }, 400],
      ['POST', `/api/v1/modules/${module.id}/lessons`, { title: 'v', kind: 'external', externalUrl: 'ftp://files.example/x' }, 400],
      ['POST', `/api/v1/modules/${module.id}/lessons`, { title: 'v', kind: 'video', videoUrl: 'https://v.example/1' }, 400],
      ['POST', `/api/v1/modules/${module.id}/lessons`, { title: 'a', kind: 'article' }, 400],
      ['POST', `/api/v1/modules/${module.id}/lessons`, { title: 'a', kind: 'article', body: 'x'.repeat(200_001) }, 400],
      ['POST', `/api/v1/modules/${module.id}/lessons`, { title: 't'.repeat(201), kind: 'article', body: 'x' }, 400],
      ['POST', `/api/v1/courses/${course.id}/modules`, { title: 'm', skillCodes: ['DAT-SQL-01'] }, 422],
      ['POST', `/api/v1/courses/${course.id}/modules`, { title: 'm', skillCodes: ['NOPE-99'] }, 422],
      ['POST', `/api/v1/courses/${course.id}/publish`, { changeNote: 'x'.repeat(2001) }, 400],
      ['POST', '/api/v1/modules/00000000-0000-4000-8000-000000000000/lessons', { title: 'a', kind: 'article', body: 'x' }, 404],
      ['POST', '/api/v1/modules/not-a-uuid/lessons', { title: 'a', kind: 'article', body: 'x' }, 404],
    ];
    for (const [method, path, body, status] of bad) {
      const answer = await t.api.request(method, path, { body, token: owner.token });
      expect({ path, body: JSON.stringify(body).slice(0, 80), status: answer.status }).toEqual({ path, body: JSON.stringify(body).slice(0, 80), status });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    expect([await count('course'), await count('lesson'), await count('course_module')]).toEqual([courses, lessons, modules]);
    const upper = await t.api.post(`/api/v1/modules/${module.id}/lessons`, { title: 'v', kind: 'external', externalUrl: 'HTTPS://Example.org/Doc' }, owner.token);
    expect(upper.status).toBe(201);
    const empty = await createCourse(t.api, owner.token);
    expect((await t.api.post(`/api/v1/courses/${empty.id}/publish`, {}, owner.token)).status).toBe(422);
  });

  it('archives: no more edits (409), versions stay readable', async () => {
    const { course, modules } = await buildCourse(t.api, owner.token, 1, 1);
    await publish(t.api, owner.token, course.id);
    expect((await t.api.post(`/api/v1/courses/${course.id}/archive`, {}, owner.token)).status).toBe(200);
    const edit = await t.api.patch(`/api/v1/lessons/${modules[0].lessonIds[0]}`, { title: 'late' }, owner.token);
    expect(edit.status).toBe(409);
    expect(edit.body.type).toMatch(/course-archived$/);
    expect((await t.api.post(`/api/v1/courses/${course.id}/publish`, {}, owner.token)).status).toBe(409);
    expect((await t.api.get(`/api/v1/courses/${course.id}/versions/1`, trainee.token)).status).toBe(200);
  });
});
