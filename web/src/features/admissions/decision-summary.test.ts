import { describe, expect, it } from 'vitest';
import { outcomeOf, summarizeDecision } from './decision-summary';
import type { ApplicationStatus, ReviewedApplication, TrackCode, TrackQuotas } from './admissions.types';

let n = 0;
function app(status: ApplicationStatus, trackCode: TrackCode = 'cybersecurity'): ReviewedApplication {
  n += 1;
  return {
    id: `a${n}`, cohortId: 'c', traineeId: `t${n}`, courseVersionId: 'v', status, statement: 's', answers: [], score: null, waitlistRank: null,
    submittedAt: '2026-12-01T00:00:00Z', decidedAt: null, applicant: { displayName: `A${n}`, email: null, language: null, phone: null }, trackCode,
    scoring: { aggregate: null, spread: null, reviewers: [] }, rank: null, tiedWith: 0, duplicates: [],
  };
}

const quotas = (capacity: number, seatsTaken: number, tracks: TrackQuotas['tracks'] = []): TrackQuotas => ({ cohortId: 'c', capacity, seatsTaken, tracks });

describe('summarizeDecision', () => {
  it('names how many change, how many are already decided and how many cannot follow', () => {
    const summary = summarizeDecision('accept', [app('shortlisted'), app('submitted'), app('accepted'), app('rejected'), app('withdrawn')], quotas(10, 0));
    expect(summary.willChange).toHaveLength(2);
    expect(summary.alreadyDecided).toHaveLength(1);
    expect(summary.cannotFollow).toHaveLength(2);
  });

  it('shows the seats left now and after, and how many would find none', () => {
    expect(summarizeDecision('accept', [app('shortlisted'), app('shortlisted')], quotas(5, 3)).seats).toEqual({ left: 2, after: 0, short: 0 });
    expect(summarizeDecision('accept', [app('shortlisted'), app('shortlisted'), app('shortlisted')], quotas(5, 3)).seats).toEqual({ left: 2, after: 0, short: 1 });
    // Already accepted ones take no further seat.
    expect(summarizeDecision('accept', [app('accepted'), app('shortlisted')], quotas(5, 4)).seats).toEqual({ left: 1, after: 0, short: 0 });
  });

  it('shows the quota left of each track with one, for those this decision accepts', () => {
    const tracks: TrackQuotas['tracks'] = [
      { trackCode: 'cybersecurity', seats: 2, taken: 1 },
      { trackCode: 'data-analysis', seats: null, taken: 4 },
      { trackCode: 'ui-ux-design', seats: 3, taken: 0 },
    ];
    const summary = summarizeDecision('accept', [app('shortlisted', 'cybersecurity'), app('submitted', 'cybersecurity'), app('shortlisted', 'data-analysis')], quotas(20, 5, tracks));
    expect(summary.tracks).toEqual([{ trackCode: 'cybersecurity', left: 1, wanted: 2 }]);
  });

  it('has no seat lines for other decisions; a waitlisted applicant may be placed again', () => {
    const summary = summarizeDecision('waitlist', [app('waitlisted'), app('shortlisted')], quotas(1, 1));
    expect(summary.seats).toBeUndefined();
    expect(summary.willChange).toHaveLength(2);
    expect(summarizeDecision('shortlist', [app('shortlisted'), app('submitted')], undefined).alreadyDecided).toHaveLength(1);
  });
});

describe('outcomeOf', () => {
  const refused = (status: number, slug: string, detail: string) => ({ applicationId: 'a', status, problem: { type: `https://gds.academy/problems/${slug}`, detail } });

  it('reads a decided item as done with its new status', () => {
    expect(outcomeOf({ applicationId: 'a', status: 200, application: { ...app('accepted') } }, 'accept', 'shortlisted')).toEqual({ kind: 'done', status: 'accepted' });
  });

  it('reads a re-run on an item already in that status as "already decided"', () => {
    expect(outcomeOf(refused(422, 'illegal-decision', 'This application is accepted'), 'accept', 'accepted')).toEqual({ kind: 'already', status: 'accepted' });
    // A full cohort is refused before the status is looked at: still nothing changed for an accepted one.
    expect(outcomeOf(refused(409, 'cohort-full', 'All 2 seats of this cohort are taken.'), 'accept', 'accepted')).toEqual({ kind: 'already', status: 'accepted' });
  });

  it('keeps the API’s reason for a refusal (409 when no seat is left, 422 for a decision that cannot follow)', () => {
    expect(outcomeOf(refused(409, 'cohort-full', 'All 2 seats of this cohort are taken.'), 'accept', 'shortlisted')).toEqual({
      kind: 'refused', httpStatus: 409, slug: 'cohort-full', detail: 'All 2 seats of this cohort are taken.',
    });
    expect(outcomeOf(refused(422, 'illegal-decision', 'This application is rejected'), 'accept', 'rejected').kind).toBe('refused');
  });
});
