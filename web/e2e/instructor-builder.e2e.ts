import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { test, expect, checkScreen, WIDTHS } from './support/fixtures.ts';

test.setTimeout(480_000);

/** Presses Tab (or Shift+Tab) until `target` has the focus: how a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

const CALLS_DATASET = "CREATE TABLE calls (queue text, seconds integer);\nINSERT INTO calls VALUES ('billing', 300), ('billing', 240), ('tech', 600);";
const CALLS_QUERY = 'SELECT queue, avg(seconds)::int AS avg_seconds FROM calls GROUP BY queue ORDER BY queue';

/**
 * Issue 15, done when (the building part): an instructor builds a small course in the browser —
 * one module, two lessons (the second with the keyboard alone), a quiz and an SQL exercise — sees
 * what is wrong before saving, previews the SQL reference in the sandbox, publishes version 1 and
 * sets its certification criteria. Every screen passes axe at 360 and 1280 px.
 */
test('an instructor builds, checks and publishes a small course', async ({ page, api }) => {
  const admin = await api.asAdmin();
  const tag = randomBytes(3).toString('hex');
  const instructor = { email: `instructor-${tag}@gds.test`, password: 'instructor-password-1' };
  await api.call('POST', '/api/v1/users', admin, { email: instructor.email, password: instructor.password, displayName: 'Inés Instructor', roles: ['instructor'] }, 201);
  const title = `Call Centre Data ${tag}`;
  // A published course this one can ask for first.
  const basicsTitle = `Spreadsheet Basics ${tag}`;
  const basics = await api.call('POST', '/api/v1/courses', admin, { code: `ssb-${tag}`, title: basicsTitle, summary: 'Cells, rows and sums.', trackCode: 'data-analysis', level: 'beginner', estimatedHours: 2 });
  const basicsModule = await api.call('POST', `/api/v1/courses/${basics.id}/modules`, admin, { title: 'Cells' });
  await api.call('POST', `/api/v1/modules/${basicsModule.id}/lessons`, admin, { kind: 'article', title: 'A cell', body: 'A cell holds one value.' });
  await api.call('POST', `/api/v1/courses/${basics.id}/publish`, admin, {});

  await page.setViewportSize(WIDTHS.desktop);
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(instructor.email);
  await page.getByLabel('Password').fill(instructor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Inés' })).toBeVisible();

  await test.step('my courses, then a new draft course', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teaching' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Teaching' })).toBeFocused();
    await expect(page.getByText('No courses yet. Start one with “New course”.')).toBeVisible();
    await checkScreen(page, 'teach-my-courses');
    await page.getByRole('link', { name: 'New course' }).click();
    await page.getByLabel('Code', { exact: true }).fill(`ccd-${tag}`);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Summary', { exact: true }).fill('Questions a contact centre asks of its data.');
    await page.getByLabel('Track', { exact: true }).selectOption('data-analysis');
    await page.getByLabel('Estimated hours').fill('6');
    await checkScreen(page, 'teach-new-course');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Build: ${title}` })).toBeVisible();
    await page.getByLabel('New module title').fill('Asking the data');
    await page.getByRole('button', { name: 'Add module' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Module 1: Asking the data' })).toBeVisible();
    // Not publishable yet: the review names the item and offers no publish button.
    await page.getByRole('link', { name: 'Review and publish' }).click();
    await expect(page.getByRole('alert')).toContainText('Module “Asking the data” has no lessons and no assessments.');
    await expect(page.getByText('Fix the problems listed under “Checks” to publish.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Publish version 1' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Back to the course builder' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Build: ${title}` })).toBeVisible();
  });

  await test.step('a prerequisite course, chosen in the builder and saved', async () => {
    await page.locator('summary', { hasText: 'Course prerequisites' }).click();
    const choice = page.getByRole('group', { name: 'Courses to complete before this one' }).getByRole('checkbox', { name: `${basicsTitle} (ssb-${tag})` });
    await choice.check();
    await page.getByRole('button', { name: 'Save prerequisites' }).click();
    await expect(page.getByText('Prerequisites saved.')).toBeVisible();
    const token = await api.tokenOf(instructor.email, instructor.password);
    const mine = (await api.call('GET', '/api/v1/courses?limit=100&teaching=true', token)).items.find((c: { title: string }) => c.title === title);
    expect((await api.call('GET', `/api/v1/courses/${mine.id}`, token)).prerequisiteCourseIds).toEqual([basics.id]);
    // Read back after a reload: the box stays ticked.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: `Build: ${title}` })).toBeVisible();
    await page.locator('summary', { hasText: 'Course prerequisites' }).click();
    await expect(choice).toBeChecked();
  });

  await test.step('the first lesson: autosaved, previewed as the server renders it, never left silently', async () => {
    await page.getByLabel('New lesson title').fill('Rows and columns');
    await page.getByRole('button', { name: 'Add lesson' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Lesson: Rows and columns' })).toBeVisible();
    // The draft's save is held until the leave prompt was answered, so the edit is certainly unsaved.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/lessons/*', async (route) => {
      if (route.request().method() === 'PATCH') await held;
      await route.continue();
    });
    const body = page.getByLabel('Lesson text (Markdown)');
    await body.fill('## Tables\n\nA table is **rows** of the same columns.\n\n<script>alert(1)</script>');
    // Leaving before the draft is saved asks first; staying keeps the text.
    const asked = page.waitForEvent('dialog').then(async (dialog) => {
      expect(dialog.message()).toBe('You have changes that are not saved yet. Leave and lose them?');
      await dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Back to the course builder' }).click();
    await asked;
    release();
    await page.unroute('**/api/v1/lessons/*');
    await expect(page.getByRole('heading', { level: 1, name: 'Lesson: Rows and columns' })).toBeVisible();
    await expect(page.getByText('All changes saved.')).toBeVisible();
    const preview = page.locator('.preview');
    await expect(preview.getByRole('heading', { name: 'Tables' })).toBeVisible();
    await expect(preview.locator('strong')).toHaveText('rows');
    await expect(preview.locator('script')).toHaveCount(0);
    await checkScreen(page, 'teach-lesson-editor');
    await page.getByRole('link', { name: 'Back to the course builder' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Build: ${title}` })).toBeFocused();
  });

  await test.step('the second lesson with the keyboard alone, then moved up with the keyboard', async () => {
    await tabTo(page, page.getByLabel('New lesson title'));
    await page.keyboard.type('Counting rows');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Lesson: Counting rows' })).toBeFocused();
    await tabTo(page, page.getByLabel('Lesson text (Markdown)'));
    await page.keyboard.type('Count rows with *count*, then group them.');
    // The preview shows the last text only once the server has it (saved, then rendered).
    await expect(page.locator('.preview')).toHaveText('Count rows with count, then group them.');
    await expect(page.locator('.preview em')).toHaveText('count');
    await expect(page.getByText('All changes saved.')).toBeVisible();
    await tabTo(page, page.getByRole('link', { name: 'Back to the course builder' }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: `Build: ${title}` })).toBeFocused();

    const lessons = page.getByRole('region', { name: 'Lessons of “Asking the data”' }).getByRole('listitem');
    await expect(lessons).toHaveText([/Rows and columns/, /Counting rows/]);
    const up = page.getByRole('button', { name: 'Move “Counting rows” up' });
    await tabTo(page, up);
    await page.keyboard.press('Enter');
    await expect(lessons).toHaveText([/Counting rows/, /Rows and columns/]);
    await expect(page.getByText('“Counting rows” is now lesson 1 of 2.')).toBeAttached();
    await expect(up).toBeFocused();
    await expect(up).toHaveAttribute('aria-disabled', 'true');
    await checkScreen(page, 'teach-builder');
  });

  await test.step('a quiz: a question without a correct answer is named before saving and refused by the API', async () => {
    await page.getByLabel('Assessment kind').selectOption('quiz');
    await page.getByRole('button', { name: 'Author an assessment' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New Quiz' })).toBeVisible();
    await page.getByLabel('Title', { exact: true }).fill('Check: tables');
    await page.getByLabel('Maximum score').fill('10');
    await page.getByLabel('Score to pass').fill('5');
    await page.getByLabel('Question 1: prompt').fill('What is a row?');
    await page.getByLabel('Question 1, option 1').fill('One record');
    await page.getByLabel('Question 1, option 2').fill('One column');
    await expect(page.getByText('Question 1 has no correct answer.')).toBeVisible();
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The quiz key is invalid.' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Problems in the key' })).toContainText('key.questions[0].correct');
    await page.getByLabel('Option 1 is correct').check();
    await expect(page.getByText('Question 1 has no correct answer.')).toHaveCount(0);
    await checkScreen(page, 'teach-quiz-editor');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Assessment: Check: tables' })).toBeVisible();
    await expect(page.getByLabel('Option 1 is correct')).toBeChecked();
    await page.getByRole('link', { name: 'Back to the course builder' }).click();
  });

  await test.step('an SQL exercise, its reference query previewed in the sandbox', async () => {
    await page.getByLabel('Assessment kind').selectOption('sql');
    await page.getByRole('button', { name: 'Author an assessment' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New SQL exercise' })).toBeVisible();
    await expect(page.getByLabel('Attempts allowed')).toHaveValue('3');
    await page.getByLabel('Title', { exact: true }).fill('Average handle time per queue');
    await page.getByLabel('Maximum score').fill('10');
    await page.getByLabel('Score to pass').fill('10');
    await page.getByLabel('Dataset (SQL that creates and fills the tables)').fill(CALLS_DATASET);
    await page.getByLabel('Reference query').fill(CALLS_QUERY);
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Assessment: Average handle time per queue' })).toBeVisible();
    await page.getByRole('button', { name: 'Run the reference query' }).click();
    const result = page.getByRole('region', { name: 'Query result' });
    await expect(result.getByRole('columnheader')).toHaveText(['queue', 'avg_seconds']);
    await expect(result.getByRole('row').nth(1)).toContainText('270');
    await checkScreen(page, 'teach-sql-editor');
    await page.getByRole('link', { name: 'Submissions and scores (CSV)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Submissions: Average handle time per queue' })).toBeVisible();
    await expect(page.getByText('No cohort you instruct runs this assessment yet, so there are no submissions for you to see.')).toBeVisible();
    await checkScreen(page, 'teach-submissions');
    await page.getByRole('link', { name: 'Back to the assessment' }).click();
    await page.getByRole('link', { name: 'Back to the course builder' }).click();
  });

  await test.step('publish: the checks, what changes, what cohorts see, then version 1 and its criteria', async () => {
    await page.getByRole('link', { name: 'Review and publish' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Publish a new version' })).toBeVisible();
    await expect(page.getByText('No problems found.')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('heading', { name: 'First version' })).toBeVisible();
    await expect(page.getByText('Lesson “Counting rows”: included')).toBeVisible();
    await expect(page.getByText('Assessment “Average handle time per queue”: included')).toBeVisible();
    await page.getByLabel('Change note (shown with the version)').fill('First cut');
    await checkScreen(page, 'teach-publish');
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await expect(page.getByRole('heading', { name: 'Version 1 is published.' })).toBeVisible();

    await page.getByRole('link', { name: 'Set its certification criteria' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Certification criteria' })).toBeVisible();
    await page.getByLabel('Minimum course score (percent)').fill('70');
    await page.getByRole('button', { name: 'Save criteria' }).click();
    await expect(page.getByText('Criteria saved. They apply to later evaluations.')).toBeVisible();
    await checkScreen(page, 'teach-criteria');
  });

  // What the trainees of a cohort will get: the version as the API serves it.
  const token = await api.tokenOf(instructor.email, instructor.password);
  const courses = await api.call('GET', '/api/v1/courses?limit=100', token);
  const course = courses.items.find((c: { title: string }) => c.title === title);
  const version = await api.call('GET', `/api/v1/courses/${course.id}/versions/1`, token);
  expect(version.changeNote).toBe('First cut');
  expect(version.outline.modules).toHaveLength(1);
  expect(version.outline.modules[0].lessons.map((l: { title: string }) => l.title)).toEqual(['Counting rows', 'Rows and columns']);
  expect(version.outline.modules[0].assessments.map((a: { kind: string }) => a.kind).sort()).toEqual(['quiz', 'sql']);
  // The version carries the prerequisite chosen in the builder.
  expect(version.outline.prerequisiteCourseIds).toEqual([basics.id]);
  const criteria = await api.call('GET', `/api/v1/course-versions/${version.versionId}/certification-criteria`, token);
  expect(criteria.minCourseScore).toBe(70);
});
