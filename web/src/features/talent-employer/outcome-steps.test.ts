import { describe, expect, it } from 'vitest';
import { nextStages } from './outcome-steps';
import type { OutcomeStage, RequestState } from './talent.types';

const request = (state: RequestState, stages: OutcomeStage[]) => ({ state, outcomes: stages.map((stage) => ({ stage, recordedAt: '2026-12-01T10:00:00.000Z' })) });

describe('nextStages', () => {
  it('offers nothing before the candidate accepts, or once they declined or the request ended', () => {
    expect(nextStages(request('pending', []))).toEqual([]);
    expect(nextStages(request('declined', []))).toEqual([]);
    expect(nextStages(request('ended', []))).toEqual([]);
  });

  it('offers the stages in order — interviewed, offered, hired — each with declined beside it', () => {
    expect(nextStages(request('accepted', []))).toEqual(['interviewed', 'declined']);
    expect(nextStages(request('accepted', ['interviewed']))).toEqual(['offered', 'declined']);
    expect(nextStages(request('accepted', ['interviewed', 'offered']))).toEqual(['hired', 'declined']);
  });

  it('offers nothing after a hire or a decline: both are final', () => {
    expect(nextStages(request('accepted', ['interviewed', 'offered', 'hired']))).toEqual([]);
    expect(nextStages(request('accepted', ['interviewed', 'declined']))).toEqual([]);
  });
});
