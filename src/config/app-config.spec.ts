import { ConfigError, loadConfig } from './app-config';

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
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), FLAG_SECRET: 'f'.repeat(40), WEBHOOK_SECRET_KEY: 'w'.repeat(40) });
    expect(config.ADMIN_PASSWORD).toBeUndefined();
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), FLAG_SECRET: 'f'.repeat(40) })).toThrow(/WEBHOOK_SECRET_KEY/);
  });

  it('parses booleans and numbers', () => {
    const config = loadConfig({ MIGRATIONS_RUN_ON_START: 'false', PORT: '8080' });
    expect(config.MIGRATIONS_RUN_ON_START).toBe(false);
    expect(config.PORT).toBe(8080);
  });
});
