import { randomBytes } from 'node:crypto';
import { QueueRegistry } from '@gds/queue';
import { waitFor } from '@gds/testing';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { publishAgain, startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { SmtpCapture } from './support/smtp-capture';
import { FakePublishedCourseVersions } from './support/fakes/published-course-versions.fake';
import { createCohort } from './support/cohort-builders';
import { publishNotify } from './support/notification-builders';
import { databaseFingerprint } from './support/db-snapshot';
import { nthMailTo, redisKeysHolding, tablesHolding, tokenIn } from './support/account-mail';
import { waitForQuiet } from './support/quiet';
import { hashesInTransactions } from './support/hashing-outside-transactions';

const ORIGIN = 'https://academy.example.test';

/** Issue 13 item 3: invitations by email (admin-created, re-sent, CSV-imported) and the language preference. */
describe('account emails: invitations and language', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let admin: TestPerson;
  const fake = new FakePublishedCourseVersions();

  beforeAll(async () => {
    smtp = await SmtpCapture.start();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_BASE_URL: ORIGIN }, overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const email = (what: string) => `${what}-${randomBytes(4).toString('hex')}@example.test`;
  const invite = (body: Record<string, unknown>) => t.api.post('/api/v1/users', { displayName: 'Invited Person', roles: ['trainee'], ...body }, admin.token);
  const accept = (token: string, password: string) => t.api.post('/api/v1/auth/invitations/accept', { token, password });
  const signIn = (address: string, password: string) => t.api.post('/api/v1/auth/login', { email: address, password });

  describe('invitations', () => {
    it('emails an account created without a password, in its language; the link works exactly once', async () => {
      const address = email('invited');
      const created = await invite({ email: address, language: 'es' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ language: 'es', invitationExpiresAt: expect.any(String) });
      expect(created.body.invitationToken).toBeUndefined();
      const mail = await nthMailTo(smtp, address, 1);
      expect(mail.subject).toBe('Te invitamos a GDS Academy');
      expect(mail.text).toContain('Hola, Invited Person:');
      expect(mail.text).toContain(`${ORIGIN}/app/accept-invitation#token=`);
      expect(mail.text + mail.html).not.toContain('/api/');
      const token = tokenIn(mail, 'accept-invitation');
      expect(await tablesHolding(t.dataSource, token.split('.')[1])).toEqual([]);
      expect(await redisKeysHolding(t.config.REDIS_URL, t.config.QUEUE_PREFIX, token.split('.')[1])).toEqual([]);

      expect((await accept(token, 'short')).status).toBe(400);
      let accepted = undefined as unknown as Awaited<ReturnType<typeof accept>>;
      const seen = await hashesInTransactions(t, async () => {
        accepted = await accept(token, 'my-chosen-pass-phrase');
      });
      // The password is hashed before the transaction that claims the invitation opens.
      expect(seen).toEqual({ calls: 1, inTransaction: 0 });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ id: created.body.id, language: 'es' });
      expect((await signIn(address, 'my-chosen-pass-phrase')).status).toBe(200);
      const again = await accept(token, 'another-pass-phrase');
      expect(again.status).toBe(422);
      expect((await signIn(address, 'my-chosen-pass-phrase')).status).toBe(200);
      expect((await t.api.get('/api/v1/me/notifications', (await signIn(address, 'my-chosen-pass-phrase')).body.accessToken)).body.items).toEqual([]);
    });

    it('sends nothing to accounts created with a password', async () => {
      const person = await createUser(t.api, admin.token);
      const sentinel = email('sentinel');
      await invite({ email: sentinel });
      await nthMailTo(smtp, sentinel, 1);
      expect(smtp.to(person.email)).toEqual([]);
    });

    it('re-sends: a new email whose link works, while the earlier link stops working', async () => {
      const address = email('reinvited');
      const created = await invite({ email: address });
      const first = tokenIn(await nthMailTo(smtp, address, 1), 'accept-invitation');
      const resent = await t.api.post(`/api/v1/users/${created.body.id}/invitations`, undefined, admin.token);
      expect(resent.status).toBe(202);
      const mail = await nthMailTo(smtp, address, 2);
      expect(mail.subject).toBe('You are invited to GDS Academy');
      const second = tokenIn(mail, 'accept-invitation');
      expect(second).not.toBe(first);
      expect((await accept(first, 'first-pass-phrase')).status).toBe(422);
      expect((await accept(second, 'second-pass-phrase')).status).toBe(200);
      expect((await signIn(address, 'second-pass-phrase')).status).toBe(200);
    });

    it('ends every session of an account whose invitation is accepted (as a reset does)', async () => {
      const person = await createUser(t.api, admin.token);
      expect((await t.api.post(`/api/v1/users/${person.id}/invitations`, undefined, admin.token)).status).toBe(202);
      const token = tokenIn(await nthMailTo(smtp, person.email, 1), 'accept-invitation');
      expect((await accept(token, 'accepted-pass-phrase')).status).toBe(200);
      expect((await t.api.get('/api/v1/me', person.token)).status).toBe(401);
      expect((await t.api.post('/api/v1/auth/refresh', { refreshToken: person.refreshToken })).status).toBe(401);
      expect((await signIn(person.email, 'accepted-pass-phrase')).status).toBe(200);
    });

    it('emails each account a CSV import creates, once, and nobody it already knew', async () => {
      const cohort = await createCohort(t.api, admin.token, fake, { capacity: 10, status: 'running' });
      const existing = await createUser(t.api, admin.token, ['trainee']);
      const fresh = [email('imported-a'), email('imported-b')];
      const csv = ['email,displayName', `${fresh[0]},Imported A`, `${fresh[1]},Imported B`, `${existing.email},Existing`].join('\n');
      const finished = async () => {
        const started = await t.api.post(`/api/v1/cohorts/${cohort.id}/imports`, { csv }, admin.token);
        expect(started.status).toBe(202);
        return waitFor(async () => ((await t.api.get(started.body.url, admin.token)).body.status === 'finished' ? true : undefined), { what: 'the import', timeoutMs: 45_000 });
      };
      // Imported trainees are also told of their enrollment: only invitations count here.
      const invitationsTo = (address: string) => smtp.to(address).filter((m) => m.subject === 'You are invited to GDS Academy');
      await finished();
      const mails = await Promise.all(fresh.map((address) => waitFor(() => invitationsTo(address)[0], { what: `the invitation to ${address}`, timeoutMs: 30_000 })));
      expect(mails[0].text).toContain('Hello Imported A,');
      const jobs = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'send-account-email'`))[0].n;
      const before = await jobs();
      await finished();
      expect(await jobs()).toBe(before);
      expect(invitationsTo(existing.email)).toEqual([]);
      expect(fresh.map((address) => invitationsTo(address).length)).toEqual([1, 1]);
      expect((await accept(tokenIn(mails[1], 'accept-invitation'), 'imported-pass-phrase')).status).toBe(200);
      expect((await signIn(fresh[1], 'imported-pass-phrase')).status).toBe(200);
    });

    it('invites no deactivated account: the re-send is refused and a pending job sends nothing', async () => {
      const address = email('deactivated');
      const created = await invite({ email: address });
      const token = tokenIn(await nthMailTo(smtp, address, 1), 'accept-invitation');
      await t.api.post(`/api/v1/users/${created.body.id}/deactivate`, { reason: 'left' }, admin.token);
      const refused = await t.api.post(`/api/v1/users/${created.body.id}/invitations`, undefined, admin.token);
      expect(refused.status).toBe(422);
      // The job of the invitation runs again (as a retry would): the account is inactive, so no token, no email.
      const jobId = `send-account-email.invitation.again-${randomBytes(4).toString('hex')}`;
      await publishAgain(t, 'send-account-email', { kind: 'invitation', id: token.split('.')[0] }, jobId);
      const ran = await waitFor(async () => {
        const status = await t.get<QueueRegistry>(QueueRegistry).jobStatus('notifications', jobId);
        return status?.state === 'completed' ? status : undefined;
      }, { what: 'the repeated invitation job', timeoutMs: 30_000 });
      expect(ran.returnValue).toBe('nothing-to-do');
      expect(smtp.to(address)).toHaveLength(1);
    });
  });

  describe('language preference', () => {
    it('is en by default, set with PATCH /me (en | es) and shown by GET /me; bad values change nothing', async () => {
      const person = await createUser(t.api, admin.token);
      expect((await t.api.get('/api/v1/me', person.token)).body.language).toBe('en');
      const changed = await t.api.patch('/api/v1/me', { language: 'es' }, person.token);
      expect(changed.status).toBe(200);
      expect(changed.body.language).toBe('es');
      expect((await t.api.get('/api/v1/me', person.token)).body.language).toBe('es');
      await waitForQuiet(t);
      const before = await databaseFingerprint(t.dataSource);
      for (const language of ['fr', 'ES', null, 1, '']) {
        const refused = await t.api.patch('/api/v1/me', { language }, person.token);
        expect(refused.status).toBe(400);
        expect(refused.body.errors[0].field).toBe('language');
      }
      expect(await databaseFingerprint(t.dataSource)).toEqual(before);
      expect((await t.api.get('/api/v1/me', person.token)).body.language).toBe('es');
      expect((await t.api.get(`/api/v1/users/${person.id}`, admin.token)).body.language).toBe('es');
    });

    it('lets a trainee choose it when registering; admins set it on creation', async () => {
      const registered = await t.api.post('/api/v1/auth/register', { email: email('registered'), password: 'registered-pass-phrase', displayName: 'R', language: 'es' });
      expect(registered.body.language).toBe('es');
      expect((await t.api.post('/api/v1/auth/register', { email: email('bad'), password: 'registered-pass-phrase', displayName: 'R', language: 'de' })).status).toBe(400);
      const created = await t.api.post('/api/v1/users', { email: email('created'), displayName: 'C', roles: ['reviewer'], password: 'created-pass-phrase', language: 'es' }, admin.token);
      expect(created.body.language).toBe('es');
    });

    it('writes notification emails in each recipient’s language', async () => {
      const [english, spanish] = [await createUser(t.api, admin.token), await createUser(t.api, admin.token)];
      await t.api.patch('/api/v1/me', { language: 'es' }, spanish.token);
      await publishNotify(t, 'enrolled', [english.id, spanish.id], { cohortName: 'Cebu 3' });
      const [en, es] = [await nthMailTo(smtp, english.email, 1), await nthMailTo(smtp, spanish.email, 1)];
      expect(en.subject).toBe('You are enrolled in Cebu 3');
      expect(es.subject).toBe('Ya tienes plaza en Cebu 3');
      expect(es.text).toContain(`Abrir tus notificaciones: ${ORIGIN}/app/notifications`);
      expect(en.text).toContain(`Open your notifications: ${ORIGIN}/app/notifications`);
    });
  });
});
