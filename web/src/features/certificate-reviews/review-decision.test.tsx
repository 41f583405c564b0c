// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '@lingui/react';
import { i18n } from '@lingui/core';
import { ReviewDecision } from './review-decision';

i18n.loadAndActivate({ locale: 'en', messages: {} });

function renderDecision() {
  const onResolve = vi.fn();
  render(
    <I18nProvider i18n={i18n}>
      <ReviewDecision holder="Ana" onResolve={onResolve} />
    </I18nProvider>,
  );
  return onResolve;
}

describe('ReviewDecision', () => {
  it('revokes only after the confirmation, with the chosen reason code and the trimmed note', async () => {
    const user = userEvent.setup();
    const onResolve = renderDecision();
    await user.selectOptions(screen.getByLabelText('Reason if revoked (published)'), 'issued-in-error');
    await user.type(screen.getByLabelText('Note (staff only, kept in the audit trail)'), '  wrong person  ');
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(onResolve).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog').textContent).toContain('with the reason: Issued in error');
    await user.click(screen.getByRole('button', { name: 'Revoke it' }));
    expect(onResolve).toHaveBeenCalledWith({ decision: 'revoke', reasonCode: 'issued-in-error', note: 'wrong person' });
  });

  it('keeps without a reason code; an empty note is left out', async () => {
    const user = userEvent.setup();
    const onResolve = renderDecision();
    await user.click(screen.getByRole('button', { name: 'Keep' }));
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(onResolve).toHaveBeenCalledWith({ decision: 'keep', note: undefined });
  });
});
