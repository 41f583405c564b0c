import { TestApp } from './support/test-app';
import { StatementCounter } from './support/statement-counter';
import { buildQuizWorld } from './support/quiz-world';
import { countStatementsOnApiApp } from './support/statement-counting-app';
import { createUser, loginAdmin } from './support/people';
import { Skill } from '../src/course/skill.entity';
import { Track } from '../src/course/track.entity';
import { Organisation } from '../src/organisation/organisation.entity';

/**
 * The load run's "browse open GET routes" lists (issue 23.3): each is one named statement after the
 * access check, with the answers the entity reads gave (the same rows, key order and dates), so a
 * refactor back to TypeORM finds or to text planned per call fails here.
 */
describe('public lists: one named statement each, the same answers', () => {
  let t: TestApp;
  const counter = new StatementCounter();
  countStatementsOnApiApp(counter, (app) => (t = app));
  /** What the entity read answered, as the client sees it. */
  const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

  it('GET /skills (all, one track) and GET /tracks', async () => {
    const admin = await loginAdmin(t.api);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    // One skill changed since the migration, so created and updated times differ.
    const [first] = await t.dataSource.getRepository(Skill).find({ order: { trackCode: 'ASC', code: 'ASC' }, take: 1 });
    expect((await t.api.patch(`/api/v1/skills/${first.id}`, { frameworkRef: 'SFIA TEST' }, admin.token)).status).toBe(200);

    const expectedAll = asJson(await t.dataSource.getRepository(Skill).find({ order: { trackCode: 'ASC', code: 'ASC' } }));
    const all = await counter.during(() => t.api.get('/api/v1/skills', trainee.token));
    expect(all.result.status).toBe(200);
    expect(all.names).toEqual(['access:current-principal', 'course:skills']);
    expect(all.result.body).toEqual(expectedAll);
    expect(Object.keys(all.result.body[0])).toEqual(['id', 'trackCode', 'code', 'name', 'description', 'frameworkRef', 'createdAt', 'updatedAt']);

    const expectedTrack = asJson(await t.dataSource.getRepository(Skill).find({ where: { trackCode: 'data-analysis' }, order: { code: 'ASC' } }));
    const track = await counter.during(() => t.api.get('/api/v1/skills?track=data-analysis', trainee.token));
    // The session's standing is in the access standing cache since the request before: no access check.
    expect(track.names).toEqual(['course:track-skills']);
    expect(track.result.body).toEqual(expectedTrack);
    const open = await counter.during(() => t.api.get('/api/v1/tracks/data-analysis/skills'));
    expect(open.names).toEqual(['course:track-skills']);
    expect(open.result.body).toEqual(expectedTrack);

    const tracks = await counter.during(() => t.api.get('/api/v1/tracks'));
    expect(tracks.names).toEqual(['course:tracks']);
    expect(tracks.result.body).toEqual(asJson(await t.dataSource.getRepository(Track).find({ order: { position: 'ASC' } })));
  });

  it('GET /organisations: offered ones by name page after page, retired ones too for an admin who asks', async () => {
    const admin = await loginAdmin(t.api);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    for (const name of ['Statements Org C', 'statements org a', 'Statements Org B']) expect((await t.api.post('/api/v1/organisations', { name }, admin.token)).status).toBe(201);
    const [retired] = await t.dataSource.query(`SELECT id FROM organisation WHERE name = 'Statements Org B'`);
    expect((await t.api.post(`/api/v1/organisations/${retired.id}/retire`, undefined, admin.token)).status).toBe(200);
    const rows = await t.dataSource.getRepository(Organisation).createQueryBuilder('o').orderBy('lower(o.name)', 'ASC').addOrderBy('o.id', 'ASC').getMany();
    const view = (o: Organisation) => ({ id: o.id, name: o.name, retiredAt: o.retiredAt?.toISOString() ?? null, createdAt: o.createdAt.toISOString() });

    // A session's first request reads its standing (the access check); later ones find it in the standing cache.
    const checked = new Set<string>([admin.token]);
    const walk = async (query: string, token: string, first: string, after: string) => {
      const items: unknown[] = [];
      let cursor: string | null = null;
      do {
        const check = checked.has(token) ? [] : ['access:current-principal'];
        checked.add(token);
        const page: { result: { body: { items: unknown[]; nextCursor: string | null } }; names: Array<string | null> } = await counter.during(() =>
          t.api.get(`/api/v1/organisations?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`, token),
        );
        expect(page.names).toEqual([...check, cursor ? after : first]);
        items.push(...page.result.body.items);
        cursor = page.result.body.nextCursor;
      } while (cursor !== null);
      return items;
    };
    expect(await walk('', trainee.token, 'organisation:list', 'organisation:list-after')).toEqual(rows.filter((o) => !o.retiredAt).map(view));
    // A trainee asking for retired ones is not given them.
    expect(await walk('&includeRetired=true', trainee.token, 'organisation:list', 'organisation:list-after')).toEqual(rows.filter((o) => !o.retiredAt).map(view));
    expect(await walk('&includeRetired=true', admin.token, 'organisation:list-all', 'organisation:list-all-after')).toEqual(rows.map(view));
  });

  it('GET /career-fairs: a trainee’s page is one named statement, their enrollments tested in it; an admin’s answers each fair as GET /career-fairs/:id does', async () => {
    const admin = await loginAdmin(t.api);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const organisation = await t.api.post('/api/v1/organisations', { name: 'Statements fair employer' }, admin.token);
    // Written directly: the API asks for an invited cohort, and fairs with none show the empty list of cohorts too.
    // Whole milliseconds, as the API stores them: the fairs' cursor keeps its start to the millisecond.
    const fairIds: string[] = [];
    for (const hours of [48, 24]) {
      const [fair] = await t.dataSource.query(
        `INSERT INTO career_fair (name, starts_at, ends_at, place, created_by) VALUES ($1, date_trunc('milliseconds', now()) + make_interval(hours => $2), date_trunc('milliseconds', now()) + make_interval(hours => $2 + 2), 'Hall', $3) RETURNING id`,
        [`Fair in ${hours} h`, hours, admin.id],
      );
      await t.dataSource.query('INSERT INTO career_fair_employer (fair_id, organisation_id) VALUES ($1, $2)', [fair.id, organisation.body.id]);
      fairIds.push(fair.id);
    }
    const mine = await counter.during(() => t.api.get('/api/v1/career-fairs', trainee.token));
    expect(mine.result.status).toBe(200);
    expect(mine.result.body).toEqual({ items: [], nextCursor: null });
    expect(mine.names).toEqual(['access:current-principal', 'talent:fairs-trainee-enrolled']);

    // Invited through a cohort: seen while the enrollment is active or completed, not once withdrawn,
    // and the single fair's read (GET /career-fairs/:id) agrees.
    const world = await buildQuizWorld(t.api, admin.token, 1);
    const invitedTrainee = world.trainees[0];
    const invited = { id: fairIds[1] };
    await t.dataSource.query('INSERT INTO career_fair_cohort (fair_id, cohort_id) VALUES ($1, $2)', [invited.id, world.cohortId]);
    // Nobody else sees it: not a trainee with no enrollment, nor one enrolled (active) in another cohort.
    const elsewhere = (await buildQuizWorld(t.api, admin.token, 1)).trainees[0];
    for (const outsider of [trainee, elsewhere]) {
      expect((await t.api.get('/api/v1/career-fairs', outsider.token)).body).toEqual({ items: [], nextCursor: null });
      expect((await t.api.get(`/api/v1/career-fairs/${invited.id}`, outsider.token)).status).toBe(404);
    }
    // The session's first request reads its standing (the access check); later ones find it in the standing cache.
    let firstOfSession = true;
    const seenBy = async (status: string) => {
      await t.dataSource.query('UPDATE enrollment SET status = $2 WHERE trainee_id = $1', [invitedTrainee.id, status]);
      const listed = await counter.during(() => t.api.get('/api/v1/career-fairs', invitedTrainee.token));
      expect(listed.names).toEqual([...(firstOfSession ? ['access:current-principal'] : []), 'talent:fairs-trainee-enrolled']);
      firstOfSession = false;
      const one = await t.api.get(`/api/v1/career-fairs/${invited.id}`, invitedTrainee.token);
      return { ids: listed.result.body.items.map((f: { id: string }) => f.id), one: one.status };
    };
    expect(await seenBy('active')).toEqual({ ids: [invited.id], one: 200 });
    expect(await seenBy('completed')).toEqual({ ids: [invited.id], one: 200 });
    expect(await seenBy('withdrawn')).toEqual({ ids: [], one: 404 });

    // An employer who is also a trainee: the statement's employer-and-trainee form, the organisation
    // ($2) and the trainee ($3; the cursor after them) each bound to its own test. Their organisation
    // takes part in the other fair only; the invited one is theirs once they are enrolled.
    const theirs = await t.api.post('/api/v1/organisations', { name: 'Statements fair employer and trainee' }, admin.token);
    await t.dataSource.query('INSERT INTO career_fair_employer (fair_id, organisation_id) VALUES ($1, $2)', [fairIds[0], theirs.body.id]);
    const both = await createUser(t.api, admin.token, ['employer', 'trainee'], { organisationId: theirs.body.id });
    const seenByBoth = async () => {
      const ids: string[] = [];
      for (let cursor: string | null = ''; cursor !== null; ) {
        const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t.api.get(`/api/v1/career-fairs?limit=1${cursor ? `&cursor=${cursor}` : ''}`, both.token);
        expect(page.status).toBe(200);
        ids.push(...page.body.items.map((f) => f.id));
        cursor = page.body.nextCursor;
      }
      const one = async (id: string) => (await t.api.get(`/api/v1/career-fairs/${id}`, both.token)).status;
      return { ids, invited: await one(invited.id), employers: await one(fairIds[0]) };
    };
    expect(await seenByBoth()).toEqual({ ids: [fairIds[0]], invited: 404, employers: 200 });
    expect((await t.api.post(`/api/v1/cohorts/${world.cohortId}/enrollments`, { traineeId: both.id }, admin.token)).status).toBe(201);
    // The invited fair starts first (in 24 h, the other in 48 h).
    expect(await seenByBoth()).toEqual({ ids: [invited.id, fairIds[0]], invited: 200, employers: 200 });

    const items: Array<{ id: string }> = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t.api.get(`/api/v1/career-fairs?limit=1${cursor ? `&cursor=${cursor}` : ''}`, admin.token);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) expect(item).toEqual((await t.api.get(`/api/v1/career-fairs/${item.id}`, admin.token)).body);
    const starts_ = items.map((f) => (f as unknown as { startsAt: string }).startsAt);
    expect([...starts_].sort()).toEqual(starts_);
  });
});
