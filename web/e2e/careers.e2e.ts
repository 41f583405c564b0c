import type { Locator, Page } from '@playwright/test';
import { test, expect, checkScreen } from './support/fixtures.ts';
import { signIn } from './support/sign-in.ts';
import { buildCareersWorld } from './support/careers-world.ts';

test.describe.configure({ mode: 'serial' });
// One long journey on a small shared machine (a quiz graded and a certificate issued by the worker first).
test.setTimeout(600_000);

/** Presses Tab (or Shift+Tab) until `target` has the focus: how a keyboard user reaches it. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('a graduate lists a talent profile, answers an employer, books a fair meeting and withdraws consent', async ({ page, api }) => {
  const world = await buildCareersWorld(api);
  const { graduate, employer } = world;
  const organisation = employer.organisationName;

  await test.step('opts in with the keyboard alone', async () => {
    await signIn(page, graduate.email, graduate.password);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByRole('heading', { level: 1 }).focus();
    await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Careers' }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Careers' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Let employers find you' })).toBeVisible();
    await checkScreen(page, 'careers-opt-in');
    await tabTo(page, page.getByLabel('A few words for employers'));
    await page.keyboard.type('Two years triaging fraud alerts; now monitoring security events.');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('When you could start')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('When you could start')).toHaveValue('within_1_month');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Roles you want')).toBeFocused();
    await page.keyboard.type('SOC analyst, IT support, soc analyst');
    await tabTo(page, page.getByRole('button', { name: 'List my profile' }));
    await page.keyboard.press('Enter');
    await expect(page.getByText('Saved. Your profile is listed.')).toBeVisible();
    await expect(page.getByText(/^Listed since .*: employers can find your profile/)).toBeVisible();
    const saved = await api.call('GET', '/api/v1/me/talent-profile', await api.tokenOf(graduate.email, graduate.password));
    expect(saved).toMatchObject({ listed: true, availability: 'within_1_month', preferredRoles: ['SOC analyst', 'IT support'] });
  });

  await test.step('sees exactly what employers see', async () => {
    const preview = page.getByRole('article', { name: 'Preview of your profile' });
    await expect(preview.getByRole('heading', { name: graduate.displayName })).toBeVisible();
    await expect(preview).toContainText('Cybersecurity');
    await expect(preview).toContainText('Within a month');
    await expect(preview).toContainText('SOC analyst, IT support');
    await expect(preview.getByRole('link', { name: `Check that ${world.courseTitle} is valid (new tab)` })).toHaveAttribute('href', /\/verify\//);
    await expect(preview).toContainText(world.skillName);
    await expect(preview).toContainText(`Passed ${world.quizTitle} (${world.courseTitle})`);
    await checkScreen(page, 'careers-profile');
  });

  await test.step('an employer views the profile and asks for an interview (API); the graduate sees both and accepts', async () => {
    const seen = await api.call('GET', `/api/v1/talent/profiles/${graduate.id}`, employer.token);
    expect(seen.contact).toBeNull();
    await api.call('POST', '/api/v1/talent/interview-requests', employer.token, { traineeId: graduate.id, roleTitle: 'Junior SOC analyst', message: 'We would like to meet you next week.' }, 201);

    await page.getByRole('navigation', { name: 'Career views' }).getByRole('link', { name: 'Who viewed it' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Who viewed your profile' })).toBeVisible();
    await expect(page.getByRole('heading', { name: organisation })).toBeVisible();
    await expect(page.getByText(/^Viewed .*(CST|GMT-6)/)).toBeVisible();
    await checkScreen(page, 'careers-views');

    await page.getByRole('navigation', { name: 'Career views' }).getByRole('link', { name: 'Interview requests' }).click();
    const request = page.getByRole('article', { name: `Junior SOC analyst at ${organisation}` });
    await expect(request).toContainText('We would like to meet you next week.');
    await checkScreen(page, 'careers-requests');
    await request.getByRole('button', { name: 'Accept' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Accept the interview with ${organisation}?` });
    await expect(dialog).toContainText(`Only ${organisation} receives it: no other organisation sees your contact details.`);
    await dialog.getByRole('button', { name: 'Accept and share my email' }).click();
    await expect(request).toContainText(`${organisation} has your email address to arrange the interview.`);
    await expect(request.getByRole('button', { name: 'Accept' })).toHaveCount(0);
    expect((await api.call('GET', `/api/v1/talent/profiles/${graduate.id}`, employer.token)).contact).toEqual({ email: graduate.email });
    await checkScreen(page, 'careers-request-accepted');
  });

  await test.step('registers for a fair and books a slot with the keyboard alone; a clashing second booking is explained', async () => {
    await page.getByRole('navigation', { name: 'Career views' }).getByRole('link', { name: 'Career fairs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Career fairs' })).toBeVisible();
    await expect(page.getByText('No meeting booked yet. Open a fair to book one.')).toBeVisible();
    await expect(page.getByText('Not registered yet.')).toBeVisible();
    await checkScreen(page, 'careers-fairs');
    await page.getByRole('link', { name: world.fair.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: world.fair.name })).toBeFocused();
    // The fair's day in Belize time: 9:00 to 15:00, the zone named.
    await expect(page.getByText(/9:00.*3:00\s?PM.*(CST|GMT-6)/)).toBeVisible();
    await expect(page.getByText(`Place: ${world.fair.place}`)).toBeVisible();
    await expect(page.getByText('Register to book').first()).toBeVisible();

    await tabTo(page, page.getByRole('button', { name: 'Register for this fair' }));
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^You are registered \(since/)).toBeVisible();
    const books = page.getByRole('button', { name: new RegExp(`^Book .* with ${organisation}$`) });
    await expect(books).toHaveCount(3);
    const first = books.first();
    await expect(first).toHaveAccessibleName(/10:00.*10:30/);
    await tabTo(page, first);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Booked: ${organisation},` })).toBeVisible();
    await expect(page.getByText('Booked by you')).toBeVisible();
    await expect(books).toHaveCount(2);
    await checkScreen(page, 'careers-fair-booked');

    // 10:15–10:45 overlaps the 10:00 meeting: refused, said in words, the list read again.
    const clashing = books.first();
    await expect(clashing).toHaveAccessibleName(/10:15.*10:45/);
    await tabTo(page, clashing);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('You already have a meeting booked at that time. Choose a time that does not overlap your other meetings.');
    await expect(page.getByText('Booked by you')).toHaveCount(1);
    await checkScreen(page, 'careers-fair-clash');
    const meetings = await api.call('GET', '/api/v1/me/fair-bookings', await api.tokenOf(graduate.email, graduate.password));
    expect(meetings.items.map((m: { slotId: string }) => m.slotId)).toEqual([world.slotIds[0]]);

    await page.getByRole('link', { name: 'All career fairs' }).click();
    const meeting = page.getByRole('region', { name: 'Your meetings' }).getByRole('listitem');
    await expect(meeting).toHaveCount(1);
    await expect(meeting).toContainText(organisation);
    await expect(meeting).toContainText(/10:00.*10:30.*(CST|GMT-6)/);
    await expect(meeting.getByRole('link', { name: 'Join online (opens in a new tab)' })).toHaveAttribute('href', 'https://meet.example.org/careers-fair');
    await expect(page.getByText('You are registered.')).toBeVisible();
    await checkScreen(page, 'careers-meetings');
  });

  await test.step('cancels the meeting with the keyboard after a confirmation naming it; the time is free again', async () => {
    const token = await api.tokenOf(graduate.email, graduate.password);
    const cancel = page.getByRole('button', { name: new RegExp(`^Cancel meeting with ${organisation}, .*10:00`) });
    await tabTo(page, cancel);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: `Cancel your meeting with ${organisation}?` });
    await expect(dialog).toContainText(world.fair.name);
    await expect(dialog).toContainText(`The meeting is removed from your schedule and from ${organisation}'s.`);
    await expect(dialog).toContainText('The time becomes free: another trainee can book it');
    await expect(dialog.getByRole('button', { name: 'Keep the meeting' })).toBeFocused();
    await checkScreen(page, 'careers-cancel-dialog');
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Cancel the meeting' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Meeting cancelled: ${organisation},` })).toBeVisible();
    await expect(page.getByText('No meeting booked yet. Open a fair to book one.')).toBeVisible();
    const slots = await api.call('GET', `/api/v1/career-fairs/${world.fair.id}/slots?limit=100`, token);
    expect(slots.items.find((slot: { id: string }) => slot.id === world.slotIds[0])).toMatchObject({ available: true, bookedByMe: false });
    await checkScreen(page, 'careers-meeting-cancelled');
    // Booked again (API), so that withdrawing consent below still has a meeting to cancel.
    await api.call('POST', `/api/v1/fair-slots/${world.slotIds[0]}/bookings`, token, undefined, 201);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Your meetings' }).getByRole('listitem')).toHaveCount(1);
  });

  await test.step("checks in on the fair's day only: two days before it says when; on the day, by keyboard", async () => {
    await page.getByRole('region', { name: 'Fairs you are invited to' }).getByRole('link', { name: world.fair.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: world.fair.name })).toBeFocused();
    await expect(page.getByText(/^On the day, check in here from .*7:00/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Check in' })).toHaveCount(0);
    // A fair under way, for the same employer and cohort (as staff would create it).
    const admin = await api.asAdmin();
    const fair = await api.call('GET', `/api/v1/career-fairs/${world.fair.id}`, admin);
    const now = Date.now();
    const today = await api.call('POST', '/api/v1/career-fairs', admin, {
      name: `Open Day ${now}`, startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 3 * 3_600_000).toISOString(),
      place: 'Belmopan Civic Centre', organisationIds: fair.organisationIds, cohortIds: fair.cohortIds,
    }, 201);
    await page.goto(`/app/careers/fairs/${today.id}`);
    await expect(page.getByRole('heading', { level: 1, name: today.name })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Check in' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Register for this fair' }).click();
    const checkIn = page.getByRole('button', { name: 'Check in' });
    await expect(page.getByText('Arrived? Check in so the organisers and employers know you are here.')).toBeVisible();
    await checkScreen(page, 'careers-fair-check-in');
    await tabTo(page, checkIn);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /^You checked in at / })).toBeVisible();
    await expect(checkIn).toHaveCount(0);
    await checkScreen(page, 'careers-fair-checked-in');
    const registrations = await api.call('GET', '/api/v1/me/fair-registrations', await api.tokenOf(graduate.email, graduate.password));
    expect(registrations.items.find((r: { fairId: string }) => r.fairId === today.id)).toMatchObject({ checkedInAt: expect.any(String), checkedInAs: 'self' });
    await page.getByRole('link', { name: 'All career fairs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Career fairs' })).toBeVisible();
  });

  await test.step('the career screens speak Spanish from their own catalogue', async () => {
    await api.call('PATCH', '/api/v1/me', await api.tokenOf(graduate.email, graduate.password), { language: 'es' });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Ferias de empleo' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Tus reuniones' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Empleo' })).toBeVisible();
    await checkScreen(page, 'careers-meetings-es');
    await api.call('PATCH', '/api/v1/me', await api.tokenOf(graduate.email, graduate.password), { language: 'en' });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Career fairs' })).toBeVisible();
  });

  await test.step('withdraws consent: told what happens, hidden at once, the meeting to come cancelled', async () => {
    await page.getByRole('navigation', { name: 'Career views' }).getByRole('link', { name: 'Talent profile' }).click();
    await page.getByRole('button', { name: 'Stop being listed' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Stop being listed?' });
    await expect(dialog).toContainText('Your profile is hidden immediately');
    await expect(dialog).toContainText('Interview requests still waiting for your answer end.');
    await expect(dialog).toContainText("You are removed from every employer's shortlist.");
    await checkScreen(page, 'careers-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Stop being listed now' }).click();
    await expect(page.getByText(/^Not listed \(you stopped on .*\): no employer can find or open your profile/)).toBeVisible();
    await api.call('GET', `/api/v1/talent/profiles/${graduate.id}`, employer.token, undefined, 404);
    await checkScreen(page, 'careers-withdrawn');
    await page.getByRole('navigation', { name: 'Career views' }).getByRole('link', { name: 'Career fairs' }).click();
    await expect(page.getByText('No meeting booked yet. Open a fair to book one.')).toBeVisible();
  });
});
