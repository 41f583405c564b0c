import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, checkScreen } from './support/fixtures.ts';
import { buildLearningWorld } from './support/learning-world.ts';
import { signIn } from './support/sign-in.ts';
import type { Person } from './support/api-helper.ts';

test.describe.configure({ mode: 'serial' });
// One long journey on a small shared machine: each screen is also checked by axe at two widths.
test.setTimeout(600_000);

/** Presses Tab (or Shift+Tab) until `target` has the focus: how a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('an admin sets a rubric, scores with the keyboard, shortlists, accepts up to capacity, meets the 409, reverts and downloads the shortlist', async ({ page, api }) => {
  const admin = await api.asAdmin();
  const world = await buildLearningWorld(api);
  // Two seats: a bulk decision fills them, a third accept is one too many.
  await api.call('PATCH', `/api/v1/cohorts/${world.cohortId}`, admin, { capacity: 2 });
  const applicants: Person[] = [];
  for (const [name, hours] of [['Ana Admit', 'Ten hours, evenings'], ['Ben Bright', 'Eight hours on weekends'], ['Cruz Late', 'Four hours']] as const) {
    const person = await api.registerTrainee(name);
    const token = await api.tokenOf(person.email, person.password);
    await api.call('POST', `/api/v1/cohorts/${world.cohortId}/applications`, token, {
      statement: `${name} wants to move from the call centre into security work.`,
      answers: [{ questionId: 'q1', answer: hours }],
    }, 201);
    applicants.push(person);
  }
  const [ana, ben, cruz] = applicants;
  const workbench = () => page.getByRole('heading', { level: 1, name: `Admissions: ${world.cohortName}` });
  const table = () => page.getByRole('region', { name: /Applications \(\d+ shown\)/ });

  await test.step('the admin signs in and picks the cohort', async () => {
    await page.goto('/app/sign-in');
    const login: { email: string; password: string } = JSON.parse(process.env.GDS_E2E_ADMIN ?? '{}');
    await page.getByLabel('Email').fill(login.email);
    await page.getByLabel('Password').fill(login.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admissions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Admissions' })).toBeFocused();
    await checkScreen(page, 'admissions-cohorts');
    await page.getByRole('link', { name: world.cohortName }).click();
    await expect(workbench()).toBeFocused();
    await expect(page.getByText('Seats left: 2 · taken: 0 of 2')).toBeVisible();
    await expect(table().getByRole('row')).toHaveCount(4);
    await expect(table()).toContainText('Ten hours, evenings');
  });

  await test.step('the admin sets a rubric of two criteria', async () => {
    const first = page.getByRole('group', { name: 'Criterion 1' });
    await first.getByLabel('Label').fill('Motivation');
    await first.getByLabel('Key').fill('motivation');
    await first.getByLabel('Weight').fill('2');
    await first.getByLabel('Maximum score').fill('10');
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    const second = page.getByRole('group', { name: 'Criterion 2' });
    await second.getByLabel('Label').fill('Study time');
    await second.getByLabel('Key').fill('study-time');
    await second.getByLabel('Maximum score').fill('5');
    await page.getByRole('button', { name: 'Save rubric' }).click();
    await expect(page.getByText('Rubric saved.')).toBeVisible();
  });

  await test.step('the admin sets the cybersecurity quota', async () => {
    await page.getByLabel('Quota of seats for Cybersecurity (empty: no quota)').fill('2');
    await page.getByRole('button', { name: 'Save quotas' }).click();
    await expect(page.getByText('Quotas saved.')).toBeVisible();
    expect((await api.call('GET', `/api/v1/cohorts/${world.cohortId}/track-quotas`, admin)).tracks).toEqual([{ trackCode: 'cybersecurity', seats: 2, taken: 0 }]);
    await checkScreen(page, 'admissions-workbench');
  });

  for (const [person, motivation, study, total] of [[ana, '8', '4', '80'], [ben, '6', '3', '60']] as const) {
    await test.step(`${person.displayName} is scored with the keyboard alone`, async () => {
      await tabTo(page, table().getByRole('link', { name: person.displayName }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: `Application of ${person.displayName}` })).toBeFocused();
      await tabTo(page, page.getByLabel('Motivation (0 to 10)'));
      await page.keyboard.type(motivation);
      await page.keyboard.press('Tab');
      await expect(page.getByLabel('Study time (0 to 5)')).toBeFocused();
      await page.keyboard.type(study);
      await tabTo(page, page.getByRole('button', { name: 'Save my scores' }));
      await page.keyboard.press('Enter');
      await expect(page.getByText('Your scores are saved.')).toBeVisible();
      await expect(page.getByText(`${total}.0 (mean of the reviewers: 1; spread 0)`)).toBeVisible();
      if (person === ana) await checkScreen(page, 'admissions-review');
      await tabTo(page, page.getByRole('link', { name: 'All applications of the cohort' }), 'Shift+Tab');
      await page.keyboard.press('Enter');
      await expect(workbench()).toBeFocused();
    });
  }

  await test.step('sorted by score, all three are shortlisted with one decision', async () => {
    await page.getByRole('button', { name: 'Score', exact: true }).click();
    await expect(page.getByRole('columnheader', { name: 'Score', exact: true })).toHaveAttribute('aria-sort', 'descending');
    await expect(table().getByRole('row').nth(1)).toContainText(ana.displayName);
    await expect(table().getByRole('row').nth(2)).toContainText(ben.displayName);
    await page.getByLabel('Select all shown').check();
    await page.getByLabel('Decision').selectOption('shortlist');
    await page.getByLabel('Reason').fill('Clear motivation and time to study');
    await page.getByRole('button', { name: 'Shortlist 3 selected…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Shortlist: 3 of 3 applications?' });
    await expect(dialog).toContainText('3 will become “Shortlisted”');
    await dialog.getByRole('button', { name: 'Yes, Shortlist 3' }).click();
    await expect(page.getByRole('heading', { name: 'Shortlist: 3 of 3 done' })).toBeVisible();
  });

  await test.step('two are accepted up to capacity; the confirmation shows the seats left', async () => {
    await page.getByLabel(`Select ${ana.displayName}`).check();
    await page.getByLabel(`Select ${ben.displayName}`).check();
    await page.getByLabel('Decision').selectOption('accept');
    await page.getByLabel('Reason').fill('Top of the shortlist');
    await page.getByRole('button', { name: 'Accept 2 selected…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Accept: 2 of 2 applications?' });
    await expect(dialog).toContainText('Seats left in the cohort: 2 now, 0 after.');
    await expect(dialog).toContainText('Cybersecurity quota: seats left 2; to accept 2.');
    await checkScreen(page, 'admissions-confirm-accept');
    await dialog.getByRole('button', { name: 'Yes, Accept 2' }).click();
    await expect(page.getByRole('heading', { name: 'Accept: 2 of 2 done' })).toBeVisible();
    await expect(page.getByText('Seats left: 0 · taken: 2 of 2')).toBeVisible();
  });

  await test.step('one too many: the 409 is shown with the seats left; a re-run is "already decided"', async () => {
    await page.getByLabel(`Select ${cruz.displayName}`).check();
    await page.getByLabel(`Select ${ana.displayName}`).check();
    await page.getByLabel('Decision').selectOption('accept');
    await page.getByRole('button', { name: 'Accept 2 selected…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Accept: 1 of 2 applications?' });
    await expect(dialog).toContainText('1 already decided: nothing changes for them.');
    await expect(dialog).toContainText('Seats left in the cohort: 0 now, 0 after.');
    await expect(dialog).toContainText('1 will find no seat and be refused.');
    await dialog.getByRole('button', { name: 'Yes, Accept 1' }).click();
    const outcomes = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Accept: 0 of 2 done' }) });
    await expect(outcomes).toContainText(`${cruz.displayName}: refused (409): All 2 seats of this cohort are taken. Seats left: 0.`);
    await expect(outcomes).toContainText(`${ana.displayName}: already decided (Accepted), nothing changed`);
    await checkScreen(page, 'admissions-bulk-results');
    const statuses = await api.call<{ items: { applicant: { displayName: string }; status: string }[] }>('GET', `/api/v1/cohorts/${world.cohortId}/applications`, admin);
    expect(Object.fromEntries(statuses.items.map((a) => [a.applicant.displayName, a.status]))).toEqual({ [ana.displayName]: 'accepted', [ben.displayName]: 'accepted', [cruz.displayName]: 'shortlisted' });
  });

  await test.step('a decision is reverted with a reason, through a confirmation that names the change', async () => {
    await table().getByRole('link', { name: ben.displayName }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Application of ${ben.displayName}` })).toBeFocused();
    await page.getByLabel('Why it is reverted').fill('Accepted by mistake: the interview is still due');
    await page.getByRole('button', { name: 'Revert the decision…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Revert “Accepted” back to “Shortlisted”?' });
    await expect(dialog).toContainText('The applicant’s enrollment is withdrawn and the seat is free again.');
    await dialog.getByRole('button', { name: 'Yes, revert' }).click();
    await expect(page.getByText('The decision was reverted.')).toBeVisible();
    const history = page.getByRole('region', { name: 'Decision history' });
    await expect(history).toContainText('Decision reverted → Shortlisted');
    await expect(history).toContainText('Accepted by mistake: the interview is still due');
    await checkScreen(page, 'admissions-review-reverted');
  });

  await test.step('the shortlist downloads as CSV', async () => {
    await page.getByRole('link', { name: 'All applications of the cohort' }).click();
    await expect(page.getByText('Seats left: 1 · taken: 1 of 2')).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the shortlist (CSV)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^shortlist-.*\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain(ben.displayName);
    expect(csv).toContain(cruz.displayName);
    expect(csv).not.toContain(ana.displayName);
  });
});

test('a trainee gets no admissions: no nav item, and the screens by URL are "not found"', async ({ page, api }) => {
  const world = await buildLearningWorld(api);
  const trainee = await api.registerTrainee('Tess Trainee');
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(trainee.email);
  await page.getByLabel('Password').fill(trainee.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Tess' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admissions' })).toHaveCount(0);
  await page.goto(`/app/admissions/${world.cohortId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  // The API refuses too: the screen is not the boundary.
  const token = await api.tokenOf(trainee.email, trainee.password);
  await api.call('GET', `/api/v1/cohorts/${world.cohortId}/applications`, token, undefined, 403);
});

test('an instructor of the cohort scores an application; an instructor of another cohort can neither list nor open it', async ({ page, api }) => {
  const admin = await api.asAdmin();
  const [mine, other] = [await buildLearningWorld(api), await buildLearningWorld(api)];
  const instructors = [];
  for (const [name, world] of [['Ines Ours', mine], ['Omar Other', other]] as const) {
    const email = `instructor-${randomBytes(4).toString('hex')}@gds.test`;
    const password = 'instructor-password-1';
    const created = await api.call('POST', '/api/v1/users', admin, { email, password, displayName: name, roles: ['instructor'] }, 201);
    await api.call('PATCH', `/api/v1/cohorts/${world.cohortId}`, admin, { instructorIds: [created.id] });
    instructors.push({ email, password, name });
  }
  const [ines, omar] = instructors;
  await api.call('PUT', `/api/v1/cohorts/${mine.cohortId}/rubric`, admin, { criteria: [{ id: 'motivation', label: 'Motivation', weight: 1, maxScore: 10 }] });
  const applicant = await api.registerTrainee('Dana Applicant');
  const application = await api.call('POST', `/api/v1/cohorts/${mine.cohortId}/applications`, await api.tokenOf(applicant.email, applicant.password), {
    statement: 'Dana wants to move from the call centre into security work.', answers: [{ questionId: 'q1', answer: 'Twelve hours' }],
  }, 201);

  await test.step('the cohort\'s instructor finds it under Admissions and scores it with the keyboard', async () => {
    await signIn(page, ines.email, ines.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admissions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Admissions' })).toBeFocused();
    await expect(page.getByRole('link', { name: other.cohortName })).toHaveCount(0);
    await page.getByRole('link', { name: mine.cohortName }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Admissions: ${mine.cohortName}` })).toBeFocused();
    await page.getByRole('link', { name: applicant.displayName }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Application of ${applicant.displayName}` })).toBeFocused();
    await page.getByLabel('Motivation (0 to 10)').focus();
    await page.keyboard.type('7');
    await page.getByRole('button', { name: 'Save my scores' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Your scores are saved.')).toBeVisible();
    await expect(page.getByText('70.0 (mean of the reviewers: 1; spread 0)')).toBeVisible();
    await checkScreen(page, 'admissions-review-instructor');
    const review = await api.call('GET', `/api/v1/applications/${application.id}/review`, admin);
    expect(JSON.stringify(review)).toContain('Ines Ours');
  });

  await test.step('an instructor of another cohort does not see the cohort, and the application by URL is not available', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, omar.email, omar.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admissions' }).click();
    await expect(page.getByRole('link', { name: other.cohortName })).toBeVisible();
    await expect(page.getByRole('link', { name: mine.cohortName })).toHaveCount(0);
    await page.goto(`/app/admissions/applications/${application.id}`);
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByText(applicant.displayName)).toHaveCount(0);
    await expect(page.getByText('Twelve hours')).toHaveCount(0);
    await checkScreen(page, 'admissions-review-not-yours');
    // The API is the boundary, not the screen.
    const token = await api.tokenOf(omar.email, omar.password);
    await api.call('GET', `/api/v1/applications/${application.id}/review`, token, undefined, 404);
    await api.call('PUT', `/api/v1/applications/${application.id}/scores`, token, { scores: [{ criterionId: 'motivation', score: 1 }] }, 404);
  });
});
