import { Injectable } from '@nestjs/common';
import { Algorithm, hash, Options, verify } from '@node-rs/argon2';
import { ProblemException } from '@gds/http';
import { AppConfig } from '../config/app-config';

/** OWASP's argon2id minimum: 19 MiB memory, 2 passes, 1 lane. */
const ARGON2_OPTIONS: Options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
/** PASSWORD_HASH_COST=test-only-fast (NODE_ENV=test only): the same algorithm at about a tenth of the work. */
const TEST_ONLY_FAST_OPTIONS: Options = { algorithm: Algorithm.Argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 };
/**
 * Hashes (and verifications) running at once; the rest wait their turn in order. Each one holds
 * its 19 MiB of native memory on one of libuv's four threads: four at once were up to 80 MB of the
 * api's RSS peak under the 200-user load (issue 23.3) and left no thread for zlib/brotli and file
 * reads. Two keep both cores of a small host busy with hashing, which is CPU-bound anyway.
 */
const CONCURRENT_HASHES = 2;
/**
 * Waiting hashes beyond which a request is answered 503 at once instead of queueing: at about a tenth
 * of a second per hash on two slots, 64 waiters are some three seconds of work already promised; more
 * only make every caller wait longer (and hold its socket and memory), where a retry later succeeds.
 */
export const MAX_WAITING_HASHES = 64;

const hashingBusy = () =>
  new ProblemException(503, 'unavailable', 'Service unavailable', 'Too many sign-ins and password changes at once; retry shortly.', { retryAfter: 1 });

@Injectable()
export class PasswordHasher {
  private readonly options: Options;
  /** Verified against for unknown emails, so that they take as long as a wrong password. */
  private readonly decoy: Promise<string>;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(config: AppConfig) {
    this.options = config.PASSWORD_HASH_COST === 'test-only-fast' ? TEST_ONLY_FAST_OPTIONS : ARGON2_OPTIONS;
    this.decoy = this.inTurn(() => hash('decoy-password-never-matches', this.options));
  }

  hash(password: string): Promise<string> {
    return this.inTurn(() => hash(password, this.options));
  }

  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    if (!passwordHash) {
      const decoy = await this.decoy;
      await this.inTurn(() => verify(decoy, password).catch(() => false));
      return false;
    }
    // Only a malformed stored hash counts as no match; a full queue (503) goes to the caller.
    return this.inTurn(() => verify(passwordHash, password).catch(() => false));
  }

  /**
   * Runs `work` when fewer than CONCURRENT_HASHES are running, first come first served; with
   * MAX_WAITING_HASHES already waiting, refuses (503 problem with Retry-After).
   */
  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= CONCURRENT_HASHES && this.waiting.length >= MAX_WAITING_HASHES) throw hashingBusy();
    if (this.running >= CONCURRENT_HASHES) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `running` never drops below what is using it.
      if (next) next();
      else this.running--;
    }
  }
}
