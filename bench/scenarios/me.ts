import { BenchScenario, compareRows, HTTP_READ_TARGETS } from '../harness/bench-context';
import { pairMethod } from '../harness/measure';
import { seedTrainees, SEEDED_PASSWORD } from '../harness/seed-users';

const TRAINEES = Number(process.env.BENCH_ME_TRAINEES ?? 2000);
const SIGNED_IN = 50;

/** GET /api/v1/me: the authenticated read every page makes. Target: at least half the bare server's req/s. */
export const meScenario: BenchScenario<{ tokens: string[] }> = {
  description: 'GET /api/v1/me, authenticated, 50 different trainees in turn, against a bare Fastify + pg server',
  method: pairMethod(),
  async setup(ctx) {
    ctx.log(`  seeding ${TRAINEES} trainees`);
    const emails = await seedTrainees(ctx.db, TRAINEES, ctx.log);
    ctx.log(`  signing in ${SIGNED_IN} of them`);
    const step = Math.floor(emails.length / SIGNED_IN);
    const tokens = await ctx.signIn(emails.filter((_, i) => i % step === 0).slice(0, SIGNED_IN), SEEDED_PASSWORD);
    return { tokens };
  },
  async run(ctx, { tokens }) {
    const rounds = await ctx.measurePair({ url: `${ctx.api.url}/api/v1/me`, tokens }, { url: `${ctx.baseline.url}/api/v1/me`, tokens });
    return compareRows('me', rounds, HTTP_READ_TARGETS);
  },
};
