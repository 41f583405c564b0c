import type { DirectReads } from '@gds/database';
import type { HandledJob, Outbox } from '@gds/queue';
import { CohortScheduleRecompute, savedProgress } from './cohort-schedule-recompute.service';
import type { ProgressRecompute } from './progress-recompute.service';

const [A, B, C] = ['10000000-0000-4000-8000-000000000000', '20000000-0000-4000-8000-000000000000', '30000000-0000-4000-8000-000000000000'];
const change = { cohortId: '00000000-0000-4000-8000-0000000000cc', startsAt: '2026-01-05T08:00:00.000Z', timeZone: 'Africa/Nairobi', changedAt: '2026-01-01T00:00:00.000000Z' };

/** The handler over a cohort of three active enrollments A < B < C, with the reads and the recompute faked. */
function handlerOverCohort() {
  const recomputed: string[] = [];
  const reads = {
    query: jest.fn(async (sql: string, params: unknown[]) => {
      if (sql.includes('FROM cohort')) return [{ startsAt: new Date(change.startsAt), timeZone: change.timeZone }];
      const [, afterId, limit] = params as [string, string | null, number];
      return [A, B, C].filter((id) => afterId === null || id > afterId).slice(0, limit).map((id) => ({ id }));
    }),
  };
  const progress = { recompute: jest.fn(async (id: string) => void recomputed.push(id)) };
  const handler = new CohortScheduleRecompute(reads as unknown as DirectReads, progress as unknown as ProgressRecompute, {} as Outbox);
  return { handler, recomputed };
}

function job(progress: unknown, attemptsMade: number) {
  const saved: unknown[] = [];
  const handled = {
    name: 'cohort-schedule-changed', id: 'j', data: change, attemptsMade,
    updateProgress: async (at: unknown) => void saved.push(at),
    raw: { progress },
  } as unknown as HandledJob<'cohort-schedule-changed'>;
  return { handled, saved };
}

describe('cohort schedule recompute: resuming a walk', () => {
  it('resumes after the saved cursor of a stalled job, whose attemptsMade BullMQ left at 0', async () => {
    const { handler, recomputed } = handlerOverCohort();
    const { handled, saved } = job({ afterId: A, done: 1 }, 0);
    await handler.handleScheduleChanged(handled);
    expect(recomputed).toEqual([B, C]);
    expect(saved).toEqual([{ afterId: C, done: 3 }]);
  });

  it('starts from the first enrollment when the job has no progress of this walk (BullMQ starts progress at 0)', async () => {
    for (const progress of [0, undefined, null, 'x', { afterId: 'not-an-id', done: 1 }, { afterId: A, done: -1 }, { afterId: A }]) {
      const { handler, recomputed } = handlerOverCohort();
      await handler.handleScheduleChanged(job(progress, 1).handled);
      expect(recomputed).toEqual([A, B, C]);
    }
  });

  it('reads a saved cursor only when it is one', () => {
    expect(savedProgress({ afterId: B, done: 2, extra: true })).toEqual({ afterId: B, done: 2 });
    expect(savedProgress({ afterId: null, done: 0 })).toEqual({ afterId: null, done: 0 });
    expect(savedProgress({ afterId: B, done: 1.5 })).toBeUndefined();
    expect(savedProgress(7)).toBeUndefined();
  });
});
