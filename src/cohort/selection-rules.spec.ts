import { findDuplicates, normaliseEmail, normaliseName, normalisePhone } from './applicant-matching';
import { rankWithTies, summarise } from './rubric-scoring';

describe('selection rules', () => {
  it('normalises e-mails, names and phones the way people type them differently', () => {
    expect(normaliseEmail(' Maria.Santos+cohort2@GoogleMail.com ')).toBe('mariasantos@gmail.com');
    expect(normaliseEmail('Maria.Santos+x@example.bz')).toBe('maria.santos@example.bz');
    expect(normaliseName('Santos,  María')).toBe(normaliseName('maria santos'));
    expect(normaliseName('José-Luis Pérez')).toBe('jose luis perez');
    expect(normalisePhone('+501 610-1234')).toBe('6101234');
    expect(normalisePhone('00501 6101234')).toBe('6101234');
    expect(normalisePhone('(610) 1234')).toBe('6101234');
    expect(normalisePhone('12-34')).toBeNull();
  });

  it('flags applications of other accounts sharing a key, with every reason, and never one account with itself', () => {
    const found = findDuplicates([
      { applicationId: 'a', traineeId: 'ta', email: 'ana.lee@gmail.com', name: 'Ana Lee', phoneDigits: '6101234' },
      { applicationId: 'b', traineeId: 'tb', email: 'analee+2@gmail.com', name: 'Lee, Ana', phoneDigits: null },
      { applicationId: 'c', traineeId: 'tc', email: 'other@example.bz', name: 'Carl Young', phoneDigits: '6101234' },
      { applicationId: 'd', traineeId: 'td', email: 'dan@example.bz', name: 'Dan Ray', phoneDigits: '6109999' },
    ]);
    expect(found.get('a')).toEqual([
      { applicationId: 'b', traineeId: 'tb', reasons: ['email', 'name'] },
      { applicationId: 'c', traineeId: 'tc', reasons: ['phone'] },
    ]);
    expect(found.get('b')).toEqual([{ applicationId: 'a', traineeId: 'ta', reasons: ['email', 'name'] }]);
    expect(found.get('d')).toBeUndefined();
  });

  it('totals a reviewer by the weights once every criterion is scored; aggregate is the mean, spread the range', () => {
    const criteria = [
      { id: 'motivation', weight: 2, maxScore: 10 },
      { id: 'experience', weight: 1, maxScore: 5 },
    ];
    const summary = summarise(criteria, [
      { reviewerId: 'r1', criterionId: 'motivation', score: 10 },
      { reviewerId: 'r1', criterionId: 'experience', score: 2.5 },
      { reviewerId: 'r2', criterionId: 'motivation', score: 5 },
      { reviewerId: 'r2', criterionId: 'experience', score: 5 },
      { reviewerId: 'r3', criterionId: 'motivation', score: 1 },
    ]);
    // r1: (2·1 + 1·0.5)/3 = 83.33; r2: (2·0.5 + 1·1)/3 = 66.67; r3 incomplete.
    expect(summary.reviewers.map((r) => r.total)).toEqual([83.33, 66.67, null]);
    expect(summary).toMatchObject({ aggregate: 75, spread: 16.66 });
    expect(summarise(criteria, [{ reviewerId: 'r3', criterionId: 'motivation', score: 1 }])).toMatchObject({ aggregate: null, spread: null });
  });

  it('ranks with ties visible: 1, 2, 2, 4, unscored unranked', () => {
    const ranks = rankWithTies([
      { id: 'a', score: 90 },
      { id: 'b', score: 80 },
      { id: 'c', score: 80 },
      { id: 'd', score: 70 },
      { id: 'e', score: null },
    ]);
    expect([...ranks.values()]).toEqual([
      { rank: 1, tiedWith: 0 },
      { rank: 2, tiedWith: 1 },
      { rank: 2, tiedWith: 1 },
      { rank: 4, tiedWith: 0 },
      { rank: null, tiedWith: 0 },
    ]);
  });
});
