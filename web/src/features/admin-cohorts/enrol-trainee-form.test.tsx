// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '@lingui/core';
import { withProviders } from '../../shared/testing/with-providers';
import type { AdminCohort } from './admin-cohorts.queries';
import { missingPrerequisites } from './enrol-trainee';
import { ProblemError } from '../../shared/api/problem';

// The API client is replaced: this test is about what is sent and what each answer shows.
const get = vi.fn();
const post = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { GET: (...args: unknown[]) => get(...args), POST: (...args: unknown[]) => post(...args) } }));
const { EnrolTraineeForm } = await import('./enrol-trainee-form');

i18n.loadAndActivate({ locale: 'en', messages: {} });
vi.setConfig({ testTimeout: 60_000 });

const cohort = { id: 'c1', name: 'Evening', status: 'running', courses: [{ versionId: 'v1', title: 'SQL', trackCode: 'DATA', version: 1 }] } as unknown as AdminCohort;
const ana = { id: 't1', email: 'ana@gds.test', displayName: 'Ana Cruz', roles: ['trainee'], active: true };
const ok = (data: unknown, status = 200) => ({ data, response: new Response(null, { status }) });
const refused = (problem: Record<string, unknown>) => ({ error: problem, response: new Response(null, { status: problem.status as number }) });
const users = (items: unknown[]) => ok({ items, nextCursor: null });

afterEach(() => {
  get.mockReset();
  post.mockReset();
});

async function enrol(email: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Trainee's e-mail"), email);
  await user.click(screen.getByRole('button', { name: 'Enrol' }));
  return user;
}

describe('the trainee search answer', () => {
  it('reads the missing courses of a prerequisites refusal only', () => {
    const problem = { type: 'https://gds.academy/problems/prerequisites-not-met', title: 'x', status: 422, missingCourses: [{ courseId: 'k1', code: 'NET-101', title: 'Networking' }, { bad: 1 }] };
    expect(missingPrerequisites(new ProblemError(problem))).toEqual([{ courseId: 'k1', code: 'NET-101', title: 'Networking' }]);
    expect(missingPrerequisites(new ProblemError({ ...problem, type: 'https://gds.academy/problems/cohort-full', status: 409 }))).toBeNull();
  });
});

