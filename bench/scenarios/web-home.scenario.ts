import { existsSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AppProcess, appEnvironment } from '../harness/app-processes';
import { BenchContext, BenchScenario } from '../harness/bench-context';
import { freePort, REPO_ROOT } from '../harness/child-process';
import { median } from '../harness/rounds';
import { apiCall as call } from '../harness/api-call';
import { publishCourse, runningCohort } from './trainee-course';

const ROUNDS = Number(process.env.BENCH_WEB_ROUNDS ?? 5);
// The cheap phone on a poor connection: 400 kbit/s both ways, 400 ms round trip, CPU 4× slower.
const KBIT = 1000 / 8;
const NETWORK = { offline: false, latency: 400, downloadThroughput: 400 * KBIT, uploadThroughput: 400 * KBIT };
const CPU_SLOWDOWN = 4;
const TARGET_MS = 5000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Trainee {
  email: string;
  password: string;
}

interface WebHomeState {
  trainee: Trainee;
  /** The api this scenario's browser talks to: see `startWebApi`. */
  web: AppProcess;
}

/**
 * The api the browser opens. The bench's shared api has PUBLIC_BASE_URL https://bench.gds-academy.example
 * (production refuses anything else), and the cookie session routes answer only pages whose Origin is
 * that origin (WebClientPolicy): a page at http://127.0.0.1:<port> is refused with 403, as it must be.
 * So this scenario starts one more api role of the same build on the same database and queues, whose
 * PUBLIC_BASE_URL is the page's own origin. The only way the app accepts a loopback PUBLIC_BASE_URL is
 * NODE_ENV=development, so this process has it; in the api NODE_ENV decides nothing but the start-up
 * checks of the configuration (production's refusal of development secrets and of a non-public URL,
 * both satisfied here by the bench's own secrets) and, for `test`, request logging and throwaway
 * signing keys. Everything the browser measures is production's: `dist/` built by `npm run build`,
 * web/dist with its brotli files, the immutable cache headers, the CSP, response compression, the
 * service worker. No product code has a bench switch.
 */
async function startWebApi(ctx: BenchContext): Promise<AppProcess> {
  const port = await freePort();
  const env = appEnvironment({
    databaseUrl: ctx.db.url,
    queuePrefix: ctx.worker.options.env.QUEUE_PREFIX,
    env: { NODE_ENV: 'development', PUBLIC_BASE_URL: `http://127.0.0.1:${port}` },
  });
  const web = new AppProcess('api', port, env);
  await web.startAndWait();
  return web;
}

/**
 * Scenario `web-home` (issue 14): a trainee on a cheap phone opens the web app for the first time
 * (empty cache), signs in, and the home screen is interactive with its data; then comes back the
 * next day, still signed in (the service worker's cache, one refresh), and once more signed out.
 * Debian's Chromium at 360 × 720 with the network throttled and the CPU slowed through the DevTools
 * protocol. Times are from the navigation (or the sign-in press) to the screen's heading and, for
 * home, its data (the trainee's course progress) with the navigation clickable; typing excluded.
 */
export const webHomeScenario: BenchScenario<WebHomeState> = {
  description: `Time to an interactive home screen in Chromium at 360 px, network 400 kbit/s and 400 ms RTT, CPU slowed ${CPU_SLOWDOWN}× (a cheap phone on a poor connection), a trainee enrolled in a running cohort; ${ROUNDS} rounds, medians`,
  method: `playwright-core driving /usr/bin/chromium; CDP Network.emulateNetworkConditions (latency 400 ms, 50,000 B/s each way) and Emulation.setCPUThrottlingRate ${CPU_SLOWDOWN}; the built app on its own api process whose PUBLIC_BASE_URL is the page's origin (NODE_ENV=development, the only setting that allows a loopback origin; see bench/README.md); each round a fresh browser profile: from the app's address (${process.env.BENCH_WEB_START ?? '/app/'}) to the sign-in screen with an empty cache, then sign-in to home with its data (the progress section of the trainee's enrollment) and the navigation usable; then, with the service worker installed, home again in a new page still signed in (one refresh), and the sign-in screen signed out; ms from navigation (or the sign-in press); median and max of ${ROUNDS} rounds, the 1-minute load average at each round's start; target: first visit (sign-in screen + sign-in to home with its data) ≤ ${TARGET_MS} ms`,
  async setup(ctx) {
    if (!existsSync(path.join(REPO_ROOT, 'web/dist/index.html'))) throw new Error('web/dist is missing: run `npm run build`');
    const trainee = { email: `bench-web-${Date.now()}@gds.test`, password: 'bench-web-password-1' };
    const response = await fetch(`${ctx.api.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...trainee, displayName: 'Bench Phone' }),
    });
    if (response.status !== 201) throw new Error(`registering the bench trainee: ${response.status} ${await response.text()}`);
    await enrollTrainee(ctx, trainee);
    ctx.log('  starting the api for the browser (PUBLIC_BASE_URL = its own loopback origin) ...');
    return { trainee, web: await startWebApi(ctx) };
  },
  async run(ctx, { trainee, web }) {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const rounds: Round[] = [];
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const load = Math.round(os.loadavg()[0] * 10) / 10;
        const r = { ...(await oneRound(browser, web.url, trainee, round === 1 ? ctx.log : undefined)), load };
        rounds.push(r);
        ctx.log(
          `  round ${round} (load ${load}): sign-in screen ${r.signInScreen} ms, sign-in → home heading ${r.signInToHeading} ms, → home with data ${r.signInToHome} ms; ` +
            `repeat visit: home ${r.repeatHome} ms, sign-in screen ${r.repeatSignIn} ms`,
        );
      }
    } finally {
      await browser.close();
      await web.stop();
    }
    const row = (metric: string, values: number[], unit = 'ms') => ({ scenario: 'web-home', metric, ours: median(values), baseline: null, ratio: null, unit, rounds: values.length });
    const firstVisit = rounds.map((r) => r.signInScreen + r.signInToHome);
    const slowest = Math.max(...firstVisit);
    const result = [
      row('first visit: sign-in screen + sign-in to home with its data (median)', firstVisit),
      row('first visit, slowest round', [slowest]),
      row('sign-in screen, empty cache', rounds.map((r) => r.signInScreen)),
      row('sign-in to home heading and navigation', rounds.map((r) => r.signInToHeading)),
      row('sign-in to home with its data', rounds.map((r) => r.signInToHome)),
      row('repeat visit, still signed in (service worker + refresh): home with its data', rounds.map((r) => r.repeatHome)),
      row('repeat visit (service worker), sign-in screen', rounds.map((r) => r.repeatSignIn)),
      row('load average (1 min) at the rounds\' start', rounds.map((r) => r.load), ''),
    ];
    if (median(firstVisit) > TARGET_MS) ctx.log(`  web-home: median first visit ${median(firstVisit)} ms is over the ${TARGET_MS} ms target`);
    return result;
  },
};

interface Round {
  signInScreen: number;
  signInToHeading: number;
  signInToHome: number;
  repeatHome: number;
  repeatSignIn: number;
  load: number;
}

/** A running cohort over a published course, the trainee enrolled with two lessons done: home has something to show. */
async function enrollTrainee(ctx: BenchContext, trainee: Trainee): Promise<void> {
  const admin = await ctx.admin.token();
  const [token] = await ctx.signIn([trainee.email], trainee.password);
  const course = await publishCourse(ctx.api.url, admin);
  const cohort = await runningCohort(ctx.api.url, admin, course.versionId, 'Bench phone', 10);
  const [{ id }] = await ctx.db.query<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [trainee.email]);
  await call(ctx.api.url, admin, 'POST', `/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: id });
  for (const lessonId of course.lessonIds.slice(0, 2)) await call(ctx.api.url, token, 'POST', `/api/v1/lessons/${lessonId}/complete`);
}

