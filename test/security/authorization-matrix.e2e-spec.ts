import { randomUUID } from 'node:crypto';
import { HttpAnswer } from '@gds/testing';
import { TestApp } from '../support/test-app';
import { fillPath, openApiPath, pathParams, RouteEntry, routeTable } from '../support/route-table';
import { Caller, CALLERS, MatrixWorld, startAppWithWorld } from '../support/authz-world';
import { fixturesOf, MALFORMED_IDS, MASS_ASSIGNMENT_FIELDS, NON_ID_PARAMS, OBJECT_FIXTURES } from '../support/authz-fixtures';
import { exampleFor, fetchOpenApi, OpenApiDocument, operation, requestBodySchema } from '../support/openapi';
import { databaseFingerprint } from '../support/db-snapshot';
import { recordFigures } from '../support/figures';

/**
 * Issue 9 item 1: every route of the running app × every caller, expectations derived from the
 * route's own declaration (@Public / @Authenticated / @Roles), object-level probes, and
 * mass-assignment probes. New routes are covered as soon as their module is registered.
 * The app runs in the api role over a world built with a worker (startAppWithWorld), so nothing
 * changes the database behind the probes. The verification routes' rate limit is raised here: the limit itself is tested by certification.
 */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ROLE_DENIAL = /^This needs one of the roles/;

