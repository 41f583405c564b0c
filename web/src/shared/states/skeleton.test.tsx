// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { Skeleton } from './skeleton';

i18n.loadAndActivate({ locale: 'en', messages: {} });

describe('Skeleton', () => {
  it('turns into a message with a retry when loading takes too long', () => {
    vi.useFakeTimers();
    const retry = vi.fn();
    render(
      <I18nProvider i18n={i18n}>
        <Skeleton onRetry={retry} patienceMs={1000} />
      </I18nProvider>,
    );
    expect(screen.getByRole('status').textContent).toMatch(/Loading/);
    act(() => {
      vi.advanceTimersByTime(1001);
    });
    expect(screen.getByRole('status').textContent).toMatch(/longer than usual/);
    act(() => screen.getByRole('button').click());
    expect(retry).toHaveBeenCalled();
    vi.useRealTimers();
  });
});
