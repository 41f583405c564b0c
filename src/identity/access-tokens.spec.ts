import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AccessTokens } from './access-tokens.service';
import type { AppConfig } from '../config/app-config';

describe('access tokens', () => {
  const config = { JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters', JWT_ISSUER: 'gds-test', JWT_AUDIENCE: 'gds-test', ACCESS_TOKEN_TTL_SECONDS: 900 } as AppConfig;
  const tokens = new AccessTokens(config, {} as DataSource);

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
});
