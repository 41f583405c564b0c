import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppProcess, appEnvironment, BENCH_ADMIN } from '../harness/app-processes';
import { createBenchDatabase } from '../harness/bench-database';
import { markdownTable } from '../harness/results-file';
import { SEEDED_PASSWORD, seedTrainees } from '../harness/seed-users';
import { browseCatalogue, loadWorld } from './actions/learning.actions';
import { httpClient } from './http-client';
import { LoadContext, VirtualUser } from './load-context';
import { cpuSeconds } from './process-sampler';

const USERS = 20;
const N = Number(process.env.ENDPOINT_CPU_REQUESTS ?? 400);
/** A few requests in flight, like a lightly loaded api: enough to overlap pg round trips, too few to queue. */
const CONCURRENCY = 4;

type Fire = (user: VirtualUser) => Promise<{ status: number; body: any }>;

/**
 * CPU time of the api per request, endpoint by endpoint, for the endpoints of `npm run bench:load`:
 * `node dist/bench/load/endpoint-cpu.js`. The api's utime + stime (/proc/<pid>/stat) over N requests
 * of one endpoint, minus what the api burns idle over the same wall time. On a shared machine this
 * is the figure to compare before/after a change (latency is not): a closed loop's latency is
 * users/throughput − think time, and throughput is cores/CPU per request.
 */
