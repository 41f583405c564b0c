import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProblemException } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { deriveKey } from './derived-keys';

/** Expired counters are swept by one call in this many (a bounded delete, off no hot path). */
const SWEEP_EVERY = 100;

export interface RateLimit {
  /** What is counted, e.g. `password-reset:email`. */
  bucket: string;
  limit: number;
  windowMs: number;
}

/**
 * Fixed-window attempt counters in Postgres, shared by every api replica (the login throttler is
 * per process). Subjects (an email, an address, a user id) are stored as keyed hashes, so the table
 * lists no one. Counting happens outside the request's transaction: a refused request still counts.
 */
@Injectable()
export class AuthRateLimiter {
  private readonly key: Buffer;
  private calls = 0;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.key = deriveKey(config.JWT_SECRET, 'rate-limit subjects');
  }

  /** Counts one attempt of `subject`; past the limit, a 429 problem with Retry-After. */
  async hit(rule: RateLimit, subject: string): Promise<void> {
    const subjectHash = createHmac('sha256', this.key).update(`${rule.bucket}\n${subject}`).digest('base64url');
    const [row] = await this.dataSource.query(
      `INSERT INTO auth_rate_limit AS c (bucket, subject_hash, hits, window_ends_at)
       VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
       ON CONFLICT (bucket, subject_hash) DO UPDATE SET
         hits = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END,
         window_ends_at = CASE WHEN c.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE c.window_ends_at END
       RETURNING hits, ceil(extract(epoch FROM window_ends_at - now()))::int AS retry_after`,
      [rule.bucket, subjectHash, rule.windowMs],
    );
    if (++this.calls % SWEEP_EVERY === 0) await this.sweep();
    if (row.hits > rule.limit) {
      throw new ProblemException(429, 'rate-limited', 'Too many requests', 'Too many attempts; try again later.', { retryAfter: Math.max(1, row.retry_after) });
    }
  }

  private async sweep(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM auth_rate_limit WHERE ctid IN (SELECT ctid FROM auth_rate_limit WHERE window_ends_at < now() LIMIT 1000)`,
    );
  }
}
