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

  it('keeps the hook per request, against a response that ignores headers, and records its headers when first asked', () => {
    const registered: SecurityHook[] = [];
    const adapter = { registerSecurityHook: (hook: SecurityHook) => registered.push(hook) } as never;
    keepSecurityHeaders(adapter);
    const live: Array<[string, string]> = [];
    const refusal = new Error('cross-site request');
    let checks = 0;
    const nestHook: SecurityHook = (request, response) => {
      hookSetting(live)(request, response);
      checks++;
      return (request as { refuse?: boolean }).refuse ? (refusal as never) : undefined;
    };
    (adapter as { registerSecurityHook(hook: SecurityHook): void }).registerSecurityHook(nestHook);
    live.push(['x-content-type-options', 'nosniff']); // Nest sets the headers after registering the hook
    expect(registered).toHaveLength(1);
    // Per request: what the hook checks still answers, and the Node response is not touched.
    const raw = { setHeader: jest.fn(), removeHeader: jest.fn() };
    expect(registered[0]({ refuse: true } as never, raw as never)).toBe(refusal);
    expect(registered[0]({} as never, raw as never)).toBeUndefined();
    expect(raw.setHeader).not.toHaveBeenCalled();
    expect(checks).toBe(2);
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
