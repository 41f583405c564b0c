import { randomUUID } from 'node:crypto';
import { UserDirectory } from '../src/identity/user-directory.service';
import { describePeopleDirectoryContract } from './contracts/people-directory.contract-suite';
import { FakePeopleDirectory } from './support/fakes/people-directory.fake';
import { createUser, loginAdmin } from './support/people';
import { startTestApp, TestApp } from './support/test-app';

/* The people directory fake reporting's tests use (test/support/random-cohort.ts) answers as the identity module does. */

describePeopleDirectoryContract('the fake reporting’s tests use', async () => {
  const fake = new FakePeopleDirectory();
  return {
    directory: fake,
    add: async ({ displayName, timeZone, demographics }) => {
      const id = randomUUID();
      const none = { gender: null, birthYear: null, district: null, employer: null };
      fake.add({ id, email: `${id}@example.test`, displayName, roles: ['trainee'], active: true, language: 'en', timeZone, ...none, ...demographics }, demographics !== undefined);
      return id;
    },
    withdrawConsent: async (id) => fake.withdrawConsent(id),
    close: async () => undefined,
  };
});

describePeopleDirectoryContract('the identity module on Postgres', async () => {
  const t: TestApp = await startTestApp();
  const admin = await loginAdmin(t.api);
  const tokens = new Map<string, string>();
  return {
    directory: t.get<UserDirectory>(UserDirectory),
    add: async ({ displayName, timeZone, demographics }) => {
      const person = await createUser(t.api, admin.token, ['trainee'], { displayName, ...demographics });
      const zone = await t.api.patch('/api/v1/me', { timeZone }, person.token);
      if (zone.status !== 200) throw new Error(`setting the zone failed: ${zone.status} ${zone.text}`);
      tokens.set(person.id, person.token);
      return person.id;
    },
    withdrawConsent: async (id) => {
      const answer = await t.api.delete('/api/v1/me/demographic-consent', tokens.get(id)!);
      if (answer.status !== 200) throw new Error(`withdrawing consent failed: ${answer.status} ${answer.text}`);
    },
    close: () => t.close(),
  };
});
