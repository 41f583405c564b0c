import type { Principal } from '@gds/http';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { addLesson, addModule, buildCourse, createCourse, publish } from './support/course-builders';
import { FakeEnrollmentDirectory } from './support/fakes/enrollment-directory.fake';
import { EnrollmentDirectory } from '../src/cohort/enrollment-directory.contract';
import { CourseExchange } from '../src/course/course-exchange.service';
import { DEMO_COURSES, seedDemoCourses } from '../src/course/demo-courses';
import { DraftCourseModules, PublishContributors, PublishedCourseVersions } from '../src/course/published-course-versions.contract';

describe('course: catalogue, skills, Markdown safety, exchange, contracts', () => {
  let t: TestApp;
  let admin: TestPerson;
  let owner: TestPerson;
  let other: TestPerson;
  let trainee: TestPerson;
  const enrollments = new FakeEnrollmentDirectory();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', overrides: [{ provide: EnrollmentDirectory, useValue: enrollments }] });
    admin = await loginAdmin(t.api);
    [owner, other, trainee] = await Promise.all([
      createUser(t.api, admin.token, ['instructor']),
      createUser(t.api, admin.token, ['instructor']),
      createUser(t.api, admin.token, ['trainee']),
    ]);
  });
  afterAll(() => t.close());

  it('tells other modules the prerequisite courses a version was published with, and names courses by id', async () => {
    const basics = (await buildCourse(t.api, owner.token, 1, 1)).course;
    const { course } = await buildCourse(t.api, owner.token, 1, 1);
    expect((await t.api.put(`/api/v1/courses/${course.id}/prerequisites`, { courseIds: [basics.id] }, owner.token)).status).toBe(200);
    const v1 = await publish(t.api, owner.token, course.id);
    // Changing the draft's prerequisites later does not change the published version's.
    await t.api.put(`/api/v1/courses/${course.id}/prerequisites`, { courseIds: [] }, owner.token);
    const v2 = await publish(t.api, owner.token, course.id);
    const versions = t.get<PublishedCourseVersions>(PublishedCourseVersions);
    expect((await versions.getOutline(v1.versionId))!.prerequisiteCourseIds).toEqual([basics.id]);
    expect((await versions.getOutline(v2.versionId))!.prerequisiteCourseIds).toEqual([]);
    expect(await versions.getCourses([basics.id, '00000000-0000-4000-8000-000000000000', course.id])).toEqual([
      { courseId: basics.id, code: basics.code, title: basics.title },
      { courseId: course.id, code: course.code, title: course.title },
    ]);
    expect(await versions.getCourses([])).toEqual([]);
  });

  it('lists the four tracks to anyone, and each track’s skills framework', async () => {
    const tracks = await t.api.get('/api/v1/tracks');
    expect(tracks.status).toBe(200);
    expect(tracks.body.map((x: any) => x.code)).toEqual(['cybersecurity', 'data-analysis', 'ui-ux-design', 'cloud-engineering']);
    for (const track of tracks.body) {
      const skills = await t.api.get(`/api/v1/tracks/${track.code}/skills`);
      expect(skills.body.length).toBeGreaterThanOrEqual(8);
      expect(skills.body.every((s: any) => s.trackCode === track.code && s.name && s.description)).toBe(true);
    }
    expect((await t.api.get('/api/v1/tracks/cooking/skills')).status).toBe(404);
  });

  it('lets admins, and only admins, manage skills', async () => {
    const skill = { trackCode: 'data-analysis', code: 'DAT-ETL-01', name: 'ETL pipelines', description: 'Moves data reliably.', frameworkRef: 'SFIA DENG' };
    for (const person of [owner, trainee]) expect((await t.api.post('/api/v1/skills', skill, person.token)).status).toBe(403);
    expect((await t.api.post('/api/v1/skills', skill)).status).toBe(401);
    const created = await t.api.post('/api/v1/skills', skill, admin.token);
    expect(created.status).toBe(201);
    expect((await t.api.post('/api/v1/skills', skill, admin.token)).status).toBe(409);
    expect((await t.api.post('/api/v1/skills', { ...skill, code: 'lower-case' }, admin.token)).status).toBe(400);
    expect((await t.api.patch(`/api/v1/skills/${created.body.id}`, { name: 'ETL' }, owner.token)).status).toBe(403);
    expect((await t.api.patch(`/api/v1/skills/${created.body.id}`, { name: 'ETL' }, admin.token)).body.name).toBe('ETL');
    expect((await t.api.get('/api/v1/skills?track=data-analysis', trainee.token)).body.map((s: any) => s.code)).toContain('DAT-ETL-01');
  });

  it('filters by track and level, searches full text over titles, summaries and lesson titles, paginates', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) {
      const { course } = await buildCourse(t.api, owner.token, 1, 1, { title: `Catalogue course ${i}`, trackCode: 'cloud-engineering', level: i % 2 ? 'advanced' : 'beginner' });
      await publish(t.api, owner.token, course.id);
      made.push(course);
    }
    const kubernetes = await createCourse(t.api, owner.token, { title: 'Running containers', summary: 'Orchestration for operators', trackCode: 'cloud-engineering' });
    const module = await addModule(t.api, owner.token, kubernetes.id);
    await addLesson(t.api, owner.token, module.id, { title: 'Kubernetes deployments and rollouts' });
    const draftOnly = await createCourse(t.api, other.token, { title: 'Secret draft about kubernetes' });

    const cloud = await t.api.get('/api/v1/courses?track=cloud-engineering&limit=2', trainee.token);
    expect(cloud.body.items).toHaveLength(2);
    const seen = [...cloud.body.items];
    let cursor = cloud.body.nextCursor;
    while (cursor) {
      const page = await t.api.get(`/api/v1/courses?track=cloud-engineering&limit=2&cursor=${cursor}`, trainee.token);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    // The trainee sees published courses only, each once, in title order.
    expect(seen.map((c: any) => c.id)).toEqual(made.map((c) => c.id));
    const advanced = await t.api.get('/api/v1/courses?track=cloud-engineering&level=advanced', trainee.token);
    expect(advanced.body.items.map((c: any) => c.title)).toEqual(['Catalogue course 1', 'Catalogue course 3']);

    await publish(t.api, owner.token, kubernetes.id);
    const byLesson = await t.api.get('/api/v1/courses?q=kubernetes', trainee.token);
    expect(byLesson.body.items.map((c: any) => c.id)).toEqual([kubernetes.id]);
    expect((await t.api.get('/api/v1/courses?q=orchestrating', trainee.token)).body.items.map((c: any) => c.id)).toEqual([kubernetes.id]);
    expect((await t.api.get('/api/v1/courses?q=kubernetes', other.token)).body.items.map((c: any) => c.id).sort()).toEqual([kubernetes.id, draftOnly.id].sort());
    expect((await t.api.get('/api/v1/courses?q=zebra%20unicorn', trainee.token)).body.items).toEqual([]);
    expect((await t.api.get('/api/v1/courses?level=expert', trainee.token)).status).toBe(400);
    expect((await t.api.get('/api/v1/courses?cursor=bogus', trainee.token)).status).toBe(400);
    const forged = Buffer.from(JSON.stringify({ t: 'a', id: 'not-a-uuid' })).toString('base64url');
    expect((await t.api.get(`/api/v1/courses?cursor=${forged}`, trainee.token)).status).toBe(400);
    expect((await t.api.get(`/api/v1/courses?q=${encodeURIComponent('"unterminated & | ! (')}`, trainee.token)).status).toBe(200);
    expect((await t.api.get('/api/v1/courses?limit=101', trainee.token)).status).toBe(400);
    expect((await t.api.get('/api/v1/courses')).status).toBe(401);
  });

  it('pages by the database’s lower-cased title: titles JavaScript lower-cases otherwise are each seen once across page boundaries', async () => {
    const teacher = await createUser(t.api, admin.token, ['instructor']);
    const made: string[] = [];
    for (const title of ['ΟΔΟΣ Α', 'ΟΔΟΣ Β', 'Οδοσ Γ', 'İleri 1', 'İleri 2', 'ileri 3', 'ΟΔΟΣ Δ']) made.push((await createCourse(t.api, teacher.token, { title })).id);
    const expected: Array<{ id: string }> = await t.dataSource.query('SELECT id FROM course WHERE id = ANY($1::uuid[]) ORDER BY lower(title), id', [made]);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { status: number; body: { items: Array<{ id: string; sortKey?: unknown }>; nextCursor: string | null } } = await t.api.get(`/api/v1/courses?teaching=true&limit=1${cursor ? `&cursor=${cursor}` : ''}`, teacher.token);
      expect(page.status).toBe(200);
      expect(page.body.items.every((c) => c.sortKey === undefined)).toBe(true);
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
      if (seen.length > made.length * 2) break;
    }
    expect(seen).toEqual(expected.map((r) => r.id));
  });

  it('stores Markdown as written and never renders stored XSS', async () => {
    const evil = [
      '# Title',
      '<script>alert("x")</script>',
      '<img src="https://x.example/a.png" onerror="alert(1)">',
      '[click me](javascript:alert(document.cookie))',
      '<a href="jAvAsCrIpT:alert(1)">link</a>',
      '<div onclick="steal()">text</div>',
    ].join('\n\n');
    const course = await createCourse(t.api, owner.token);
    const module = await addModule(t.api, owner.token, course.id);
    const lesson = await addLesson(t.api, owner.token, module.id, { kind: 'lab', body: evil, environmentNotes: '<svg onload="alert(1)"></svg> Use the **sandbox**' });
    expect(lesson.body).toBe(evil);
    const draft = await t.api.get(`/api/v1/lessons/${lesson.id}`, owner.token);
    await publish(t.api, owner.token, course.id);
    const published = await t.api.get(`/api/v1/courses/${course.id}/versions/1/lessons/${lesson.id}`, owner.token);
    for (const answer of [draft, published]) {
      expect(answer.body.body).toBe(evil);
      // The lesson title is the page's h1: the body's headings start at h2.
      expect(answer.body.bodyHtml).toContain('<h2>Title</h2>');
      expect(answer.body.bodyHtml).not.toContain('<h1');
      expect(answer.body.environmentNotesHtml).toContain('<strong>sandbox</strong>');
      const html = answer.body.bodyHtml + answer.body.environmentNotesHtml;
      expect(html).not.toMatch(/<script|onerror|onclick|onload|javascript:|<svg/i);
    }
  });

  it('exports a version as one document and imports it as a new draft: the round trip is equal', async () => {
    const { course, modules } = await buildCourse(t.api, owner.token, 2, 2, { trackCode: 'data-analysis' });
    await t.api.patch(`/api/v1/modules/${modules[1].id}`, { skillCodes: ['DAT-SQL-01'], prerequisiteModuleIds: [modules[0].id] }, owner.token);
    await addLesson(t.api, owner.token, modules[1].id, { title: 'Video', kind: 'video', body: null, videoUrl: 'https://video.example/v/1', durationSeconds: 600 });
    await addLesson(t.api, owner.token, modules[0].id, { title: 'Docs', kind: 'external', body: null, externalUrl: 'https://www.postgresql.org/docs/' });
    await publish(t.api, owner.token, course.id);
    const exported = await t.api.get(`/api/v1/courses/${course.id}/versions/1/export`, owner.token);
    expect(exported.status).toBe(200);
    expect((await t.api.get(`/api/v1/courses/${course.id}/versions/1/export`, other.token)).status).toBe(403);
    expect((await t.api.get(`/api/v1/courses/${course.id}/versions/1/export`, trainee.token)).status).toBe(403);

    const imported = await t.api.post('/api/v1/courses/import', { code: `${course.code}-copy`, document: exported.body }, other.token);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ ownerId: other.id, status: 'draft' });
    await publish(t.api, other.token, imported.body.id);
    const again = await t.api.get(`/api/v1/courses/${imported.body.id}/versions/1/export`, other.token);
    expect(again.body).toEqual(exported.body);

    const broken = { ...exported.body, modules: [{ ...exported.body.modules[0], prerequisitePositions: [9] }] };
    const before = Number((await t.dataSource.query('SELECT count(*) AS n FROM course'))[0].n);
    expect((await t.api.post('/api/v1/courses/import', { code: 'broken-import', document: broken }, other.token)).status).toBe(422);
    expect((await t.api.post('/api/v1/courses/import', { code: 'bad-format', document: { ...exported.body, format: 'other' } }, other.token)).status).toBe(400);
    expect(Number((await t.dataSource.query('SELECT count(*) AS n FROM course'))[0].n)).toBe(before);
  });

  it('freezes contributed assessments into versions and serves the contracts', async () => {
    const contributors = t.get<PublishContributors>(PublishContributors);
    let quizTitle = 'Quiz A';
    const assessmentId = '6a1c5f3e-5b1e-4a7e-9a63-0d6f3f2b9c01';
    const { course, modules } = await buildCourse(t.api, owner.token, 2, 1);
    const target = modules[0].id;
    contributors.register({
      freezeModules: async (moduleIds) =>
        new Map(
          moduleIds
            .filter((id) => id === target)
            .map((id) => [id, [{ outline: { assessmentId, kind: 'quiz' as const, title: quizTitle, required: true, maxScore: 10, passMark: 7, weight: 1, dueOffsetDays: 7, skillCodes: [] }, frozen: { questions: [{ q: '2+2', key: '4' }], title: quizTitle } }]]),
        ),
    });
    const v1 = await publish(t.api, owner.token, course.id);
    quizTitle = 'Quiz B';
    const v2 = await publish(t.api, owner.token, course.id);

    const versions = t.get<PublishedCourseVersions>(PublishedCourseVersions);
    const outline = await versions.getOutline(v1.versionId);
    expect(outline).toMatchObject({ versionId: v1.versionId, courseId: course.id, courseCode: course.code, trackCode: 'cybersecurity', version: 1 });
    expect(outline!.modules.map((m) => m.moduleId)).toEqual(modules.map((m) => m.id));
    expect(outline!.modules[0].assessments[0]).toMatchObject({ assessmentId, title: 'Quiz A', passMark: 7 });
    expect(await versions.getFrozenAssessment(v1.versionId, assessmentId)).toEqual({ questions: [{ q: '2+2', key: '4' }], title: 'Quiz A' });
    expect(await versions.getFrozenAssessment(v2.versionId, assessmentId)).toMatchObject({ title: 'Quiz B' });
    expect(await versions.getFrozenAssessment(v2.versionId, modules[1].id)).toBeNull();
    expect((await versions.getOutlines([v1.versionId, v2.versionId])).map((o) => o.version).sort()).toEqual([1, 2]);
    expect(await versions.getOutline('00000000-0000-4000-8000-000000000000')).toBeNull();
    const diff = await t.api.get(`/api/v1/courses/${course.id}/versions/1/diff/2`, trainee.token);
    expect(diff.body.assessments.changed).toEqual([{ id: assessmentId, title: 'Quiz B', changes: ['title', 'content'] }]);
    // Keys are frozen for graders; the outline everyone reads carries none.
    expect(JSON.stringify((await t.api.get(`/api/v1/courses/${course.id}/versions/1`, trainee.token)).body)).not.toContain('"key"');

    const draftModules = t.get<DraftCourseModules>(DraftCourseModules);
    await t.api.put(`/api/v1/courses/${course.id}/co-instructors`, { userIds: [other.id] }, owner.token);
    expect(await draftModules.getModule(target)).toEqual({ moduleId: target, courseId: course.id, editorIds: [owner.id, other.id], courseStatus: 'published' });
    expect(await draftModules.getModule('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('lists with ?teaching=true only the courses one owns or co-instructs, drafts and published alike', async () => {
    const coInstructor = await createUser(t.api, admin.token, ['instructor']);
    const { course: published } = await buildCourse(t.api, owner.token, 1, 1, { title: 'Teaching filter published' });
    await publish(t.api, owner.token, published.id);
    const draft = await createCourse(t.api, owner.token, { title: 'Teaching filter draft' });
    const { course: unrelated } = await buildCourse(t.api, other.token, 1, 1, { title: 'Teaching filter unrelated' });
    await publish(t.api, other.token, unrelated.id);
    for (const course of [published, draft]) expect((await t.api.put(`/api/v1/courses/${course.id}/co-instructors`, { userIds: [coInstructor.id] }, owner.token)).status).toBe(200);
    const ids = async (token: string, query: string) => (await t.api.get(`/api/v1/courses?limit=100${query}`, token)).body.items.map((c: { id: string }) => c.id);

    const teaching = await ids(coInstructor.token, '&teaching=true');
    expect(teaching.sort()).toEqual([published.id, draft.id].sort());
    // Without the filter the catalogue shows the other published courses too.
    expect(await ids(coInstructor.token, '')).toContain(unrelated.id);
    expect(await ids(owner.token, '&teaching=true')).toEqual(expect.arrayContaining([published.id, draft.id]));
    expect(await ids(owner.token, '&teaching=true')).not.toContain(unrelated.id);
    expect(await ids(trainee.token, '&teaching=true')).toEqual([]);
    expect(await ids(admin.token, '&teaching=true')).not.toContain(published.id);
    const bad = await t.api.get('/api/v1/courses?teaching=yes', coInstructor.token);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });

  it('seeds one realistic demo course per track, published, once', async () => {
    const exchange = t.get<CourseExchange>(CourseExchange);
    const actor: Principal = { userId: owner.id, roles: ['instructor'] };
    expect(await seedDemoCourses(exchange, actor)).toEqual(DEMO_COURSES.map((c) => c.code));
    expect(await seedDemoCourses(exchange, actor)).toEqual([]);
    const seeded = await t.dataSource.query(
      `SELECT c.track_code, c.latest_version, jsonb_array_length(v.outline->'modules') AS modules
         FROM course c JOIN course_version v ON v.course_id = c.id WHERE c.code = ANY($1) ORDER BY c.track_code`,
      [DEMO_COURSES.map((c) => c.code)],
    );
    expect(seeded.map((r: any) => r.track_code)).toEqual(['cloud-engineering', 'cybersecurity', 'data-analysis', 'ui-ux-design']);
    expect(seeded.every((r: any) => r.latest_version === 1 && r.modules >= 4)).toBe(true);
  });
});
