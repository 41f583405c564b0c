import { LoadAction } from '../load-context';

const SKIPPED = /^\/(health|metrics|docs)|^\/api\/v1\/(me|auth)\b/;
let routes: string[] = [];

/**
 * Reads every GET route of the OpenAPI document that takes no path parameter and answers a
 * trainee with 200 (found once, before the clock starts), then browses them at random: list and
 * catalogue routes of modules join the workload as soon as they exist.
 */
export const browseOpenRoutes: LoadAction = {
  name: 'browse open GET routes',
  weight: 4,
  async prepare(ctx, users) {
    const doc = (await fetch(`${ctx.api.url}/docs-json`).then((r) => r.json())) as { paths: Record<string, Record<string, unknown>> };
    const candidates = Object.entries(doc.paths)
      .filter(([path, operations]) => operations.get && !path.includes('{') && !SKIPPED.test(path))
      .map(([path]) => path);
    routes = [];
    for (const path of candidates) {
      const answer = await fetch(ctx.api.url + path, { headers: { authorization: `Bearer ${users[0].accessToken}` } });
      await answer.arrayBuffer();
      if (answer.status === 200) routes.push(path);
    }
    console.log(`  open GET routes for trainees: ${routes.length ? routes.join(', ') : 'none yet'}`);
  },
  async run(ctx, user) {
    if (routes.length === 0) return;
    const path = routes[Math.floor(Math.random() * routes.length)];
    await ctx.call(`GET ${path}`, 'GET', path, { token: user.accessToken });
  },
};