describe('enrolling a trainee from the cohort screen', () => {
  it('finds the trainee by e-mail, enrols them and says so, with focus on the outcome', async () => {
    get.mockResolvedValue(users([ana]));
    post.mockResolvedValue(ok({ id: 'e1' }, 201));
    render(withProviders(<EnrolTraineeForm cohort={cohort} />));
    await enrol('ana@gds.test');
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Ana Cruz (ana@gds.test) is enrolled.');
    // The exact e-mail filter (the server matches case aside), not the partial search.
    expect(get.mock.calls[0][1]).toEqual({ params: { query: { role: 'trainee', email: 'ana@gds.test', limit: 1 } } });
    expect(post.mock.calls[0][1]).toEqual({ params: { path: { id: 'c1' } }, body: { traineeId: 't1' } });
    await waitFor(() => expect(document.activeElement).toBe(status.parentElement));
    expect((screen.getByLabelText("Trainee's e-mail") as HTMLInputElement).value).toBe('');
  });

  it('lists the missing prerequisites and enrols anyway, waiving them, after a confirmation', async () => {
    get.mockResolvedValue(users([ana]));
    post.mockResolvedValueOnce(
      refused({ type: 'https://gds.academy/problems/prerequisites-not-met', title: 'Unprocessable', status: 422, missingCourses: [{ courseId: 'k1', code: 'NET-101', title: 'Networking basics' }] }),
    );
    // The waiver's answer is held, to see where focus is while it is on its way.
    let answer: (value: unknown) => void = () => undefined;
    post.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    render(withProviders(<EnrolTraineeForm cohort={cohort} />));
    const user = await enrol('ana@gds.test');
    expect((await screen.findByRole('alert')).textContent).toBe('ana@gds.test is not enrolled: they have not completed every prerequisite course.');
    expect(screen.getByRole('list', { name: 'Not completed:' }).textContent).toBe('NET-101 Networking basics');
    await user.click(screen.getByRole('button', { name: 'Enrol anyway (waive prerequisites)' }));
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText('They have not completed NET-101 Networking basics.')).toBeTruthy();
    // No reason (or only blanks): the dialog stays, the error on the field, focused; nothing is sent.
    const reason = within(dialog).getByLabelText('Reason for the waiver');
    expect(reason.getAttribute('aria-required')).toBe('true');
    await user.type(reason, '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Enrol anyway' }));
    expect(screen.getByRole('alertdialog')).toBe(dialog);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')).toContain(within(dialog).getByText('Give the reason for waiving the prerequisites.').id);
    expect(document.activeElement).toBe(reason);
    expect(post).toHaveBeenCalledTimes(1);
    await user.type(reason, 'Ran our network for two years ');
    expect(reason.getAttribute('aria-invalid')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Enrol anyway' }));
    // While it is sent the refusal and its trigger stay (pending, still focusable): focus returns there, not to the body.
    const trigger = screen.getByRole('button', { name: 'Enrol anyway (waive prerequisites)' });
    await waitFor(() => expect(post).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(document.activeElement).toBe(trigger));
    expect(trigger.getAttribute('aria-disabled')).toBe('true');
    answer(ok({ id: 'e1' }, 201));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Ana Cruz \(ana@gds.test\) is enrolled. The prerequisites they had not completed are waived/);
    expect(post.mock.calls[1][1].body).toEqual({ traineeId: 't1', overridePrerequisites: true, overrideReason: 'Ran our network for two years' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('status').parentElement));
    expect(screen.queryByRole('button', { name: 'Enrol anyway (waive prerequisites)' })).toBeNull();
  });

  it('puts "no such trainee" and "already enrolled" on the e-mail field, focused, and sends nothing for an unknown e-mail', async () => {
    get.mockResolvedValueOnce(users([]));
    render(withProviders(<EnrolTraineeForm cohort={cohort} />));
    await enrol('ana@gds.test');
    const field = screen.getByLabelText("Trainee's e-mail");
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/^No trainee account has the e-mail ana@gds.test/)).toBeTruthy();
    expect(document.activeElement).toBe(field);
    expect(post).not.toHaveBeenCalled();

    get.mockResolvedValueOnce(users([ana]));
    post.mockResolvedValueOnce(refused({ type: 'https://gds.academy/problems/already-enrolled', title: 'Conflict', status: 409 }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Enrol' }));
    expect(await screen.findByText('ana@gds.test is already enrolled in this cohort.')).toBeTruthy();
  });

  it('takes a text the API refuses as an e-mail (400) as no such trainee, on the field', async () => {
    get.mockResolvedValueOnce(refused({ type: 'https://gds.academy/problems/validation', title: 'Invalid request', status: 400, errors: [{ field: 'email', message: 'email must be an email' }] }));
    render(withProviders(<EnrolTraineeForm cohort={cohort} />));
    await enrol('ana@gds');
    const field = screen.getByLabelText("Trainee's e-mail");
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/^No trainee account has the e-mail ana@gds\./)).toBeTruthy();
    expect(post).not.toHaveBeenCalled();
  });

  it('shows a full cohort as an alert in staff words, focused', async () => {
    get.mockResolvedValue(users([ana]));
    post.mockResolvedValue(refused({ type: 'https://gds.academy/problems/cohort-full', title: 'Conflict', status: 409, detail: 'All 10 seats of this cohort are taken.' }));
    render(withProviders(<EnrolTraineeForm cohort={cohort} />));
    await enrol('ana@gds.test');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Every seat in this cohort is taken. Add seats under Edit to enrol more trainees.');
    await waitFor(() => expect(document.activeElement).toBe(alert.parentElement));
  });
});
