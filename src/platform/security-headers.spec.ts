import { addSecurityHeaders, keepSecurityHeaders, recordSecurityHeaders, SecurityHook, securityHeadersOf } from './security-headers';

/** A hook shaped like Nest's HttpSecurityHook#handle: sets, then removes, headers on the response. */
const hookSetting =
  (headers: Array<[string, string]>, remove: string[] = [], refusal?: Error): SecurityHook =>
  (_request, response) => {
    const raw = response as unknown as { setHeader(name: string, value: string): void; removeHeader(name: string): void };
    for (const [name, value] of headers) raw.setHeader(name, value);
    for (const name of remove) raw.removeHeader(name);
    return refusal as never;
  };

function fakeReply(own: Record<string, string> = {}) {
  const headers: Record<string, unknown> = { ...own };
  return {
    headers,
    reply: { hasHeader: (name: string) => headers[name.toLowerCase()] !== undefined, header: (name: string, value: unknown) => (headers[name.toLowerCase()] = value) } as never,
  };
}

describe('security headers recorded once', () => {
  it('records what the hook sets, lower-cased, less what it removes', () => {
    const recorded = recordSecurityHeaders(hookSetting([['X-Frame-Options', 'SAMEORIGIN'], ['X-Content-Type-Options', 'nosniff'], ['X-Temp', '1']], ['X-Temp', 'X-Powered-By']));
    expect(recorded).toEqual([
      ['x-frame-options', 'SAMEORIGIN'],
      ['x-content-type-options', 'nosniff'],
    ]);
  });

  it('refuses a hook that also checks requests (CSRF): it could not be skipped per request', () => {
    expect(() => recordSecurityHeaders(hookSetting([['x-a', '1']], [], new Error('forbidden')))).toThrow(/CSRF/);
  });

  it('takes the adapter’s hook off the per-request path and records it when first asked, after its headers were set', () => {
    const registered: unknown[] = [];
    const adapter = { registerSecurityHook: (hook: unknown) => registered.push(hook) } as never;
    keepSecurityHeaders(adapter);
    const live: Array<[string, string]> = [];
    (adapter as { registerSecurityHook(hook: SecurityHook): void }).registerSecurityHook(hookSetting(live));
    live.push(['x-content-type-options', 'nosniff']); // Nest sets the headers after registering the hook
    expect(registered).toEqual([]);
    expect(securityHeadersOf(adapter)()).toEqual([['x-content-type-options', 'nosniff']]);
    expect(securityHeadersOf({})()).toEqual([]);
  });

  it('puts them on an answer, keeping a value the route set itself', () => {
    const { reply, headers } = fakeReply({ 'referrer-policy': 'same-origin' });
    addSecurityHeaders(reply, [
      ['referrer-policy', 'no-referrer'],
      ['x-frame-options', 'SAMEORIGIN'],
    ]);
    expect(headers).toEqual({ 'referrer-policy': 'same-origin', 'x-frame-options': 'SAMEORIGIN' });
  });
});
