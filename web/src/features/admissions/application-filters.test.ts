import { describe, expect, it } from 'vitest';
import { activeFilterCount, ariaSortOf, nextSort, parseFilters, withFilter } from './application-filters';

describe('parseFilters', () => {
  it('keeps what the API accepts', () => {
    expect(parseFilters({ q: ' maria ', status: 'shortlisted', trackCode: 'cybersecurity', scored: 'false', duplicates: 'true', sort: '-score' })).toEqual({
      q: 'maria',
      status: 'shortlisted',
      trackCode: 'cybersecurity',
      scored: 'false',
      duplicates: 'true',
      sort: '-score',
    });
  });

  it('drops what the API would refuse (a hand-edited address never becomes a 400)', () => {
    expect(parseFilters({ q: '   ', status: 'hired', trackCode: 'cooking', scored: 'yes', duplicates: 'false', sort: '-rank', cursor: 'x' })).toEqual({});
    expect(parseFilters({ status: 3, sort: ['score'] })).toEqual({});
  });

  it('cuts a long search to the API’s 100 characters', () => {
    expect(parseFilters({ q: 'a'.repeat(150) }).q).toHaveLength(100);
  });
});

describe('sorting by a column header', () => {
  it('sorts a new column ascending, score high to low first', () => {
    expect(nextSort(undefined, 'name')).toBe('name');
    expect(nextSort('name', 'score')).toBe('-score');
    expect(nextSort('-score', 'status')).toBe('status');
  });

  it('flips the column that already sorts', () => {
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBe('name');
    expect(nextSort('-score', 'score')).toBe('score');
    // The API's default is "submitted" ascending: its header flips it first.
    expect(nextSort(undefined, 'submitted')).toBe('-submitted');
  });

  it('tells assistive technology how each column sorts', () => {
    expect(ariaSortOf('-score', 'score')).toBe('descending');
    expect(ariaSortOf('-score', 'name')).toBe('none');
    expect(ariaSortOf(undefined, 'submitted')).toBe('ascending');
  });
});

describe('changing filters', () => {
  it('sets a filter and removes it with an empty value, leaving the others', () => {
    const set = withFilter({ sort: 'name', q: 'ana' }, 'status', 'accepted');
    expect(set).toEqual({ sort: 'name', q: 'ana', status: 'accepted' });
    expect(withFilter(set, 'status', '')).toEqual({ sort: 'name', q: 'ana' });
  });

  it('counts the narrowing filters, not the sort', () => {
    expect(activeFilterCount({ sort: '-score' })).toBe(0);
    expect(activeFilterCount({ q: 'x', duplicates: 'true', sort: 'name' })).toBe(2);
  });
});
