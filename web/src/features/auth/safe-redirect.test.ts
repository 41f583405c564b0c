import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it('keeps a path of this app', () => expect(safeRedirect('/cohorts/1?tab=2')).toBe('/cohorts/1?tab=2'));
  it.each(['https://evil.test/', '//evil.test/x', '/\\evil.test', 'javascript:alert(1)', undefined])('refuses %s', (target) => expect(safeRedirect(target)).toBe('/'));
});
