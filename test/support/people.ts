import { randomBytes } from 'node:crypto';
import { HttpClient } from '@gds/testing';
import { ADMIN } from './test-app';

export interface TestPerson {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

export async function login(api: HttpClient, email: string, password: string) {
  const answer = await api.post('/api/v1/auth/login', { email, password });
  if (answer.status !== 200) throw new Error(`login of ${email} failed: ${answer.status} ${answer.text}`);
  return answer.body as { accessToken: string; refreshToken: string };
}

export async function loginAdmin(api: HttpClient): Promise<TestPerson> {
  const tokens = await login(api, ADMIN.email, ADMIN.password);
  const me = await api.get('/api/v1/me', tokens.accessToken);
  return { id: me.body.id, email: ADMIN.email, password: ADMIN.password, token: tokens.accessToken, refreshToken: tokens.refreshToken };
}

/** A fresh user with the given roles (created by the admin) and signed in. */
export async function createUser(
  api: HttpClient,
  adminToken: string,
  roles: string[] = ['trainee'],
  profile: Record<string, unknown> = {},
): Promise<TestPerson> {
  const email = `${roles[0]}-${randomBytes(5).toString('hex')}@example.test`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  // Demographic fields are held only with consent: the helper consents to the purpose text in force.
  const demographic = ['gender', 'birthYear', 'district', 'employer'].some((f) => profile[f] !== undefined);
  const consent = demographic && profile.consentVersion === undefined ? { consentVersion: 1 } : {};
  const created = await api.post('/api/v1/users', { email, displayName: `Test ${roles.join('+')}`, roles, password, ...consent, ...profile }, adminToken);
  if (created.status !== 201) throw new Error(`creating a user failed: ${created.status} ${created.text}`);
  const tokens = await login(api, email, password);
  return { id: created.body.id, email, password, token: tokens.accessToken, refreshToken: tokens.refreshToken };
}
