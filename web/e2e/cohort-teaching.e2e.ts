import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { test, expect, checkScreen, SCREENSHOT_DIR } from './support/fixtures.ts';
import { buildCohortTeachingWorld, buildRegradeWorld } from './support/cohort-teaching-world.ts';

test.setTimeout(400_000);

const screenshotPath = (name: string) => path.join(SCREENSHOT_DIR, `${name}.png`);
/** Chromium's console line when the sandboxed preview's script is refused. */
const REFUSED_SUBMISSION_SCRIPT = /^Blocked script execution in '[^']*\/api\/v1\/submissions\/[^']*\/preview\?access=[^']*' because the document's frame is sandboxed/;

/** Presses Tab (or Shift+Tab) until `target` has the focus: how a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('an instructor sees a trainee’s progress, nudges them, grades their design from the review queue by keyboard and downloads the gradebook', async ({ page, api, pageProblems }) => {
  const world = await buildCohortTeachingWorld(api);
  // Anything the submitted page's script posts to the app would land here (it must never run).
  await page.addInitScript(() => {
    (window as unknown as { submissionMessages: unknown[] }).submissionMessages = [];
    window.addEventListener('message', (event) => (window as unknown as { submissionMessages: unknown[] }).submissionMessages.push(event.data));
  });

  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(world.instructor.email);
  await page.getByLabel('Password').fill(world.instructor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My cohorts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My cohorts' })).toBeVisible();
  await checkScreen(page, 'cohort-teaching-my-cohorts');

  // Screen 6: the roster.
  await page.getByRole('link', { name: world.cohortName }).click();
  await expect(page.getByRole('heading', { level: 1, name: world.cohortName })).toBeVisible();
  const table = page.getByRole('table', { name: /Trainees and their progress/ });
  const rosa = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Rosa Active' }) });
  await expect(rosa).toContainText('of 2 modules');
  await expect(rosa.getByRole('progressbar', { name: 'Progress of Rosa Active' })).toBeVisible();
  await expect(rosa).not.toContainText('Never');
  const quinn = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Quinn Quiet' }) });
  await expect(quinn).toContainText('Never');
  // Progress per module: Rosa finished module 1 (its one lesson); module 2 is open, nothing done.
  const rosaModules = rosa.getByRole('list', { name: 'Modules of Rosa Active' });
  await expect(rosaModules.getByRole('listitem')).toHaveText([
    `Module 1, ${world.moduleTitles[0]}: done, 1 of 1 lessons`,
    `Module 2, ${world.moduleTitles[1]}: open, 0 of 1 lessons`,
  ].map((text) => new RegExp(text)));
  await expect(quinn.getByRole('list', { name: 'Modules of Quinn Quiet' }).getByRole('listitem').first()).toContainText('0 of 1 lessons');
  // Sorted by progress, the least advanced comes first.
  await page.getByLabel('Sort by').selectOption('progress');
  await expect(table.getByRole('rowheader').first()).toHaveText('Quinn Quiet');
  await checkScreen(page, 'cohort-teaching-roster');

  // A nudge to Rosa alone, confirmed by name.
  await rosa.getByRole('checkbox', { name: 'Select Rosa Active' }).check();
  await page.getByLabel('Subject', { exact: true }).fill('Keep going');
  await page.getByLabel('Message', { exact: true }).fill('Your design is in review; module 2 is next.');
  await page.getByRole('button', { name: 'Send to selected (1)' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Send this message?' });
  await expect(dialog).toContainText('It goes to: Rosa Active');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sent to 1 trainees.' })).toBeVisible();
  const rosaToken = await api.tokenOf(world.active.email, world.active.password);
  const quinnToken = await api.tokenOf(world.quiet.email, world.quiet.password);
  await expect
    .poll(async () => (await api.call('GET', '/api/v1/me/notifications', rosaToken)).items.map((n: { title: string }) => n.title), { timeout: 60_000, message: 'the nudge in Rosa’s inbox' })
    .toContain(`${world.cohortName}: Keep going`);
  const quinnsInbox = (await api.call('GET', '/api/v1/me/notifications', quinnToken)).items.map((n: { title: string }) => n.title);
  expect(quinnsInbox).not.toContain(`${world.cohortName}: Keep going`);

  // Screen 7: the review queue, then grading with the keyboard alone.
  await page.getByRole('navigation', { name: 'Cohort views' }).getByRole('link', { name: 'Review queue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  const item = page.getByRole('link', { name: `${world.designTitle} by Rosa Active` });
  await expect(item).toBeVisible();
  await checkScreen(page, 'cohort-teaching-review-queue');
  await tabTo(page, item);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: world.designTitle })).toBeFocused();
  await expect(page.getByRole('link', { name: 'https://figma.example/file/landing' })).toBeVisible();
  // The submitted page comes from its own signed URL with its own policy: its CSS applies, its script never runs.
  const preview = page.locator('iframe.preview-frame');
  await expect(preview).toHaveAttribute('sandbox', '');
  await expect(preview).toHaveAttribute('src', new RegExp(`^/api/v1/submissions/${world.submissionId}/preview\\?access=`));
  const frame = page.frameLocator('iframe.preview-frame');
  await expect(frame.getByRole('heading', { level: 1, name: 'Evening course' })).toHaveCSS('color', 'rgb(200, 0, 0)');
  await expect(frame.locator('body')).not.toHaveAttribute('data-ran', 'yes');
  await expect.poll(() => pageProblems.some((p) => REFUSED_SUBMISSION_SCRIPT.test(p)), { message: 'the browser refused the submitted script' }).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { submissionMessages: unknown[] }).submissionMessages)).toEqual([]);
  await expect(page.getByRole('region', { name: 'Automatic checks' })).toContainText('Accessibility');
  await page.screenshot({ path: screenshotPath('cohort-teaching-review-preview-desktop-1280'), fullPage: false });
  // axe cannot look inside a frame that runs no script (each try is a console error): the page's
  // accessibility is what the automatic checks above report. The screen around it is checked with
  // the frame taken out.
  await preview.evaluate((element) => element.remove());
  await checkScreen(page, 'cohort-teaching-review');

  const layout = page.getByRole('group', { name: 'Layout and hierarchy' });
  await tabTo(page, layout.getByRole('radio', { name: 'weak: 0 points' }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(layout.getByRole('radio', { name: 'great: 10 points' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Comment on Layout and hierarchy')).toBeFocused();
  await page.keyboard.type('Clear hierarchy.');
  // Half a rubric: leaving asks first; staying keeps what was filled.
  const leaveQuestion = new Promise<string>((resolve) =>
    page.once('dialog', async (dialog) => {
      resolve(dialog.message());
      await dialog.dismiss();
    }),
  );
  await page.getByRole('link', { name: 'Review queue' }).first().click();
  expect(await leaveQuestion).toBe('This rubric is filled in part and not submitted. Leave and lose it?');
  await expect(page.getByRole('heading', { level: 1, name: world.designTitle })).toBeVisible();
  await expect(layout.getByRole('radio', { name: 'great: 10 points' })).toBeChecked();
  await expect(page.getByLabel('Comment on Layout and hierarchy')).toHaveValue('Clear hierarchy.');
  const a11y = page.getByRole('group', { name: 'Accessibility' });
  await tabTo(page, a11y.getByRole('radio', { name: 'missing: 0 points' }));
  await page.keyboard.press('ArrowDown');
  await expect(a11y.getByRole('radio', { name: 'done: 10 points' })).toBeChecked();
  await expect(page.getByText('Rubric: 20 of 20 points, a score of 100 out of 100.')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Submit review and go to the next' }));
  await page.keyboard.press('Enter');
  // Nothing else waits: "next" is the empty queue.
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  await expect(page.getByText('Nothing is waiting for review.')).toBeVisible();
  const graded = await api.call('GET', `/api/v1/submissions/${world.submissionId}`, rosaToken);
  expect(graded).toMatchObject({ status: 'graded', score: 100, passed: true });

  // A correction with a reason, then the grade history shows both grades.
  await page.goto(`/app/cohort-teaching/${world.cohortId}/submissions/${world.submissionId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Correct the review' })).toBeVisible();
  await page.getByRole('group', { name: 'Accessibility' }).getByRole('radio', { name: 'missing: 0 points' }).check();
  await page.getByRole('button', { name: 'Save the correction' }).click();
  await expect(page.getByText('Say why the review is corrected.')).toBeVisible();
  await page.getByLabel('Reason for the correction').fill('The image has no text alternative.');
  await page.getByRole('button', { name: 'Save the correction' }).click();
  await expect(page.getByText('The correction is saved.')).toBeVisible();
  const history = page.getByRole('table', { name: 'Grades, oldest first' });
  await expect(history.getByRole('row').filter({ hasText: 'The image has no text alternative.' })).toContainText('50');
  expect((await api.call('GET', `/api/v1/submissions/${world.submissionId}`, rosaToken)).score).toBe(50);

  // An override with a reason, confirmed, then in the history beside the review and its correction.
  const overrideSection = page.getByRole('region', { name: 'Override the grade' });
  await overrideSection.getByLabel('New score (0 to 100)').fill('150');
  await expect(overrideSection.getByText('Enter a score from 0 to 100, with at most two decimals.')).toBeVisible();
  await expect(overrideSection.getByRole('button', { name: 'Override the grade' })).toBeDisabled();
  await overrideSection.getByLabel('New score (0 to 100)').fill('75');
  await overrideSection.getByLabel('Reason for the override').fill('Appeal upheld: the alt text was in the linked file.');
  await overrideSection.getByRole('button', { name: 'Override the grade' }).click();
  const confirmOverride = page.getByRole('alertdialog', { name: 'Override this grade?' });
  await expect(confirmOverride).toContainText('The score changes from 50 to 75. Reason: Appeal upheld: the alt text was in the linked file.');
  await confirmOverride.getByRole('button', { name: 'Override', exact: true }).click();
  await expect(page.getByText('The override is saved.')).toBeVisible();
  const overrideRow = history.getByRole('row').filter({ hasText: 'Appeal upheld' });
  await expect(overrideRow).toContainText('Override');
  await expect(overrideRow.getByRole('cell').nth(1)).toHaveText('75');
  await expect(history.getByRole('row').filter({ hasText: 'The image has no text alternative.' })).toContainText('Review correction');
  expect((await api.call('GET', `/api/v1/submissions/${world.submissionId}`, rosaToken)).score).toBe(75);
  await page.locator('iframe.preview-frame').evaluate((frame) => frame.remove());
  await checkScreen(page, 'cohort-teaching-grade-history');

  // Screen 8: the gradebook and its CSV.
  await page.goto(`/app/cohort-teaching/${world.cohortId}/gradebook`);
  const book = page.getByRole('table', { name: /Gradebook of/ });
  const rosaRow = book.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Rosa Active' }) });
  await expect(rosaRow).toContainText('Best 75, latest 75');
  await expect(book.getByRole('columnheader', { name: new RegExp(world.designTitle) })).toBeVisible();
  await checkScreen(page, 'cohort-teaching-gradebook');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^gradebook-.*\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toContain(world.designTitle);
  expect(csv).toContain('Rosa Active');
  expect(csv).toContain('Quinn Quiet');
  // Each time the preview loaded, the browser refused its script: the one expected console error.
  for (let i = pageProblems.length - 1; i >= 0; i--) if (REFUSED_SUBMISSION_SCRIPT.test(pageProblems[i])) pageProblems.splice(i, 1);
});

test('an instructor who edits the course regrades a machine-graded quiz with a reason, then with the corrected key of a newer version, and the history and the API show both regrades', async ({ page, api }) => {
  const world = await buildRegradeWorld(api);
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(world.instructor.email);
  await page.getByLabel('Password').fill(world.instructor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Remy' })).toBeVisible();
  await page.goto(`/app/cohort-teaching/${world.cohortId}/submissions/${world.submissionId}`);
  await expect(page.getByRole('heading', { level: 1, name: world.quizTitle })).toBeVisible();
  const history = page.getByRole('table', { name: 'Grades, oldest first' });
  await expect(history.getByRole('row').filter({ hasText: 'Automatic grade' })).toBeVisible();

  const regrade = page.getByRole('region', { name: 'Regrade the assessment' });
  const keyChoice = regrade.getByLabel('Answer key to apply');
  await expect(keyChoice).toHaveValue('');
  await expect(keyChoice.getByRole('option')).toHaveText(['This submission’s own version (v1)']);
  // No reason, no regrade.
  await expect(regrade.getByRole('button', { name: 'Request a regrade' })).toBeDisabled();
  const reason = 'Checking the quiz after a reported typo in question 1.';
  await regrade.getByLabel('Reason for the regrade').fill(reason);
  await regrade.getByRole('button', { name: 'Request a regrade' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Regrade every submission?' });
  await expect(confirm).toContainText('graded again with the answer key of the version it was made in (this one: version 1).');
  await confirm.getByRole('button', { name: 'Regrade', exact: true }).click();
  await expect(regrade.getByRole('status')).toHaveText('Regrade finished with each submission’s own version’s key (this one: version 1): 1 submissions graded again, 0 changed.', { timeout: 90_000 });
  const regradeRow = history.getByRole('row').filter({ hasText: reason });
  await expect(regradeRow).toContainText('Regrade');
  await expect(regradeRow.getByRole('cell').nth(1)).toHaveText('0');
  await checkScreen(page, 'cohort-teaching-regrade');

  // The API agrees: the submission's history ends with the regrade, its reason and score.
  const token = await api.tokenOf(world.instructor.email, world.instructor.password);
  const submission = await api.call('GET', `/api/v1/submissions/${world.submissionId}`, token);
  expect(submission).toMatchObject({ status: 'graded', score: 0 });
  expect(submission.grades.map((g: { cause: string }) => g.cause.split(':')[0])).toEqual(['initial', 'regrade']);
  expect(submission.grades[1]).toMatchObject({ reason, score: 0, previousScore: 0 });

  // The instructor corrects the key and publishes it as version 2 (through the API); the screen then
  // offers that version's key, and regrading with it changes the score.
  const quiz = await api.call('GET', `/api/v1/assessments/${world.quizId}`, token);
  const fixedKey = { ...quiz.key, questions: quiz.key.questions.map((q: { id: string }) => (q.id === 'q1' ? { ...q, correct: ['a'] } : q)) };
  await api.call('PATCH', `/api/v1/assessments/${world.quizId}`, token, { key: fixedKey });
  const fixed = await api.call('POST', `/api/v1/courses/${world.courseId}/publish`, token, { changeNote: 'Question 1: 443 is the right answer' });
  expect(fixed.version).toBe(2);
  await page.reload();
  await expect(keyChoice.getByRole('option')).toHaveText(['This submission’s own version (v1)', /^Version 2, published /]);
  await keyChoice.selectOption(fixed.versionId);
  const fixReason = 'Key fixed in version 2: 443 is right.';
  await regrade.getByLabel('Reason for the regrade').fill(fixReason);
  await regrade.getByRole('button', { name: 'Request a regrade' }).click();
  await expect(confirm).toContainText('graded again with the answer key published in version 2.');
  await confirm.getByRole('button', { name: 'Regrade', exact: true }).click();
  await expect(regrade.getByRole('status')).toHaveText('Regrade finished with the key of version 2: 1 submissions graded again, 1 changed.', { timeout: 90_000 });
  const fixRow = history.getByRole('row').filter({ hasText: fixReason });
  await expect(fixRow.getByRole('cell').nth(1)).toHaveText('100');

  const regraded = await api.call('GET', `/api/v1/submissions/${world.submissionId}`, token);
  expect(regraded).toMatchObject({ status: 'graded', score: 100, passed: true });
  expect(regraded.grades.at(-1)).toMatchObject({ reason: fixReason, score: 100, previousScore: 0 });
  const regradeId = regraded.grades.at(-1).cause.split(':')[1];
  expect(await api.call('GET', `/api/v1/regrades/${regradeId}`, token)).toMatchObject({ keyVersionId: fixed.versionId, status: 'finished', changed: 1 });
});
