import { setTimeout as sleep } from 'node:timers/promises';
import { OutboxRelay, QueueRegistry } from '@gds/queue';
import { Submissions } from '../../assessment/submissions.service';
import { CertifiedTrainees } from '../../certification/certified-trainees.contract';
import { principalOf } from './demo-principal';
import { DemoContext, DemoStep } from './demo-step';

/** The trainee whose finished course the worker certifies. */
export const CERTIFIED_TRAINEE = 'trainee-2';

/**
 * Waits (when this process runs the workers) until the worker has graded the seeded submissions and
 * certified the trainee who finished: the seed then shows a programme mid-flight, not a queue. When
 * the deadline passes it says so and leaves the rest to the app's worker (everything is in the outbox).
 */
export const drainStep: DemoStep = {
  name: 'grading and certification (the worker drains the queue)',
  async run(ctx: DemoContext) {
    if (!ctx.drain) {
      ctx.log('  skipped: no worker in this process; the app’s worker grades the submissions when it runs');
      return;
    }
    const deadline = Date.now() + ctx.drain.timeoutMs;
    const admin = principalOf(ctx, 'admin');
    const submissions = ctx.app.get(Submissions, { strict: false });
    const certified = ctx.app.get(CertifiedTrainees, { strict: false });
    const enrollmentId = ctx.cohort?.enrollments.get(CERTIFIED_TRAINEE)?.enrollmentId;
    let last = '';
    for (;;) {
      const statuses: string[] = [];
      for (const id of ctx.submissionIds) statuses.push((await submissions.visible(id, admin)).status);
      const queued = statuses.filter((s) => s === 'queued').length;
      const certificates = enrollmentId ? await certified.certificatesOfEnrollments([enrollmentId]) : [];
      const line = `  ${statuses.length - queued}/${statuses.length} submissions graded or awaiting review; ${CERTIFIED_TRAINEE} ${certificates.length ? 'certified' : 'not certified yet'}`;
      if (line !== last) ctx.log((last = line));
      if (queued === 0 && certificates.length > 0 && (await quiet(ctx))) return;
      if (Date.now() > deadline) {
        ctx.log('  deadline passed: the rest stays in the outbox and the app’s worker finishes it');
        return;
      }
      await sleep(500);
    }
  },
};

/**
 * Nothing left in the outbox and no job waiting or running (the notifications and progress updates
 * that followed the grades), so closing the process interrupts nothing. Delayed jobs (retries with
 * back-off, recurring schedules) are left to the app's worker.
 */
async function quiet(ctx: DemoContext): Promise<boolean> {
  if ((await ctx.app.get(OutboxRelay, { strict: false }).pendingCount()) > 0) return false;
  for (const queue of ctx.app.get(QueueRegistry, { strict: false }).all()) {
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
    if (Object.values(counts).some((n) => n > 0)) return false;
  }
  return true;
}
