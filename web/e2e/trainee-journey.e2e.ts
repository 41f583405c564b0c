import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect, checkScreen } from './support/fixtures.ts';
import { acceptAndStart, buildLearningWorld, passQuiz } from './support/learning-world.ts';

test.describe.configure({ mode: 'serial' });
// One long journey on a small shared machine: each screen is also checked by axe at two widths.
test.setTimeout(600_000);

test('a new applicant registers, applies, is accepted, learns, and downloads a certificate', async ({ page, api }) => {
  const world = await buildLearningWorld(api);
  const email = `applicant-${randomBytes(4).toString('hex')}@gds.test`;
  const password = 'applicant-password-1';

  await test.step('register', async () => {
    await page.goto('/app/register');
    await checkScreen(page, 'register');
    await page.getByLabel('Your name').fill('Maria Lopez');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hello, Maria' })).toBeFocused();
    await expect(page.getByText('Start by applying to a cohort.')).toBeVisible();
    await checkScreen(page, 'home-applicant');
  });

  let applicationId = '';
  await test.step('apply to a cohort', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohorts' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cohorts' })).toBeFocused();
    await checkScreen(page, 'cohorts');
    await page.getByRole('link', { name: world.cohortName }).click();
    await expect(page.getByRole('heading', { level: 1, name: world.cohortName })).toBeVisible();
    await checkScreen(page, 'cohort-apply');
    await page.getByRole('button', { name: 'Send my application' }).click();
    // The browser's own check stops an empty required answer; nothing was sent.
    await expect(page).toHaveURL(/\/app\/cohorts\//);
    await page.getByLabel('Why do you want to join?').fill('I handle fraud calls and want to move into security operations.');
    await page.getByLabel('How many hours a week can you study?').fill('About 6 hours, after my shift.');
    await page.getByRole('button', { name: 'Send my application' }).click();
    await expect(page).toHaveURL(/\/app\/applications\//);
    await expect(page.getByText('Submitted: the admissions team will review it.')).toBeVisible();
    await expect(page.getByText('About 6 hours, after my shift.')).toBeVisible();
    await checkScreen(page, 'application');
    applicationId = page.url().split('/').pop()!;
  });

  await test.step('accepted by an admin (API), the course shows on home', async () => {
    await acceptAndStart(api, world, applicationId);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('link', { name: 'Continue where you left off' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();
    await checkScreen(page, 'home');
  });

  await test.step('the outline explains the locked module; lessons are read and marked done', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learning' }).click();
    await page.getByRole('link', { name: world.courseTitle }).click();
    await expect(page.getByText(`Locked: finish ${world.moduleTitles[0]} first.`)).toBeVisible();
    await checkScreen(page, 'course-outline');
    await page.getByRole('link', { name: 'Continue where you left off' }).click();
    await expect(page.getByRole('heading', { level: 1, name: world.lessons[0].title })).toBeFocused();
    await expect(page.locator('.lesson-body strong')).toHaveText('question');
    // The lesson's own '# Reading an alert' sits under the page's title: one h1 on the page, the author's heading an h2.
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.locator('.lesson-body').getByRole('heading', { level: 2, name: 'Reading an alert' })).toBeVisible();
    await checkScreen(page, 'lesson');
    await page.getByRole('button', { name: 'Mark as done' }).click();
    await expect(page.getByText('You have finished this lesson.')).toBeVisible();
    await page.getByRole('link', { name: `Next: ${world.lessons[1].title}` }).click();
    await expect(page.getByRole('link', { name: /Watch the video \(7 min/ })).toHaveAttribute('href', 'https://video.example.org/incident.mp4');
    await page.getByRole('button', { name: 'Mark as done' }).click();
    await expect(page.getByText('You have finished this lesson.')).toBeVisible();
  });

  await test.step('the assessment has its place (its editor is the assessment screens\' work)', async () => {
    await page.getByRole('link', { name: 'Incident Response Basics', exact: false }).first().click();
    await page.getByRole('link', { name: 'Check: spotting an incident' }).click();
    await expect(page.getByText('Attempts')).toBeVisible();
    await checkScreen(page, 'assessment');
    await passQuiz(api, world, await api.tokenOf(email, password));
  });

  await test.step('the last module opens; finishing it earns the certificate', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learning' }).click();
    await page.getByRole('link', { name: world.courseTitle }).click();
    await expect(page.getByText(/Locked: finish/)).toHaveCount(0);
    await page.getByRole('link', { name: world.lessons[2].title }).click();
    await page.getByRole('button', { name: 'Mark as done' }).click();
    await expect(page.getByText('You have finished this lesson.')).toBeVisible();
    const token = await api.tokenOf(email, password);
    await expect.poll(async () => (await api.call('GET', '/api/v1/me/certificates', token)).items.length, { timeout: 90_000, message: 'certificate issued' }).toBe(1);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('link', { name: 'Your certificates' }).click();
    await checkScreen(page, 'certificates');
    await page.getByRole('link', { name: world.courseTitle }).click();
    await expect(page.getByText('Awarded to Maria Lopez')).toBeVisible();
    await checkScreen(page, 'certificate');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^certificate-irb-.*\.pdf$/);
    expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
    const [credential] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download credential (Open Badges)' }).click()]);
    expect(JSON.parse(readFileSync(await credential.path(), 'utf8')).format).toBe('vc+jwt');
    await expect(page.getByRole('link', { name: 'Open the public verification page (new tab)' })).toHaveAttribute('href', /\/verify\//);
  });

  await test.step('notifications: the inbox, marking read, preferences', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    // Notices are fanned out by the worker; the badge polls once a minute, so wait for the notices
    // to exist, then open a screen afresh for the badge to read them.
    const token = await api.tokenOf(email, password);
    await expect.poll(async () => (await api.call('GET', '/api/v1/me/notifications/unread-count', token)).unread, { timeout: 90_000, message: 'notices delivered' }).toBeGreaterThan(0);
    await page.reload();
    await expect(nav.getByRole('link', { name: /Inbox/ })).toContainText(/\d/);
    await nav.getByRole('link', { name: /Inbox/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    await checkScreen(page, 'notifications');
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(page.getByRole('button', { name: 'Mark all as read' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Inbox' })).not.toContainText(/\d/);
    await page.getByRole('link', { name: 'Choose what you hear about' }).click();
    await page.getByLabel('By email').first().selectOption('off');
    await expect(page.getByText('Saved.')).toBeVisible();
    await checkScreen(page, 'notification-preferences');
    const saved = await api.call('GET', '/api/v1/me/notification-preferences', await api.tokenOf(email, password));
    expect(saved.items.find((item: { type: string }) => item.type === 'application-decided').email).toBe('off');
  });

  await test.step('profile: name, Spanish, placement', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    await checkScreen(page, 'profile');
    // The demographic fields are asked for only once the person consents to their purpose.
    await page.getByRole('button', { name: 'I agree: let me add these details' }).click();
    // District and employer are chosen from the programme's lists (free text is refused).
    await page.getByLabel('District').selectOption('Orange Walk');
    await page.getByLabel('Employer', { exact: true }).selectOption({ label: 'Other' });
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    expect(await api.call('GET', '/api/v1/me', await api.tokenOf(email, password))).toMatchObject({ district: 'Orange Walk', employer: 'other' });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect(page.getByRole('heading', { level: 1, name: 'Tu perfil' })).toBeVisible();
    await checkScreen(page, 'profile-es');
    // The learning screens' messages are a catalogue of their own: after a change of language they come
    // in the new language too (the English ones were loaded earlier in this journey).
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Aprendizaje' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tu aprendizaje' })).toBeVisible();
    await page.goBack();
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await page.getByRole('link', { name: 'Tell us about a new job or promotion' }).click();
    await page.getByText('A promotion', { exact: true }).click();
    await page.getByLabel('Job title').fill('Team lead, fraud desk');
    await page.getByLabel('Employer').fill('Belize Contact Centre');
    // A placement counts from the course's start (yesterday in this world) and not in the future.
    // Today in the trainee's zone (Belize, the default), which the server checks: the UTC date is a
    // day ahead there between midnight UTC and midnight in Belize.
    await page.getByLabel('Start date').fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Belize' }).format(new Date()));
    await checkScreen(page, 'placement');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText('Thank you! Your report is saved.')).toBeVisible();
  });
});
