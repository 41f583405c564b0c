import { hash, verify } from '@node-rs/argon2';
import { AppConfig } from '../config/app-config';
import { ProblemException } from '@gds/http';
import { MAX_WAITING_HASHES, PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const config = Object.assign(new AppConfig(), { PASSWORD_HASH_COST: 'test-only-fast' });

  it('hashes and verifies: the right password, a wrong one, an account without a password', async () => {
    const hasher = new PasswordHasher(config);
    const stored = await hasher.hash('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$/);
    await expect(hasher.verify(stored, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(stored, 'wrong')).resolves.toBe(false);
    await expect(hasher.verify(null, 'anything')).resolves.toBe(false);
    await expect(hasher.verify('not a hash', 'anything')).resolves.toBe(false);
  });

  it('runs at most two hashes at once and every one of a burst in turn (each holds 19 MiB of native memory)', async () => {
    const hasher = new PasswordHasher(config);
    const stored = await hash('pw', { memoryCost: 1024, timeCost: 1 });
    await hasher.verify(undefined, 'pw'); // the constructor's decoy hash done: both slots free
    let running = 0;
    let most = 0;
    const slow = async <T>(work: () => Promise<T>): Promise<T> => {
      running++;
      most = Math.max(most, running);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return await work();
      } finally {
        running--;
      }
    };
    // Wraps the calls the hasher makes: what runs at once is what it let through.
    const gate = hasher as unknown as { inTurn<T>(work: () => Promise<T>): Promise<T> };
    const inTurn = gate.inTurn.bind(hasher);
    gate.inTurn = (work) => inTurn(() => slow(work));
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => hasher.verify(stored, i % 2 ? 'pw' : 'no')),
      ...Array.from({ length: 3 }, () => hasher.hash('new').then((h) => verify(h, 'new'))),
      hasher.verify(undefined, 'pw'),
    ]);
    expect(answers).toEqual([false, true, false, true, false, true, true, true, true, false]);
    expect(most).toBe(2);
    expect(running).toBe(0);
  });

  it(`answers 503 with Retry-After at once, not a wrong password, past ${MAX_WAITING_HASHES} waiting`, async () => {
    const hasher = new PasswordHasher(config);
    const stored = await hasher.hash('pw');
    // The constructor's decoy hash takes a slot too; once it is done both slots are free, so the line
    // below fills exactly two running and MAX_WAITING_HASHES waiting (a CI run caught the decoy still running).
    await hasher.verify(undefined, 'pw');
    const queued = Array.from({ length: 2 + MAX_WAITING_HASHES }, () => hasher.verify(stored, 'pw'));
    const refused = await hasher.verify(stored, 'pw').then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemException);
    expect((refused as ProblemException).getStatus()).toBe(503);
    expect((refused as ProblemException).extra).toEqual({ retryAfter: 1 });
    await expect(hasher.hash('new').catch((error: ProblemException) => error.getStatus())).resolves.toBe(503);
    // Those already in line are all answered; then there is room again.
    expect(await Promise.all(queued)).toEqual(queued.map(() => true));
    await expect(hasher.verify(stored, 'pw')).resolves.toBe(true);
  });
});
