import { Job, Queue } from 'bullmq';
import { composeJobId } from './job-id';
import { EACH_PUBLICATION, JOB_CATALOG, jobIdFor, JobName, JobPayloads } from './job-catalog';

/** One payload per job of the catalog: a job added to the catalog without one here fails type-checking. */
const SAMPLES: { [N in JobName]: JobPayloads[N] } = {
  'pipeline-probe': { probeId: 'b0d5e1c2-0000-4000-8000-000000000001' },
  'grade-submission': { submissionId: 'b0d5e1c2-0000-4000-8000-000000000002' },
  'grade-slow-submission': { submissionId: 'b0d5e1c2-0000-4000-8000-000000000003' },
  'regrade-assessment': { regradeId: 'b0d5e1c2-0000-4000-8000-000000000004' },
  'recompute-progress': { enrollmentId: 'b0d5e1c2-0000-4000-8000-000000000005' },
  'assessment-graded': {
    submissionId: 'b0d5e1c2-0000-4000-8000-000000000006', enrollmentId: 'e', assessmentId: 'a', traineeId: 't',
    passed: true, score: 8, maxScore: 10, gradedAt: '2026-12-06T10:15:30.123Z',
  },
  'evaluate-certificate': { enrollmentId: 'b0d5e1c2-0000-4000-8000-000000000007' },
  'cohort-schedule-changed': { cohortId: 'b0d5e1c2-0000-4000-8000-000000000009', startsAt: '2026-03-08T07:30:00.000Z', timeZone: 'America/New_York', changedAt: '2026-03-01T10:00:00.123456Z' },
  'import-trainees': { importId: 'b0d5e1c2-0000-4000-8000-000000000008' },
  'refresh-cohort-report': { cohortId: 'b0d5e1c2-0000-4000-8000-000000000009', requestedSecond: 1_796_000_000 },
  notify: { type: 'submission-graded', eventKey: 'graded:b0d5e1c2:regrade:7', recipientIds: ['u'], data: {} },
  'deliver-email': { deliveryId: 'b0d5e1c2-0000-4000-8000-000000000010' },
  'send-account-email': { kind: 'password-reset', id: 'b0d5e1c2-0000-4000-8000-000000000011' },
  'deliver-webhook': { deliveryId: 'b0d5e1c2-0000-4000-8000-000000000012', attempt: 2 },
  'send-email-digests': {},
  'deliver-email-digest': { digestId: 'b0d5e1c2-0000-4000-8000-000000000013' },
  'scan-at-risk': {},
  'scan-deadlines': {},
  'scan-cohort-starts': {},
  'scan-fair-reminders': {},
  'record-pipeline-hire': { interviewRequestId: 'c0a80101-0000-4000-8000-000000000001' },
  'scan-placement-follow-ups': {},
  'trainee-evidence-changed': { traineeId: 'c0a80101-0000-4000-8000-000000000002' },
  'scan-stalled-submissions': {},
  'sweep-sandbox-datasets': {},
  'send-weekly-digests': {},
  'refresh-cohort-reports': {},
};

const NAMES = Object.keys(JOB_CATALOG) as JobName[];

/** BullMQ's own check of a custom id (the one `Queue.add` runs), without Redis. */
function bullmqRefusal(name: string, jobId: string): string | null {
  const queue = { toKey: (key: string) => `bull:q:${key}`, keys: {}, qualifiedName: 'bull:q', opts: {}, client: Promise.resolve({}), trace: () => undefined, name: 'q' };
  try {
    const job = new Job(queue as unknown as Queue, name, {}, { jobId });
    // Protected in BullMQ's types; the same call Job.create makes before it writes to Redis.
    (job as unknown as { validateOptions(data: string): void }).validateOptions(JSON.stringify(job.data));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('job ids come from the job catalog', () => {
  it.each(NAMES)('%s: the id is valid for BullMQ and starts with the job name', (name) => {
    const id = jobIdFor(name, SAMPLES[name] as never);
    expect(bullmqRefusal(name, id)).toBeNull();
    expect(id).not.toContain(':');
    expect(id.startsWith(`${name}.`)).toBe(true);
  });

  it.each(NAMES.filter((name) => JOB_CATALOG[name].id !== EACH_PUBLICATION))('%s: the same payload makes the same id, another fact another id', (name) => {
    const payload = SAMPLES[name] as Record<string, unknown>;
    const id = jobIdFor(name, payload as never);
    expect(jobIdFor(name, structuredClone(payload) as never)).toBe(id);
    // Each identifying field changes the id: the facts of two submissions (or attempts, or seconds) never share a job.
    const rule = JOB_CATALOG[name].id as (p: never) => unknown[];
    for (const [field, value] of Object.entries(payload)) {
      const changed = { ...payload, [field]: typeof value === 'number' ? value + 1 : `${String(value)}x` };
      if (rule(changed as never).join() !== rule(payload as never).join()) expect(jobIdFor(name, changed as never)).not.toBe(id);
    }
  });

  it.each(NAMES.filter((name) => JOB_CATALOG[name].id === EACH_PUBLICATION))('%s: every publication is a job of its own', (name) => {
    expect(jobIdFor(name, SAMPLES[name] as never)).not.toBe(jobIdFor(name, SAMPLES[name] as never));
  });

  it('names the ids the handlers and status reads rely on', () => {
    expect(jobIdFor('grade-submission', { submissionId: 's1' })).toBe('grade-submission.s1');
    expect(jobIdFor('notify', { ...SAMPLES.notify, eventKey: 'certificate-issued:c1' })).toBe('notify.certificate-issued%3Ac1');
    expect(jobIdFor('deliver-webhook', { deliveryId: 'd1', attempt: 3 })).toBe('deliver-webhook.d1.3');
    expect(jobIdFor('send-account-email', { kind: 'invitation', id: 'i1' })).toBe('send-account-email.invitation.i1');
  });

  it('escapes so that different parts never make one id', () => {
    expect(composeJobId('a.b', 'c')).not.toBe(composeJobId('a', 'b.c'));
    expect(composeJobId('a:b')).not.toBe(composeJobId('a%3Ab'));
    expect(composeJobId('x', 'a:b')).toBe('x.a%3Ab');
    expect(composeJobId('12')).toBe('12'); // a bare integer is no job name: every catalog id starts with one
    expect(bullmqRefusal('x', 'a:b')).toMatch(/cannot contain :/);
  });
});
