import { randomBytes } from 'node:crypto';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { SelectionPages } from '../src/cohort/selection-pages';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, login, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions, outlineOf } from './support/fakes/published-course-versions.fake';
import { apply, createCohort } from './support/cohort-builders';

const SHAPE = { modules: [{ lessons: 1 }] };

/** The selection workbench's keyset pages: cursors bound to their sort and filters, tie order, rows re-checked. */
describe('cohort: the selection workbench’s keyset pages', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  const fake = new FakePublishedCourseVersions();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
  });
  afterAll(() => t.close());

  /** A cohort of two tracks (cybersecurity, UI/UX) taught by `instructor`. */
  async function twoTrackCohort() {
    const cyber = fake.add({ ...outlineOf(SHAPE), trackCode: 'cybersecurity' });
    const design = fake.add({ ...outlineOf(SHAPE), trackCode: 'ui-ux-design' });
    const cohort = await createCohort(t.api, admin.token, fake, {
      outlines: [cyber, design], instructorIds: [instructor.id], capacity: 50, questions: [{ prompt: 'Why this track?' }], startsInDays: 30,
    });
    return { ...cohort, cyber, design };
  }

  /** A trainee account with this e-mail and name (the admin creates it), signed in. */
  async function person(email: string, displayName: string): Promise<TestPerson> {
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const created = await t.api.post('/api/v1/users', { email, displayName, roles: ['trainee'], password }, admin.token);
    if (created.status !== 201) throw new Error(`creating ${email} failed: ${created.status} ${created.text}`);
    const tokens = await login(t.api, email, password);
    return { id: created.body.id, email, password, token: tokens.accessToken, refreshToken: tokens.refreshToken };
  }

  const tag = () => randomBytes(4).toString('hex');
  const list = (cohortId: string, query = '', token = admin.token) => t.api.get(`/api/v1/cohorts/${cohortId}/applications${query}`, token);

  it('keyset pages: a cursor of another sort or filters is a 400 (a submitted one would skip every scored one under -score); -submitted ties agree with the CSV; a row that left the filter between ids and load is not shown', async () => {
    const cohort = await twoTrackCohort();
    const id = tag();
    const apps: Array<{ id: string }> = [];
    for (const name of ['One', 'Two', 'Three']) {
      const applicant = await person(`${name.toLowerCase()}.${id}@example.bz`, `${name} Keyset`);
      apps.push(await apply(t.api, cohort.id, applicant.token, { statement: 'x', answers: [{ questionId: 'q1', answer: 'x' }], courseVersionId: cohort.cyber.versionId }));
    }
    await t.dataSource.query('UPDATE application SET score = 80 WHERE id = $1', [apps[2].id]);
    const first = await list(cohort.id, '?sort=submitted&limit=1');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    for (const query of [`?sort=-score&cursor=${first.body.nextCursor}`, `?sort=submitted&status=submitted&cursor=${first.body.nextCursor}`, `?sort=submitted&scored=false&cursor=${first.body.nextCursor}`]) {
      const answer = await list(cohort.id, query);
      expect([query, answer.status, answer.headers.get('content-type')]).toEqual([query, 400, expect.stringContaining('application/problem+json')]);
    }
    const next = await list(cohort.id, `?sort=submitted&limit=1&cursor=${first.body.nextCursor}`);
    expect(next.body.items.map((i: { id: string }) => i.id)).toEqual([apps[1].id]);

    // Ties of submission time under -submitted: the keyset page, the whole-cohort list (a text search)
    // and the CSV all give the list's order, id descending.
    await t.dataSource.query(`UPDATE application SET submitted_at = '2026-03-01T10:00:00.123456Z' WHERE cohort_id = $1`, [cohort.id]);
    const descending = apps.map((a) => a.id as string).sort().reverse();
    expect((await list(cohort.id, '?sort=-submitted')).body.items.map((i: { id: string }) => i.id)).toEqual(descending);
    expect((await list(cohort.id, '?sort=-submitted&q=keyset')).body.items.map((i: { id: string }) => i.id)).toEqual(descending);
    const csv = (await list(cohort.id, '?sort=-submitted&format=csv')).text.trimEnd().split('\r\n').slice(1);
    expect(csv.map((line: string) => line.split(',')[2])).toEqual(descending);

    // A decision between reading a page's ids and loading its rows: the accepted one is not shown as shortlisted.
    await t.dataSource.query(`UPDATE application SET status = 'shortlisted' WHERE cohort_id = $1`, [cohort.id]);
    const read = SelectionPages.prototype.ids;
    const spy = jest.spyOn(SelectionPages.prototype, 'ids').mockImplementationOnce(async function (this: SelectionPages, ...args) {
      const page = await read.apply(this, args);
      await t.dataSource.query(`UPDATE application SET status = 'accepted' WHERE id = $1`, [apps[0].id]);
      return page;
    });
    const shortlisted = await list(cohort.id, '?status=shortlisted&sort=submitted');
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(shortlisted.status).toBe(200);
    expect(shortlisted.body.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual(
      apps.filter((a) => a.id !== apps[0].id).map((a) => [a.id, 'shortlisted']).sort((x, y) => (x[0] < y[0] ? -1 : 1)),
    );
  });

  it('whole-cohort pages (search, duplicates, name): times to the microsecond, and a cursor of another sort or search is a 400', async () => {
    const cohort = await twoTrackCohort();
    const id = tag();
    const apps: string[] = [];
    for (const name of ['Ann', 'Bob', 'Cid']) {
      const applicant = await person(`${name.toLowerCase()}.${id}@example.bz`, `${name} Whole${id}`);
      apps.push((await apply(t.api, cohort.id, applicant.token, { statement: 'x', answers: [{ questionId: 'q1', answer: 'x' }], courseVersionId: cohort.cyber.versionId })).id);
    }
    // All three within one millisecond, in the reverse of their ids' order: compared to the millisecond they tie and go by id.
    const byId = [...apps].sort();
    const micros = ['123900', '123500', '123100'];
    for (const [i, appId] of byId.entries()) await t.dataSource.query(`UPDATE application SET submitted_at = $2 WHERE id = $1`, [appId, `2026-03-01T10:00:00.${micros[i]}Z`]);
    const inTime = [...byId].reverse();

    const walk = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(cohort.id, `${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((i: { id: string }) => i.id));
        cursor = page.body.nextCursor;
      } while (cursor && seen.length < 10);
      return seen;
    };
    expect(await walk(`?sort=submitted&q=whole${id}`)).toEqual(inTime);
    expect(await walk(`?sort=-submitted&q=whole${id}`)).toEqual([...inTime].reverse());
    expect((await list(cohort.id, `?sort=submitted&q=whole${id}`)).body.items.map((i: { id: string }) => i.id)).toEqual(inTime);

    const first = await list(cohort.id, `?sort=submitted&q=whole${id}&limit=1`);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const keyset = (await list(cohort.id, '?sort=submitted&limit=1')).body.nextCursor;
    const unbound = Buffer.from(JSON.stringify({ p: JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString()).p })).toString('base64url');
    for (const query of [
      `?sort=name&q=whole${id}&cursor=${first.body.nextCursor}`, // another sort
      `?sort=submitted&q=ann&cursor=${first.body.nextCursor}`, // another search
      `?sort=submitted&q=whole${id}&duplicates=true&cursor=${first.body.nextCursor}`, // another filter
      `?sort=submitted&q=whole${id}&cursor=${keyset}`, // a keyset page's cursor
      `?sort=submitted&q=whole${id}&cursor=${unbound}`, // a cursor that names no sort (as issued before)
    ]) {
      const answer = await list(cohort.id, query);
      expect([query, answer.status, answer.headers.get('content-type')]).toEqual([query, 400, expect.stringContaining('application/problem+json')]);
    }
  });
});
