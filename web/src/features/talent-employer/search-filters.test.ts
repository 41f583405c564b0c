import { describe, expect, it } from 'vitest';
import { parseSearchFilters, skillsAsked, skillWish, toSearchQuery, withAvailability, withSkillWish, withValue } from './search-filters';

describe('parseSearchFilters', () => {
  it('keeps what the API accepts, lists comma-separated', () => {
    const filters = parseSearchFilters({ track: 'cybersecurity', skillsAll: 'CYB-SOC-01,CYB-IAM-01', skillsAny: 'CYB-NET-01', certification: ' irb-1 ', availability: 'immediately,within_3_months' });
    expect(filters).toEqual({ track: 'cybersecurity', skillsAll: 'CYB-SOC-01,CYB-IAM-01', skillsAny: 'CYB-NET-01', certification: 'irb-1', availability: 'immediately,within_3_months' });
    expect(toSearchQuery(filters)).toEqual({
      track: 'cybersecurity',
      skillsAll: ['CYB-SOC-01', 'CYB-IAM-01'],
      skillsAny: ['CYB-NET-01'],
      certification: 'irb-1',
      availability: ['immediately', 'within_3_months'],
    });
  });

  it('drops what the API would refuse, so a hand-edited address never becomes a 400', () => {
    expect(parseSearchFilters({ track: 'astrology', skillsAll: 'not a code,,', skillsAny: 42, availability: 'tomorrow', certification: '   ' })).toEqual({});
    expect(parseSearchFilters({ skillsAll: 'CYB-SOC-01,bad code,CYB-SOC-01', availability: 'tomorrow,open_to_offers' })).toEqual({ skillsAll: 'CYB-SOC-01', availability: 'open_to_offers' });
  });

  it('keeps at most the 20 skills the API takes, and a skill asked as "all of" out of "any of"', () => {
    const many = Array.from({ length: 25 }, (_, i) => `S-${i}`).join(',');
    expect(parseSearchFilters({ skillsAll: many }).skillsAll?.split(',')).toHaveLength(20);
    expect(parseSearchFilters({ skillsAll: 'A-1', skillsAny: 'A-1,B-2' })).toEqual({ skillsAll: 'A-1', skillsAny: 'B-2' });
  });

  it('sends no empty lists when nothing is asked', () => {
    expect(toSearchQuery({})).toEqual({ track: undefined, skillsAll: undefined, skillsAny: undefined, certification: undefined, availability: undefined });
  });
});

describe('choosing filters', () => {
  it('moves a skill between not asked, must have and nice to have', () => {
    let filters = withSkillWish({}, 'CYB-SOC-01', 'all');
    expect(filters).toEqual({ skillsAll: 'CYB-SOC-01' });
    filters = withSkillWish(filters, 'CYB-IAM-01', 'any');
    filters = withSkillWish(filters, 'CYB-SOC-01', 'any');
    expect(filters).toEqual({ skillsAny: 'CYB-IAM-01,CYB-SOC-01' });
    expect(skillWish(filters, 'CYB-SOC-01')).toBe('any');
    expect(skillWish(filters, 'CYB-NET-01')).toBe('');
    expect(skillsAsked(filters)).toBe(2);
    expect(withSkillWish(withSkillWish(filters, 'CYB-SOC-01', ''), 'CYB-IAM-01', '')).toEqual({});
  });

  it('ticks availabilities in the API’s order and removes the filter when none is ticked', () => {
    const filters = withAvailability(withAvailability({}, 'open_to_offers', true), 'immediately', true);
    expect(filters).toEqual({ availability: 'immediately,open_to_offers' });
    expect(withAvailability(withAvailability(filters, 'immediately', false), 'open_to_offers', false)).toEqual({});
  });

  it('removes a filter set to nothing', () => {
    expect(withValue({ track: 'cybersecurity', certification: 'x' }, 'track', '')).toEqual({ certification: 'x' });
  });
});
