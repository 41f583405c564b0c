// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAutosave } from './use-autosave';

describe('useAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the latest text once typing pauses, and is dirty until the server holds it', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const { result, rerender } = renderHook(({ value }) => useAutosave(value, save, 500), { initialProps: { value: 'a' } });
    expect(result.current).toMatchObject({ status: 'saved', dirty: false });
    rerender({ value: 'ab' });
    rerender({ value: 'abc' });
    expect(result.current).toMatchObject({ status: 'pending', dirty: true });
    await act(async () => vi.advanceTimersByTimeAsync(499));
    expect(save).not.toHaveBeenCalled();
    await act(async () => vi.advanceTimersByTimeAsync(1));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('abc');
    expect(result.current).toMatchObject({ status: 'saved', dirty: false });
  });

  it('keeps the edit dirty when the save fails, and saves it with the next change', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
    const { result, rerender } = renderHook(({ value }) => useAutosave(value, save, 100), { initialProps: { value: 'x' } });
    rerender({ value: 'xy' });
    await act(async () => vi.advanceTimersByTimeAsync(100));
    expect(result.current).toMatchObject({ status: 'failed', dirty: true });
    expect((result.current.error as Error).message).toBe('offline');
    rerender({ value: 'xyz' });
    await act(async () => vi.advanceTimersByTimeAsync(100));
    expect(save).toHaveBeenLastCalledWith('xyz');
    expect(result.current).toMatchObject({ status: 'saved', dirty: false });
  });

  it('saves a change made during a save right after it', async () => {
    let finish = () => {};
    const save = vi.fn().mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve))).mockResolvedValue(undefined);
    const { result, rerender } = renderHook(({ value }) => useAutosave(value, save, 10), { initialProps: { value: '1' } });
    rerender({ value: '12' });
    await act(async () => vi.advanceTimersByTimeAsync(10));
    expect(result.current.status).toBe('saving');
    rerender({ value: '123' });
    await act(async () => vi.advanceTimersByTimeAsync(10));
    await act(async () => finish());
    await act(async () => vi.advanceTimersByTimeAsync(10));
    expect(save.mock.calls.map((c) => c[0])).toEqual(['12', '123']);
    expect(result.current).toMatchObject({ status: 'saved', dirty: false });
  });
});
