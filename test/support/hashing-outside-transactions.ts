import { AppTransactionHost } from '@gds/database';
import { PasswordHasher } from '../../src/identity/password-hasher';
import { TestApp } from './test-app';

/**
 * Records, for each argon2id call the app makes while `work` runs, whether a transaction was open:
 * a hash waits its turn behind sign-ins (PasswordHasher), and inside a transaction it would hold a
 * pool connection and row locks all that time.
 */
export async function hashesInTransactions(t: TestApp, work: () => Promise<void>): Promise<{ calls: number; inTransaction: number }> {
  const hasher = t.get<PasswordHasher>(PasswordHasher);
  const txHost = t.get<AppTransactionHost>(AppTransactionHost);
  const seen = { calls: 0, inTransaction: 0 };
  const note = () => {
    seen.calls++;
    if (txHost.isTransactionActive()) seen.inTransaction++;
  };
  const hash = hasher.hash.bind(hasher);
  const verify = hasher.verify.bind(hasher);
  const hashSpy = jest.spyOn(hasher, 'hash').mockImplementation((password) => (note(), hash(password)));
  const verifySpy = jest.spyOn(hasher, 'verify').mockImplementation((stored, password) => (note(), verify(stored, password)));
  try {
    await work();
  } finally {
    hashSpy.mockRestore();
    verifySpy.mockRestore();
  }
  return seen;
}
