import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const PROCESS_ROLES = ['api', 'worker', 'all'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-in-production-0123456789';
const DEV_FLAG_SECRET = 'dev-only-flag-secret-change-me-in-production-0123456789';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : value === true || value === 'true' || value === '1';
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/**
 * Every setting of the service. Read once at start-up from the environment; nothing else in the
 * code base reads process.env. Secrets are marked so that they never appear in logs.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/gds_academy';

  @IsString() @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Keeps two instances (or two test files) on one Redis from sharing queues. */
  @IsString() @Matches(/^[A-Za-z0-9_:{}-]{1,64}$/, { message: 'QUEUE_PREFIX may hold letters, digits, _ : - { } (max 64)' })
  QUEUE_PREFIX = '{gds}';

  @Transform(toBoolean) @IsBoolean()
  DATABASE_AUTO_CREATE = true;

  @Transform(toBoolean) @IsBoolean()
  MIGRATIONS_RUN_ON_START = true;

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 20;

  /** secret */
  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = DEV_JWT_SECRET;

  @IsString()
  JWT_ISSUER = 'gds-academy';

  @IsString()
  JWT_AUDIENCE = 'gds-academy-api';

  @Transform(toInt) @IsInt() @Min(30) @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(300)
  REFRESH_TOKEN_TTL_SECONDS = 60 * 60 * 24 * 14;

  @IsOptional() @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string = 'admin@gds.local';

  /** secret */
  @IsOptional() @IsString() @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string = 'change-me-admin-1';

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt) @IsInt() @Min(1000)
  LOGIN_RATE_WINDOW_MS = 60_000;

  /** Comma-separated origins allowed by CORS; empty means no cross-origin access. */
  @IsString()
  CORS_ORIGINS = '';

  @Transform(toInt) @IsInt() @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt) @IsInt() @Min(1) @Max(500)
  WORKER_CONCURRENCY = 16;

  @Transform(toInt) @IsInt() @Min(10)
  OUTBOX_POLL_INTERVAL_MS = 200;

  /** Public base URL used in links (certificates, emails). */
  @IsString()
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** secret: derives per-trainee CTF flags. */
  @IsString() @MinLength(32, { message: 'FLAG_SECRET must be at least 32 characters' })
  FLAG_SECRET = DEV_FLAG_SECRET;

  /** Worker liveness: a file the worker touches every interval (empty: no heartbeat). See docker-compose.yml. */
  @IsString()
  WORKER_HEARTBEAT_FILE = '';

  @Transform(toInt) @IsInt() @Min(1000)
  WORKER_HEARTBEAT_INTERVAL_MS = 10_000;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Builds the configuration from an environment, listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const known = Object.keys(new AppConfig());
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => known.includes(key) && value !== undefined && value !== ''),
  );
  const config = plainToInstance(AppConfig, relevant);
  const problems = validateSync(config, { forbidUnknownValues: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`),
  );
  if (config.isProduction) {
    if (config.JWT_SECRET === DEV_JWT_SECRET) problems.push('JWT_SECRET: the development secret is refused in production');
    if (config.FLAG_SECRET === DEV_FLAG_SECRET) problems.push('FLAG_SECRET: the development secret is refused in production');
    // The development admin password must never open a production system: without an explicit
    // ADMIN_PASSWORD no first admin is created.
    if (relevant.ADMIN_PASSWORD === undefined) config.ADMIN_PASSWORD = undefined;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
