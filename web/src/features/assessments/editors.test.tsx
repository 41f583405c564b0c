// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '@lingui/core';
import type { QuizQuestion, SqlContent, ConfigContent } from './assessment.types';
import type { QuizDraft } from './quiz-answers';
import { withProviders } from '../../shared/testing/with-providers';

// The API client is replaced: these tests are about what the editors send and show.
const post = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { POST: (...args: unknown[]) => post(...args), GET: vi.fn() } }));
// CodeMirror needs layout jsdom does not have; its textarea stand-in keeps the same label and value contract.
vi.mock('./codemirror-editor', async () => {
  const { PlainCodeArea } = await import('./code-editor');
  return { default: PlainCodeArea };
});

const { QuizEditor } = await import('./quiz-editor');
const { SqlEditor } = await import('./sql-editor');
const { ConfigEditor } = await import('./config-editor');
const { TimeLeft } = await import('./time-left');
const { FlagEditor, EMPTY_FLAG_DRAFT } = await import('./flag-editor');
type FlagDraft = import('./flag-editor').FlagDraft;

i18n.loadAndActivate({ locale: 'en', messages: {} });
// user-event drives real React Aria widgets: slow on a busy shared machine, never a time budget.
vi.setConfig({ testTimeout: 60_000 });

const ok = (data: unknown) => ({ data, response: new Response(null, { status: 200 }) });

afterEach(() => {
  post.mockReset();
  vi.useRealTimers();
});

