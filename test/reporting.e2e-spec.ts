import { parse } from 'csv-parse/sync';
import { DEFAULT_TIME_ZONE, localDate } from '@gds/time';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, login, loginAdmin, TestPerson } from './support/people';
import { buildCohortWorld, enrollInWorld, insertTrainees, ReportingFakes } from './support/reporting-builders';

const DAY = 86_400_000;
// Days as the server counts them for these trainees: in their zone (the default, Belize), not UTC,
// whose date is a day ahead between midnight UTC and midnight in Belize.
const dayAgo = (days: number) => localDate(new Date(Date.now() - days * DAY), DEFAULT_TIME_ZONE);

describe('reporting: cohort outcomes, placements, access', () => {
  const fakes = new ReportingFakes();
  let t: TestApp;
  let admin: TestPerson;
  let reviewer: TestPerson;
  let instructorA: TestPerson;
  let instructorB: TestPerson;
  let trainee: TestPerson;
  let otherTrainee: TestPerson;
  let bulk: string[];
  let cohortA: string;
  let cohortB: string;
  const outcomes = (id: string, query = '') => `/api/v1/reports/cohorts/${id}/outcomes${query}`;

  beforeAll(async () => {
    t = await startTestApp({ overrides: fakes.overrides(), env: { REPORT_SNAPSHOT_MAX_AGE_SECONDS: '0' } });
    admin = await loginAdmin(t.api);
    [reviewer, instructorA, instructorB, trainee, otherTrainee] = await Promise.all([
      createUser(t.api, admin.token, ['reviewer']),
      createUser(t.api, admin.token, ['instructor']),
      createUser(t.api, admin.token, ['instructor']),
      createUser(t.api, admin.token, ['trainee'], { gender: 'female', birthYear: 1999, district: 'Cayo', employer: 'other' }),
      createUser(t.api, admin.token, ['trainee']),
    ]);
    const globe = await t.api.post('/api/v1/organisations', { name: 'Globe "Contact", Inc.' }, admin.token);
    bulk = await insertTrainees(t.dataSource, 60, 11, [globe.body.id, 'other']);
    cohortA = buildCohortWorld(fakes, { name: 'Pilot <A> & "Co"', instructorIds: [instructorA.id], traineeIds: [...bulk.slice(0, 45), trainee.id], seed: 42 });
    enrollInWorld(fakes, cohortA, trainee.id);
    cohortB = buildCohortWorld(fakes, { name: 'Cohort B', instructorIds: [instructorB.id], traineeIds: [...bulk.slice(45), otherTrainee.id], seed: 43 });
    enrollInWorld(fakes, cohortB, otherTrainee.id);
  });
  afterAll(() => t.close());

  it('answers the outcome report as JSON with figures equal to direct counts of the facts', async () => {
    const answer = await t.api.get(outcomes(cohortA), reviewer.token);
    expect(answer.status).toBe(200);
    const enrollments = fakes.cohorts.enrollmentsOf.get(cohortA)!;
    const r = answer.body;
    expect(r.overall.enrolled).toBe(enrollments.length);
    expect(r.overall.completed).toBe(enrollments.filter((e) => e.status === 'completed').length);
    expect(r.applicants).toBe(fakes.cohorts.applicationsOf.get(cohortA)!.length);
    expect(r.tracks.length).toBeGreaterThan(0);
    expect(r.weeklyActivity).toHaveLength(8);
    expect(Object.keys(r.disaggregation)).toEqual(['gender', 'ageBand', 'district', 'employer']);
    expect(r.disaggregation.gender.grandTotal).toBe(r.funnel.enrolled);
  });

  it('never shows a reviewer a trainee name, email or id, in JSON or CSV', async () => {
    const json = (await t.api.get(outcomes(cohortA), reviewer.token)).text;
    const csv = (await t.api.get(outcomes(cohortA, '?format=csv'), reviewer.token)).text;
    const across = (await t.api.get('/api/v1/reports/outcomes', reviewer.token)).text;
    const page = (await t.api.get(`/dashboards/cohorts/${cohortA}`, reviewer.token)).text;
    for (const text of [json, csv, across, page]) {
      for (const id of [...bulk, trainee.id, otherTrainee.id]) expect(text).not.toContain(id);
      expect(text).not.toMatch(/@example\.test|Trainee [0-9a-f]{8}/);
      for (const e of fakes.cohorts.enrollmentsOf.get(cohortA)!) expect(text).not.toContain(e.enrollmentId);
    }
  });

  it('answers CSV per RFC 4180: one header row, CRLF, quoted fields, the same figures as JSON', async () => {
    const json = (await t.api.get(outcomes(cohortA), admin.token)).body;
    const answer = await t.api.get(outcomes(cohortA, '?format=csv'), admin.token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(answer.text.startsWith('section,group,metric,value\r\n')).toBe(true);
    expect(answer.text.endsWith('\r\n')).toBe(true);
    expect(answer.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows: string[][] = parse(answer.text, { relax_column_count: false });
    expect(rows.filter((r) => r[0] === 'section')).toHaveLength(1);
    const value = (section: string, group: string, metric: string) => rows.find((r) => r[0] === section && r[1] === group && r[2] === metric)?.[3];
    expect(value('cohort', '', 'enrolled')).toBe(String(json.overall.enrolled));
    expect(value('report', 'Pilot <A> & "Co"', 'minCellSize')).toBe('5');
    // An employer name holding a quote and a comma survives the round trip.
    expect(rows.some((r) => r[0] === 'by.employer' && r[1] === 'Globe "Contact", Inc.')).toBe(true);
    for (const [i, category] of json.disaggregation.district.rows.entries()) {
      const cell = json.disaggregation.district.cells[i][0];
      expect(value('by.district', category, 'withdrawn')).toBe(cell === null ? 'suppressed' : String(cell));
    }
  });

  it('lets instructors read their cohorts only, admins and reviewers all, and refuses trainees', async () => {
    expect((await t.api.get(outcomes(cohortA), instructorA.token)).status).toBe(200);
    expect((await t.api.get(outcomes(cohortB), instructorA.token)).status).toBe(404);
    expect((await t.api.get(`/dashboards/cohorts/${cohortB}`, instructorA.token)).status).toBe(404);
    expect((await t.api.get(outcomes(cohortB), admin.token)).status).toBe(200);
    expect((await t.api.get(outcomes(cohortA), trainee.token)).status).toBe(403);
    expect((await t.api.get(outcomes(cohortA))).status).toBe(401);
    const mine = await t.api.get('/api/v1/reports/outcomes', instructorA.token);
    expect(mine.body.cohorts.map((c: { cohort: { id: string } }) => c.cohort.id)).toEqual([cohortA]);
    const all = await t.api.get('/api/v1/reports/outcomes', reviewer.token);
    expect(all.body.cohorts.map((c: { cohort: { id: string } }) => c.cohort.id).sort()).toEqual([cohortA, cohortB].sort());
    expect(all.body.overall.enrolled).toBe(fakes.cohorts.enrollmentsOf.get(cohortA)!.length + fakes.cohorts.enrollmentsOf.get(cohortB)!.length);
  });

  it('answers bad ids, formats and k values with 4xx problem+json', async () => {
    expect((await t.api.get(outcomes('00000000-0000-4000-8000-000000000000'), admin.token)).status).toBe(404);
    expect((await t.api.get(outcomes('not-a-uuid'), admin.token)).status).toBe(404);
    for (const query of ['?format=xml', '?k=2', '?k=abc', '?k=1000', '?extra=1']) {
      const answer = await t.api.get(outcomes(cohortA, query), admin.token);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/problem\+json/);
    }
    const raised = await t.api.get(outcomes(cohortA, '?k=10'), admin.token);
    expect(raised.status).toBe(200);
    expect(raised.body.minCellSize).toBe(10);
  });

  it('records placements and follow-ups, and reports placement rates', async () => {
    const enrollment = fakes.cohorts.enrollmentsOf.get(cohortA)!.find((e) => e.traineeId !== trainee.id)!;
    const placedTrainee = enrollment.traineeId;
    // Enrolled before the course began (90 days ago), placed 88 days ago: a 3-month follow-up (12 weeks on) may be checked today.
    for (const e of fakes.cohorts.enrollmentsOf.get(cohortA)!.filter((x) => x.traineeId === placedTrainee)) e.enrolledAt = new Date(Date.now() - 100 * DAY);
    const before = (await t.api.get(outcomes(cohortA), admin.token)).body.overall.placements.placed;
    const body = { traineeId: placedTrainee, kind: 'new_role', role: 'SOC analyst', employer: 'Acme BPO', startsOn: dayAgo(88), source: 'employer_confirmed' };
    const created = await t.api.post(`/api/v1/cohorts/${cohortA}/placements`, body, instructorA.token);
    expect(created.status).toBe(201);
    expect((await t.api.post(`/api/v1/cohorts/${cohortA}/placements`, body, instructorA.token)).status).toBe(409);
    const followUp = await t.api.put(`/api/v1/placements/${created.body.id}/follow-ups/3`, { stillInRole: true, checkedOn: dayAgo(0) }, instructorA.token);
    expect(followUp.status).toBe(200);
    expect(followUp.body.followUps).toEqual([{ month: 3, stillInRole: true, checkedOn: dayAgo(0), note: null }]);
    expect((await t.api.put(`/api/v1/placements/${created.body.id}/follow-ups/4`, { stillInRole: true, checkedOn: dayAgo(0) }, instructorA.token)).status).toBe(404);
    const after = (await t.api.get(outcomes(cohortA), admin.token)).body.overall;
    expect(after.placements.placed).toBe(before + 1);
    // One follow-up is a count of fewer than k: withheld, with the reason.
    expect(after.placements.followUp3Months).toEqual({ recorded: null, stillInRole: null });
    expect(after.suppressed).toContainEqual({ metric: 'placements.followUp3Months', reason: 'fewer-than-k-trainees' });
    const patched = await t.api.patch(`/api/v1/placements/${created.body.id}`, { role: 'SOC analyst II' }, instructorA.token);
    expect(patched.body.role).toBe('SOC analyst II');
  });

  it('refuses placements outside the cohort, by strangers, or in bad shapes, and stores nothing', async () => {
    const count = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM placement'))[0].n as number;
    const n = await count();
    const base = { kind: 'promotion', role: 'Team lead', employer: 'Teleperf', startsOn: '2026-11-01', source: 'employer_confirmed' };
    const outsider = await t.api.post(`/api/v1/cohorts/${cohortA}/placements`, { ...base, traineeId: otherTrainee.id }, admin.token);
    expect(outsider.status).toBe(422);
    expect(outsider.body.type).toMatch(/trainee-not-in-cohort/);
    expect((await t.api.post(`/api/v1/cohorts/${cohortA}/placements`, { ...base, traineeId: bulk[0] }, instructorB.token)).status).toBe(404);
    expect((await t.api.post(`/api/v1/cohorts/${cohortA}/placements`, { ...base, traineeId: bulk[0] }, reviewer.token)).status).toBe(403);
    for (const bad of [{ ...base, kind: 'hired' }, { ...base, startsOn: '01/11/2026' }, { ...base, role: '' }, { ...base, traineeId: bulk[0], salary: 1 }]) {
      expect((await t.api.post(`/api/v1/cohorts/${cohortA}/placements`, bad, admin.token)).status).toBe(400);
    }
    expect(await count()).toBe(n);
  });

  it('refuses impossible placement and follow-up dates naming the rule, stores nothing, and the report never counts them', async () => {
    const count = async () => (await t.dataSource.query('SELECT (SELECT count(*) FROM placement)::int AS p, (SELECT count(*) FROM placement_follow_up)::int AS f'))[0];
    const taken = new Set((await t.dataSource.query('SELECT trainee_id FROM placement')).map((r: { trainee_id: string }) => r.trainee_id));
    const free = [...new Set(fakes.cohorts.enrollmentsOf.get(cohortA)!.map((e) => e.traineeId))].filter((id) => id !== trainee.id && !taken.has(id));
    const [first, second] = [{ traineeId: free[0] }, { traineeId: free[1] }];
    const stored = await count();
    const place = (body: object, token = admin.token) => t.api.post(`/api/v1/cohorts/${cohortA}/placements`, { kind: 'new_role', role: 'Analyst', employer: 'Acme BPO', source: 'employer_confirmed', ...body }, token);
    const expectRule = (answer: { status: number; body: any }, rule: string, field: string) => {
      expect(answer.status).toBe(422);
      expect(answer.body.type).toMatch(new RegExp(`/${rule}$`));
      expect(answer.body.errors).toEqual([{ field, message: expect.any(String) }]);
    };
    expectRule(await place({ traineeId: first.traineeId, startsOn: dayAgo(-30) }), 'placement-in-future', 'startsOn');
    expectRule(await place({ traineeId: first.traineeId, kind: 'promotion', startsOn: dayAgo(120) }), 'placement-before-course', 'startsOn');
    for (const e of fakes.cohorts.enrollmentsOf.get(cohortA)!.filter((x) => x.traineeId === second.traineeId)) e.enrolledAt = new Date(Date.now() - 10 * DAY);
    expectRule(await place({ traineeId: second.traineeId, startsOn: dayAgo(20) }), 'placement-before-enrollment', 'startsOn');
    expect(await count()).toEqual(stored);

    const created = await place({ traineeId: first.traineeId, startsOn: dayAgo(30) });
    expect(created.status).toBe(201);
    const followUp = (checkedOn: string) => t.api.put(`/api/v1/placements/${created.body.id}/follow-ups/3`, { stillInRole: true, checkedOn }, admin.token);
    expectRule(await followUp(dayAgo(31)), 'follow-up-too-early', 'checkedOn');
    expectRule(await followUp(dayAgo(0)), 'follow-up-too-early', 'checkedOn');
    expectRule(await followUp(dayAgo(-90)), 'follow-up-in-future', 'checkedOn');
    expectRule(await t.api.patch(`/api/v1/placements/${created.body.id}`, { startsOn: dayAgo(-1) }, admin.token), 'placement-in-future', 'startsOn');
    expect(await count()).toEqual({ p: stored.p + 1, f: stored.f });
    expect((await t.api.get(`/api/v1/placements/${created.body.id}`, admin.token)).body.startsOn).toBe(dayAgo(30));

    // Rows written before these rules (or by hand) stay for staff to correct, but no report counts them.
    const before = (await t.api.get(outcomes(cohortA), admin.token)).body.overall.placements.placed;
    await t.dataSource.query(
      `INSERT INTO placement (cohort_id, trainee_id, kind, role, employer, starts_on, source) VALUES ($1, $2, 'new_role', 'Analyst', 'Acme BPO', $3, 'employer_confirmed')`,
      [cohortA, second.traineeId, dayAgo(-40)],
    );
    await t.api.post(`/api/v1/reports/cohorts/${cohortA}/refresh`, undefined, admin.token);
    await t.api.patch(`/api/v1/placements/${created.body.id}`, { role: 'Analyst II' }, admin.token);
    expect((await t.api.get(outcomes(cohortA), admin.token)).body.overall.placements.placed).toBe(before);
  });

  it('lets a trainee self-report and see only their own placements', async () => {
    const base = { kind: 'new_role', role: 'Data analyst', employer: 'Acme BPO', startsOn: dayAgo(5) };
    expect((await t.api.post(`/api/v1/cohorts/${cohortA}/placements`, { ...base, source: 'employer_confirmed' }, trainee.token)).status).toBe(403);
    expect((await t.api.post(`/api/v1/cohorts/${cohortA}/placements`, { ...base, source: 'self_reported', traineeId: bulk[1] }, trainee.token)).status).toBe(403);
    expect((await t.api.post(`/api/v1/cohorts/${cohortA}/placements`, { ...base, source: 'self_reported' }, otherTrainee.token)).status).toBe(404);
    const own = await t.api.post(`/api/v1/cohorts/${cohortA}/placements`, { ...base, source: 'self_reported' }, trainee.token);
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ traineeId: trainee.id, source: 'self_reported' });
    const listed = await t.api.get(`/api/v1/cohorts/${cohortA}/placements`, trainee.token);
    expect(listed.body.items.map((p: { traineeId: string }) => p.traineeId)).toEqual([trainee.id]);
    expect((await t.api.get(`/api/v1/placements/${own.body.id}`, otherTrainee.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/cohorts/${cohortA}/placements`, reviewer.token)).status).toBe(403);
    const staff = await t.api.get(`/api/v1/cohorts/${cohortA}/placements?limit=1`, instructorA.token);
    expect(staff.body.items).toHaveLength(1);
    expect(staff.body.nextCursor).toEqual(expect.any(String));
  });

  it('serves the dashboard as escaped HTML with inline SVG charts, to bearer-token holders only', async () => {
    const page = await t.api.get(`/dashboards/cohorts/${cohortA}`, reviewer.token);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('Pilot &lt;A&gt; &amp; &quot;Co&quot;');
    expect(page.text).not.toContain('<A>');
    expect(page.text).not.toMatch(/<script/i);
    expect((page.text.match(/<svg /g) ?? []).length).toBe(4);
    expect((await t.api.get(`/dashboards/cohorts/${cohortA}`)).status).toBe(401);
    expect((await t.api.get(`/dashboards/cohorts/${cohortA}`, trainee.token)).status).toBe(403);
  });

  it('issues short-lived signed dashboard links for one cohort, which are no API tokens', async () => {
    const link = await t.api.post(`/api/v1/reports/cohorts/${cohortA}/dashboard-link`, undefined, reviewer.token);
    expect(link.status).toBe(201);
    expect(link.body.url).toMatch(new RegExp(`/dashboards/cohorts/${cohortA}\\?access=`));
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const path = new URL(link.body.url).pathname + new URL(link.body.url).search;
    const token = new URL(link.body.url).searchParams.get('access')!;
    const page = await t.api.get(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.text).toContain('Pilot &lt;A&gt;');
    // Bound to its cohort; not an API token; an API token is not a link either.
    expect((await t.api.get(`/dashboards/cohorts/${cohortB}?access=${token}`)).status).toBe(401);
    expect((await t.api.get(outcomes(cohortA), token)).status).toBe(401);
    expect((await t.api.get(`/dashboards/cohorts/${cohortA}?access=${reviewer.token}`)).status).toBe(401);
    expect((await t.api.get(`/dashboards/cohorts/${cohortA}?access=nonsense`)).status).toBe(400);
    expect((await t.api.post(`/api/v1/reports/cohorts/${cohortB}/dashboard-link`, undefined, instructorA.token)).status).toBe(404);
    expect((await t.api.post(`/api/v1/reports/cohorts/${cohortA}/dashboard-link`, undefined, trainee.token)).status).toBe(403);
  });

  it('binds a dashboard link to the session it was asked in: signing out ends the link, another session keeps its own', async () => {
    // Two sign-ins of the same reviewer; each asks for its own link.
    const kept = await login(t.api, reviewer.email, reviewer.password);
    const ending = await login(t.api, reviewer.email, reviewer.password);
    const pathOf = async (accessToken: string) => {
      const issued = await t.api.post(`/api/v1/reports/cohorts/${cohortA}/dashboard-link`, undefined, accessToken);
      expect(issued.status).toBe(201);
      const url = new URL(issued.body.url);
      return url.pathname + url.search;
    };
    const keptPath = await pathOf(kept.accessToken);
    const endingPath = await pathOf(ending.accessToken);
    expect((await t.api.get(endingPath)).status).toBe(200);
    expect((await t.api.post('/api/v1/auth/logout', { refreshToken: ending.refreshToken }, ending.accessToken)).status).toBe(204);
    // Within its few minutes, the signed-out session's link answers as a link that has stopped working.
    const refused = await t.api.get(endingPath);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe('This dashboard link is not valid or has expired; ask for a new one.');
    expect((await t.api.get(keptPath)).status).toBe(200);
  });
});
