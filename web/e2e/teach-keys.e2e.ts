import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { test, expect, checkScreen, WIDTHS } from './support/fixtures.ts';

test.setTimeout(480_000);

/** Presses Tab until `target` has the focus: how a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Replaces a focused field's text with the keyboard. */
async function typeOver(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** The forms fit a 360 px phone: nothing (a long option, a long route) widens the page. */
async function fitsPhone(page: Page): Promise<void> {
  await page.setViewportSize(WIDTHS.phone);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTHS.phone.width);
  await page.setViewportSize(WIDTHS.desktop);
}

const assessmentIdOf = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;

/**
 * Issue 15, screen 3 for the kinds once authored as JSON: an instructor writes a flag challenge with
 * two hints (keyboard only), a configuration review with two rules (the API's 422 shown at its field,
 * a sample answer checked) and a design task with a two-criterion rubric, in forms. Each saved key
 * is read back through the API, and saving it again unchanged leaves it identical.
 */
test('an instructor authors flag, config and design-task keys without writing JSON', async ({ page, api }) => {
  const admin = await api.asAdmin();
  const tag = randomBytes(3).toString('hex');
  const instructor = { email: `keys-${tag}@gds.test`, password: 'instructor-password-1' };
  await api.call('POST', '/api/v1/users', admin, { email: instructor.email, password: instructor.password, displayName: 'Kai Keys', roles: ['instructor'] }, 201);
  const token = await api.tokenOf(instructor.email, instructor.password);
  const title = `Practicals ${tag}`;
  const course = await api.call('POST', '/api/v1/courses', token, { code: `prac-${tag}`, title, summary: 'Flags, configs and pages.', trackCode: 'cybersecurity', level: 'beginner', estimatedHours: 4 });
  await api.call('POST', `/api/v1/courses/${course.id}/modules`, token, { title: 'Hands on' });
  const keyOf = async (id: string) => (await api.call('GET', `/api/v1/assessments/${id}`, token)).key;

  await page.setViewportSize(WIDTHS.desktop);
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(instructor.email);
  await page.getByLabel('Password').fill(instructor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Kai' })).toBeVisible();
  const builder = async () => {
    await page.goto(`/app/teach/courses/${course.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Build: ${title}` })).toBeVisible();
  };
  const author = async (kind: string, heading: string) => {
    await builder();
    await page.getByLabel('Assessment kind').selectOption(kind);
    await page.getByRole('button', { name: 'Author an assessment' }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  };
  const saveUnchangedKeepsKey = async (id: string) => {
    const before = await keyOf(id);
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/assessments/${id}`) && r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    expect((await saved).status()).toBe(200);
    expect(await keyOf(id)).toEqual(before);
  };

  await test.step('a flag challenge with two hints, with the keyboard alone', async () => {
    await author('flag', 'New Flag challenge');
    await expect(page.getByText('There is no template or placeholder to write')).toBeVisible();
    await tabTo(page, page.getByLabel('Title', { exact: true }));
    await page.keyboard.type('Find the beaconing host');
    await tabTo(page, page.getByLabel('Maximum score'));
    await typeOver(page, '100');
    await page.keyboard.press('Tab');
    await typeOver(page, '50');
    await tabTo(page, page.getByLabel('Flag 1: points'));
    await typeOver(page, '100');
    await page.keyboard.press('Tab');
    await typeOver(page, 'dns');
    await tabTo(page, page.getByRole('button', { name: 'Add a hint' }));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Hint 1: text')).toBeFocused();
    await page.keyboard.type('Filter on dns.qry.name.');
    await page.keyboard.press('Tab');
    await typeOver(page, '10');
    await tabTo(page, page.getByRole('button', { name: 'Add a hint' }));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Hint 2: text')).toBeFocused();
    await page.keyboard.type('Look at the newest domain.');
    await page.keyboard.press('Tab');
    await typeOver(page, '25');
    // The second hint goes first, with the keyboard; focus stays on the button pressed.
    await tabTo(page, page.getByRole('button', { name: 'Move “Hint 2” up' }));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Hint 1: text')).toHaveValue('Look at the newest domain.');
    await expect(page.getByRole('button', { name: 'Move “Hint 1” up' })).toBeFocused();
    // The flag's label was left empty: named at its field before anything is sent, and focused.
    await tabTo(page, page.getByRole('button', { name: 'Save assessment' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'The key has 1 problem, shown at its field. Nothing was saved.' })).toBeVisible();
    const label = page.getByLabel('Flag 1: what to find');
    await expect(label).toBeFocused();
    await expect(label).toHaveAttribute('aria-invalid', 'true');
    await expect(label).toHaveAccessibleDescription('Fill this in.');
    await page.keyboard.type('Flag in the DNS query');
    await expect(page.getByText('Flags (100 points in all)')).toBeVisible();
    await checkScreen(page, 'teach-flag-key');
    await fitsPhone(page);
    await tabTo(page, page.getByRole('button', { name: 'Save assessment' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Assessment: Find the beaconing host' })).toBeVisible();
    const id = assessmentIdOf(page);
    expect(await keyOf(id)).toEqual({
      flags: [{ id: 'dns', label: 'Flag in the DNS query', points: 100 }],
      hints: [
        { id: 'hint-2', text: 'Look at the newest domain.', cost: 25 },
        { id: 'hint-1', text: 'Filter on dns.qry.name.', cost: 10 },
      ],
    });
    await saveUnchangedKeepsKey(id);
  });

  await test.step('a configuration review with two rules, the API’s refusal at its field, a sample checked', async () => {
    await author('config', 'New Configuration review');
    await page.getByLabel('Title', { exact: true }).fill('Review: the reports bucket');
    await page.getByLabel('Maximum score').fill('10');
    await page.getByLabel('Score to pass').fill('10');
    await page.getByText('YAML', { exact: true }).click();
    await expect(page.getByRole('radio', { name: 'YAML', exact: true })).toBeChecked();
    await page.getByLabel('Rule 1: where (path)').fill('$.owner');
    await page.getByLabel('Rule 1: value', { exact: true }).fill('reporting');
    await page.getByLabel('Rule 1: points').fill('5');
    await page.getByLabel('Rule 1: message to the trainee').fill('Set the owner to the reporting team.');
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await expect(page.getByLabel('Rule 2: check')).toBeFocused();
    await page.getByLabel('Rule 2: where (path)').fill('$.public');
    await page.getByLabel('Rule 2: value: type').selectOption('boolean');
    await page.getByText('false', { exact: true }).click();
    await expect(page.getByRole('radio', { name: 'false', exact: true })).toBeChecked();
    await page.getByLabel('Rule 2: points').fill('5');
    await page.getByLabel('Rule 2: message to the trainee').fill('Keep the bucket private.');
    // A third rule whose JSON Schema only the server can judge: its 422 is shown under that field.
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await page.getByLabel('Rule 3: check').selectOption('schema');
    await page.getByLabel('Rule 3: JSON Schema').fill('{ "type": "no-such-type" }');
    await page.getByLabel('Rule 3: message to the trainee').fill('Follow the shape.');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The configuration rules are not valid.' })).toBeVisible();
    const schema = page.getByLabel('Rule 3: JSON Schema');
    await expect(schema).toHaveAttribute('aria-invalid', 'true');
    await expect(schema).toHaveAccessibleDescription(/the schema is invalid/);
    await expect(page).toHaveURL(/\/assessments\/new/);
    await page.getByRole('button', { name: 'Remove Rule 3' }).click();
    await expect(page.getByText('Rules (10 points in all)')).toBeVisible();
    await checkScreen(page, 'teach-config-key');
    await fitsPhone(page);
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Assessment: Review: the reports bucket' })).toBeVisible();
    const id = assessmentIdOf(page);
    expect(await keyOf(id)).toEqual({
      format: 'yaml',
      rules: [
        { id: 'rule-1', check: 'equals', path: '$.owner', value: 'reporting', points: 5, message: 'Set the owner to the reporting team.' },
        { id: 'rule-2', check: 'equals', path: '$.public', value: false, points: 5, message: 'Keep the bucket private.' },
      ],
    });
    await page.getByLabel('Sample configuration (JSON or YAML)').fill('owner: reporting\npublic: true\n');
    await page.getByRole('button', { name: 'Check the sample' }).click();
    await expect(page.getByText('1 of 2 checks pass.')).toBeVisible();
    await expect(page.locator('.finding-fail')).toContainText('Keep the bucket private.');
    await saveUnchangedKeepsKey(id);
  });

  await test.step('a design task with a two-criterion rubric and a required element', async () => {
    await author('rubric', 'New Design task (rubric)');
    await page.getByLabel('Title', { exact: true }).fill('Leave-booking page');
    await page.getByLabel('Maximum score').fill('100');
    await page.getByLabel('Score to pass').fill('60');
    await page.getByLabel('Criterion 1: what is judged').fill('The flow covers errors and empty states');
    await page.getByLabel('Criterion 1, level 1: label').fill('missing');
    await page.getByLabel('Criterion 1, level 2: label').fill('complete');
    await page.getByLabel('Criterion 1, level 2: points').fill('6');
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await expect(page.getByLabel('Criterion 2: what is judged')).toBeFocused();
    await page.keyboard.type('Contrast, focus states and labels');
    await page.getByLabel('Criterion 2, level 1: label').fill('missing');
    await page.getByLabel('Criterion 2, level 2: label').fill('complete');
    await page.getByLabel('Criterion 2, level 2: points').fill('4');
    await expect(page.getByText('Rubric (10 points in all)')).toBeVisible();
    await expect(page.getByText('Criterion 1 is worth 6 points.')).toBeVisible();
    await page.getByText('Trainees submit a page (HTML and CSS)').click();
    await page.getByRole('button', { name: 'Add a requirement' }).click();
    await page.getByLabel('Requirement 1: CSS selector').fill('main >> h1');
    await page.getByLabel('Requirement 1: message to the trainee').fill('Give the page a main heading.');
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByLabel('Requirement 1: CSS selector')).toHaveAccessibleDescription(/This is not a CSS selector the browser can read\./);
    await page.getByLabel('Requirement 1: CSS selector').fill('main h1');
    await page.getByText('View the key as JSON (read-only)').click();
    await expect(page.getByLabel('The key as JSON')).toContainText('"selector": "main h1"');
    await checkScreen(page, 'teach-rubric-key');
    await fitsPhone(page);
    await page.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Assessment: Leave-booking page' })).toBeVisible();
    const id = assessmentIdOf(page);
    expect(await keyOf(id)).toEqual({
      criteria: [
        { id: 'criterion-1', title: 'The flow covers errors and empty states', levels: [{ label: 'missing', points: 0 }, { label: 'complete', points: 6 }] },
        { id: 'criterion-2', title: 'Contrast, focus states and labels', levels: [{ label: 'missing', points: 0 }, { label: 'complete', points: 4 }] },
      ],
      design: { requiredSelectors: [{ selector: 'main h1', message: 'Give the page a main heading.' }] },
    });
    await saveUnchangedKeepsKey(id);
  });

  await test.step('the publish review names the three assessments', async () => {
    await builder();
    await page.getByRole('link', { name: 'Review and publish' }).click();
    await expect(page.getByText('No problems found.')).toBeVisible({ timeout: 60_000 });
    for (const name of ['Find the beaconing host', 'Review: the reports bucket', 'Leave-booking page']) await expect(page.getByText(`Assessment “${name}”: included`)).toBeVisible();
  });
});
