import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { DEVELOPMENT_SECRETS } from './development-secrets';

export const PROCESS_ROLES = ['api', 'worker', 'all'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

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

  /** How long a request waits for a free pool connection before it answers 503 (fail fast when the database is swamped). */
  @Transform(toInt) @IsInt() @Min(100) @Max(600_000)
  DATABASE_CONNECT_TIMEOUT_MS = 5000;

  /** secret */
  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string = DEVELOPMENT_SECRETS.JWT_SECRET;

  @IsString()
  JWT_ISSUER = 'gds-academy';

  @IsString()
  JWT_AUDIENCE = 'gds-academy-api';

  @Transform(toInt) @IsInt() @Min(30) @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /**
   * The longest an api process answers a (user, session)'s access standing (roles, active, session
   * ended) from memory. Changes reach every process at once through Postgres NOTIFY (see the
   * README's security notes); this bounds an entry's life anyway. 0 turns the cache off: every
   * authenticated request reads the standing from the database. At most 300: the bound is what is
   * left should every invalidation path fail at once.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(300)
  ACCESS_STANDING_CACHE_SECONDS = 30;

  @Transform(toInt) @IsInt() @Min(300)
  REFRESH_TOKEN_TTL_SECONDS = 60 * 60 * 24 * 14;

  /**
   * A refresh token presented again within this many seconds of its first use answers the same
   * successor (two browser tabs refreshing at once) instead of revoking its family; 0 turns it off.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(60)
  REFRESH_REUSE_GRACE_SECONDS = 10;

  /** Password reset emails asked for one address (known or not) per window; 429 past it. */
  @Transform(toInt) @IsInt() @Min(1)
  PASSWORD_RESET_LIMIT_PER_EMAIL = 3;

  /** Password reset requests per client address per window (an office behind one NAT address shares it). */
  @Transform(toInt) @IsInt() @Min(1)
  PASSWORD_RESET_LIMIT_PER_ADDRESS = 30;

  @Transform(toInt) @IsInt() @Min(1000)
  PASSWORD_RESET_RATE_WINDOW_MS = 15 * 60_000;

  @IsOptional() @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string = 'admin@gds.local';

  /** secret */
  @IsOptional() @IsString() @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string = 'change-me-admin-1';

  /**
   * Argon2id cost of new password hashes: `owasp` (19 MiB, 2 passes) or `test-only-fast` (1 MiB,
   * 1 pass), accepted only with NODE_ENV=test: the test suites make and sign in thousands of accounts.
   * A stored hash carries its own cost, so either setting verifies hashes made under the other.
   */
  @IsIn(['owasp', 'test-only-fast'])
  PASSWORD_HASH_COST: 'owasp' | 'test-only-fast' = 'owasp';

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt) @IsInt() @Min(1000)
  LOGIN_RATE_WINDOW_MS = 60_000;

  /**
   * Trust X-Forwarded-* headers (client address for rate limits and logs). Only behind a reverse
   * proxy that sets them: otherwise any client could forge its address and dodge the rate limits.
   */
  @Transform(toBoolean) @IsBoolean()
  TRUST_PROXY = false;

  /** Comma-separated origins allowed by CORS; empty means no cross-origin access. */
  @IsString()
  CORS_ORIGINS = '';

  @Transform(toInt) @IsInt() @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Jobs at once per queue (grading, slow grading, maintenance), each worker process. */
  @Transform(toInt) @IsInt() @Min(1) @Max(500)
  WORKER_CONCURRENCY = 16;

  /**
   * Jobs at once on the progress queue (grades recorded, progress recomputed, certificates
   * evaluated): each is a short database transaction and nothing else, so slots beyond a few only
   * wait for a pooled connection, in front of the grading jobs whose lag trainees see (issue 23).
   * Unset: a quarter of WORKER_CONCURRENCY (worker-concurrency.ts), so lowering that one lowers this too.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(500)
  WORKER_PROGRESS_CONCURRENCY?: number;

  /** Jobs at once on the notifications queue (fan-outs, emails, webhook posts); unset: half of WORKER_CONCURRENCY. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(500)
  WORKER_NOTIFICATION_CONCURRENCY?: number;

  @Transform(toInt) @IsInt() @Min(10)
  OUTBOX_POLL_INTERVAL_MS = 200;

  /**
   * Least time between two claims of the worker's outbox relay: rows committed meanwhile are moved
   * in one batch (one claim, one add per queue, one mark) rather than one batch each; a row reaching
   * an idle relay is still claimed at once. 0 claims at every NOTIFY. Unset: 50 (bench/findings/relay-batching.md).
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(1000)
  OUTBOX_CLAIM_SPACING_MS?: number;

  /** The built web application (web/dist), served under /app/; relative paths resolve against the working directory. */
  @IsString() @MinLength(1)
  WEB_APP_DIR = 'web/dist';

  /**
   * Public base URL used in links (certificates, emails). It is signed into every credential and QR
   * code, so it must be an absolute http(s) URL without a query or fragment; production requires https.
   * Its origin is the only one the browser session routes answer (the web app is served from it, under /app/).
   */
  @IsString() @Matches(/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/, { message: 'PUBLIC_BASE_URL must be an absolute http(s) URL without query or fragment' })
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\/+$/, '') : value))
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** secret: derives per-trainee CTF flags. */
  @IsString() @MinLength(32, { message: 'FLAG_SECRET must be at least 32 characters' })
  FLAG_SECRET: string = DEVELOPMENT_SECRETS.FLAG_SECRET;

  /**
   * secret: certificate signing keys, a JSON array of private JWKs (RSA, with `kid`) or a set of PEM
   * private keys (PKCS#8). The first signs; the others only verify (keys kept after a rotation).
   * Unset: development generates one into CERT_KEYS_DIR; production refuses to start.
   */
  @IsOptional() @IsString()
  CERT_SIGNING_KEYS?: string = undefined;

  /** Where development keeps its generated certificate signing key (git-ignored). */
  @IsString()
  CERT_KEYS_DIR = '.keys';

  @IsString() @MinLength(1)
  CERT_ISSUER_NAME = 'GDS Academy';

  /** The issuer's public web site, shown on certificates (defaults to PUBLIC_BASE_URL when empty). */
  @IsString() @Matches(/^$|^https?:\/\/\S+$/, { message: 'CERT_ISSUER_URL must be empty or an absolute http(s) URL' })
  CERT_ISSUER_URL = '';

  /** One or two sentences about the issuer: the issuer profile, verification pages and PDFs show it to employers. */
  @IsString() @MinLength(1) @MaxLength(500)
  CERT_ISSUER_DESCRIPTION =
    'GDS Academy runs cohort-based upskilling programmes that move call-centre professionals into Global Digital Services roles: cybersecurity, data analysis, UI/UX design and cloud engineering.';

  /** Default minimum weighted course score (0..100) of new certification criteria. */
  @Transform(toInt) @IsInt() @Min(0) @Max(100)
  CERT_DEFAULT_MIN_SCORE = 70;

  /** Months a certificate stays valid (validUntil); 0 means it does not expire. */
  @Transform(toInt) @IsInt() @Min(0) @Max(600)
  CERT_VALIDITY_MONTHS = 0;

  /** Verification requests per client address and window (public /verify; 429 past it). */
  @Transform(toInt) @IsInt() @Min(1)
  VERIFY_RATE_LIMIT = 60;

  @Transform(toInt) @IsInt() @Min(1000)
  VERIFY_RATE_WINDOW_MS = 60_000;

  get certIssuerUrl(): string {
    return this.CERT_ISSUER_URL || this.PUBLIC_BASE_URL;
  }

  /** Disaggregated report cells smaller than this are suppressed (k); callers may ask for a larger k only. */
  @Transform(toInt) @IsInt() @Min(2) @Max(100)
  REPORT_MIN_CELL_SIZE = 5;

  /** The districts a trainee's profile may name (comma-separated), besides "other"; reports never name others. */
  @IsString() @Matches(/^\s*[^,\s][^,]*(,\s*[^,\s][^,]*)*$/, { message: 'PROFILE_DISTRICTS must be a comma-separated list of names' })
  PROFILE_DISTRICTS = 'Belize, Cayo, Corozal, Orange Walk, Stann Creek, Toledo';

  /** A cohort report snapshot younger than this is served as is; 0 computes every report live. */
  @Transform(toInt) @IsInt() @Min(0)
  REPORT_SNAPSHOT_MAX_AGE_SECONDS = 900;

  /** How often the worker refreshes every cohort's report snapshot. */
  @Transform(toInt) @IsInt() @Min(10)
  REPORT_REFRESH_INTERVAL_SECONDS = 120;

  /** Lifetime of a signed dashboard link (a read-only page of one cohort, for a browser without the API token). */
  @Transform(toInt) @IsInt() @Min(30) @Max(3600)
  DASHBOARD_LINK_TTL_SECONDS = 300;

  /**
   * The separate database where trainees' SQL runs (never the app database). Its user needs
   * CREATEDB and CREATEROLE: it creates the database, the sandbox roles and the dataset schemas.
   */
  @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'SANDBOX_DATABASE_URL must be a postgres:// URL' })
  SANDBOX_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/gds_sandbox';

  /** secret: derives the passwords of the sandbox login roles (dataset owner and readers). */
  @IsString() @MinLength(32, { message: 'SANDBOX_ROLE_SECRET must be at least 32 characters' })
  SANDBOX_ROLE_SECRET: string = DEVELOPMENT_SECRETS.SANDBOX_ROLE_SECRET;

  /** Upper bound of a trainee query's statement_timeout; an answer key may ask for less. */
  @Transform(toInt) @IsInt() @Min(100) @Max(60_000)
  SANDBOX_STATEMENT_TIMEOUT_MS = 5000;

  /** Upper bound of the rows a trainee query may return; an answer key may ask for fewer. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100_000)
  SANDBOX_ROW_CAP = 1000;

  /** A sandbox dataset no assessment uses is dropped once unused this many days (daily sweep). */
  @Transform(toInt) @IsInt() @Min(0) @Max(3650)
  SANDBOX_DATASET_GRACE_DAYS = 7;

  /** Worker threads checking submitted HTML/CSS (jsdom + axe) per grading process; never the event loop. */
  @Transform(toInt) @IsInt() @Min(1) @Max(16)
  DESIGN_CHECK_THREADS = 1;

  /** A design check still running after this is stopped (its thread terminated); the page gets feedback. */
  @Transform(toInt) @IsInt() @Min(1000) @Max(300_000)
  DESIGN_CHECK_TIMEOUT_MS = 60_000;

  /** V8 heap cap of a design-check thread; a page that needs more gets feedback, not a crash. */
  @Transform(toInt) @IsInt() @Min(64) @Max(4096)
  DESIGN_CHECK_MEMORY_MB = 256;

  /** Trial runs (`POST /api/v1/assessments/:id/trial-runs`) per user and window; 429 past it. */
  @Transform(toInt) @IsInt() @Min(1)
  TRIAL_RUN_RATE_LIMIT = 10;

  @Transform(toInt) @IsInt() @Min(1000)
  TRIAL_RUN_RATE_WINDOW_MS = 60_000;
  /** Cohort: a trainee with no activity for this many days is at risk. */
  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  AT_RISK_INACTIVE_DAYS = 7;

  /** Cohort: cron pattern (UTC) of the at-risk scan. */
  @IsString()
  AT_RISK_SCAN_CRON = '0 6 * * *';

  /**
   * Cohort: the weekly cohort digest reaches each recipient on this day of their own week (ISO:
   * 1 = Monday … 7 = Sunday) at the first hourly scan at or after WEEKLY_DIGEST_LOCAL_HOUR of their
   * own time zone, once per their week.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(7)
  WEEKLY_DIGEST_LOCAL_DAY = 1;

  /** Cohort: the hour (0–23) of the recipient's zone from which their weekly digest goes out. */
  @Transform(toInt) @IsInt() @Min(0) @Max(23)
  WEEKLY_DIGEST_LOCAL_HOUR = 7;

  /** Cohort: most rows a trainee CSV import may hold. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  IMPORT_MAX_ROWS = 5000;
  /** SMTP server for email notifications (smtp:// or smtps://); unset: email is recorded as skipped. */
  @IsOptional() @IsString() @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString() @MinLength(3)
  EMAIL_FROM = 'GDS Academy <no-reply@gds.local>';

  /** How often queued digest emails are sent (a BullMQ job scheduler in the worker). */
  @Transform(toInt) @IsInt() @Min(500)
  EMAIL_DIGEST_INTERVAL_MS = 24 * 60 * 60 * 1000;

  /**
   * When set (0–23), digest email follows each person's day: a person's digest goes out at the first
   * run after this hour of their own time zone, at most once per their day (run the scheduler
   * hourly: EMAIL_DIGEST_INTERVAL_MS=3600000). Unset: every run sends what accumulated.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(23)
  EMAIL_DIGEST_LOCAL_HOUR?: number;

  /** Webhooks may target private, loopback and link-local addresses only when this is true (tests). */
  @Transform(toBoolean) @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  @Transform(toInt) @IsInt() @Min(100) @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 5_000;

  @Transform(toInt) @IsInt() @Min(1) @Max(20)
  WEBHOOK_MAX_ATTEMPTS = 8;

  /** First retry delay of a webhook delivery; doubles on each attempt. */
  @Transform(toInt) @IsInt() @Min(10)
  WEBHOOK_RETRY_BASE_MS = 2_000;

  /** Consecutive failed delivery attempts after which a webhook is disabled and admins are told. */
  @Transform(toInt) @IsInt() @Min(1)
  WEBHOOK_DISABLE_AFTER_FAILURES = 10;

  /** secret: encrypts webhook signing secrets at rest. */
  @IsString() @MinLength(32, { message: 'WEBHOOK_SECRET_KEY must be at least 32 characters' })
  WEBHOOK_SECRET_KEY: string = DEVELOPMENT_SECRETS.WEBHOOK_SECRET_KEY;
  /** Worker liveness: a file the worker touches every interval (empty: no heartbeat). See docker-compose.yml. */
  @IsString()
  WORKER_HEARTBEAT_FILE = '';

  @Transform(toInt) @IsInt() @Min(1000)
  WORKER_HEARTBEAT_INTERVAL_MS = 10_000;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** The origin of PUBLIC_BASE_URL (`https://academy.example`): pages of the web app send it as `Origin`. */
  get publicOrigin(): string {
    return new URL(this.PUBLIC_BASE_URL).origin;
  }

  get profileDistricts(): string[] {
    return [...new Set(this.PROFILE_DISTRICTS.split(',').map((d) => d.trim()).filter(Boolean))];
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  }
}
