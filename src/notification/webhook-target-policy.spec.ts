import { isPrivateAddress, parseWebhookUrl, resolveTarget, TargetRefused } from './webhook-target-policy';

describe('webhook target policy', () => {
  it('refuses loopback, private, link-local and mapped addresses, and allows public ones', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) expect([address, isPrivateAddress(address)]).toEqual([address, false]);
  });

  it('accepts only http(s) URLs without credentials and of bounded length', () => {
    expect(parseWebhookUrl('https://example.com/hook').hostname).toBe('example.com');
    for (const bad of ['ftp://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'https://user:pw@example.com/', `https://example.com/${'a'.repeat(2100)}`]) {
      expect(() => parseWebhookUrl(bad)).toThrow(TargetRefused);
    }
  });

  it('resolves names and refuses any private address among them unless allowed', async () => {
    await expect(resolveTarget(new URL('http://localhost:9/'), false)).rejects.toThrow(/private|loopback/);
    await expect(resolveTarget(new URL('http://[::1]:9/'), false)).rejects.toThrow(TargetRefused);
    await expect(resolveTarget(new URL('http://169.254.169.254/latest/meta-data'), false)).rejects.toThrow(TargetRefused);
    await expect(resolveTarget(new URL('http://127.0.0.1:9/'), true)).resolves.toEqual([{ address: '127.0.0.1', family: 4 }]);
  });
});
