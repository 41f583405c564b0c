import { describe, expect, it } from 'vitest';
import { searchParamsOf } from './search-params';

describe('searchParamsOf', () => {
  it('keeps the search’s own parameters when they are non-empty strings, and nothing else', () => {
    expect(searchParamsOf({ track: 'cybersecurity', skillsAll: 'A-1', skillsAny: '', certification: 7, availability: ['x'], cursor: 'c' })).toEqual({ track: 'cybersecurity', skillsAll: 'A-1' });
  });
});
