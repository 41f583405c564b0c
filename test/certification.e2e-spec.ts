import { createHash, createPublicKey, randomUUID, verify as verifySignature } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { PDFParse } from 'pdf-parse';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { CertificationWorld, publishEvaluation, waitForCertificates, waitForJobCompleted } from './support/certification-builders';
import { CertificateIssuer } from '../src/certification/certificate-issuer.service';
import { CertifiedTrainees } from '../src/certification/certified-trainees.contract';

/** Verifies an RS256 JWS with node:crypto alone: a check independent of jose, which signed it. */
function verifyWithNodeCrypto(jwt: string, jwks: { keys: Array<Record<string, unknown>> }): boolean {
  const [header, payload, signature] = jwt.split('.');
  const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (alg !== 'RS256' || !jwk) return false;
  const key = createPublicKey({ key: jwk as never, format: 'jwk' });
  return verifySignature('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'));
}

function flipOneByte(jwt: string): string {
  const [header, payload, signature] = jwt.split('.');
  const bytes = Buffer.from(payload, 'base64url');
  bytes[Math.floor(bytes.length / 2)] ^= 0x01;
  return [header, bytes.toString('base64url'), signature].join('.');
}

describe('certification: issuance, credential, verification, revocation, PDF', () => {
  const world = new CertificationWorld();
  let t: TestApp;
  let admin: TestPerson;
  let traineeA: TestPerson;
  let traineeB: TestPerson;
  let reviewer: TestPerson;
  let certA: any;
  const outline = world.versions.addVersion();
  const cohortId = '6f9d3c52-8a51-4a8f-9c3e-1c2f4d6b7a01';

  beforeAll(async () => {
    t = await startTestApp({ overrides: world.overrides(), env: { VERIFY_RATE_LIMIT: '100000', PUBLIC_BASE_URL: 'https://academy.example.test' } });
    admin = await loginAdmin(t.api);
    traineeA = await createUser(t.api, admin.token, ['trainee'], { displayName: 'Amina Okafor' } as never);
    traineeB = await createUser(t.api, admin.token, ['trainee']);
    reviewer = await createUser(t.api, admin.token, ['reviewer']);
  });
  afterAll(() => t.close());

  it('issues exactly one certificate through the job path, even when the job runs again', async () => {
    const enrollment = world.qualifiedEnrollment(traineeA.id, outline, cohortId);
    const firstJob = await publishEvaluation(t, enrollment.enrollmentId);
    [certA] = await waitForCertificates(t.api, traineeA.token, 1);
    await waitForJobCompleted(t, 'progress', firstJob);
    expect(certA).toMatchObject({ holderName: 'Amina Okafor', courseTitle: outline.courseTitle, track: 'cybersecurity', status: 'valid', cohortId });
    expect(certA.skills).toEqual(['CYB-FOR-01', 'CYB-IR-01', 'CYB-SOC-01']);
    expect(certA).toMatchObject({ trackName: 'Cybersecurity', statusLabel: 'Valid certificate', revocation: null });
    expect(certA.skillDetails).toEqual([
      { code: 'CYB-FOR-01', name: 'Digital forensics basics' },
      { code: 'CYB-IR-01', name: 'Incident response' },
      { code: 'CYB-SOC-01', name: 'Security monitoring' },
    ]);
    // The job again, through the queue to completion, and twice concurrently in-process: still one.
    await waitForJobCompleted(t, 'progress', await publishEvaluation(t, enrollment.enrollmentId));
    const issuer = t.get<CertificateIssuer>(CertificateIssuer);
    const outcomes = await Promise.all([issuer.evaluate(enrollment.enrollmentId), issuer.evaluate(enrollment.enrollmentId)]);
    expect(outcomes).toEqual(['already-certified', 'already-certified']);
    const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM certificate WHERE trainee_id = $1', [traineeA.id]);
    expect(rows[0].n).toBe(1);
    const notices = await t.dataSource.query(`SELECT payload FROM outbox_message WHERE job_name = 'notify' AND payload->>'type' = 'certificate-issued'`);
    expect(notices.map((n: any) => n.payload.recipientIds)).toEqual([[traineeA.id]]);
    expect(certA.verificationCode).toMatch(/^[a-z2-7]{26}$/);
  });

  it('issues one certificate when two evaluations race', async () => {
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const enrollment = world.qualifiedEnrollment(trainee.id, outline);
    const issuer = t.get<CertificateIssuer>(CertificateIssuer);
    const outcomes = await Promise.all([1, 2, 3].map(() => issuer.evaluate(enrollment.enrollmentId)));
    expect(outcomes.sort()).toEqual(['already-certified', 'already-certified', 'issued']);
    const rows = await t.dataSource.query('SELECT count(*)::int AS n FROM certificate WHERE trainee_id = $1', [trainee.id]);
    expect(rows[0].n).toBe(1);
  });

  it('pages my certificates newest first and tells reporting about them (CertifiedTrainees)', async () => {
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const issuer = t.get<CertificateIssuer>(CertificateIssuer);
    const first = world.qualifiedEnrollment(trainee.id, world.versions.addVersion({ courseTitle: 'Cloud Foundations', trackCode: 'cloud-engineering' }));
    const second = world.qualifiedEnrollment(trainee.id, world.versions.addVersion({ courseTitle: 'SQL for Analysts', trackCode: 'data-analysis' }));
    await expect(issuer.evaluate(first.enrollmentId)).resolves.toBe('issued');
    await expect(issuer.evaluate(second.enrollmentId)).resolves.toBe('issued');
    const page1 = await t.api.get('/api/v1/me/certificates?limit=1', trainee.token);
    expect(page1.body.items.map((c: any) => c.courseTitle)).toEqual(['SQL for Analysts']);
    const page2 = await t.api.get(`/api/v1/me/certificates?limit=1&cursor=${page1.body.nextCursor}`, trainee.token);
    expect(page2.body).toMatchObject({ items: [expect.objectContaining({ courseTitle: 'Cloud Foundations' })], nextCursor: null });
    expect((await t.api.get('/api/v1/me/certificates?cursor=garbage', trainee.token)).status).toBe(400);
    expect((await t.api.get('/api/v1/me/certificates?limit=500', trainee.token)).status).toBe(400);
    const refs = await t.get<CertifiedTrainees>(CertifiedTrainees).certificatesOfEnrollments([first.enrollmentId, second.enrollmentId, randomUUID()]);
    expect(refs.map((r) => r.enrollmentId).sort()).toEqual([first.enrollmentId, second.enrollmentId].sort());
    expect(refs[0]).toMatchObject({ traineeId: trainee.id, revokedAt: null });
    expect(refs[0].issuedAt).toBeInstanceOf(Date);
  });

  it('issues nothing while the criteria are not met', async () => {
    const enrollment = world.enrollments.enroll(traineeB.id, outline.versionId, { cohortId });
    world.setStanding(enrollment, outline, { modulesDone: 2, passAll: true, score: 69.5 });
    await expect(t.get<CertificateIssuer>(CertificateIssuer).evaluate(enrollment.enrollmentId)).resolves.toBe('not-met');
    world.setStanding(enrollment, outline, { modulesDone: 1, passAll: true, score: 95 });
    await expect(t.get<CertificateIssuer>(CertificateIssuer).evaluate(enrollment.enrollmentId)).resolves.toBe('not-met');
    expect((await t.api.get('/api/v1/me/certificates', traineeB.token)).body.items).toEqual([]);
  });

  it('signs an Open Badges 3.0 credential that verifies with the JWKS (jose and node:crypto)', async () => {
    const answer = await t.api.get(`/api/v1/certificates/${certA.id}/credential`, traineeA.token);
    expect(answer.status).toBe(200);
    const jwks = (await t.api.get('/.well-known/jwks.json')).body;
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(JSON.stringify(jwks)).not.toMatch(/"(d|p|q|dp|dq|qi)"/);
    const { payload, protectedHeader } = await jwtVerify(answer.body.jwt, createLocalJWKSet(jwks), { algorithms: ['RS256'] });
    expect(protectedHeader.kid).toBe(answer.body.keyUrl);
    expect(verifyWithNodeCrypto(answer.body.jwt, jwks)).toBe(true);

    // VC data model 2.0: the payload is the credential; the registered claims equal its properties.
    const vc = payload as any;
    expect(payload.vc).toBeUndefined();
    expect(answer.body.credential).toEqual(Object.fromEntries(Object.entries(vc).filter(([k]) => !['iss', 'sub', 'jti', 'nbf', 'exp'].includes(k))));
    expect(payload.jti).toBe(`urn:uuid:${certA.id}`);
    expect(payload.iss).toBe(vc.issuer.id);
    expect(payload.sub).toBe(vc.credentialSubject.id);
    expect(payload.nbf! * 1000).toBe(Date.parse(vc.validFrom));
    expect(protectedHeader.kid).toBe(`https://academy.example.test/.well-known/jwks/${answer.body.kid}`);
    expect(vc.credentialStatus).toEqual({ id: 'https://academy.example.test/api/v1/revocation-lists/certificates', type: '1EdTechRevocationList' });
    expect(vc.credentialSubject.achievement.alignment.map((a: any) => [a.targetCode, a.targetName])).toEqual([
      ['CYB-FOR-01', 'Digital forensics basics'], ['CYB-IR-01', 'Incident response'], ['CYB-SOC-01', 'Security monitoring'],
    ]);
    expect(vc.credentialSubject.achievement.criteria.narrative).toMatch(/at least 70%/);
    // The email is not in the credential, only its salted hash, which a verifier who knows it can check.
    expect(JSON.stringify(vc)).not.toContain(traineeA.email);
    const identity = vc.credentialSubject.identifier[0];
    expect(identity).toMatchObject({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true });
    expect(identity.identityHash).toBe(`sha256$${createHash('sha256').update(traineeA.email.toLowerCase() + identity.salt).digest('hex')}`);
  });

  it('a tampered credential fails verification', async () => {
    const { jwt } = (await t.api.get(`/api/v1/certificates/${certA.id}/credential`, traineeA.token)).body;
    const jwks = (await t.api.get('/.well-known/jwks.json')).body;
    const tampered = flipOneByte(jwt);
    await expect(jwtVerify(tampered, createLocalJWKSet(jwks))).rejects.toThrow();
    expect(verifyWithNodeCrypto(tampered, jwks)).toBe(false);
    // Presented to the service: an explicit "invalid", never a 5xx.
    const check = (credential: unknown) => t.api.post('/verify/credentials', { credential });
    expect((await check(jwt)).body).toMatchObject({ valid: true, reason: null, certificateId: certA.id });
    expect((await check(tampered)).body).toMatchObject({ valid: false, reason: 'bad-signature', certificateId: null, verificationUrl: null });
    expect((await check('not.a.jwt')).body).toMatchObject({ valid: false, reason: 'malformed' });
    const [, payload, signature] = jwt.split('.');
    const otherKid = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'someone-else' })).toString('base64url');
    expect((await check(`${otherKid}.${payload}.${signature}`)).body).toMatchObject({ valid: false, reason: 'unknown-key' });
    const noneAlg = Buffer.from(JSON.stringify({ alg: 'none', kid: jwks.keys[0].kid })).toString('base64url');
    expect((await check(`${noneAlg}.${payload}.`)).body).toMatchObject({ valid: false, reason: 'unsupported-algorithm' });
    expect((await check(12)).status).toBe(400);
    expect((await t.api.post('/verify/credentials', { credential: jwt, extra: true })).status).toBe(400);
  });

  it('verifies by code as JSON or as an HTML page; unknown or malformed codes are 404', async () => {
    const json = await t.api.get(`/verify/${certA.verificationCode}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({
      status: 'valid', valid: true, holder: { name: 'Amina Okafor' },
      achievement: { name: outline.courseTitle, track: { code: 'cybersecurity', name: 'Cybersecurity' } },
      issuer: { name: 'GDS Academy' }, revokedAt: null, revocation: null, signature: { verified: true, algorithm: 'RS256' },
    });
    expect(json.body.issuedAt).toBe(certA.issuedAt);
    const html = await t.api.get(`/verify/${certA.verificationCode}`, undefined, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.text).toContain('Amina Okafor');
    expect(html.text).toContain('Valid certificate');
    for (const code of ['a'.repeat(26), certA.verificationCode.slice(0, 25), 'not-a-code', "x'%20OR%201=1", 'A'.repeat(150)]) {
      const answer = await t.api.get(`/verify/${code}`);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/problem\+json/);
    }
    const unknownPage = await t.api.get(`/verify/${'c'.repeat(26)}`, undefined, { accept: 'text/html' });
    expect(unknownPage.status).toBe(404);
    expect(unknownPage.text).toContain('Certificate not found');
    // Past the router's parameter limit Fastify answers 414 itself: still a 4xx.
    expect((await t.api.get(`/verify/${'A'.repeat(300)}`)).status).toBe(414);
  });

  it('lets only its trainee (or admins, or a holder of the code) fetch the credential and the PDF', async () => {
    expect((await t.api.get(`/api/v1/certificates/${certA.id}/credential`, traineeB.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/certificates/${certA.id}/credential`)).status).toBe(404);
    expect((await t.api.get(`/api/v1/certificates/${certA.id}/credential?code=${'b'.repeat(26)}`, traineeB.token)).status).toBe(404);
    const withCode = await t.api.get(`/api/v1/certificates/${certA.id}/credential?code=${certA.verificationCode}`);
    expect(withCode.status).toBe(200);
    expect(withCode.body.jwt.split('.')).toHaveLength(3);
    expect((await t.api.get(`/api/v1/certificates/${certA.id}/pdf`, traineeB.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/certificates/${certA.id}/pdf`)).status).toBe(401);
    expect((await t.api.get(`/api/v1/certificates/${certA.id}`, traineeB.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/certificates/${certA.id}/pdf`, admin.token)).status).toBe(200);
  });

  it('renders a PDF whose text names the holder, course, track, skills, date, issuer and verification URL', async () => {
    const response = await fetch(`${t.url}/api/v1/certificates/${certA.id}/pdf`, { headers: { authorization: `Bearer ${traineeA.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    for (const expected of ['Amina Okafor', outline.courseTitle, 'Cybersecurity', 'Security monitoring', 'Criteria met', certA.issuedAt.slice(0, 10), 'GDS Academy', `https://academy.example.test/verify/${certA.verificationCode}`]) {
      expect(text).toContain(expected);
    }
  });

  it('lists a cohort\'s certificates for admins (with names, CSV too) and reviewers (without names)', async () => {
    const forAdmin = await t.api.get(`/api/v1/cohorts/${cohortId}/certificates`, admin.token);
    expect(forAdmin.status).toBe(200);
    expect(forAdmin.body.items).toEqual([expect.objectContaining({ certificateId: certA.id, holderName: 'Amina Okafor', traineeId: traineeA.id })]);
    const forReviewer = await t.api.get(`/api/v1/cohorts/${cohortId}/certificates`, reviewer.token);
    expect(forReviewer.status).toBe(200);
    expect(forReviewer.body.items).toHaveLength(1);
    expect(JSON.stringify(forReviewer.body)).not.toMatch(/Amina|traineeId|verificationCode/);
    const csv = await t.api.get(`/api/v1/cohorts/${cohortId}/certificates?format=csv`, admin.token);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('certificateId,traineeId,holderName,verificationCode,courseCode,courseTitle,track,courseScore,issuedAt,status,revokedAt,reviewStatus');
    expect(lines[1]).toContain('Amina Okafor');
    const reviewerCsv = await t.api.get(`/api/v1/cohorts/${cohortId}/certificates?format=csv`, reviewer.token);
    expect(reviewerCsv.text).not.toContain('Amina');
    expect((await t.api.get(`/api/v1/cohorts/${cohortId}/certificates`, traineeA.token)).status).toBe(403);
    expect((await t.api.get(`/api/v1/cohorts/${cohortId}/certificates?format=xml`, admin.token)).status).toBe(400);
    // A cohort that does not exist has no list, not an empty one (found by the authorization matrix).
    for (const who of [admin, reviewer]) expect((await t.api.get(`/api/v1/cohorts/${randomUUID()}/certificates`, who.token)).status).toBe(404);
    const missingCsv = await t.api.get(`/api/v1/cohorts/${randomUUID()}/certificates?format=csv`, admin.token);
    expect([missingCsv.status, missingCsv.headers.get('content-type'), missingCsv.headers.get('content-disposition')]).toEqual([404, expect.stringMatching(/^application\/problem\+json/), null]);
  });

  it('flags a certified trainee who falls below the criteria after a regrade, for an admin to keep or revoke', async () => {
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const enrollment = world.qualifiedEnrollment(trainee.id, outline, cohortId);
    const issuer = t.get<CertificateIssuer>(CertificateIssuer);
    await expect(issuer.evaluate(enrollment.enrollmentId)).resolves.toBe('issued');
    world.setStanding(enrollment, outline, { modulesDone: 2, passAll: true, score: 40 });
    await waitForJobCompleted(t, 'progress', await publishEvaluation(t, enrollment.enrollmentId));
    const flagged = await waitFor(
      async () => (await t.api.get('/api/v1/certificate-reviews', admin.token)).body.items.find((c: any) => c.traineeId === trainee.id),
      { what: 'the flagged certificate', timeoutMs: 60_000 },
    );
    expect(flagged).toMatchObject({ status: 'valid', reviewStatus: 'pending' });
    expect(flagged.reviewDetail).toMatch(/course score 40 is below 70/);
    // Not revoked silently: verification still says valid; a second evaluation does not flag twice.
    expect((await t.api.get(`/verify/${flagged.verificationCode}`)).body.status).toBe('valid');
    await expect(issuer.evaluate(enrollment.enrollmentId)).resolves.toBe('already-certified');
    expect((await t.api.get('/api/v1/certificate-reviews', traineeA.token)).status).toBe(403);
    for (const bad of [{ decision: 'revoke', reasonCode: 'plagiarism' }, { decision: 'keep', reason: 'free text' }, { decision: 'keep', note: '  ' }]) {
      expect((await t.api.post(`/api/v1/certificates/${flagged.id}/review`, bad, admin.token)).status).toBe(400);
    }
    const kept = await t.api.post(`/api/v1/certificates/${flagged.id}/review`, { decision: 'keep', note: 'Regrade was a data-entry error' }, admin.token);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ reviewStatus: 'kept', status: 'valid' });
    expect((await t.api.post(`/api/v1/certificates/${flagged.id}/review`, { decision: 'keep' }, admin.token)).status).toBe(409);
    const events = await t.dataSource.query('SELECT kind, actor_id FROM certificate_event WHERE certificate_id = $1 ORDER BY created_at', [flagged.id]);
    expect(events).toEqual([{ kind: 'issued', actor_id: null }, { kind: 'flagged', actor_id: null }, { kind: 'kept', actor_id: admin.id }]);
  });

  it('revokes (admins only, with a reason code, once), visible at once everywhere with the code, never the note', async () => {
    const note = 'Plagiarism found in the lab report of Amina (see case 2026-17)';
    const revoke = (body: unknown, token: string) => t.api.post(`/api/v1/certificates/${certA.id}/revoke`, body, token);
    expect((await revoke({ reasonCode: 'academic-misconduct', note }, traineeA.token)).status).toBe(403);
    expect((await revoke({ reasonCode: 'academic-misconduct', note }, reviewer.token)).status).toBe(403);
    for (const bad of [{}, { reason: 'Plagiarism found' }, { reasonCode: 'plagiarism' }, { reasonCode: 'other', note: '   ' }, { reasonCode: 'other', note: 'x'.repeat(1001) }, { reasonCode: 'other', extra: 1 }]) {
      expect((await revoke(bad, admin.token)).status).toBe(400);
    }
    expect((await t.api.get(`/verify/${certA.verificationCode}`)).body.status).toBe('valid');

    const revoked = await revoke({ reasonCode: 'academic-misconduct', note }, admin.token);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked', revocation: { reasonCode: 'academic-misconduct', reasonLabel: expect.stringMatching(/misconduct/) }, revocationNote: `academic-misconduct: ${note}`,
    });
    const mine = (await t.api.get(`/api/v1/certificates/${certA.id}`, traineeA.token)).body;
    expect(mine).toMatchObject({ status: 'revoked', revocation: { reasonCode: 'academic-misconduct' } });
    expect(JSON.stringify(mine)).not.toContain('Plagiarism');
    const verified = await t.api.get(`/verify/${certA.verificationCode}`);
    expect(verified.body).toMatchObject({ status: 'revoked', valid: false, revocation: { reasonCode: 'academic-misconduct' } });
    expect(verified.body.revokedAt).toBe(revoked.body.revokedAt);
    const page = await t.api.get(`/verify/${certA.verificationCode}`, undefined, { accept: 'text/html' });
    expect(page.text).toContain('Revoked on');
    expect(page.text).toContain('Academic misconduct');
    const list = await t.api.get('/api/v1/revocation-lists/certificates');
    expect(list.status).toBe(200);
    expect(list.body.revokedCredentials).toEqual([{ id: `urn:uuid:${certA.id}`, revoked: true, revocationReason: 'academic-misconduct' }]);
    for (const published of [verified.text, page.text, list.text]) expect(published).not.toContain('Plagiarism');
    expect((await t.api.get('/api/v1/revocation-lists/other')).status).toBe(404);
    const presented = (await t.api.get(`/api/v1/certificates/${certA.id}/credential`, traineeA.token)).body.jwt;
    expect((await t.api.post('/verify/credentials', { credential: presented })).body).toMatchObject({
      valid: false, reason: 'revoked', certificateId: certA.id, revocationReasonCode: 'academic-misconduct',
    });

    const again = await revoke({ reasonCode: 'other' }, admin.token);
    expect(again.status).toBe(409);
    expect((await t.api.post(`/api/v1/certificates/0b8f0c2e-4a4e-4b1e-9a57-1f2e3d4c5b6a/revoke`, { reasonCode: 'other' }, admin.token)).status).toBe(404);
    const audit = await t.dataSource.query(`SELECT actor_id, detail FROM certificate_event WHERE certificate_id = $1 AND kind = 'revoked'`, [certA.id]);
    expect(audit).toEqual([{ actor_id: admin.id, detail: `academic-misconduct: ${note}` }]);
    const notices = await t.dataSource.query(`SELECT job_id, payload FROM outbox_message WHERE job_name = 'notify' AND payload->>'type' = 'certificate-revoked'`);
    expect(notices).toEqual([expect.objectContaining({ job_id: `notify.certificate-revoked%3A${certA.id}` })]);
    expect(notices[0].payload.data).toMatchObject({ reasonCode: 'academic-misconduct' });
    expect(JSON.stringify(notices[0].payload)).not.toContain('Plagiarism');
    const [{ enrollment_id: enrollmentId }] = await t.dataSource.query('SELECT enrollment_id FROM certificate WHERE id = $1', [certA.id]);
    const [ref] = await t.get<CertifiedTrainees>(CertifiedTrainees).certificatesOfEnrollments([enrollmentId]);
    expect(ref.revokedAt).toEqual(new Date(revoked.body.revokedAt));
  });

  it('sets criteria per course version: admins and the course\'s instructors only, validated', async () => {
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    const stranger = await createUser(t.api, admin.token, ['instructor']);
    world.draftModules.addModule([instructor.id], { moduleId: outline.modules[0].moduleId, courseStatus: 'published' });
    const path = `/api/v1/course-versions/${outline.versionId}/certification-criteria`;
    expect((await t.api.get(path, instructor.token)).body).toMatchObject({ minCourseScore: 70, requireAllModules: true, customised: false });
    expect((await t.api.put(path, { minCourseScore: 80 }, stranger.token)).status).toBe(404);
    expect((await t.api.put(path, { minCourseScore: 80 }, traineeA.token)).status).toBe(403);
    for (const bad of [{ minCourseScore: 101 }, { minCourseScore: -1 }, { minCourseScore: '80' }, { requireAllModules: 'yes' }, { extra: 1 }]) {
      expect((await t.api.put(path, bad, instructor.token)).status).toBe(400);
    }
    const updated = await t.api.put(path, { minCourseScore: 80, narrative: 'Pass every lab and score 80%.' }, instructor.token);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ minCourseScore: 80, customised: true, narrative: 'Pass every lab and score 80%.' });
    expect((await t.api.put(`/api/v1/course-versions/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/certification-criteria`, { minCourseScore: 80 }, admin.token)).status).toBe(404);
    // The new threshold applies to later evaluations: 75 no longer certifies.
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const enrollment = world.enrollments.enroll(trainee.id, outline.versionId, { cohortId });
    world.setStanding(enrollment, outline, { modulesDone: 2, passAll: true, score: 75 });
    await expect(t.get<CertificateIssuer>(CertificateIssuer).evaluate(enrollment.enrollmentId)).resolves.toBe('not-met');
  });
});
