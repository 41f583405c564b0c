import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, importPKCS8, JWK, CryptoKey } from 'jose';
import { AppConfig } from '../config/app-config';
import { keyUrl } from './credential-urls';

export interface SigningKey {
  kid: string;
  /** Absent for verification-only keys given as public JWKs. */
  privateKey: CryptoKey | null;
  publicJwk: JWK;
}

const ALG = 'RS256';
const DEV_KEY_FILE = 'cert-signing-key.json';

/**
 * Certificate signing keys. The first configured key signs; the others stay published in the JWKS so
 * that certificates signed before a rotation still verify. Development without CERT_SIGNING_KEYS
 * generates a key once into CERT_KEYS_DIR (git-ignored) and reuses it; tests get a key per process.
 */
@Injectable()
export class SigningKeys implements OnModuleInit {
  private readonly logger = new Logger(SigningKeys.name);
  private keys: SigningKey[] = [];

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const source = this.config.CERT_SIGNING_KEYS;
    this.keys = source ? await parseKeySet(source) : [await this.developmentKey()];
    if (!this.keys[0]?.privateKey) throw new Error('CERT_SIGNING_KEYS: the first key must be a private RSA key (it signs new certificates)');
  }

  get active(): SigningKey & { privateKey: CryptoKey } {
    return this.keys[0] as SigningKey & { privateKey: CryptoKey };
  }

  /** The key with this id (the last path segment of its key URL), current or retired. */
  find(keyId: string): SigningKey | undefined {
    return this.keys.find((k) => k.kid === keyId);
  }

  /**
   * Every verification key, for /.well-known/jwks.json. Each key appears with its key URL as `kid`
   * (what credentials name since Open Badges 3.0 conformance) and with its bare id, which credentials
   * signed before then name: JWKS clients match `kid` exactly.
   */
  jwks(publicBaseUrl: string): { keys: JWK[] } {
    return { keys: this.keys.flatMap((k) => [{ ...k.publicJwk, kid: keyUrl(publicBaseUrl, k.kid) }, k.publicJwk]) };
  }

  private async developmentKey(): Promise<SigningKey> {
    if (this.config.NODE_ENV === 'test') return fromJwk(await generatePrivateJwk());
    const file = join(this.config.CERT_KEYS_DIR, DEV_KEY_FILE);
    const existing = await readFile(file, 'utf8').catch(() => null);
    if (existing) return fromJwk(JSON.parse(existing) as JWK);
    const jwk = await generatePrivateJwk();
    await mkdir(this.config.CERT_KEYS_DIR, { recursive: true });
    await writeFile(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
    // Another process may have won the race to create the file: everyone uses what is on disk.
    const stored = JSON.parse(await readFile(file, 'utf8')) as JWK;
    this.logger.warn(`Generated a development certificate signing key in ${file}; set CERT_SIGNING_KEYS in production`);
    return fromJwk(stored);
  }
}

/** A fresh RSA private JWK with its kid (the RFC 7638 thumbprint). */
export async function generatePrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: ALG };
}

/** CERT_SIGNING_KEYS: a JSON array of JWKs, or PEM PKCS#8 private keys one after another. */
export async function parseKeySet(source: string): Promise<SigningKey[]> {
  const trimmed = source.trim();
  if (trimmed.startsWith('[')) return Promise.all((JSON.parse(trimmed) as JWK[]).map(fromJwk));
  const pems = trimmed.match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/g) ?? [];
  if (pems.length === 0) throw new Error('CERT_SIGNING_KEYS holds neither a JSON array of JWKs nor PEM private keys');
  return Promise.all(
    pems.map(async (pem) => {
      const key = await importPKCS8(pem, ALG, { extractable: true });
      const jwk = await exportJWK(key);
      return fromJwk({ ...jwk, kid: await calculateJwkThumbprint(jwk) });
    }),
  );
}

async function fromJwk(jwk: JWK): Promise<SigningKey> {
  if (jwk.kty !== 'RSA') throw new Error('CERT_SIGNING_KEYS: only RSA keys are supported (RS256)');
  const publicJwk: JWK = { kty: 'RSA', n: jwk.n, e: jwk.e, alg: ALG, use: 'sig' };
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicJwk));
  publicJwk.kid = kid;
  const privateKey = jwk.d ? ((await importJWK({ ...jwk, alg: ALG }, ALG)) as CryptoKey) : null;
  return { kid, privateKey, publicJwk };
}
