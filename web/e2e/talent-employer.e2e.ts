import type { Locator, Page } from '@playwright/test';
import { test, expect, checkScreen } from './support/fixtures.ts';
import { signIn } from './support/sign-in.ts';
import { buildTalentWorld, hireThroughApi, SKILLS, type TalentWorld } from './support/talent-world.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(600_000);
// The fair's hours are written in UTC below: the browser's clock says UTC too.
test.use({ timezoneId: 'UTC' });

/** Presses Tab until `target` has the focus: how a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

const ROLE = 'SOC analyst';

test('an employer finds a graduate by skill, shortlists, asks to an interview, records the hire, and the report counts it', async ({ page, api, browser }) => {
  const world: TalentWorld = await buildTalentWorld(api, 5);
  const [grace, ...others] = world.graduates;
  const report = async () => api.call('GET', `/api/v1/reports/cohorts/${world.cohortId}/outcomes`, world.reviewer.token);

  await test.step('four of the cohort’s five graduates are hired through the API: a hire count of 4 in 5 is withheld (k = 5)', async () => {
    for (const graduate of others) await hireThroughApi(api, world.employer.token, graduate, ROLE);
    await expect.poll(async () => (await report()).pipeline, { timeout: 60_000 }).toMatchObject({ listed: 5, hired: null });
  });

  await test.step('signing in, the employer lands on the talent search; Talent is in the navigation', async () => {
    await signIn(page, world.employer.email, world.employer.password);
    await expect(page).toHaveURL(/\/app\/talent$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Find candidates' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Talent' })).toBeVisible();
    await expect(page.getByRole('link', { name: grace.displayName })).toBeVisible();
    await checkScreen(page, 'employer-talent-search');
  });

  await test.step('keyboard only: ask for the skills, open the best match and shortlist her for a role, twice', async () => {
    await page.getByRole('heading', { level: 1 }).focus();
    // The skills are folded until wanted (a long list on a phone): Enter on the summary opens them.
    const skillsSummary = page.locator('summary', { hasText: 'Skills' });
    await tabTo(page, skillsSummary);
    await page.keyboard.press('Enter');
    const monitoring = page.getByLabel(`${SKILLS.monitoring.name} (${SKILLS.monitoring.code})`);
    await tabTo(page, monitoring);
    await page.keyboard.press('ArrowDown');
    await expect(monitoring).toHaveValue('all');
    await expect(page).toHaveURL(new RegExp(`skillsAll=${SKILLS.monitoring.code}`));
    const access = page.getByLabel(`${SKILLS.access.name} (${SKILLS.access.code})`);
    await tabTo(page, access);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(access).toHaveValue('any');
    await expect(skillsSummary).toHaveText('Skills (2 asked)');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: grace.displayName }) });
    await expect(card.getByText('Matches 2 of 2 skills asked')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /candidates? shown, best skill match first/ })).toBeVisible();
    await tabTo(page, page.getByRole('link', { name: grace.displayName }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: grace.displayName })).toBeFocused();
    await tabTo(page, page.getByLabel('Role', { exact: true }));
    await page.keyboard.type(ROLE);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').getByText(`${grace.displayName} is on the shortlist for ${ROLE}.`)).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').getByText(`${grace.displayName} was already shortlisted for ${ROLE}: nothing changed.`)).toBeVisible();
  });

  await test.step('the profile: certificate with its verification link, skills with their evidence, no contact yet', async () => {
    await expect(page.getByRole('link', { name: /^Check the certificate of SOC Foundations/ })).toHaveAttribute('href', /\/verify\/[\w-]+$/);
    await expect(page.getByRole('heading', { level: 3, name: new RegExp(SKILLS.monitoring.name) })).toBeVisible();
    await expect(page.getByText(/Passed “Alert triage check” \(SOC Foundations \w+\)/).first()).toBeVisible();
    await expect(page.getByText('Shared once the candidate accepts an interview request from your organisation.')).toBeVisible();
    await checkScreen(page, 'employer-candidate');
  });

  await test.step('the search is kept in the address; a search nobody matches says so', async () => {
    await page.goto(`/app/talent?skillsAll=${SKILLS.monitoring.code}&skillsAny=${SKILLS.access.code}`);
    await expect(page.getByLabel(`${SKILLS.monitoring.name} (${SKILLS.monitoring.code})`)).toHaveValue('all');
    await expect(page.getByLabel(`${SKILLS.access.name} (${SKILLS.access.code})`)).toHaveValue('any');
    await page.getByLabel('Track').selectOption('data-analysis');
    await expect(page.getByText('No listed candidate matches these filters. Ask for fewer skills, or clear a filter.')).toBeVisible();
    await expect(page).toHaveURL(/track=data-analysis/);
  });

  await test.step('the shortlist by role; a request someone else sent meanwhile is explained (409), then the one waiting is shown', async () => {
    await page.getByRole('navigation', { name: 'Talent' }).getByRole('link', { name: 'Shortlists' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Shortlists' })).toBeFocused();
    const roleSection = page.getByRole('region', { name: ROLE });
    await expect(roleSection.getByRole('link', { name: grace.displayName })).toBeVisible();
    // A colleague asks her through the API while this screen is open.
    await api.call('POST', '/api/v1/talent/interview-requests', world.employer.token, { traineeId: grace.id, roleTitle: ROLE, message: 'From a colleague.' }, 201);
    await roleSection.getByRole('button', { name: `Request an interview with ${grace.displayName} for ${ROLE}` }).click();
    await page.getByLabel(`Message to ${grace.displayName}`).fill('We would like to meet you at the fair or online next week.');
    await page.getByRole('button', { name: 'Send the interview request' }).click();
    await expect(page.getByRole('alert')).toHaveText(`A request to ${grace.displayName} for ${ROLE} is already waiting for their answer. You can send another once they answer it.`);
    await checkScreen(page, 'employer-shortlists');
    await page.reload();
    await page.getByRole('region', { name: ROLE }).getByRole('link', { name: 'Interview request: Waiting for an answer' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: `${grace.displayName}: ${ROLE}` })).toBeFocused();
    await expect(page.getByText('Stages can be recorded once the candidate accepts.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Record:/ })).toHaveCount(0);
  });

  const requestId = page.url().split('/').pop()!;

  await test.step('the graduate accepts (API); the employer now sees her contact details', async () => {
    await api.call('POST', `/api/v1/me/interview-requests/${requestId}/answer`, grace.token, { answer: 'accept' });
    await page.reload();
    await expect(page.getByText(/^Accepted/)).toBeVisible();
    await page.getByRole('link', { name: `See ${grace.displayName}’s profile and contact details` }).click();
    await expect(page.getByRole('link', { name: grace.email })).toHaveAttribute('href', `mailto:${grace.email}`);
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: `${grace.displayName}: ${ROLE}` })).toBeVisible();
  });

  await test.step('outcomes in order, each confirmed: interviewed → offered → hired; steps out of order are never offered', async () => {
    const record = page.getByRole('button', { name: /^Record:/ });
    await expect(record).toHaveText(['Record: interviewed', 'Record: declined']);
    await checkScreen(page, 'employer-request');
    for (const [stage, next] of [['interviewed', ['Record: offered', 'Record: declined']], ['offered', ['Record: hired', 'Record: declined']], ['hired', []]] as const) {
      await page.getByRole('button', { name: `Record: ${stage}` }).click();
      const dialog = page.getByRole('alertdialog');
      await expect(dialog).toBeVisible();
      if (stage === 'hired') await checkScreen(page, 'employer-record-hire');
      await dialog.getByRole('button', { name: 'Yes, record it' }).click();
      await expect(page.getByRole('status').getByText(`Recorded: ${stage[0].toUpperCase()}${stage.slice(1)}.`)).toBeVisible();
      if (next.length > 0) await expect(record).toHaveText([...next]);
      else await expect(record).toHaveCount(0);
    }
    await expect(page.getByRole('listitem').filter({ hasText: /^Hired ·/ })).toBeVisible();
    const view = await api.call('GET', `/api/v1/talent/interview-requests/${requestId}`, world.employer.token);
    expect(view.outcomes.map((o: { stage: string }) => o.stage)).toEqual(['interviewed', 'offered', 'hired']);
  });

  await test.step('the list of requests shows her answer and stage', async () => {
    await page.getByRole('navigation', { name: 'Talent' }).getByRole('link', { name: 'Interview requests' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: grace.displayName }) });
    await expect(row.getByRole('cell')).toContainText([ROLE, /./, 'Accepted', 'Hired']);
    await checkScreen(page, 'employer-requests');
  });

  await test.step('the reviewer’s cohort report (API) counts the hire: all five hired, five placed', async () => {
    await expect.poll(async () => {
      const figures = await report();
      return { pipeline: figures.pipeline, placed: figures.overall.placements.placed };
    }, { timeout: 90_000, message: 'the report counts the fifth hire' }).toEqual({
      pipeline: { listed: 5, viewed: 5, shortlisted: 5, interviewed: 5, hired: 5, suppressed: [] },
      placed: 5,
    });
  });

  await test.step('the career fair: a slot outside the fair’s hours and one ending first are refused per field; a good one is booked', async () => {
    await page.getByRole('navigation', { name: 'Talent' }).getByRole('link', { name: 'Career fairs' }).click();
    await page.getByRole('link', { name: world.fair.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: world.fair.name })).toBeFocused();
    await expect(page.getByText('No slot published yet.')).toBeVisible();
    const day = world.fair.startsAt.slice(0, 10);
    const starts = page.getByLabel('Starts', { exact: true });
    const ends = page.getByLabel('Ends', { exact: true });
    await starts.fill(`${day}T08:00`);
    await ends.fill(`${day}T08:20`);
    await page.getByRole('button', { name: 'Publish the slot' }).click();
    await expect(page.getByText(/^Choose a time within the fair's hours/)).toBeVisible();
    await expect(starts).toHaveAttribute('aria-invalid', 'true');
    await starts.fill(`${day}T10:00`);
    await ends.fill(`${day}T09:30`);
    await page.getByRole('button', { name: 'Publish the slot' }).click();
    await expect(page.getByText('The end must be after the start.')).toBeVisible();
    await expect(ends).toHaveAttribute('aria-invalid', 'true');
    await ends.fill(`${day}T10:20`);
    await page.getByRole('button', { name: 'Publish the slot' }).click();
    await expect(page.getByRole('status').getByText(/^Slot published/)).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Free' })).toHaveCount(1);
    const [slot] = (await api.call('GET', `/api/v1/career-fairs/${world.fair.id}/slots`, world.employer.token)).items;
    await api.call('POST', `/api/v1/career-fairs/${world.fair.id}/registrations`, grace.token);
    await api.call('POST', `/api/v1/fair-slots/${slot.id}/bookings`, grace.token, undefined, 201);
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: grace.displayName })).toBeVisible();
    await checkScreen(page, 'employer-fair');
  });

  await test.step("on the fair's day the employer checks in the candidate who booked, by keyboard; before it, the row says when", async () => {
    await expect(page.getByRole('row').filter({ hasText: grace.displayName })).toContainText("On the fair's day");
    await expect(page.getByRole('button', { name: /^Check in / })).toHaveCount(0);
    const admin = await api.asAdmin();
    const now = Date.now();
    // Both organisations take part, as in the fair of tomorrow: the rival is at the fair, yet not her employer.
    const { organisationIds } = await api.call('GET', `/api/v1/career-fairs/${world.fair.id}`, admin);
    const today = await api.call('POST', '/api/v1/career-fairs', admin, {
      name: `Fair under way ${now}`, startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 4 * 3_600_000).toISOString(),
      place: 'Belmopan Civic Centre', organisationIds, cohortIds: [world.cohortId],
    }, 201);
    const slot = await api.call('POST', `/api/v1/career-fairs/${today.id}/slots`, world.employer.token, {
      startsAt: new Date(now + 3_600_000).toISOString(), endsAt: new Date(now + 1.5 * 3_600_000).toISOString(),
    }, 201);
    await api.call('POST', `/api/v1/career-fairs/${today.id}/registrations`, grace.token);
    await api.call('POST', `/api/v1/fair-slots/${slot.id}/bookings`, grace.token, undefined, 201);
    await page.goto(`/app/talent/fairs/${today.id}`);
    await expect(page.getByRole('heading', { level: 1, name: today.name })).toBeVisible();
    const checkIn = page.getByRole('button', { name: new RegExp(`^Check in ${grace.displayName} \\(meeting at `) });
    await tabTo(page, checkIn);
    await checkScreen(page, 'employer-fair-check-in');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `${grace.displayName} is checked in.` })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: grace.displayName })).toContainText('Checked in');
    await expect(checkIn).toHaveCount(0);
    await checkScreen(page, 'employer-fair-checked-in');
    const registrations = await api.call('GET', '/api/v1/me/fair-registrations', grace.token);
    expect(registrations.items.find((r: { fairId: string }) => r.fairId === today.id)).toMatchObject({ checkedInAt: expect.any(String), checkedInAs: 'employer' });
    // Another organisation's employer cannot check her in (the API says there is no such booking).
    const booking = (await api.call('GET', `/api/v1/career-fairs/${today.id}/slots`, world.employer.token)).items[0].bookingId;
    const refused = await api.request.post(`/api/v1/fair-bookings/${booking}/check-in`, { headers: { authorization: `Bearer ${world.rival.token}` } });
    expect(refused.status()).toBe(404);
  });

  await test.step('an employer of another organisation: the API answers 404 and the screen says not available', async () => {
    const response = await api.request.get(`/api/v1/talent/interview-requests/${requestId}`, { headers: { authorization: `Bearer ${world.rival.token}` } });
    expect(response.status()).toBe(404);
    const context = await browser.newContext({ baseURL: process.env.GDS_E2E_URL, timezoneId: 'UTC' });
    const rivalPage = await context.newPage();
    await signIn(rivalPage, world.rival.email, world.rival.password);
    await rivalPage.goto(`/app/talent/requests/${requestId}`);
    await expect(rivalPage.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(rivalPage.getByText(/This page is not available/)).toBeVisible();
    await expect(rivalPage.getByText(grace.displayName)).toHaveCount(0);
    await context.close();
  });
});

test('a trainee opening the employer’s screens by URL gets “Page not found”, and no Talent item', async ({ page, api }) => {
  const trainee = await api.registerTrainee('Curious Trainee');
  await page.goto('/app/sign-in?redirect=%2Fapp%2Ftalent%2Fshortlists');
  await page.getByLabel('Email').fill(trainee.email);
  await page.getByLabel('Password').fill(trainee.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Talent' })).toHaveCount(0);
  await page.goto(`/app/talent/candidates/${trainee.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  const token = await api.tokenOf(trainee.email, trainee.password);
  expect((await api.request.get('/api/v1/talent/profiles', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(403);
});
