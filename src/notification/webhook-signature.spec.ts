import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature } from './webhook-signature';

describe('webhook signatures', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256', () => {
    const header = signatureHeader('s3cret', 1700000000, '{"a":1}');
    expect(header).toBe(`t=1700000000,v1=${createHmac('sha256', 's3cret').update('1700000000.{"a":1}').digest('hex')}`);
    expect(verifySignature('s3cret', header, '{"a":1}', 1700000010)).toBe(true);
  });

  it('refuses another secret, a changed body and an old timestamp', () => {
    const header = signatureHeader('s3cret', 1700000000, '{"a":1}');
    expect(verifySignature('other', header, '{"a":1}', 1700000000)).toBe(false);
    expect(verifySignature('s3cret', header, '{"a":2}', 1700000000)).toBe(false);
    expect(verifySignature('s3cret', header, '{"a":1}', 1700001000)).toBe(false);
    expect(verifySignature('s3cret', 'garbage', '{"a":1}', 1700000000)).toBe(false);
  });
});
