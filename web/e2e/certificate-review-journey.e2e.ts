import { test, expect, checkScreen } from './support/fixtures.ts';
import { signIn } from './support/sign-in.ts';
import { buildLearningWorld, passQuiz, quizKey, startCohort, type LearningWorld } from './support/learning-world.ts';
import type { ApiHelper, Person } from './support/api-helper.ts';

test.setTimeout(600_000);

/** A trainee who applies, is accepted, finishes every lesson and passes the quiz: certified. */
async function certifiedTrainee(api: ApiHelper, world: LearningWorld, name: string): Promise<Person & { token: string }> {
  const person = await api.registerTrainee(name);
  const token = await api.tokenOf(person.email, person.password);
  const application = await api.call('POST', `/api/v1/cohorts/${world.cohortId}/applications`, token, {
    statement: `${name} wants to move into security work.`, answers: [{ questionId: 'q1', answer: 'Ten hours' }],
  }, 201);
  await api.call('POST', `/api/v1/applications/${application.id}/decision`, await api.asAdmin(), { decision: 'accept', reason: 'Ready to start' });
  return { ...person, token };
}

async function finishCourse(api: ApiHelper, world: LearningWorld, token: string): Promise<void> {
  for (const lesson of world.lessons.slice(0, 2)) await api.call('POST', `/api/v1/lessons/${lesson.id}/complete`, token);
  await passQuiz(api, world, token);
  // The pass unlocks the next module once the worker has recorded the progress it makes (a moment
  // after the submission reads "graded"): until then the lesson answers 422 lesson-locked.
  const lastLesson = `/api/v1/lessons/${world.lessons[2].id}/complete`;
  await expect
    .poll(async () => (await api.request.fetch(lastLesson, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status(), { timeout: 60_000, message: 'the last lesson done once its module opens' })
    .toBeLessThan(300);
  await expect.poll(async () => (await api.call('GET', '/api/v1/me/certificates', token)).items.length, { timeout: 90_000, message: 'certificate issued' }).toBe(1);
}

test('a regrade lowers passed grades, both certificates are flagged, and an admin revokes one with a reason code and keeps the other', async ({ page, api }) => {
  const admin = await api.asAdmin();
  const world = await buildLearningWorld(api);
  const ana = await certifiedTrainee(api, world, 'Ana Flagged');
  const ben = await certifiedTrainee(api, world, 'Ben Flagged');
  await startCohort(api, admin, world.cohortId);
  for (const person of [ana, ben]) await finishCourse(api, world, person.token);
  const certificateOf = async (person: { token: string }) => (await api.call('GET', '/api/v1/me/certificates', person.token)).items[0];
  const [anaCertificate, benCertificate] = [await certificateOf(ana), await certificateOf(ben)];

  await test.step('the quiz key was wrong: a corrected version is published and the quiz regraded, so both fall below the criteria', async () => {
    await api.call('PATCH', `/api/v1/assessments/${world.quizId}`, admin, { key: quizKey(['a']) });
    const version = await api.call('POST', `/api/v1/courses/${world.courseId}/publish`, admin, {});
    const regrade = await api.call('POST', `/api/v1/assessments/${world.quizId}/regrades`, admin, { reason: 'The marked option was wrong', keyVersionId: version.versionId ?? version.id }, 202);
    await expect.poll(async () => (await api.call('GET', regrade.url, admin)).status, { timeout: 90_000, message: 'regrade finished' }).toBe('finished');
    await expect
      .poll(async () => (await api.call('GET', '/api/v1/certificate-reviews', admin)).items.map((c: { id: string }) => c.id).sort(), { timeout: 90_000, message: 'both certificates flagged' })
      .toEqual([anaCertificate.id, benCertificate.id].sort());
  });

  await test.step('the admin finds both on the certificates-to-review screen', async () => {
    const login = JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}');
    await signIn(page, login.email, login.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programme' }).click();
    await page.getByRole('navigation', { name: 'Programme' }).getByRole('link', { name: 'Certificates to review' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Certificates to review' })).toBeFocused();
    for (const person of [ana, ben]) await expect(page.getByRole('heading', { level: 2, name: `${person.displayName}: ${world.courseTitle}` })).toBeVisible();
    await expect(page.locator('li.card', { hasText: ana.displayName })).toContainText('No longer meets the criteria');
    await checkScreen(page, 'staff-certificate-reviews-flagged');
  });

  await test.step('revoke Ana\'s with the reason "Issued in error", after a confirmation that names it', async () => {
    const card = page.locator('li.card', { hasText: ana.displayName });
    await card.getByLabel('Reason if revoked (published)').selectOption({ label: 'Issued in error' });
    await card.getByLabel('Note (staff only, kept in the audit trail)').fill('Key fixed after review');
    await card.getByRole('button', { name: 'Revoke' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('with the reason: Issued in error');
    await dialog.getByRole('button', { name: 'Revoke it' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Revoked: ${ana.displayName}, ${world.courseTitle}.` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: `${ana.displayName}: ${world.courseTitle}` })).toHaveCount(0);
  });

  await test.step('keep Ben\'s, with the keyboard', async () => {
    const card = page.locator('li.card', { hasText: ben.displayName });
    await card.getByRole('button', { name: 'Keep' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('stays valid');
    await dialog.getByRole('button', { name: 'Keep it' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Kept: ${ben.displayName}, ${world.courseTitle}.` })).toBeVisible();
    await expect(page.getByText('No certificate is waiting for review.')).toBeVisible();
  });

  await test.step('verification tells the world: Ana\'s revoked for that reason, Ben\'s still valid', async () => {
    const verify = async (code: string) => (await (await api.request.get(`/verify/${code}`, { headers: { accept: 'application/json' } })).json());
    expect(await verify(anaCertificate.verificationCode)).toMatchObject({ status: 'revoked' });
    expect(JSON.stringify(await verify(anaCertificate.verificationCode))).toContain('issued-in-error');
    expect(await verify(benCertificate.verificationCode)).toMatchObject({ status: 'valid' });
  });
});
