import { bullJobId } from './bull-job-id';

describe('bullJobId', () => {
  it('removes every colon and keeps distinct ids distinct', () => {
    expect(bullJobId('grade:123')).toBe('grade%3A123');
    expect(bullJobId('notify:graded:1:2')).not.toContain(':');
    expect(bullJobId('a:b')).not.toBe(bullJobId('a%3Ab'));
    expect(bullJobId('plain-uuid')).toBe('plain-uuid');
  });
});
