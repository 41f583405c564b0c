// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { FlagKeyEditor } from './flag-key-editor';
import { ConfigKeyEditor } from './config-key-editor';
import { flagKeyForApi, flagKeyFromApi, type FlagKeyDraft } from './flag-key';
import { configKeyForApi, configKeyFromApi, type ConfigKeyDraft } from './config-key';

i18n.loadAndActivate({ locale: 'en', messages: {} });
// user-event drives real React Aria widgets: slow on a busy shared machine, never a time budget.
vi.setConfig({ testTimeout: 60_000 });

function FlagHarness({ errors = {}, onKey }: { errors?: Record<string, string>; onKey: (key: Record<string, unknown>) => void }) {
  const [value, setValue] = useState<FlagKeyDraft>(flagKeyFromApi({ flags: [{ id: 'dns', label: 'DNS flag', points: 10 }], hints: [] }));
  return (
    <I18nProvider i18n={i18n}>
      <FlagKeyEditor
        value={value}
        onChange={(next) => {
          setValue(next);
          onKey(flagKeyForApi(next));
        }}
        errorAt={(field) => errors[field]}
      />
    </I18nProvider>
  );
}

describe('flag key editor', () => {
  it('adds hints with the keyboard, focusing each new one, and reorders them with buttons', async () => {
    const user = userEvent.setup();
    const onKey = vi.fn();
    render(<FlagHarness onKey={onKey} />);
    await user.click(screen.getByRole('button', { name: 'Add a hint' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Hint 1: text')));
    await user.keyboard('Read the DNS log.');
    screen.getByRole('button', { name: 'Add a hint' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Hint 2: text')));
    await user.keyboard('Newest domain.');
    await user.clear(screen.getByLabelText('Hint 2: cost in points'));
    await user.type(screen.getByLabelText('Hint 2: cost in points'), '5');
    await user.click(screen.getByRole('button', { name: 'Move “Hint 2” up' }));
    expect(onKey).toHaveBeenLastCalledWith({
      flags: [{ id: 'dns', label: 'DNS flag', points: 10 }],
      hints: [
        { id: 'hint-2', text: 'Newest domain.', cost: 5 },
        { id: 'hint-1', text: 'Read the DNS log.', cost: 1 },
      ],
    });
    await user.click(screen.getByRole('button', { name: 'Remove Hint 1' }));
    expect(onKey.mock.lastCall?.[0].hints).toEqual([{ id: 'hint-1', text: 'Read the DNS log.', cost: 1 }]);
  });

  it('shows the API’s error of a field under that field, tied to it', () => {
    render(<FlagHarness onKey={vi.fn()} errors={{ 'flags[0].points': 'must be a number from 0.01 to 1000' }} />);
    const points = screen.getByLabelText('Flag 1: points');
    expect(points.getAttribute('aria-invalid')).toBe('true');
    const description = (points.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(description).toEqual(['must be a number from 0.01 to 1000']);
  });
});

function ConfigHarness({ onKey }: { onKey: (key: Record<string, unknown>) => void }) {
  const [value, setValue] = useState<ConfigKeyDraft>(configKeyFromApi({ format: 'auto', rules: [{ id: 'owner', check: 'equals', path: '$.owner', value: 'reporting', points: 5, message: 'Owner.' }] }));
  return (
    <I18nProvider i18n={i18n}>
      <ConfigKeyEditor
        value={value}
        onChange={(next) => {
          setValue(next);
          onKey(configKeyForApi(next));
        }}
        errorAt={() => undefined}
      />
    </I18nProvider>
  );
}

describe('config key editor', () => {
  it('shows only the fields a check uses, and builds the rule from them', async () => {
    const user = userEvent.setup();
    const onKey = vi.fn();
    render(<ConfigHarness onKey={onKey} />);
    await user.click(screen.getByRole('radio', { name: 'YAML' }));
    await user.selectOptions(screen.getByLabelText('Rule 1: check'), 'oneOf');
    expect(screen.queryByLabelText('Rule 1: value')).toBeNull();
    await user.type(screen.getByLabelText('Rule 1, allowed value 1'), 'gold');
    await user.click(screen.getByRole('button', { name: 'Add an allowed value to rule 1' }));
    await user.selectOptions(screen.getByLabelText('Rule 1, allowed value 2: type'), 'number');
    await user.type(screen.getByLabelText('Rule 1, allowed value 2'), '3');
    expect(onKey).toHaveBeenLastCalledWith({ format: 'yaml', rules: [{ id: 'owner', check: 'oneOf', path: '$.owner', points: 5, message: 'Owner.', values: ['gold', 3] }] });
    await user.selectOptions(screen.getByLabelText('Rule 1: check'), 'notOpenToWorld');
    await user.type(screen.getByLabelText('Rule 1: ports that must not be open'), '22, 3389');
    expect(onKey).toHaveBeenLastCalledWith({ format: 'yaml', rules: [{ id: 'owner', check: 'notOpenToWorld', path: '$.owner', points: 5, message: 'Owner.', ports: [22, 3389] }] });
  });
});