async function main(): Promise<void> {
  const db = await createBenchDatabase('gds_cpu');
  const api = await AppProcess.create('api', appEnvironment({ databaseUrl: db.url }));
  try {
    await api.startAndWait();
    const http = httpClient(api.url);
    const emails = await seedTrainees(db, USERS, () => undefined);
    const login = (email: string, password: string) => http.request('POST', '/api/v1/auth/login', { body: { email, password } });
    const adminToken = (await login(BENCH_ADMIN.email, BENCH_ADMIN.password)).body.accessToken as string;
    const users: VirtualUser[] = [];
    for (const [index, email] of emails.entries()) {
      const { body } = await login(email, SEEDED_PASSWORD);
      users.push({ index, email, password: SEEDED_PASSWORD, accessToken: body.accessToken, refreshToken: body.refreshToken, state: {} });
    }
    const ctx: LoadContext = { api: { url: api.url }, db, adminToken, call: (_e, method, path, options) => http.request(method, path, options) };
    await browseCatalogue.prepare!(ctx, users);
    const world = loadWorld();
    const course = `/api/v1/courses/${world.courseId}`;
    const get = (path: string): Fire => (user) => http.request('GET', path, { token: user.accessToken });
    // One quiz submission per user for the poll (no worker runs here: it stays queued, the poll's costlier case).
    const submissions = new Map<number, string>();
    const submit: Fire = async (user) => {
      const answer = await http.request('POST', `/api/v1/assessments/${world.assessmentId}/submissions`, { token: user.accessToken, body: { answer: { answers: { q1: 'b', q2: 'Denial of Service' } } } });
      if (answer.status === 202 && !submissions.has(user.index)) submissions.set(user.index, answer.body.id as string);
      return answer;
    };
    for (const user of users) await submit(user);
    const endpoints: Array<[string, Fire]> = [
      ['GET /me', get('/api/v1/me')],
      ['GET /courses', get('/api/v1/courses')],
      ['GET /courses/:id', get(course)],
      ['GET /courses/:id/versions/:version', get(`${course}/versions/${world.version}`)],
      ['GET lesson', get(`${course}/versions/${world.version}/lessons/${world.lessonIds[0]}`)],
      ['GET /me/enrollments', get('/api/v1/me/enrollments')],
      ['GET /cohorts', get('/api/v1/cohorts')],
      ['GET /career-fairs', get('/api/v1/career-fairs')],
      ['GET /tracks', get('/api/v1/tracks')],
      ['GET /skills', get('/api/v1/skills')],
      ['GET /organisations', get('/api/v1/organisations')],
      ['GET /.well-known/jwks.json', get('/.well-known/jwks.json')],
      ['GET /submissions/:id (queued)', (user) => http.request('GET', `/api/v1/submissions/${submissions.get(user.index)}`, { token: user.accessToken })],
      ['POST /assessments/:id/submissions', submit],
      ['POST /lessons/:id/complete (again)', (user) => http.request('POST', `/api/v1/lessons/${world.lessonIds[0]}/complete`, { token: user.accessToken })],
      ['PATCH /me', (user) => http.request('PATCH', '/api/v1/me', { token: user.accessToken, body: { district: user.index % 2 ? 'Cayo' : 'Belize', consentVersion: 1 } })],
      ['POST /auth/refresh', async (user) => {
        const answer = await http.request('POST', '/api/v1/auth/refresh', { body: { refreshToken: user.refreshToken } });
        if (answer.status === 200) Object.assign(user, { accessToken: answer.body.accessToken, refreshToken: answer.body.refreshToken });
        return answer;
      }],
    ];
    const only = process.env.ENDPOINT_CPU_ONLY?.split(',');
    // ENDPOINT_CPU_DUMP=dir: each endpoint's answer body as the client decoded it, for bench/response-encoding-cost.ts.
    const dump = process.env.ENDPOINT_CPU_DUMP;
    if (dump) mkdirSync(dump, { recursive: true });
    // The Postgres backends serving this bench database (not the harness's own): their CPU per request too.
    const backendCpu = async () => {
      const pids = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      return new Map(pids.map(({ pid }) => [pid, cpuSeconds(pid) ?? 0]));
    };
    const idleStart = cpuSeconds(api.pid)!;
    const idleWall = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const idlePerMs = (cpuSeconds(api.pid)! - idleStart) / (Date.now() - idleWall);
    const rows: Array<[string, number, string, string, string]> = [];
    for (const [label, fire] of endpoints.filter(([label]) => !only || only.some((o) => label.includes(o)))) {
      const run = async (count: number) => {
        let next = 0;
        let failures = 0;
        await Promise.all(Array.from({ length: CONCURRENCY }, async (_, lane) => {
          while (next < count) {
            const user = users[(next++ + lane) % users.length];
            const { status } = await fire(user);
            if (status >= 300) failures++;
          }
        }));
        return failures;
      };
      await run(Math.min(100, N)); // warm-up: JIT, caches, pool connections
      if (dump) {
        const { body } = await fire(users[0]);
        writeFileSync(join(dump, `${label.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}.json`), typeof body === 'string' ? body : JSON.stringify(body));
      }
      const backendsBefore = await backendCpu();
      const before = cpuSeconds(api.pid)!;
      const wall = Date.now();
      const failures = await run(N);
      const ms = Date.now() - wall;
      const used = cpuSeconds(api.pid)! - before - idlePerMs * ms;
      let postgres = 0;
      for (const [pid, cpu] of await backendCpu()) postgres += cpu - (backendsBefore.get(pid) ?? 0);
      rows.push([label, N, ((used * 1e6) / N).toFixed(0), ((postgres * 1e6) / N).toFixed(0), failures ? `${failures} failed` : '']);
      console.log(`${label}: ${((used * 1e6) / N).toFixed(0)} µs api CPU/request, ${((postgres * 1e6) / N).toFixed(0)} µs Postgres${failures ? ` (${failures} not 2xx)` : ''}`);
    }
    console.log(`\napi idle: ${(idlePerMs * 1e6).toFixed(0)} µs CPU per second, subtracted\n`);
    // The api's highest RSS so far (VmHWM): with only 4 requests in flight it is not the load run's
    // peak, but compares node flags (e.g. BENCH_APP_NODE_ARGS=--max-semi-space-size=8) like for like.
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))?.[1];
    console.log(`api peak RSS (VmHWM): ${hwm ? (Number(hwm) / 1024).toFixed(0) : '?'} MiB\n`);
    console.log(markdownTable(['endpoint', 'requests', 'api CPU µs/request', 'Postgres CPU µs/request', ''], rows));
    http.close();
  } finally {
    await api.stop();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
