import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load-config';
import { generatePrivateJwk, parseKeySet, SigningKeys } from './signing-keys.service';

const pem = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

describe('SigningKeys', () => {
  it('reads a JSON array of JWKs: the first signs, a public-only one only verifies', async () => {
    const active = await generatePrivateJwk();
    const retired = await generatePrivateJwk();
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...retiredPublic } = retired;
    const keys = await parseKeySet(JSON.stringify([active, retiredPublic]));
    expect(keys.map((k) => k.kid)).toEqual([active.kid, retired.kid]);
    expect(keys[0].privateKey).not.toBeNull();
    expect(keys[1].privateKey).toBeNull();
    expect(keys.every((k) => k.publicJwk.d === undefined)).toBe(true);
  });

  it('reads a set of PEM private keys, naming each by its JWK thumbprint', async () => {
    const keys = await parseKeySet(`${pem()}\n${pem()}`);
    expect(keys).toHaveLength(2);
    expect(keys[0].kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys[0].kid).not.toBe(keys[1].kid);
  });

  it('refuses what is neither', async () => {
    await expect(parseKeySet('not a key')).rejects.toThrow(/neither/);
    await expect(new SigningKeys(loadConfig({ CERT_SIGNING_KEYS: '[]' })).onModuleInit()).rejects.toThrow(/first key must be a private RSA key/);
  });

  it('in development generates a key file once, private to its owner, and reuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cert-keys-'));
    try {
      const config = loadConfig({ NODE_ENV: 'development', CERT_KEYS_DIR: dir });
      const first = new SigningKeys(config);
      await first.onModuleInit();
      const second = new SigningKeys(config);
      await second.onModuleInit();
      expect(second.active.kid).toBe(first.active.kid);
      const file = join(dir, 'cert-signing-key.json');
      expect(JSON.parse(await readFile(file, 'utf8')).kid).toBe(first.active.kid);
      expect((await stat(file)).mode & 0o077).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
