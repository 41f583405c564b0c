// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { clearDraft, draftKey, readDraft, useLocalDraft, writeDraft } from './local-draft';

describe('local drafts', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.useRealTimers());

  it('writes, reads and clears a draft per assessment', () => {
    writeDraft('a1', { q1: 'b' });
    writeDraft('a2', 'SELECT 1');
    expect(readDraft('a1')).toEqual({ q1: 'b' });
    expect(readDraft('a2')).toBe('SELECT 1');
    clearDraft('a1');
    expect(readDraft('a1')).toBeUndefined();
    expect(readDraft('a2')).toBe('SELECT 1');
  });

  it('ignores an unreadable or foreign value instead of failing the screen', () => {
    localStorage.setItem(draftKey('a1'), '{not json');
    expect(readDraft('a1')).toBeUndefined();
    localStorage.setItem(draftKey('a1'), JSON.stringify({ v: 99, value: 'x' }));
    expect(readDraft('a1')).toBeUndefined();
  });

  it('saves shortly after typing, is restored after a reload, and is gone once cleared (submitted)', () => {
    vi.useFakeTimers();
    const first = renderHook(() => useLocalDraft('a1', ''));
    expect(first.result.current.restored).toBe(false);
    act(() => first.result.current.setValue('SELECT queue'));
    expect(readDraft('a1')).toBeUndefined();
    act(() => { vi.advanceTimersByTime(400); });
    expect(readDraft('a1')).toBe('SELECT queue');
    act(() => first.result.current.setValue((previous) => `${previous} FROM calls`));
    first.unmount(); // a reload before the delay: the pending change is written on the way out
    expect(readDraft('a1')).toBe('SELECT queue FROM calls');

    const second = renderHook(() => useLocalDraft('a1', ''));
    expect(second.result.current.value).toBe('SELECT queue FROM calls');
    expect(second.result.current.restored).toBe(true);
    act(() => second.result.current.setValue('SELECT 1'));
    act(() => second.result.current.clear());
    act(() => { vi.advanceTimersByTime(1000); });
    second.unmount();
    expect(readDraft('a1')).toBeUndefined();
  });

  it('writes at once when the page is hidden (the phone locks, the tab is switched)', () => {
    vi.useFakeTimers();
    const hook = renderHook(() => useLocalDraft<Record<string, string>>('a3', {}));
    act(() => hook.result.current.setValue({ f1: 'FLAG{x}' }));
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(readDraft('a3')).toEqual({ f1: 'FLAG{x}' });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    hook.unmount();
  });

  it('keeps working in memory when storage refuses (private browsing, full)', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(writeDraft('a4', 'x')).toBe(false);
    vi.useFakeTimers();
    const hook = renderHook(() => useLocalDraft('a4', ''));
    act(() => hook.result.current.setValue('typed'));
    act(() => { vi.advanceTimersByTime(400); });
    expect(hook.result.current.value).toBe('typed');
    hook.unmount();
    setItem.mockRestore();
  });
});
