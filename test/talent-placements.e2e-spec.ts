import { ClsService } from 'nestjs-cls';
import { HttpClient, waitFor } from '@gds/testing';
import { AppTransactionHost } from '@gds/database';
import { publishAgain, publishInTransaction, startTestApp, TestApp } from './support/test-app';
import { buildWorld, MatrixWorld } from './support/authz-world';
import { createUser, TestPerson } from './support/people';
import { localDate } from '@gds/time';
import { PipelineHires } from '../src/reporting/placements/pipeline-hires.service';

/**
 * Issue 19 item 6: a hire the employer confirms becomes an employer-confirmed placement (through the
 * worker), with its 3- and 6-month follow-ups scheduled and announced; the cohort's outcome report
 * carries the pipeline figures under the same disclosure control as every figure (k = 2 here).
 * The world's cohort has A (listed, asked to an interview by the employer), B and L (listed); C and D join it.
 */
describe('placements from the talent pipeline', () => {
  let t: TestApp;
  let w: MatrixWorld;
  let api: HttpClient;
  let c: TestPerson;
  let d: TestPerson;
  let cohortId: string;
  const report = async () => (await api.get(`/api/v1/reports/cohorts/${cohortId}/outcomes`, w.people.reviewer.token)).body;
  const hire = async (requestId: string) => {
    for (const stage of ['interviewed', 'offered', 'hired']) {
      const answer = await api.post(`/api/v1/talent/interview-requests/${requestId}/outcomes`, { stage }, w.people.employer.token);
      expect(answer.status).toBe(200);
    }
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { REPORT_MIN_CELL_SIZE: '2', REPORT_SNAPSHOT_MAX_AGE_SECONDS: '0' } });
    api = t.api;
    w = await buildWorld(api);
    cohortId = w.objects.get('cohortId')!;
    [c, d] = [await createUser(api, w.people.admin.token, ['trainee']), await createUser(api, w.people.admin.token, ['trainee'])];
    for (const who of [c, d]) expect((await api.post(`/api/v1/cohorts/${cohortId}/enrollments`, { traineeId: who.id }, w.people.admin.token)).status).toBe(201);
  });
  afterAll(() => t?.close());

  it('withholds pipeline figures of 1..k-1 trainees (or their complement)', async () => {
    await api.get(`/api/v1/talent/profiles/${w.people.traineeA.id}`, w.people.employer.token);
    const pipeline = (await report()).pipeline;
    // 5 trainees (A, B, C, D and the world's L): A and L listed (2, and 3 not) is published; A alone viewed
    // (1, and 4 not) is withheld; nobody shortlisted or hired: 0 is published.
    expect(pipeline).toEqual({ listed: 2, viewed: null, shortlisted: 0, interviewed: 0, hired: 0, suppressed: [{ metric: 'viewed', reason: 'small-count' }] });
    // The cross-cohort report carries each cohort's figures as its own report does, and a pooled
    // sum that is withheld wherever one cohort withholds the stage (JSON and CSV alike).
    const across = (await api.get('/api/v1/reports/outcomes', w.people.reviewer.token)).body;
    expect(across.cohorts.find((x: { cohort: { id: string } }) => x.cohort.id === cohortId).pipeline).toEqual(pipeline);
    expect(across.pipeline).toEqual({ listed: 2, viewed: null, shortlisted: 0, interviewed: 0, hired: 0 });
    const csv = (await api.get('/api/v1/reports/outcomes?format=csv', w.people.reviewer.token)).text;
    expect(csv).toContain('pipeline,,listed,2\r\n');
    expect(csv).toContain('pipeline,,viewed,suppressed\r\n');
    expect(csv).toContain('cohort.pipeline,Matrix cohort,viewed,suppressed\r\n');
    expect((await api.get(`/api/v1/reports/cohorts/${cohortId}/outcomes?format=csv`, w.people.reviewer.token)).text).toContain('pipeline,,viewed,suppressed\r\n');
  });

  it('turns a confirmed hire into an employer-confirmed placement, once, and counts it in the report', async () => {
    const requestOfA = w.objects.get('interviewRequestOfA')!;
    await api.post(`/api/v1/me/interview-requests/${requestOfA}/answer`, { answer: 'accept' }, w.people.traineeA.token);
    await api.put('/api/v1/me/talent-profile', { statement: 'Cloud-curious analyst.', availability: 'within_1_month', preferredRoles: ['SOC analyst'] }, c.token);
    await api.post('/api/v1/talent/shortlists', { roleTitle: 'SOC analyst', traineeId: w.people.traineeA.id }, w.people.employer.token);
    await api.post('/api/v1/talent/shortlists', { roleTitle: 'SOC analyst', traineeId: c.id }, w.people.employer.token);
    await api.get(`/api/v1/talent/profiles/${c.id}`, w.people.employer.token);
    const requestOfC = (await api.post('/api/v1/talent/interview-requests', { traineeId: c.id, roleTitle: 'SOC analyst', message: 'Interview?' }, w.people.employer.token)).body.id;
    await api.post(`/api/v1/me/interview-requests/${requestOfC}/answer`, { answer: 'accept' }, c.token);
    await hire(requestOfA);
    await hire(requestOfC);
    // A repeated hire changes nothing (the outcome is recorded once, the placement made once).
    expect((await api.post(`/api/v1/talent/interview-requests/${requestOfA}/outcomes`, { stage: 'hired' }, w.people.employer.token)).status).toBe(200);

    const placements = await waitFor(async () => {
      const page = (await api.get(`/api/v1/cohorts/${cohortId}/placements`, w.people.admin.token)).body.items;
      return page.length === 2 ? page : undefined;
    }, { what: 'two placements from the pipeline' });
    expect(placements.map((p: { traineeId: string }) => p.traineeId).sort()).toEqual([w.people.traineeA.id, c.id].sort());
    for (const p of placements) expect(p).toMatchObject({ source: 'employer_confirmed', recordedBy: w.people.employer.id, kind: 'new_role', role: 'SOC analyst', employer: expect.stringMatching(/^Matrix employer/) });
    await publishAgain(t, 'record-pipeline-hire', { interviewRequestId: requestOfA }, 'pipeline-hire.again');
    const again = await t.get<ClsService>(ClsService).run(() => t.get<AppTransactionHost>(AppTransactionHost).withTransaction(() => t.get<PipelineHires>(PipelineHires).record(requestOfA)));
    expect(again).toBeNull();
    expect((await t.dataSource.query('SELECT count(*) FROM placement WHERE cohort_id = $1', [cohortId]))[0].count).toBe('2');

    const figures = await report();
    expect(figures.pipeline).toEqual({ listed: 3, viewed: 2, shortlisted: 2, interviewed: 2, hired: 2, suppressed: [] });
    const across = (await api.get('/api/v1/reports/outcomes', w.people.reviewer.token)).body;
    expect(across.pipeline).toEqual({ listed: 3, viewed: 2, shortlisted: 2, interviewed: 2, hired: 2 });
    expect((await api.get('/api/v1/reports/outcomes?format=csv', w.people.reviewer.token)).text).toContain('cohort.pipeline,Matrix cohort,hired,2\r\n');
    expect(figures.overall.placements.placed).toBe(2);
    // The trainee's own export holds the pipeline.
    expect((await api.get('/api/v1/me/data-export', c.token)).body.talent.interviewRequests).toEqual([expect.objectContaining({ stage: 'hired', state: 'accepted' })]);
  });

  it('schedules the 3- and 6-month follow-ups and tells staff and the employer once each falls due', async () => {
    const due: Array<{ month: number; due_on: string }> = await t.dataSource.query(
      `SELECT d.month, d.due_on::text AS due_on, p.starts_on::text AS starts_on FROM placement_follow_up_due d JOIN placement p ON p.id = d.placement_id WHERE p.trainee_id = $1 ORDER BY d.month`,
      [c.id],
    );
    expect(due.map((r) => r.month)).toEqual([3, 6]);
    expect(due[0].due_on > new Date().toISOString().slice(0, 10)).toBe(true);
    // Three months on: the scan (a scheduled worker job) announces the 3-month follow-up of each placement, once.
    const zone = (await api.get(`/api/v1/cohorts/${cohortId}`, w.people.admin.token)).body.timeZone;
    await t.dataSource.query(`UPDATE placement_follow_up_due SET due_on = $1 WHERE month = 3`, [localDate(new Date(), zone)]);
    await publishInTransaction(t, 'scan-placement-follow-ups', {});
    const notice = await waitFor(async () => {
      const items = (await api.get('/api/v1/me/notifications?limit=50', w.people.employer.token)).body.items.filter((n: { type: string }) => n.type === 'placement-follow-up-due');
      return items.length === 2 ? items : undefined;
    }, { what: "the employer's two follow-up notices" });
    expect(notice[0].title).toMatch(/3 months/);
    await waitFor(async () => (await api.get('/api/v1/me/notifications?limit=50', w.people.instructorOwn.token)).body.items.find((n: { type: string }) => n.type === 'placement-follow-up-due'), { what: "the cohort instructor's notice" });
    const again = await t.get<ClsService>(ClsService).run(() => t.get<AppTransactionHost>(AppTransactionHost).withTransaction(() => t.get<PipelineHires>(PipelineHires).scanDue()));
    expect(again).toBe(0);
    expect((await t.dataSource.query('SELECT count(*) FROM placement_follow_up_due WHERE notified_at IS NULL'))[0].count).toBe('2');
  });
  it('a hire the trainee already reported (same role, employer and day) becomes employer-confirmed, once, with its follow-ups', async () => {
    await api.put('/api/v1/me/talent-profile', { statement: 'Pen tester to be.', availability: 'immediately', preferredRoles: ['Pen tester'] }, d.token);
    const request = (await api.post('/api/v1/talent/interview-requests', { traineeId: d.id, roleTitle: 'Pen tester', message: 'Interview?' }, w.people.employer.token)).body;
    await api.post(`/api/v1/me/interview-requests/${request.id}/answer`, { answer: 'accept' }, d.token);
    const zone = (await api.get(`/api/v1/cohorts/${cohortId}`, w.people.admin.token)).body.timeZone;
    const reported = await api.post(`/api/v1/cohorts/${cohortId}/placements`, { kind: 'new_role', role: 'PEN TESTER', employer: request.organisationName.toLowerCase(), startsOn: localDate(new Date(), zone), source: 'self_reported' }, d.token);
    expect(reported.status).toBe(201);
    await hire(request.id);
    const linked = await waitFor(async () => {
      const [row] = await t.dataSource.query('SELECT id, source, interview_request_id FROM placement WHERE trainee_id = $1', [d.id]);
      return row?.interview_request_id ? row : undefined;
    }, { what: "D's reported placement linked to the hire" });
    expect(linked).toEqual({ id: reported.body.id, source: 'employer_confirmed', interview_request_id: request.id });
    // Recorded by the employer user who confirmed the hire, no longer by the trainee who reported it,
    // who may no longer correct it.
    const shown = (await api.get(`/api/v1/placements/${reported.body.id}`, w.people.admin.token)).body;
    expect(shown).toMatchObject({ source: 'employer_confirmed', recordedBy: w.people.employer.id });
    expect((await api.patch(`/api/v1/placements/${reported.body.id}`, { role: 'Pen tester (senior)' }, d.token)).status).toBe(403);
    const again = await t.get<ClsService>(ClsService).run(() => t.get<AppTransactionHost>(AppTransactionHost).withTransaction(() => t.get<PipelineHires>(PipelineHires).record(request.id)));
    expect(again).toBeNull();
    expect((await t.dataSource.query('SELECT count(*) FROM placement WHERE trainee_id = $1', [d.id]))[0].count).toBe('1');
    expect((await t.dataSource.query('SELECT month FROM placement_follow_up_due WHERE placement_id = $1 ORDER BY month', [reported.body.id])).map((r: { month: number }) => r.month)).toEqual([3, 6]);
  });
  it("counts a hire's start and the follow-ups' due days in the cohort's time zone, not the server's", async () => {
    // A zone whose calendar day differs from UTC's right now: ahead (UTC+14) from 10:00 UTC, behind (UTC-11) before.
    const zone = new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    // Set in the database: the cohort has begun, and its zone is not what this test is about.
    await t.dataSource.query('UPDATE cohort SET time_zone = $1 WHERE id = $2', [zone, cohortId]);
    const b = await createUser(api, w.people.admin.token, ['trainee']);
    await api.post(`/api/v1/cohorts/${cohortId}/enrollments`, { traineeId: b.id }, w.people.admin.token);
    expect((await api.put('/api/v1/me/talent-profile', { statement: '', availability: 'immediately', preferredRoles: [] }, b.token)).status).toBe(200);
    const request = (await api.post('/api/v1/talent/interview-requests', { traineeId: b.id, roleTitle: 'Cloud analyst', message: 'Interview?' }, w.people.employer.token)).body;
    await api.post(`/api/v1/me/interview-requests/${request.id}/answer`, { answer: 'accept' }, b.token);
    await hire(request.id);
    const placement = await waitFor(async () => (await t.dataSource.query('SELECT id, starts_on::text AS starts_on FROM placement WHERE interview_request_id = $1', [request.id]))[0], { what: 'the placement of the hire' });
    const today = localDate(new Date(), zone);
    expect(placement.starts_on).toBe(today);
    expect(today).not.toBe(new Date().toISOString().slice(0, 10));
    // Today's (local) follow-up falls due; tomorrow's (local) does not, though it may be today in UTC.
    const tomorrow = localDate(new Date(Date.now() + 24 * 3_600_000), zone);
    await t.dataSource.query('UPDATE placement_follow_up_due SET due_on = (CASE month WHEN 3 THEN $2 ELSE $3 END)::date WHERE placement_id = $1', [placement.id, today, tomorrow]);
    const claimed = await t.get<ClsService>(ClsService).run(() => t.get<AppTransactionHost>(AppTransactionHost).withTransaction(() => t.get<PipelineHires>(PipelineHires).scanDue()));
    expect(claimed).toBe(1);
    expect(await t.dataSource.query('SELECT month FROM placement_follow_up_due WHERE placement_id = $1 AND notified_at IS NOT NULL', [placement.id])).toEqual([{ month: 3 }]);
  });

  it("dates a self-reported placement by the trainee's own day, not UTC's (today in their zone)", async () => {
    // A zone whose calendar day differs from UTC's right now: ahead (UTC+14) from 10:00 UTC, behind (UTC-11) before.
    const ahead = new Date().getUTCHours() >= 10;
    const zone = ahead ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    const utcToday = new Date().toISOString().slice(0, 10);
    const theirToday = localDate(new Date(), zone);
    expect(theirToday).not.toBe(utcToday);
    await t.dataSource.query('UPDATE cohort SET time_zone = $1 WHERE id = $2', [zone, cohortId]);
    const e = await createUser(api, w.people.admin.token, ['trainee']);
    expect((await api.patch('/api/v1/me', { timeZone: zone }, e.token)).status).toBe(200);
    expect((await api.post(`/api/v1/cohorts/${cohortId}/enrollments`, { traineeId: e.id }, w.people.admin.token)).status).toBe(201);
    const report = (startsOn: string) => api.post(`/api/v1/cohorts/${cohortId}/placements`, { kind: 'new_role', role: 'Analyst', employer: 'Local BPO', startsOn, source: 'self_reported' }, e.token);
    if (!ahead) {
      // UTC's today has not come yet where the trainee lives.
      const early = await report(utcToday);
      expect(early.status).toBe(422);
      expect(early.body.type).toMatch(/placement-in-future$/);
    }
    const onTheDay = await report(theirToday);
    expect(onTheDay.status).toBe(201);
    expect(onTheDay.body).toMatchObject({ startsOn: theirToday, source: 'self_reported', recordedBy: e.id });
  });
});
