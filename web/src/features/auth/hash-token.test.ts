import { describe, expect, it, vi } from 'vitest';
import { takeHashToken } from './hash-token';

describe('takeHashToken', () => {
  it('reads the token from the fragment and removes it from the address bar', () => {
    const replaceState = vi.fn();
    expect(takeHashToken({ hash: '#token=abc.def', pathname: '/app/accept-invitation', search: '' }, { replaceState })).toBe('abc.def');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/app/accept-invitation');
  });

  it('is undefined without one, and leaves history alone', () => {
    const replaceState = vi.fn();
    expect(takeHashToken({ hash: '', pathname: '/app/x', search: '' }, { replaceState })).toBeUndefined();
    expect(replaceState).not.toHaveBeenCalled();
  });
});
