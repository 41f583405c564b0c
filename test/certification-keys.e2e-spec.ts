import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin } from './support/people';
import { CertificationWorld } from './support/certification-builders';
import { CertificateIssuer } from '../src/certification/certificate-issuer.service';
import { generatePrivateJwk } from '../src/certification/signing-keys.service';

describe('certification keys: rotation and the verification rate limit', () => {
  const world = new CertificationWorld();
  const outline = world.versions.addVersion();
  let before: TestApp;
  let after: TestApp;

  beforeAll(async () => {
    const oldKey = await generatePrivateJwk();
    const newKey = await generatePrivateJwk();
    before = await startTestApp({ role: 'api', overrides: world.overrides(), env: { CERT_SIGNING_KEYS: JSON.stringify([oldKey]) } });
    // The same system after a rotation: the new key signs, the old one only verifies (public part only).
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...oldPublic } = oldKey;
    after = await startTestApp({
      role: 'api',
      database: before.database,
      overrides: world.overrides(),
      env: { CERT_SIGNING_KEYS: JSON.stringify([newKey, oldPublic]), VERIFY_RATE_LIMIT: '5' },
    });
  });
  afterAll(async () => {
    await after?.close();
    await before?.close();
  });

  it('keeps old certificates verifiable after a key rotation, and signs new ones with the new key', async () => {
    const admin = await loginAdmin(before.api);
    const oldHolder = await createUser(before.api, admin.token, ['trainee']);
    const newHolder = await createUser(before.api, admin.token, ['trainee']);
    const first = world.qualifiedEnrollment(oldHolder.id, outline);
    await expect(before.get<CertificateIssuer>(CertificateIssuer).evaluate(first.enrollmentId)).resolves.toBe('issued');
    const [oldCertificate] = (await before.api.get('/api/v1/me/certificates', oldHolder.token)).body.items;
    const oldJwt = (await before.api.get(`/api/v1/certificates/${oldCertificate.id}/credential`, oldHolder.token)).body.jwt;

    const second = world.qualifiedEnrollment(newHolder.id, outline);
    await expect(after.get<CertificateIssuer>(CertificateIssuer).evaluate(second.enrollmentId)).resolves.toBe('issued');
    const [newCertificate] = (await after.api.get('/api/v1/me/certificates', newHolder.token)).body.items;
    const newJwt = (await after.api.get(`/api/v1/certificates/${newCertificate.id}/credential`, newHolder.token)).body.jwt;

    const jwks = (await after.api.get('/.well-known/jwks.json')).body;
    // Each key twice: by its key URL (what credentials name) and by its bare id (credentials signed before key URLs).
    expect(jwks.keys).toHaveLength(4);
    const keySet = createLocalJWKSet(jwks);
    await expect(jwtVerify(oldJwt, keySet)).resolves.toBeTruthy();
    await expect(jwtVerify(newJwt, keySet)).resolves.toBeTruthy();
    expect(decodeProtectedHeader(newJwt).kid).toBe(jwks.keys[0].kid);
    expect(decodeProtectedHeader(oldJwt).kid).toBe(jwks.keys[2].kid);
    expect(jwks.keys[1].kid).toBe(new URL(jwks.keys[0].kid).pathname.split('/').pop());
    expect((await after.api.post('/verify/credentials', { credential: oldJwt })).body).toMatchObject({ valid: true });
    // Before the rotation the new key was unknown: its certificates would not have verified there.
    await expect(jwtVerify(newJwt, createLocalJWKSet((await before.api.get('/.well-known/jwks.json')).body))).rejects.toThrow();
  });

  it('rate limits /verify per client: past VERIFY_RATE_LIMIT it answers 429 problem+json', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await after.api.get(`/verify/${'a'.repeat(26)}`)).status);
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await after.api.get(`/verify/${'b'.repeat(26)}`);
    expect(limited.headers.get('content-type')).toMatch(/problem\+json/);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    // The other app's limit is its own setting (60 by default): not limited there.
    expect((await before.api.get(`/verify/${'a'.repeat(26)}`)).status).toBe(404);
  });
});