async function oneRound(browser: Browser, baseUrl: string, trainee: Trainee, log?: (line: string) => void): Promise<Omit<Round, 'load'>> {
  const context = await browser.newContext({ viewport: { width: 360, height: 720 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, baseURL: baseUrl });
  try {
    const page = await context.newPage();
    await throttle(context, page);
    const responses: string[] = [];
    if (log) page.on('response', (r) => responses.push(`${r.status()} ${new URL(r.url()).pathname} ${r.headers()['content-encoding'] ?? '-'} ${r.headers()['cache-control'] ?? '-'}`));

    let started = Date.now();
    // The app's address (the manifest's start_url, a bookmark): a first visit finds no session there
    // and starts on the sign-in screen. Typing the bare host adds the server's redirect (one round trip).
    await page.goto(process.env.BENCH_WEB_START ?? '/app/', { waitUntil: 'commit' });
    await interactive(page, 'Sign in');
    const signInScreen = Date.now() - started;

    await page.getByLabel('Email').fill(trainee.email);
    await page.getByLabel('Password').fill(trainee.password);
    started = Date.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await interactive(page, 'Hello, Bench');
    await page.getByRole('navigation').getByRole('link', { name: 'Learning' }).waitFor({ state: 'visible' });
    const signInToHeading = Date.now() - started;
    await homeData(page);
    const signInToHome = Date.now() - started;
    if (log) {
      log(`  round 1 responses (status path content-encoding cache-control):\n    ${responses.join('\n    ')}`);
      log(`  round 1 resource timing (start → end ms, transfer bytes):\n    ${(await waterfall(page)).join('\n    ')}`);
    }

    // The next day: the service worker has the app's files, the refresh cookie is still there.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    const next = await context.newPage();
    await page.close();
    await throttle(context, next);
    started = Date.now();
    await next.goto('/app/', { waitUntil: 'commit' });
    await interactive(next, 'Hello, Bench');
    await homeData(next);
    const repeatHome = Date.now() - started;
    if (log) log(`  round 1 repeat visit, resource timing:\n    ${(await waterfall(next)).join('\n    ')}`);

    // And signed out (another person on a shared phone): the sign-in screen from the service worker.
    await context.clearCookies();
    await next.evaluate('localStorage.clear()');
    started = Date.now();
    await next.goto('/app/sign-in', { waitUntil: 'commit' });
    await interactive(next, 'Sign in');
    const repeatSignIn = Date.now() - started;
    return { signInScreen, signInToHeading, signInToHome, repeatHome, repeatSignIn };
  } finally {
    await context.close();
  }
}

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/** The screen's h1 is shown and its controls answer (React has rendered and attached handlers). */
async function interactive(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ state: 'visible', timeout: 120_000 });
}

/** Home has drawn the enrollment's data (the progress section) and the navigation is there. */
async function homeData(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 2, name: 'Your progress' }).waitFor({ state: 'visible', timeout: 120_000 });
  await page.getByRole('navigation').getByRole('link', { name: 'Learning' }).waitFor({ state: 'visible', timeout: 120_000 });
}

async function waterfall(page: Page): Promise<string[]> {
  const entries = (await page.evaluate(
    `performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).map((e) => [e.name, Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize])`,
  )) as [string, number, number, number][];
  return entries.sort((a, b) => a[1] - b[1]).map(([name, start, end, size]) => `${start} → ${end} ${size} B ${new URL(name).pathname}`);
}