describe('authorization matrix', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  let world: MatrixWorld;
  let doc: OpenApiDocument;
  let routes: RouteEntry[];
  const violations: string[] = [];
  const figures = { probes: 0, objectProbes: 0, fixtureProbes: 0, fixtureRoutes: 0, massProbes: 0, massRoutes: 0, baseBodiesAccepted: 0, baseBodies: 0 };

  beforeAll(async () => {
    ({ t, world, close } = await startAppWithWorld({ VERIFY_RATE_LIMIT: '1000000' }));
    doc = await fetchOpenApi(t.api);
    routes = routeTable(t.app).filter((r) => r.rule);
  });
  afterAll(async () => {
    recordFigures('authorization-matrix', 'Authorization matrix (issue 9.1)', [
      { label: 'routes', value: routes.length },
      { label: 'callers', value: CALLERS.length },
      { label: 'routes × callers probed (declaration layer)', value: figures.probes },
      { label: 'objects in the world (course, cohorts, applications, enrollments, submission, notification, certificate)', value: world?.objects.size ?? 0 },
      { label: 'object-level probes (fixtures, random UUIDs, malformed ids)', value: figures.objectProbes },
      { label: 'routes probed with a real object × every caller', value: `${figures.fixtureRoutes} (${figures.fixtureProbes} probes)` },
      { label: 'mass-assignment probes', value: figures.massProbes },
      { label: 'write routes probed for mass assignment', value: figures.massRoutes },
      { label: 'write routes whose generated base body was accepted', value: `${figures.baseBodiesAccepted}/${figures.baseBodies}` },
      { label: 'violations', value: violations.length, expected: 0 },
    ]);
    await close?.();
  });

  const hasBody = (route: RouteEntry) => !!requestBodySchema(doc, operation(doc, route.method, openApiPath(route)));
  const randomParams = (route: RouteEntry) => Object.fromEntries(pathParams(route).map((p) => [p, NON_ID_PARAMS[p] ?? randomUUID()]));
  const call = (caller: Caller, route: RouteEntry, params: Record<string, string>, body?: unknown): Promise<HttpAnswer> =>
    world.api.request(route.method, fillPath(route, params), { token: world.token(caller), body: body ?? (WRITES.has(route.method) && hasBody(route) ? {} : undefined) });
  const name = (caller: Caller, route: RouteEntry, answer: HttpAnswer, what = '') => `${caller} ${route.method} ${route.path}${what}: ${answer.status} ${answer.text.slice(0, 160)}`;
  const isProblem = (answer: HttpAnswer) => (answer.headers.get('content-type') ?? '').startsWith('application/problem+json');

  function mayCall(route: RouteEntry, caller: Caller): 'public' | 'allow' | 401 | 403 {
    const rule = route.rule!;
    if (rule.kind === 'public') return 'public';
    if (caller === 'anonymous') return 401;
    if (rule.kind === 'authenticated') return 'allow';
    return rule.roles.some((role) => world.roles[caller].includes(role)) ? 'allow' : 403;
  }

  it('answers every route × caller as the route declares: 401 anonymous, 403 wrong role, never 5xx', async () => {
    for (const route of routes) {
      for (const caller of CALLERS) {
        const answer = await call(caller, route, randomParams(route));
        figures.probes++;
        const expected = mayCall(route, caller);
        const bad =
          answer.status >= 500 ||
          (typeof expected === 'number' && (answer.status !== expected || !isProblem(answer))) ||
          (expected === 'allow' && (answer.status === 401 || (answer.status === 403 && ROLE_DENIAL.test(answer.body?.detail ?? ''))));
        if (bad) violations.push(`${name(caller, route, answer)} (expected ${expected})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('never answers 2xx or 5xx for random or malformed ids, and shows objects only to those who may see them', async () => {
    const before = violations.length;
    // A fixture for a path no route has (a typo, a renamed route) would silently probe nothing.
    expect(Object.keys(OBJECT_FIXTURES).filter((path) => !routes.some((r) => r.path === path))).toEqual([]);
    for (const route of routes.filter((r) => pathParams(r).length > 0)) {
      for (const caller of CALLERS) {
        const probes: Array<[string, Record<string, string>]> = [
          ['random ids', randomParams(route)],
          ...MALFORMED_IDS.map((bad): [string, Record<string, string>] => [`id ${JSON.stringify(bad.slice(0, 20))}`, Object.fromEntries(pathParams(route).map((p) => [p, bad]))]),
        ];
        for (const [what, params] of probes) {
          const answer = await call(caller, route, params);
          figures.objectProbes++;
          if (![400, 401, 403, 404].includes(answer.status) || !isProblem(answer)) violations.push(name(caller, route, answer, ` (${what})`));
        }
        const fixtures = fixturesOf(route.path).filter((f) => !WRITES.has(route.method) || f.writes);
        if (caller === CALLERS[0] && fixtures.length > 0) figures.fixtureRoutes++;
        for (const fixture of fixtures) {
          const answer = await call(caller, route, fixture.params(world));
          figures.objectProbes++;
          figures.fixtureProbes++;
          const visible = fixture.visibleTo.includes(caller);
          const ok = visible ? answer.status >= 200 && answer.status < 300 : [401, 403, 404].includes(answer.status);
          if (!ok) violations.push(name(caller, route, answer, ` (fixture ${JSON.stringify(fixture.params(world))}, ${visible ? 'may see' : 'may not see'})`));
        }
      }
    }
    expect(violations.slice(before)).toEqual([]);
  });

  it('refuses fields no client may set on every write route (400) and changes nothing', async () => {
    const before = violations.length;
    const callerFor = (route: RouteEntry): Caller => {
      const rule = route.rule!;
      if (rule.kind === 'public') return 'anonymous';
      if (rule.kind === 'authenticated') return 'traineeA';
      const byRole: Record<string, Caller> = { admin: 'admin', instructor: 'instructorOwn', trainee: 'traineeA', reviewer: 'reviewer', employer: 'employer' };
      return byRole[rule.roles.includes('admin') ? 'admin' : rule.roles[0]];
    };
    const writeRoutes = routes.filter((r) => WRITES.has(r.method));
    const fingerprint = await databaseFingerprint(t.dataSource);
    const controls: Array<() => Promise<void>> = [];
    for (const route of writeRoutes) {
      const caller = callerFor(route);
      const fixture = fixturesOf(route.path).find((f) => f.writes);
      const params = fixture ? fixture.params(world) : randomParams(route);
      const schema = requestBodySchema(doc, operation(doc, route.method, openApiPath(route)));
      const base = (schema ? exampleFor(doc, schema) : {}) as Record<string, unknown>;
      const declared = Object.keys(schema?.properties ?? {});
      figures.massRoutes++;
      for (const [field, value] of Object.entries(MASS_ASSIGNMENT_FIELDS).filter(([f]) => !declared.includes(f))) {
        const answer = await call(caller, route, params, { ...base, [field]: value });
        figures.massProbes++;
        const named = answer.text.includes(field) || answer.body?.detail === 'This route takes no request body.';
        if (answer.status !== 400 || !isProblem(answer) || !named) violations.push(name(caller, route, answer, ` (+${field})`));
      }
      if (schema) {
        controls.push(async () => {
          figures.baseBodies++;
          const answer = await call(caller, route, params, base);
          if (answer.status !== 400) figures.baseBodiesAccepted++;
        });
      }
    }
    expect(await databaseFingerprint(t.dataSource)).toEqual(fingerprint);
    // Controls last (they may change things): how many probes carried an otherwise valid body.
    for (const control of controls) await control();
    expect(violations.slice(before)).toEqual([]);
  });
});
