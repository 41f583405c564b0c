import { randomBytes, randomUUID } from 'node:crypto';
import { RefreshSuccessor } from './refresh-successor';
import { parseSecretToken } from './secret-token';
import { deriveKey } from './derived-keys';

describe('refresh token successors', () => {
  const successor = new RefreshSuccessor(deriveKey('a-secret-of-at-least-thirty-two-characters', 'refresh-token successor'));
  const token = () => `${randomUUID()}.${randomBytes(32).toString('base64url')}`;

  it('derives the same successor from the same token, a parseable one', () => {
    const presented = token();
    const a = successor.of(presented);
    expect(successor.of(presented)).toEqual(a);
    expect(parseSecretToken(a.token)).toEqual({ id: a.id, secret: a.secret });
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Buffer.from(a.secret, 'base64url')).toHaveLength(32);
  });

  it('depends on every character of the token and on the server key', () => {
    const presented = token();
    const changed = presented.slice(0, -1) + (presented.endsWith('A') ? 'B' : 'A');
    expect(successor.of(changed).token).not.toBe(successor.of(presented).token);
    const otherKey = new RefreshSuccessor(deriveKey('another-secret-of-at-least-thirty-two-chars', 'refresh-token successor'));
    expect(otherKey.of(presented).token).not.toBe(successor.of(presented).token);
    const otherPurpose = new RefreshSuccessor(deriveKey('a-secret-of-at-least-thirty-two-characters', 'something else'));
    expect(otherPurpose.of(presented).token).not.toBe(successor.of(presented).token);
  });

  it('parses only <uuid>.<secret>', () => {
    for (const bad of ['', 'x', 'not-a-uuid.secret', `${randomUUID()}.`, `.${'a'.repeat(10)}`, `${randomUUID()}.a.b`]) expect(parseSecretToken(bad)).toBeNull();
  });
});
