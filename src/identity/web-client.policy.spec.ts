import { loadConfig } from '../config/load-config';
import { WebClientPolicy } from './web-client.policy';

describe('WebClientPolicy', () => {
  const policy = new WebClientPolicy(loadConfig({ PUBLIC_BASE_URL: 'https://academy.example/' }));
  const slugOf = (headers: Record<string, string | undefined>) => {
    try {
      policy.assertFromWebApp(headers);
      return 'allowed';
    } catch (error) {
      return (error as { slug: string }).slug;
    }
  };

  it('allows the web app’s own page', () => {
    expect(slugOf({ 'x-gds-client': 'web', origin: 'https://academy.example' })).toBe('allowed');
    expect(slugOf({ 'x-gds-client': 'web', origin: 'https://academy.example', 'sec-fetch-site': 'same-origin' })).toBe('allowed');
  });

  it('refuses a request without the header, whatever its origin', () => {
    expect(slugOf({ origin: 'https://academy.example' })).toBe('web-client-header-required');
    expect(slugOf({ 'x-gds-client': 'partner', origin: 'https://academy.example' })).toBe('web-client-header-required');
  });

  it('refuses other origins, sibling sites, a missing or null Origin and cross-site fetch metadata', () => {
    for (const origin of [undefined, 'null', 'https://evil.example', 'https://app.academy.example', 'http://academy.example', 'https://academy.example:8443']) {
      expect(slugOf({ 'x-gds-client': 'web', origin })).toBe('cross-origin-request');
    }
    for (const site of ['same-site', 'cross-site', 'none']) {
      expect(slugOf({ 'x-gds-client': 'web', origin: 'https://academy.example', 'sec-fetch-site': site })).toBe('cross-origin-request');
    }
  });
});
