import { CACHE, effectiveCacheControl } from './cache-control';

describe('effectiveCacheControl', () => {
  it('keeps a read’s own policy and defaults reads to private revalidation', () => {
    expect(effectiveCacheControl('GET', 200, CACHE.publicFor(300))).toBe('public, max-age=300');
    expect(effectiveCacheControl('HEAD', 200, CACHE.privateImmutable)).toBe(CACHE.privateImmutable);
    expect(effectiveCacheControl('GET', 304, CACHE.publicFor(60))).toBe('public, max-age=60');
    expect(effectiveCacheControl('GET', 200, undefined)).toBe('private, no-cache');
  });

  it('never lets an error or a write be stored, whatever the route said', () => {
    expect(effectiveCacheControl('GET', 404, CACHE.publicFor(3600))).toBe('no-store');
    expect(effectiveCacheControl('GET', 500, undefined)).toBe('no-store');
    expect(effectiveCacheControl('POST', 200, undefined)).toBe('no-store');
    expect(effectiveCacheControl('POST', 201, CACHE.publicFor(60))).toBe('no-store');
    expect(effectiveCacheControl('DELETE', 204, undefined)).toBe('no-store');
  });
});
