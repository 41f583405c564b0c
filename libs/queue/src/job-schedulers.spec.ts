import { JOB_CATALOG, jobOptions, scheduledJobs, DEFAULT_KEEP_COMPLETED_COUNT } from './job-catalog';
import { JobSchedulers } from './job-schedulers';
import { QueueRegistry } from './queue-registry';
import { QueueSettings } from './queue-settings';

type Upsert = { queue: string; id: string; repeat: unknown; template: { name: string; data: unknown; opts: ReturnType<typeof jobOptions> } };

function registrar(schedules: QueueSettings['schedules']) {
  const upserts: Upsert[] = [];
  const queues = {
    get: (queue: string) => ({
      upsertJobScheduler: async (id: string, repeat: unknown, template: Upsert['template']) => void upserts.push({ queue, id, repeat, template }),
    }),
  } as unknown as QueueRegistry;
  const settings = { redisUrl: '', prefix: '', concurrency: 1, outboxPollIntervalMs: 1, schedules } satisfies QueueSettings;
  return { schedulers: new JobSchedulers(queues, settings), upserts };
}

const CONFIGURED = {
  'scan-at-risk': { pattern: '0 6 * * *', tz: 'UTC' as const },
  'send-weekly-digests': { pattern: '0 7 * * 1', tz: 'UTC' as const },
  'send-email-digests': { every: 900_000 },
  'refresh-cohort-reports': { every: 300_000 },
};

describe('the job catalog drives queue options and schedules', () => {
  it('makes every job’s options in one place, with retries, backoff and retention by age and count', () => {
    for (const name of Object.keys(JOB_CATALOG) as Array<keyof typeof JOB_CATALOG>) {
      const options = jobOptions(name);
      expect(options.attempts).toBe(JOB_CATALOG[name].attempts);
      expect(options.backoff).toEqual({ type: 'exponential', delay: JOB_CATALOG[name].backoffMs });
      expect(options.removeOnComplete).toEqual({ age: JOB_CATALOG[name].keepCompletedSeconds, count: expect.any(Number) });
      expect(options.removeOnFail).toEqual({ age: JOB_CATALOG[name].keepFailedSeconds, count: expect.any(Number) });
    }
    expect(jobOptions('notify').removeOnComplete.count).toBe(DEFAULT_KEEP_COMPLETED_COUNT);
    // A row of a job a later release dropped still gets bounded options.
    expect(jobOptions('no-longer-a-job').attempts).toBeGreaterThan(0);
  });

  it('registers every scheduled job once, on its queue, with the catalog’s options (backoff included)', async () => {
    const { schedulers, upserts } = registrar(CONFIGURED);
    await schedulers.onApplicationBootstrap();
    expect(upserts.map((u) => u.id).sort()).toEqual(scheduledJobs().map((j) => j.name).sort());
    for (const upsert of upserts) {
      const name = upsert.id as keyof typeof JOB_CATALOG;
      expect(upsert.queue).toBe(JOB_CATALOG[name].queue);
      expect(upsert.template).toEqual({ name, data: {}, opts: jobOptions(name) });
    }
    expect(upserts.find((u) => u.id === 'refresh-cohort-reports')?.repeat).toEqual({ every: 300_000 });
    expect(upserts.find((u) => u.id === 'scan-at-risk')?.repeat).toEqual({ pattern: '0 6 * * *', tz: 'UTC' });
    expect(upserts.find((u) => u.id === 'scan-deadlines')?.repeat).toEqual({ every: 3_600_000 });
  });

  it('refuses to start when a job scheduled by configuration is given no schedule', async () => {
    const { schedulers } = registrar({ ...CONFIGURED, 'refresh-cohort-reports': undefined });
    await expect(schedulers.onApplicationBootstrap()).rejects.toThrow(/refresh-cohort-reports/);
  });
});
