import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { jwtVerify } from 'jose';
import { AccessTokens } from './access-tokens.service';
import { AccessStandingCache } from './access-standing-cache';
import type { AppConfig } from '../config/app-config';

describe('access tokens', () => {
  const config = { JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters', JWT_ISSUER: 'gds-test', JWT_AUDIENCE: 'gds-test', ACCESS_TOKEN_TTL_SECONDS: 900 } as AppConfig;
  const tokens = new AccessTokens(config, {} as DataSource, new AccessStandingCache(0));

  afterEach(() => jest.restoreAllMocks());

  it('never mints the same token twice, even for one session in one second (a client tells a refreshed token from the refused one by its text)', async () => {
    const userId = randomUUID();
    const sessionId = randomUUID();
    // One second for all of them (the clock the JWT's iat and exp come from): the case that gave equal tokens.
    jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 11, 6, 13, 23, 0, 500));
    const issued = await Promise.all(Array.from({ length: 5 }, () => tokens.issue(userId, sessionId)));
    const payloads = issued.map(({ accessToken }) => JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { iat: number; jti: string });
    expect(new Set(payloads.map((p) => p.iat)).size).toBe(1);
    expect(new Set(issued.map((t) => t.accessToken)).size).toBe(5);
  });

  it('signs a standard HS256 JWS: the header and claims jose wrote, in its order, and jose verifies it', async () => {
    const userId = randomUUID();
    const sessionId = randomUUID();
    const { accessToken, expiresIn } = await tokens.issue(userId, sessionId);
    const [header, payload] = accessToken.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(Object.keys(payload)).toEqual(['sid', 'sub', 'jti', 'iss', 'aud', 'iat', 'exp']);
    expect(payload.exp - payload.iat).toBe(expiresIn);
    const verified = await jwtVerify(accessToken, new TextEncoder().encode(config.JWT_SECRET), { algorithms: ['HS256'], issuer: 'gds-test', audience: 'gds-test' });
    expect(verified.payload).toMatchObject({ sub: userId, sid: sessionId });
    await expect(jwtVerify(accessToken, new TextEncoder().encode(`${config.JWT_SECRET}x`))).rejects.toThrow();
  });

  it('a process that did not mint the token checks its signature (jose), and accepts it', async () => {
    const query = jest.fn().mockResolvedValue({ rows: [{ roles: ['trainee'], active: true, ended: false }] });
    const other = new AccessTokens(config, { driver: { master: { query } } } as unknown as DataSource, new AccessStandingCache(0));
    const userId = randomUUID();
    const sessionId = randomUUID();
    const { accessToken } = await tokens.issue(userId, sessionId);
    await expect(other.verify(accessToken)).resolves.toEqual({ userId, roles: ['trainee'], sessionId });
    const [header, payload, signature] = accessToken.split('.');
    await expect(other.verify(`${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`)).rejects.toMatchObject({ status: 401 });
    const wrongKey = new AccessTokens({ ...config, JWT_SECRET: `${config.JWT_SECRET}x` } as AppConfig, {} as DataSource, new AccessStandingCache(0));
    const { accessToken: foreign } = await wrongKey.issue(userId, sessionId);
    await expect(other.verify(foreign)).rejects.toMatchObject({ status: 401 });
  });

  describe('verify: the signature once per token, the user and session on every request', () => {
    const query = jest.fn();
    const verifier = new AccessTokens(config, { driver: { master: { query } } } as unknown as DataSource, new AccessStandingCache(0));
    const userId = randomUUID();
    const sessionId = randomUUID();
    const userRow = (row: { active?: boolean; ended?: boolean; roles?: string[] }) =>
      query.mockResolvedValueOnce({ rows: [{ roles: row.roles ?? ['trainee'], active: row.active ?? true, ended: row.ended ?? false }] });

    beforeEach(() => query.mockReset());

    it('reads the user on every use of a known token: deactivation, an ended session and a role change apply to the next request', async () => {
      const { accessToken } = await verifier.issue(userId, sessionId);
      userRow({});
      await expect(verifier.verify(accessToken)).resolves.toEqual({ userId, roles: ['trainee'], sessionId });
      userRow({ roles: ['trainee', 'instructor'] });
      await expect(verifier.verify(accessToken)).resolves.toEqual({ userId, roles: ['trainee', 'instructor'], sessionId });
      userRow({ ended: true });
      await expect(verifier.verify(accessToken)).rejects.toMatchObject({ status: 401 });
      userRow({ active: false });
      await expect(verifier.verify(accessToken)).rejects.toMatchObject({ status: 401 });
      expect(query).toHaveBeenCalledTimes(4);
    });

    it('refuses a known token once it expires, and a token differing by one character of its signature', async () => {
      const { accessToken } = await verifier.issue(userId, sessionId);
      userRow({});
      await verifier.verify(accessToken);
      const exp = (JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { exp: number }).exp;
      jest.spyOn(Date, 'now').mockReturnValue(exp * 1000);
      await expect(verifier.verify(accessToken)).rejects.toMatchObject({ status: 401, detail: expect.stringContaining('expired') });
      jest.restoreAllMocks();
      const [header, payload, signature] = accessToken.split('.');
      const forged = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`;
      await expect(verifier.verify(forged)).rejects.toMatchObject({ status: 401 });
      expect(query).toHaveBeenCalledTimes(1);
    });
  });

  describe('verify with a live standing cache: a repeated (user, session) sends no access check', () => {
    const query = jest.fn();
    const standings = new AccessStandingCache(30_000);
    const verifier = new AccessTokens(config, { driver: { master: { query } } } as unknown as DataSource, standings);
    const userId = randomUUID();
    const sessionId = randomUUID();
    const row = (extra: Record<string, unknown> = {}) => query.mockResolvedValueOnce({ rows: [{ roles: ['trainee'], active: true, ended: false, ...extra }] });

    beforeEach(() => {
      query.mockReset();
      standings.live(true);
    });

    it('reads once, answers the next request from memory, and reads again once the user is forgotten', async () => {
      const { accessToken } = await verifier.issue(userId, sessionId);
      row();
      await expect(verifier.verify(accessToken)).resolves.toEqual({ userId, roles: ['trainee'], sessionId });
      await expect(verifier.verify(accessToken)).resolves.toEqual({ userId, roles: ['trainee'], sessionId });
      expect(query).toHaveBeenCalledTimes(1);
      standings.forget(userId);
      row({ active: false });
      await expect(verifier.verify(accessToken)).rejects.toMatchObject({ status: 401 });
      // The refusal is cached too, and still refused.
      await expect(verifier.verify(accessToken)).rejects.toMatchObject({ status: 401 });
      expect(query).toHaveBeenCalledTimes(2);
    });

    it('GET /me (withProfile) always reads its one statement, and its answer refreshes the entry', async () => {
      const { accessToken } = await verifier.issue(userId, sessionId);
      row({ roles: ['trainee', 'instructor'], displayName: 'Ada' });
      await expect(verifier.verify(accessToken, true)).resolves.toMatchObject({ roles: ['trainee', 'instructor'], profile: { displayName: 'Ada' } });
      row({ roles: ['trainee', 'instructor'], displayName: 'Ada' });
      await verifier.verify(accessToken, true);
      expect(query).toHaveBeenCalledTimes(2);
      await expect(verifier.verify(accessToken)).resolves.toEqual({ userId, roles: ['trainee', 'instructor'], sessionId });
      expect(query).toHaveBeenCalledTimes(2);
    });

    it('a lookup in flight when the user is forgotten does not store its (old) answer', async () => {
      const { accessToken } = await verifier.issue(userId, sessionId);
      let answer!: (value: unknown) => void;
      query.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
      const pending = verifier.verify(accessToken);
      await new Promise(setImmediate);
      standings.forget(userId);
      answer({ rows: [{ roles: ['admin'], active: true, ended: false }] });
      await pending;
      row();
      await expect(verifier.verify(accessToken)).resolves.toMatchObject({ roles: ['trainee'] });
      expect(query).toHaveBeenCalledTimes(2);
    });
  });
});