describe('QuizEditor', () => {
  const questions: QuizQuestion[] = [
    { id: 'q1', type: 'single', prompt: 'Which port does HTTPS use?', points: 1, options: [{ id: 'a', text: '80' }, { id: 'b', text: '443' }] },
    { id: 'q2', type: 'multiple', prompt: 'Which are private?', points: 2, options: [{ id: 'x', text: '10.0.0.0/8' }, { id: 'y', text: '8.8.8.8/32' }, { id: 'z', text: '192.168.0.0/16' }], partialCredit: 'all-or-nothing' },
    { id: 'q3', type: 'numeric', prompt: 'Bits in a byte?', points: 1 },
  ];

  function Harness({ onDraft }: { onDraft: (d: QuizDraft) => void }) {
    const [draft, setDraft] = useState<QuizDraft>({ q3: 'eight' });
    return (
      <QuizEditor
        questions={questions}
        draft={draft}
        invalidNumbers={draft.q3 === 'eight' ? ['q3'] : []}
        onChange={(id, value) => {
          const next = { ...draft, [id]: value };
          setDraft(next);
          onDraft(next);
        }}
      />
    );
  }

  it('answers single choice with a radio group and multiple choice with checkboxes, by keyboard too', async () => {
    const user = userEvent.setup();
    const drafts: QuizDraft[] = [];
    render(withProviders(<Harness onDraft={(d) => drafts.push(d)} />));
    const single = screen.getByRole('radiogroup', { name: 'Question 1: Which port does HTTPS use?' });
    expect(document.getElementById(single.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toBe('Points: 1.');
    await user.click(screen.getByRole('radio', { name: '443' }));
    expect(drafts.at(-1)).toMatchObject({ q1: 'b' });
    // Arrow keys move within the group, as a radio group should.
    await user.keyboard('{ArrowUp}');
    expect(drafts.at(-1)).toMatchObject({ q1: 'a' });
    await user.click(screen.getByRole('checkbox', { name: '10.0.0.0/8' }));
    await user.tab();
    await user.tab();
    await user.keyboard(' ');
    expect(drafts.at(-1)).toMatchObject({ q2: ['x', 'z'] });
    expect(screen.getByText(/points only for exactly the right set/)).toBeTruthy();
  });

  it('marks a number it cannot read', () => {
    render(withProviders(<Harness onDraft={() => undefined} />));
    const field = screen.getByRole('textbox', { name: 'Question 3: Bits in a byte?' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Type a number, such as 42 or 3.5.')).toBeTruthy();
  });
});

describe('SqlEditor', () => {
  const content: SqlContent = {
    dataset: { tables: [{ name: 'calls', columns: [{ name: 'queue', type: 'text' }, { name: 'seconds', type: 'integer' }] }] },
    rowCap: 2,
    statementTimeoutMs: 2000,
    orderMatters: false,
  };

  function Harness() {
    const [query, setQuery] = useState('');
    return <SqlEditor assessmentId="s1" content={content} query={query} onChange={setQuery} canWork />;
  }

  it('hands the focus to the loaded editor when the stand-in had it', async () => {
    render(withProviders(<Harness />));
    // First in this file to render a code editor: its lazy part has not loaded yet.
    const standIn = document.querySelector<HTMLTextAreaElement>('[data-fallback]');
    expect(standIn).not.toBeNull();
    act(() => standIn!.focus());
    const editor = await loadedEditor('Your query');
    expect(editor).not.toBe(standIn);
    expect(document.activeElement).toBe(editor);
  });

  it('runs the query as a trial run and shows the rows in a table, then a failing query’s error', async () => {
    const user = userEvent.setup();
    render(withProviders(<Harness />));
    const editor = await loadedEditor('Your query');
    await user.type(editor, 'SELECT queue, seconds FROM calls');
    post.mockResolvedValueOnce(ok({ assessmentId: 's1', kind: 'sql', status: 'ok', result: { columns: ['queue', 'seconds'], rows: [['billing', '240'], ['tech', null]], rowCount: 2, truncated: true } }));
    await user.click(screen.getByRole('button', { name: 'Run' }));
    const table = await screen.findByRole('table');
    expect(post).toHaveBeenCalledWith('/api/v1/assessments/{id}/trial-runs', { params: { path: { id: 's1' } }, body: { answer: { query: 'SELECT queue, seconds FROM calls' } } });
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['queue', 'seconds']);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.getByText('NULL')).toBeTruthy();
    expect(screen.getByText('Showing the first 2 rows; the query returned more.')).toBeTruthy();

    post.mockResolvedValueOnce(ok({ assessmentId: 's1', kind: 'sql', status: 'error', message: 'column "nope" does not exist' }));
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(await screen.findByText('The query failed')).toBeTruthy();
    expect(screen.getByText('column "nope" does not exist')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the API’s problem (rate limit) and keeps the query', async () => {
    const user = userEvent.setup();
    render(withProviders(<Harness />));
    const editor = await loadedEditor('Your query');
    await user.type(editor, 'SELECT 1');
    post.mockResolvedValueOnce({ error: { type: 'https://gds.academy/problems/too-many-requests', title: 'Too Many Requests', status: 429, detail: 'Too many trial runs; try again in a minute.' }, response: new Response(null, { status: 429 }) });
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too many trial runs; try again in a minute.');
    expect((editor as HTMLTextAreaElement).value).toBe('SELECT 1');
  });
});

describe('ConfigEditor', () => {
  const content: ConfigContent = { format: 'yaml', rules: [{ id: 'owner', points: 2, description: '`$.owner` must have an expected value.' }], totalPoints: 2 };

  it('checks the document with its format and lists each rule passed or failed', async () => {
    const user = userEvent.setup();
    function Harness() {
      const [doc, setDoc] = useState('');
      return <ConfigEditor assessmentId="c1" content={content} document={doc} onChange={setDoc} canWork />;
    }
    render(withProviders(<Harness />));
    await user.type(await loadedEditor('Your configuration (YAML)'), 'owner: me');
    post.mockResolvedValueOnce(ok({ assessmentId: 'c1', kind: 'config', status: 'ok', format: 'yaml', rules: [{ id: 'owner', description: 'Owner set', passed: false, message: 'Set the owner.', at: '$.owner' }] }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('0 of 1 checks pass.')).toBeTruthy();
    expect(post.mock.calls[0][1]).toEqual({ params: { path: { id: 'c1' } }, body: { answer: { document: 'owner: me', format: 'yaml' } } });
    expect(screen.getByText('Fails')).toBeTruthy();
    expect(screen.getByText(/Set the owner\./)).toBeTruthy();
  });
});

describe('FlagEditor', () => {
  it('reveals a hint only after a confirmation stating its cost, and keeps its text with the draft', async () => {
    const user = userEvent.setup();
    const drafts: FlagDraft[] = [];
    function Harness() {
      const [draft, setDraft] = useState<FlagDraft>(EMPTY_FLAG_DRAFT);
      return (
        <FlagEditor
          assessmentId="f1"
          content={{ flags: [{ id: 'root', label: 'Root shell', points: 5 }], hints: [{ id: 'h1', cost: 2 }] }}
          draft={draft}
          canWork
          onChange={(next) => setDraft((previous) => {
            const value = next(previous);
            drafts.push(value);
            return value;
          })}
        />
      );
    }
    render(withProviders(<Harness />));
    await user.type(screen.getByRole('textbox', { name: 'Flag: Root shell' }), 'FLAG{{x}');
    expect(drafts.at(-1)?.flags.root).toBe('FLAG{x}');
    await user.click(screen.getByRole('button', { name: 'Reveal hint 1 (costs 2 points)' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Reveal hint 1?' });
    expect(dialog.textContent).toMatch(/It costs 2 points/);
    await user.click(screen.getByRole('button', { name: 'Keep it hidden' }));
    expect(post).not.toHaveBeenCalled();

    post.mockResolvedValueOnce(ok({ hintId: 'h1', text: 'Look at the cron jobs.', cost: 2, revealedAt: '2026-12-06T10:00:00Z' }));
    await user.click(screen.getByRole('button', { name: 'Reveal hint 1 (costs 2 points)' }));
    await user.click(await screen.findByRole('button', { name: 'Reveal it' }));
    expect(await screen.findByText('Look at the cron jobs.')).toBeTruthy();
    expect(post).toHaveBeenCalledWith('/api/v1/assessments/{id}/hints/{hintId}/reveal', { params: { path: { id: 'f1', hintId: 'h1' } } });
    expect(drafts.at(-1)).toEqual({ flags: { root: 'FLAG{x}' }, hints: { h1: 'Look at the cron jobs.' } });
    expect(screen.queryByRole('button', { name: /Reveal hint 1/ })).toBeNull();
  });
});

describe('TimeLeft', () => {
  it('ticks silently, announces at the marks, and submits just before the deadline', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-12-06T10:00:00Z'));
    const onExpire = vi.fn();
    render(withProviders(<TimeLeft deadlineAt="2026-12-06T10:06:00Z" onExpire={onExpire} />));
    const live = screen.getByRole('status');
    expect(screen.getByText('06:00').getAttribute('aria-hidden')).toBe('true');
    expect(live.textContent).toBe('');
    act(() => { vi.advanceTimersByTime(61_000); });
    expect(live.textContent).toBe('5 minutes left.');
    act(() => { vi.advanceTimersByTime(4 * 60_000); });
    expect(live.textContent).toBe('One minute left.');
    expect(onExpire).not.toHaveBeenCalled();
    act(() => { vi.advanceTimersByTime(56_000); });
    expect(onExpire).toHaveBeenCalledTimes(1);
    act(() => { vi.advanceTimersByTime(10_000); });
    expect(live.textContent).toBe('Time is up. Your answer is being submitted.');
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});

/** The editor once its lazy part has loaded (the stand-in textarea is swapped out then). */
async function loadedEditor(name: string): Promise<HTMLElement> {
  await waitFor(() => expect(document.querySelector('[data-fallback]')).toBeNull());
  return screen.getByRole('textbox', { name });
}
