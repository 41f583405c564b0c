import { describe, expect, it } from 'vitest';
import { defaultParseSearch, defaultStringifySearch } from '@tanstack/router-core';
import { parseSearch, signInSearchAt, startScreenSearch } from './start-screen';

describe('signInSearchAt', () => {
  it('starts the sign-in screen on its own only on the sign-in path', () => {
    expect(signInSearchAt({ pathname: '/app/sign-in', search: '' })).toEqual({ redirect: undefined, expired: undefined });
    expect(signInSearchAt({ pathname: '/app/sign-in/', search: '' })).toBeDefined();
    for (const pathname of ['/app/', '/app', '/app/register', '/app/sign-in-help', '/app/courses/sign-in', '/sign-in']) {
      expect(signInSearchAt({ pathname, search: '' }), pathname).toBeUndefined();
    }
  });

  it('reads the search as the sign-in route does (where to go back to, and whether the session ended)', () => {
    // What SessionWatch writes when a session expires, as the router writes it.
    const search = defaultStringifySearch({ redirect: '/courses/42?tab=lessons', expired: true });
    expect(signInSearchAt({ pathname: '/app/sign-in', search })).toEqual({ redirect: '/courses/42?tab=lessons', expired: true });
    expect(signInSearchAt({ pathname: '/app/sign-in', search: '?redirect=%2F&expired=nope' })).toEqual({ redirect: '/', expired: undefined });
    // A number is not a path: the route drops it too.
    expect(signInSearchAt({ pathname: '/app/sign-in', search: '?redirect=42' })).toEqual({ redirect: undefined, expired: undefined });
  });
});

describe('startScreenSearch', () => {
  it('starts on the sign-in screen on its own at the app root when this browser holds no session', () => {
    expect(startScreenSearch({ pathname: '/app/', search: '' }, false)).toEqual({ redirect: undefined, expired: undefined });
    expect(startScreenSearch({ pathname: '/app', search: '' }, false)).toBeDefined();
  });

  it('leaves the root to the full app when a session may be restored, and other paths always', () => {
    expect(startScreenSearch({ pathname: '/app/', search: '' }, true)).toBeUndefined();
    for (const pathname of ['/app/register', '/app/courses/1', '/app/forgot-password']) {
      expect(startScreenSearch({ pathname, search: '' }, false), pathname).toBeUndefined();
    }
    // A deep link into home keeps its search for after the sign-in: the router's redirect does that.
    expect(startScreenSearch({ pathname: '/app/', search: '?tab=deep-link' }, false)).toBeUndefined();
  });

  it('keeps the sign-in path on its own whether or not a session may exist', () => {
    expect(startScreenSearch({ pathname: '/app/sign-in', search: '?expired=true' }, true)).toEqual({ redirect: undefined, expired: true });
  });
});

describe('parseSearch', () => {
  it('matches the router default parser', () => {
    for (const search of [
      '?redirect=%2Fcourses%2F1',
      defaultStringifySearch({ redirect: '123', expired: false }),
      '?expired=true&redirect=%22%2Fx%22',
      '?a=1&a=2&b=null&c=%7B%22d%22%3A1%7D&e=tr',
      '',
    ]) {
      expect(parseSearch(search), search).toEqual({ ...defaultParseSearch(search) });
    }
  });
});
