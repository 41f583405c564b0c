import { randomUUID } from 'node:crypto';
import { AppTransactionHost } from '@gds/database';
import { waitFor } from '@gds/testing';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { DemographicConsents } from '../src/identity/demographic-consents.service';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions, outlineOf } from './support/fakes/published-course-versions.fake';
import { createCohort, outboxRows } from './support/cohort-builders';
import { ERASED_NAME } from '../src/identity/identity-personal-data.service';

/**
 * The hot writes of issue 23's load run that are one statement outside a transaction (lesson
 * completion, the usual refresh, the usual PATCH /me): what the transactions they replaced
 * guaranteed, under the races and refusals where a single statement could differ.
 */
describe('one-statement writes: lesson completion, token refresh, own profile', () => {
  let t: TestApp;
  let admin: TestPerson;
  const fake = new FakePublishedCourseVersions();
  beforeAll(async () => {
    t = await startTestApp({ role: 'api', env: { LOG_LEVEL: 'error', ACCESS_STANDING_CACHE_SECONDS: '300' }, overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
  });
  afterAll(() => t?.close());

  const tokenRow = async (token: string) =>
    (await t.dataSource.query('SELECT used_at, revoked_at FROM refresh_token WHERE id = $1', [token.split('.')[0]]))[0] as { used_at: Date | null; revoked_at: Date | null };
  const refresh = (refreshToken: string) => t.api.post('/api/v1/auth/refresh', { refreshToken });

  it('completes a lesson once under concurrent requests, with one event, and not for a withdrawn enrollment', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', shape: { modules: [{ lessons: 2 }] } });
    const [lesson, other] = cohort.outline.modules[0].lessons;
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const enrolled = await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id }, admin.token);
    const enrollmentId = enrolled.body.id as string;
    const complete = (lessonId: string) => t.api.post(`/api/v1/lessons/${lessonId}/complete`, undefined, trainee.token);

    const answers = await Promise.all(Array.from({ length: 5 }, () => complete(lesson.lessonId)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => !a.body.alreadyCompleted)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.completedAt)).size).toBe(1);
    const events = (await outboxRows(t.dataSource, 'recompute-progress')).filter((r) => r.payload.enrollmentId === enrollmentId);
    expect(events).toHaveLength(2); // one at enrollment, one for the completion
    const [touched] = await t.dataSource.query('SELECT last_activity_at FROM enrollment WHERE id = $1', [enrollmentId]);
    expect(touched.last_activity_at).not.toBeNull();

    await t.dataSource.query(`UPDATE enrollment SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [enrollmentId]);
    expect((await complete(other.lessonId)).status).toBe(404);
    const rows = await t.dataSource.query('SELECT lesson_id FROM lesson_completion WHERE enrollment_id = $1', [enrollmentId]);
    expect(rows).toEqual([{ lesson_id: lesson.lessonId }]);
  });

  /**
   * Holds the next read of outlines (the completion's read, which has just read the cohort and the
   * enrollment) until `release`: what commits meanwhile lands between the read and the statement.
   */
  const holdNextOutlineRead = () => {
    let reached!: () => void;
    let release!: () => void;
    const atRead = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const spy = jest.spyOn(fake, 'getOutlines').mockImplementationOnce(async (versionIds) => {
      reached();
      await released;
      return FakePublishedCourseVersions.prototype.getOutlines.call(fake, versionIds);
    });
    return { atRead, release: () => { release(); spy.mockRestore(); } };
  };

  /**
   * Until the held read is reached, failing at once if the request answers without reaching it: an
   * await on the read alone never settles then, and jest would only report the file at its timeout.
   */
  const untilHeld = (atRead: Promise<void>, request: Promise<{ status: number }>) =>
    Promise.race([atRead, request.then((answer) => {
      throw new Error(`answered ${answer.status} without reading outlines`);
    })]);

  it('writes no completion whose read went stale: a cohort stopped meanwhile refuses, a version move meanwhile completes under the new version', async () => {
    const running = await createCohort(t.api, admin.token, fake, { status: 'running', shape: { modules: [{ lessons: 1 }] } });
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const enrollmentId = (await t.api.post(`/api/v1/cohorts/${running.id}/enrollments`, { traineeId: trainee.id }, admin.token)).body.id as string;
    const complete = (lessonId: string, token = trainee.token) => t.api.post(`/api/v1/lessons/${lessonId}/complete`, undefined, token);
    const events = async (id: string) => (await outboxRows(t.dataSource, 'recompute-progress')).filter((r) => r.payload.enrollmentId === id).length;

    const held = holdNextOutlineRead();
    const stale = complete(running.outline.modules[0].lessons[0].lessonId);
    await untilHeld(held.atRead, stale);
    expect((await t.api.post(`/api/v1/cohorts/${running.id}/status`, { status: 'completed' }, admin.token)).status).toBe(200);
    held.release();
    const refused = await stale;
    expect(refused.status).toBe(422);
    expect(refused.body.type).toMatch(/cohort-not-running$/);
    expect(await t.dataSource.query('SELECT lesson_id FROM lesson_completion WHERE enrollment_id = $1', [enrollmentId])).toEqual([]);
    expect(await events(enrollmentId)).toBe(1); // the enrollment's own, none for a completion

    // Version 2 moves the lesson to the second module: a move committed after the read re-keys the
    // completions there are, so one written afterwards for the first module would stay misplaced.
    const v1 = outlineOf({ modules: [{ lessons: 2 }, { lessons: 1 }] });
    const [first, second] = v1.modules;
    const lesson = first.lessons[0];
    const v2 = { ...v1, versionId: randomUUID(), version: 2, modules: [{ ...first, lessons: [first.lessons[1]] }, { ...second, lessons: [...second.lessons, lesson] }] };
    fake.add(v1);
    fake.add(v2);
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', outlines: [v1] });
    const mover = await createUser(t.api, admin.token, ['trainee']);
    const moved = (await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: mover.id }, admin.token)).body.id as string;
    const during = holdNextOutlineRead();
    const racing = complete(lesson.lessonId, mover.token);
    await untilHeld(during.atRead, racing);
    expect((await t.api.post(`/api/v1/cohorts/${cohort.id}/version-moves`, { toVersionId: v2.versionId, reason: 'Lesson moved' }, admin.token)).status).toBe(201);
    during.release();
    const answer = await racing;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ enrollmentId: moved, moduleId: second.moduleId, alreadyCompleted: false });
    expect(await t.dataSource.query('SELECT module_id FROM lesson_completion WHERE enrollment_id = $1', [moved])).toEqual([{ module_id: second.moduleId }]);
  });

  it('refuses the refresh of an inactive user or a wrong secret without spending the token', async () => {
    const person = await createUser(t.api, admin.token, ['trainee']);
    await t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [person.id]);
    expect((await refresh(person.refreshToken)).status).toBe(401);
    expect((await tokenRow(person.refreshToken)).used_at).toBeNull();
    await t.dataSource.query('UPDATE app_user SET active = true WHERE id = $1', [person.id]);

    const [id] = person.refreshToken.split('.');
    expect((await refresh(`${id}.${'A'.repeat(43)}`)).status).toBe(401);
    expect((await tokenRow(person.refreshToken)).used_at).toBeNull();

    const rotated = await refresh(person.refreshToken);
    expect(rotated.status).toBe(200);
    expect((await t.api.get('/api/v1/me', rotated.body.accessToken)).body.id).toBe(person.id);
    expect((await tokenRow(person.refreshToken)).used_at).not.toBeNull();
  });

  it('answers concurrent refreshes of one token with one successor (the grace window), and a late replay revokes the family', async () => {
    const person = await createUser(t.api, admin.token, ['trainee']);
    const answers = await Promise.all(Array.from({ length: 4 }, () => refresh(person.refreshToken)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.refreshToken)).size).toBe(1);
    const successor = answers[0].body.refreshToken as string;
    const family = await t.dataSource.query('SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1', [person.id]);
    expect(family[0].n).toBe(2);

    await t.dataSource.query(`UPDATE refresh_token SET used_at = used_at - interval '1 hour' WHERE id = $1`, [person.refreshToken.split('.')[0]]);
    expect((await refresh(person.refreshToken)).status).toBe(401);
    expect((await tokenRow(successor)).revoked_at).not.toBeNull();
    expect((await refresh(successor)).status).toBe(401);
  });

  it('changes the profile under a consent in force without recording it again, and records a consent given with the values', async () => {
    const person = await createUser(t.api, admin.token, ['trainee']);
    const consents = async () => (await t.dataSource.query('SELECT version FROM demographic_consent WHERE user_id = $1', [person.id])) as Array<{ version: number }>;
    const first = await t.api.patch('/api/v1/me', { district: 'Cayo', consentVersion: 1 }, person.token);
    expect(first.status).toBe(200);
    expect(first.body.district).toBe('Cayo');
    expect(await consents()).toEqual([{ version: 1 }]);
    const again = await t.api.patch('/api/v1/me', { district: 'Belize', consentVersion: 1 }, person.token);
    expect(again.body).toMatchObject({ district: 'Belize', displayName: 'Test trainee' });
    const bare = await t.api.patch('/api/v1/me', { gender: 'female' }, person.token);
    expect(bare.body).toMatchObject({ district: 'Belize', gender: 'female' });
    expect(await consents()).toEqual([{ version: 1 }]);
  });

  /** Until a statement on `table` waits for a row lock (the racing request has reached its write). */
  const untilWaitingOn = (table: string) =>
    waitFor(async () => {
      const [w] = await t.dataSource.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%' || $1 || '%'",
        [table],
      );
      return w.n > 0;
    }, { what: `a statement waiting on a row lock of ${table}`, intervalMs: 25 });

  /**
   * Holds the next consent withdrawal open after its last statement, until `release`: the real
   * DemographicConsents.withdraw, run inside a transaction of the test's that it joins (its
   * @Transactional propagation), so its writes are made and uncommitted, and commit at `release`.
   */
  const holdNextWithdrawal = () => {
    const consents = t.get<DemographicConsents>(DemographicConsents);
    const txHost = t.get<AppTransactionHost>(AppTransactionHost);
    const withdraw = consents.withdraw.bind(consents);
    let written!: () => void;
    let release!: () => void;
    const atCommit = new Promise<void>((resolve) => (written = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const spy = jest.spyOn(consents, 'withdraw').mockImplementationOnce((userId) =>
      txHost.withTransaction(async () => {
        await withdraw(userId);
        written();
        await released;
      }),
    );
    return { atCommit, release: () => { release(); spy.mockRestore(); } };
  };

  // PATCH /me's one statement refuses after waiting for a withdrawal only because the withdrawal
  // wrote the user's row (xmin): so also when the row held no value to delete.
  it.each([
    ['holding a demographic value', (token: string) => t.api.patch('/api/v1/me', { district: 'Cayo', consentVersion: 1 }, token)],
    ['holding no demographic value yet', (token: string) => t.api.put('/api/v1/me/demographic-consent', { version: 1 }, token)],
  ])('refuses demographic values racing a consent withdrawal (it holds the row, the PATCH waits, it commits), storing none: a user %s', async (_, consent) => {
    const person = await createUser(t.api, admin.token, ['trainee']);
    expect((await consent(person.token)).status).toBe(200);
    const held = holdNextWithdrawal();
    const withdrawn = t.api.delete('/api/v1/me/demographic-consent', person.token);
    try {
      await Promise.race([held.atCommit, withdrawn.then((answer) => {
        throw new Error(`the withdrawal answered ${answer.status} without being held`);
      })]);
      const patch = t.api.patch('/api/v1/me', { district: 'Belize', displayName: 'Racing' }, person.token);
      await untilWaitingOn('app_user');
      held.release();
      expect((await withdrawn).status).toBe(200);
      const answer = await patch;
      expect(answer.status).toBe(400);
      expect(answer.body.type).toMatch(/consent-required$/);
    } finally {
      held.release();
    }
    const [row] = await t.dataSource.query('SELECT district, display_name FROM app_user WHERE id = $1', [person.id]);
    expect(row).toEqual({ district: null, display_name: 'Test trainee' });
    expect(await t.dataSource.query('SELECT 1 FROM demographic_consent WHERE user_id = $1 AND withdrawn_at IS NULL', [person.id])).toEqual([]);
  });

  it('writes nothing onto an account erased while the PATCH waited for its row (the erasure holds it, the PATCH waits, it commits)', async () => {
    const person = await createUser(t.api, admin.token, ['trainee']);
    const erasure = t.dataSource.createQueryRunner();
    await erasure.connect();
    try {
      // What IdentityPersonalData.eraseFor writes to the user's row, held uncommitted.
      await erasure.startTransaction();
      await erasure.query('SELECT roles, active FROM app_user WHERE id = $1 FOR UPDATE', [person.id]);
      await erasure.query(
        `UPDATE app_user SET email = 'erased-' || id || '@erased.invalid', display_name = $2, password_hash = NULL, active = false, updated_at = now() WHERE id = $1`,
        [person.id, ERASED_NAME],
      );
      const patch = t.api.patch('/api/v1/me', { displayName: 'Racing' }, person.token);
      await untilWaitingOn('app_user');
      await erasure.commitTransaction();
      const answer = await patch;
      // As the access check answers for an inactive account: the token no longer stands.
      expect(answer.status).toBe(401);
      expect(answer.body.detail).toBe('This account is not active.');
    } finally {
      if (erasure.isTransactionActive) await erasure.rollbackTransaction();
      await erasure.release();
    }
    const [row] = await t.dataSource.query('SELECT display_name, active FROM app_user WHERE id = $1', [person.id]);
    expect(row).toEqual({ display_name: ERASED_NAME, active: false });
  });

  it('withdraws consent by locking the user first, as a PATCH giving values does: neither holds what the other waits for', async () => {
    const person = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.patch('/api/v1/me', { district: 'Cayo', consentVersion: 1 }, person.token)).status).toBe(200);
    const patching = t.dataSource.createQueryRunner();
    await patching.connect();
    try {
      // A PATCH /me giving values holds the user's row.
      await patching.startTransaction();
      await patching.query('SELECT 1 FROM app_user WHERE id = $1 FOR NO KEY UPDATE', [person.id]);
      const withdrawn = t.api.delete('/api/v1/me/demographic-consent', person.token);
      await untilWaitingOn('app_user');
      // The withdrawal waits on the user without having locked the consent rows (a PATCH recording a
      // new version would update them next: locked by the withdrawal, that would be a deadlock).
      await patching.query('SELECT 1 FROM demographic_consent WHERE user_id = $1 FOR UPDATE NOWAIT', [person.id]);
      await patching.commitTransaction();
      expect((await withdrawn).status).toBe(200);
    } finally {
      if (patching.isTransactionActive) await patching.rollbackTransaction();
      await patching.release();
    }
    const [row] = await t.dataSource.query('SELECT district FROM app_user WHERE id = $1', [person.id]);
    expect(row.district).toBeNull();
  });
});
