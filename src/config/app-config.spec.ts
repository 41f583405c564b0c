import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('works with no environment at all, using the local defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/gds_academy');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.MIGRATIONS_RUN_ON_START).toBe(true);
  });

  it('lists every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'http://x', JWT_SECRET: 'short' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']) expect(problems).toContain(name);
  });

  it('refuses development secrets in production and creates no admin without an explicit password', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET.*development/s);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), FLAG_SECRET: 'f'.repeat(40), SANDBOX_ROLE_SECRET: 's'.repeat(40), WEBHOOK_SECRET_KEY: 'w'.repeat(40) })).toThrow(/CERT_SIGNING_KEYS/);
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'p'.repeat(40),
      FLAG_SECRET: 'f'.repeat(40),
      SANDBOX_ROLE_SECRET: 's'.repeat(40),
      CERT_SIGNING_KEYS: '[]',
      WEBHOOK_SECRET_KEY: 'w'.repeat(40),
      PUBLIC_BASE_URL: 'https://academy.example.org/',
    });
    expect(config.ADMIN_PASSWORD).toBeUndefined();
    expect(config.PUBLIC_BASE_URL).toBe('https://academy.example.org');
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), FLAG_SECRET: 'f'.repeat(40) })).toThrow(/WEBHOOK_SECRET_KEY/);
  });

  it('needs an absolute public https PUBLIC_BASE_URL in production, and an absolute http(s) URL always', () => {
    const production = {
      NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), FLAG_SECRET: 'f'.repeat(40), SANDBOX_ROLE_SECRET: 's'.repeat(40),
      CERT_SIGNING_KEYS: '[]', WEBHOOK_SECRET_KEY: 'w'.repeat(40),
    };
    for (const bad of [undefined, 'http://localhost:3000', 'https://localhost', 'http://academy.example.org', 'https://127.0.0.1:8443', 'not a url']) {
      expect(() => loadConfig({ ...production, PUBLIC_BASE_URL: bad })).toThrow(/PUBLIC_BASE_URL/);
    }
    expect(loadConfig({ ...production, PUBLIC_BASE_URL: 'https://certificates.gds.example.bz/academy' }).PUBLIC_BASE_URL).toBe('https://certificates.gds.example.bz/academy');
    for (const bad of ['not a url', 'ftp://academy.example.org', '/relative', 'https://academy.example.org/?x=1', 'https://academy.example.org/#top']) {
      expect(() => loadConfig({ PUBLIC_BASE_URL: bad })).toThrow(/PUBLIC_BASE_URL/);
    }
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://localhost:3000' }).PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(() => loadConfig({ CERT_ISSUER_URL: 'academy.example.org' })).toThrow(/CERT_ISSUER_URL/);
  });

  it('refuses the development sandbox role secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), FLAG_SECRET: 'f'.repeat(40) })).toThrow(
      /SANDBOX_ROLE_SECRET.*development/s,
    );
  });

  it('refuses a sandbox database that is the app database', () => {
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://a@db:5432/gds', SANDBOX_DATABASE_URL: 'postgres://b@db/gds' }),
    ).toThrow(/SANDBOX_DATABASE_URL.*different database/s);
    expect(loadConfig({ DATABASE_URL: 'postgres://a@db:5432/gds', SANDBOX_DATABASE_URL: 'postgres://b@db/gds_sandbox' })).toBeDefined();
  });

  it('derives the web app’s origin (the browser session routes accept no other) from PUBLIC_BASE_URL', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://academy.example/' }).publicOrigin).toBe('https://academy.example');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://example.org:8443/academy' }).publicOrigin).toBe('https://example.org:8443');
  });

  it('takes ACCESS_STANDING_CACHE_SECONDS from 0 (the cache off) to 300, 30 by default', () => {
    expect(loadConfig({}).ACCESS_STANDING_CACHE_SECONDS).toBe(30);
    expect(loadConfig({ ACCESS_STANDING_CACHE_SECONDS: '0' }).ACCESS_STANDING_CACHE_SECONDS).toBe(0);
    expect(loadConfig({ ACCESS_STANDING_CACHE_SECONDS: '300' }).ACCESS_STANDING_CACHE_SECONDS).toBe(300);
    for (const bad of ['-1', '301', '3600', 'soon']) expect(() => loadConfig({ ACCESS_STANDING_CACHE_SECONDS: bad })).toThrow(/ACCESS_STANDING_CACHE_SECONDS/);
  });

  it('parses booleans and numbers', () => {
    const config = loadConfig({ MIGRATIONS_RUN_ON_START: 'false', PORT: '8080' });
    expect(config.MIGRATIONS_RUN_ON_START).toBe(false);
    expect(config.PORT).toBe(8080);
  });

  it('accepts the test-only password hash cost under NODE_ENV=test alone', () => {
    expect(loadConfig({}).PASSWORD_HASH_COST).toBe('owasp');
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: 'test-only-fast' }).PASSWORD_HASH_COST).toBe('test-only-fast');
    expect(() => loadConfig({ PASSWORD_HASH_COST: 'test-only-fast' })).toThrow(/PASSWORD_HASH_COST.*NODE_ENV=test/s);
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: 'test-only-fast' })).toThrow(/PASSWORD_HASH_COST/);
    expect(() => loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: 'cheap' })).toThrow(/PASSWORD_HASH_COST/);
  });
});
