import { Injectable } from '@nestjs/common';
import { Algorithm, hash, Options, verify } from '@node-rs/argon2';
import { AppConfig } from '../config/app-config';

/** OWASP's argon2id minimum: 19 MiB memory, 2 passes, 1 lane. */
const ARGON2_OPTIONS: Options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
/** PASSWORD_HASH_COST=test-only-fast (NODE_ENV=test only): the same algorithm at about a tenth of the work. */
const TEST_ONLY_FAST_OPTIONS: Options = { algorithm: Algorithm.Argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 };

@Injectable()
export class PasswordHasher {
  private readonly options: Options;
  /** Verified against for unknown emails, so that they take as long as a wrong password. */
  private readonly decoy: Promise<string>;

  constructor(config: AppConfig) {
    this.options = config.PASSWORD_HASH_COST === 'test-only-fast' ? TEST_ONLY_FAST_OPTIONS : ARGON2_OPTIONS;
    this.decoy = hash('decoy-password-never-matches', this.options);
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  async verify(passwordHash: string | null | undefined, password: string): Promise<boolean> {
    if (!passwordHash) {
      await verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
