import { createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as jsonwebtoken from 'jsonwebtoken';
import { SignJWT, exportJWK } from 'jose';
import { PDFParse } from 'pdf-parse';
import { chromium, Browser } from 'playwright-core';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { CertificationWorld } from './support/certification-builders';
import { chromiumPath } from './support/chromium';
import { expandAsPublished, schemaErrors, undefinedTerms } from './support/open-badges-conformance';
import { CertificateIssuer } from '../src/certification/certificate-issuer.service';
import { SigningKeys } from '../src/certification/signing-keys.service';

const SCREENSHOTS = join(__dirname, '..', 'test-artifacts', 'screenshots');

/** Every absolute URL of ours inside a JSON value. */
function urlsIn(value: unknown, base: string, found = new Set<string>()): Set<string> {
  if (typeof value === 'string' && value.startsWith(base)) found.add(value);
  else if (Array.isArray(value)) value.forEach((v) => urlsIn(v, base, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => urlsIn(v, base, found));
  return found;
}

describe('Open Badges 3.0 conformance, as an outside verifier sees it', () => {
  const world = new CertificationWorld();
  const outline = world.versions.addVersion({ courseTitle: 'Security Operations Foundations', courseCode: 'SOC-101' });
  let t: TestApp;
  let admin: TestPerson;
  let holder: TestPerson;
  let cert: any;
  let jwt: string;
  let credential: any;

  beforeAll(async () => {
    t = await startTestApp({ overrides: world.overrides(), env: { VERIFY_RATE_LIMIT: '100000', CERT_VALIDITY_MONTHS: '24' } });
    // Credentials name PUBLIC_BASE_URL; here it must be where this app listens, so every URL can be fetched.
    (t.config as { PUBLIC_BASE_URL: string }).PUBLIC_BASE_URL = t.url;
    admin = await loginAdmin(t.api);
    holder = await createUser(t.api, admin.token, ['trainee'], { displayName: 'Keisha Martinez' } as never);
    await t.get<CertificateIssuer>(CertificateIssuer).evaluate(world.qualifiedEnrollment(holder.id, outline).enrollmentId);
    [cert] = (await t.api.get('/api/v1/me/certificates', holder.token)).body.items;
    ({ jwt, credential } = (await t.api.get(`/api/v1/certificates/${cert.id}/credential`, holder.token)).body);
  });
  afterAll(() => t?.close());

  it('passes 1EdTech\'s JSON Schema, and the schema is the official one (strict enums, type aliases)', () => {
    expect(schemaErrors(credential)).toEqual([]);
    expect(schemaErrors({ ...credential, type: ['VerifiableCredential', 'AchievementCredential'] })).toEqual([]);
    const unknownType = structuredClone(credential);
    unknownType.credentialSubject.achievement.achievementType = 'Trophy';
    expect(schemaErrors(unknownType).join('\n')).toMatch(/achievementType/);
    expect(schemaErrors({ ...credential, validFrom: undefined }).join('\n')).toMatch(/validFrom/);
  });

  it('expands as JSON-LD with no undefined term (and the check does catch one)', async () => {
    expect(await undefinedTerms(credential)).toEqual([]);
    expect(await undefinedTerms({ ...credential, favouriteColour: 'blue' })).toEqual(['favouriteColour']);
    expect(await undefinedTerms({ ...credential, '@context': credential['@context'].slice(0, 2) })).toContain('1EdTechRevocationList');
    const issuerProfile = (await t.api.get('/api/v1/issuers/gds-academy')).body;
    const achievement = (await t.api.get(`/api/v1/achievements/${outline.versionId}`)).body;
    expect(await undefinedTerms(issuerProfile)).toEqual([]);
    expect(await undefinedTerms(achievement)).toEqual([]);
    // The published OB 3.0.3 context refuses even a minimal profile under strict JSON-LD 1.1 (its own
    // protected `image` is redefined by its type-scoped contexts): pinned, so a fixed context shows here.
    const minimal = { '@context': credential['@context'], type: 'VerifiableCredential', issuer: { id: 'https://x.example', type: 'Profile' } };
    await expect(expandAsPublished(minimal)).rejects.toThrow(/protected term/);
  });

  it('verifies with an independent JWT library through the key its kid dereferences to, claims equal to the credential', async () => {
    const { header, payload } = jsonwebtoken.decode(jwt, { complete: true }) as { header: jsonwebtoken.JwtHeader; payload: jsonwebtoken.JwtPayload };
    expect(header).toEqual({ alg: 'RS256', kid: expect.stringMatching(new RegExp(`^${t.url}/\\.well-known/jwks/`)), typ: 'JWT' });
    const keyAnswer = await fetch(header.kid!);
    expect(keyAnswer.status).toBe(200);
    expect(keyAnswer.headers.get('content-type')).toMatch(/^application\/jwk\+json/);
    const jwk = (await keyAnswer.json()) as any;
    expect(jwk).toMatchObject({ kty: 'RSA', kid: header.kid, alg: 'RS256' });
    expect(jwk.d).toBeUndefined();
    const verified = jsonwebtoken.verify(jwt, createPublicKey({ key: jwk, format: 'jwk' }), {
      algorithms: ['RS256'], issuer: credential.issuer.id, subject: credential.credentialSubject.id, jwtid: credential.id,
    }) as jsonwebtoken.JwtPayload;
    expect(verified.nbf! * 1000).toBe(Date.parse(credential.validFrom));
    expect(verified.exp! * 1000).toBe(Date.parse(credential.validUntil));
    expect(credential.credentialSubject.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(payload.sub).toBe(credential.credentialSubject.id);
    // The revocation check: the status list named in the credential answers, without this credential.
    const list = (await (await fetch(credential.credentialStatus.id)).json()) as any;
    expect(list.revokedCredentials.map((r: any) => r.id)).not.toContain(credential.id);
  });

  it('every URL inside the credential answers, skill pages as HTML for people and JSON for machines', async () => {
    const urls = urlsIn({ credential, kid: (jsonwebtoken.decode(jwt, { complete: true }) as any).header.kid }, t.url);
    // issuer.url is the issuer's web site (CERT_ISSUER_URL, outside this service; here it defaults to the bare base URL).
    urls.delete(credential.issuer.url);
    expect(urls.size).toBeGreaterThanOrEqual(7);
    for (const url of urls) {
      const answer = await fetch(url, { headers: { accept: 'application/json' } });
      expect([url, answer.status]).toEqual([url, 200]);
    }
    const achievement = (await (await fetch(credential.credentialSubject.achievement.id)).json()) as any;
    const signed = credential.credentialSubject.achievement;
    expect(achievement).toMatchObject({ id: signed.id, name: signed.name, criteria: signed.criteria, image: signed.image, alignment: signed.alignment });
    expect((await fetch(signed.image.id)).headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const skill = signed.alignment[0];
    const page = await fetch(skill.targetUrl, { headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain(skill.targetName);
    expect(await (await fetch(skill.targetUrl)).json()).toMatchObject({ code: skill.targetCode, name: skill.targetName, track: { name: 'Cybersecurity' } });
    expect((await t.api.get('/api/v1/skills/NO-SUCH-SKILL')).status).toBe(404);
    expect((await t.api.get(`/api/v1/achievements/${randomUUID()}`)).status).toBe(404);
    expect((await t.api.get('/api/v1/achievements/not-a-uuid/image')).status).toBe(404);
    expect((await t.api.get('/.well-known/jwks/no-such-key')).status).toBe(404);
  });

  it('serves the bare VC-JWT by content negotiation, as a download, and baked into the holder\'s badge image', async () => {
    const path = `/api/v1/certificates/${cert.id}/credential`;
    const vcJwt = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${holder.token}`, accept: 'application/vc+jwt' } });
    expect([vcJwt.headers.get('content-type'), await vcJwt.text()]).toEqual(['application/vc+jwt', jwt]);
    const text = await fetch(`${t.url}${path}?code=${cert.verificationCode}`, { headers: { accept: 'text/plain' } });
    expect([text.headers.get('content-type'), await text.text()]).toEqual(['text/plain; charset=utf-8', jwt]);
    const download = await fetch(cert.share.credentialDownloadUrl);
    expect(download.headers.get('content-disposition')).toMatch(/attachment; filename="SOC-101-credential\.jwt"/);
    expect(await download.text()).toBe(jwt);
    expect((await fetch(`${t.url}${path}`, { headers: { accept: 'application/json' } })).status).toBe(404);
    const baked = await fetch(cert.share.badgeImageUrl);
    expect(baked.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await baked.text();
    expect(svg).toContain('xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"');
    expect(/<openbadges:credential verify="([^"]+)"><\/openbadges:credential>/.exec(svg)?.[1]).toBe(jwt);
    expect((await fetch(`${t.url}/api/v1/certificates/${cert.id}/image`)).status).toBe(404);
  });

  it('answers CORS requests from any origin, without credentials, on public documents only', async () => {
    const origin = { origin: 'https://verifier.example' };
    const publicPaths = [`/verify/${cert.verificationCode}`, '/.well-known/jwks.json', '/api/v1/revocation-lists/certificates', '/api/v1/issuers/gds-academy',
      `/api/v1/achievements/${outline.versionId}`, `/api/v1/achievements/${outline.versionId}/image`, '/api/v1/skills/CYB-SOC-01'];
    for (const path of publicPaths) {
      const answer = await fetch(`${t.url}${path}`, { headers: origin });
      expect([path, answer.status, answer.headers.get('access-control-allow-origin'), answer.headers.get('access-control-allow-credentials')]).toEqual([path, 200, '*', null]);
    }
    const preflight = await fetch(`${t.url}/verify/credentials`, {
      method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const privateAnswer = await fetch(`${t.url}/api/v1/me/certificates`, { headers: { ...origin, authorization: `Bearer ${holder.token}` } });
    expect(privateAnswer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('POST /verify/credentials: each bad input gets its own clear answer, never a 5xx and never valid', async () => {
    const keys = t.get<SigningKeys>(SigningKeys);
    const ours = keys.active;
    const kidOf = (id: string) => `${t.url}/.well-known/jwks/${id}`;
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const now = Math.floor(Date.now() / 1000);
    const forged = async (changes: { payload?: Record<string, unknown>; kid?: string; key?: unknown; alg?: string }) => {
      const id = `urn:uuid:${randomUUID()}`;
      const payload = { ...credential, id, iss: credential.issuer.id, jti: id, sub: credential.credentialSubject.id, nbf: Date.parse(credential.validFrom) / 1000, exp: Date.parse(credential.validUntil) / 1000, ...changes.payload };
      return new SignJWT(payload as never).setProtectedHeader({ alg: changes.alg ?? 'RS256', kid: changes.kid ?? kidOf(ours.kid), typ: 'JWT' }).sign((changes.key ?? ours.privateKey) as never);
    };
    const at = (seconds: number) => ({ validFrom: new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'), nbf: seconds });
    const [, payloadPart, signature] = jwt.split('.');
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const otherIssuer = 'https://another-academy.example/issuers/1';
    const cases: Array<[string, unknown, number, string | null]> = [
      ['genuine', jwt, 200, null],
      ['malformed', 'not-a-jwt', 200, 'malformed'],
      ['truncated in the payload', jwt.slice(0, jwt.indexOf('.') + 20), 200, 'malformed'],
      ['truncated signature', jwt.slice(0, -12), 200, 'bad-signature'],
      ['not JSON inside', `${b64({ alg: 'RS256' })}.bm90IGpzb24.${signature}`, 200, 'malformed'],
      ['oversized (> 64 KB)', `${jwt}${'A'.repeat(66_000)}`, 400, null],
      ['a number', 12, 400, null],
      ['an object', { jwt }, 400, null],
      ['null', null, 400, null],
      ['alg none', `${b64({ alg: 'none', kid: kidOf(ours.kid) })}.${payloadPart}.`, 200, 'unsupported-algorithm'],
      ['HS256 with the public key as secret', await forged({ alg: 'HS256', key: new TextEncoder().encode(JSON.stringify(ours.publicJwk)) }), 200, 'unsupported-algorithm'],
      ['right kid, another key', await forged({ key: other.privateKey }), 200, 'bad-signature'],
      ['another issuer', await forged({ key: other.privateKey, kid: `${otherIssuer}#key-1`, payload: { iss: otherIssuer, issuer: { ...credential.issuer, id: otherIssuer } } }), 200, 'other-issuer'],
      ['unknown key of ours', await forged({ kid: kidOf('retired-long-ago') }), 200, 'unknown-key'],
      ['claims that disagree with the credential', await forged({ payload: { sub: 'urn:uuid:someone-else' } }), 200, 'claims-mismatch'],
      ['not yet valid', await forged({ payload: at(now + 86_400) }), 200, 'not-yet-valid'],
      ['expired', await forged({ payload: { ...at(now - 7200), exp: now - 60, validUntil: new Date((now - 60) * 1000).toISOString().replace('.000Z', 'Z') } }), 200, 'expired'],
      ['signed by us, but no such certificate', await forged({}), 200, 'unknown-certificate'],
    ];
    for (const [name, presented, status, reason] of cases) {
      const answer = await t.api.post('/verify/credentials', { credential: presented });
      expect([name, answer.status]).toEqual([name, status]);
      if (status === 200) expect([name, answer.body.valid, answer.body.reason]).toEqual([name, reason === null, reason]);
    }
    expect(await exportJWK(other.publicKey)).toBeTruthy();
  });

  it('reads as revoked on every surface once revoked: verification JSON and page, credential check, list, PDF', async () => {
    let browser: Browser | undefined;
    mkdirSync(SCREENSHOTS, { recursive: true });
    try {
      browser = await chromium.launch({
        executablePath: chromiumPath(),
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      const shoot = async (name: string, width: number) => {
        const page = await (await browser!.newContext({ viewport: { width, height: 720 } })).newPage();
        await page.goto(cert.share.verificationUrl);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
        const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        const text = await page.locator('main').innerText();
        await page.close();
        return { overflow, text };
      };
      const valid = await shoot('certificate-verification-valid', 360);
      expect(valid.overflow).toBeLessThanOrEqual(0);
      for (const expected of ['Valid certificate', 'Keisha Martinez', 'Cybersecurity', 'Security monitoring', 'Criteria met', 'GDS Academy', 'How this was checked', 'The signature is valid', 'Add to LinkedIn profile']) {
        expect(valid.text).toContain(expected);
      }
      expect(valid.text).not.toContain('CYB-SOC-01');
      await shoot('certificate-verification-valid', 1280);

      expect((await t.api.post(`/api/v1/certificates/${cert.id}/revoke`, { reasonCode: 'issued-in-error', note: 'Enrolled under the wrong account' }, admin.token)).status).toBe(200);
      const revoked = await shoot('certificate-verification-revoked', 360);
      expect(revoked.overflow).toBeLessThanOrEqual(0);
      expect(revoked.text).toMatch(/Revoked on .*\n?.*Issued in error/);
      expect(revoked.text).not.toContain('wrong account');
    } finally {
      await browser?.close();
    }
    expect((await t.api.get(`/verify/${cert.verificationCode}`)).body).toMatchObject({ status: 'revoked', valid: false, revocation: { reasonCode: 'issued-in-error' } });
    expect((await t.api.post('/verify/credentials', { credential: jwt })).body).toMatchObject({ valid: false, reason: 'revoked', revocationReasonCode: 'issued-in-error' });
    const list = (await (await fetch(credential.credentialStatus.id)).json()) as any;
    expect(list.revokedCredentials).toContainEqual({ id: credential.id, revoked: true, revocationReason: 'issued-in-error' });
    const pdf = await fetch(`${t.url}/api/v1/certificates/${cert.id}/pdf`, { headers: { authorization: `Bearer ${holder.token}` } });
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('REVOKED');
    expect(text).toContain('Issued in error');
    expect(text).not.toContain('wrong account');
  });
});
