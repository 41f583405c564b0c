import { startTestApp, TestApp } from './support/test-app';
import { routeTable } from './support/route-table';

describe('authorization by declaration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
  });
  afterAll(() => t.close());

  it('finds the routes of every controller', () => {
    const routes = routeTable(t.app);
    expect(routes.length).toBeGreaterThan(10);
    expect(routes).toEqual(expect.arrayContaining([expect.objectContaining({ method: 'POST', path: '/auth/login' })]));
  });

  it('every route states who may call it', () => {
    const undeclared = routeTable(t.app).filter((route) => !route.rule).map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('public routes are only the ones meant to be public', () => {
    const publicRoutes = routeTable(t.app)
      .filter((route) => route.rule?.kind === 'public')
      .map((r) => `${r.method} ${r.path}`);
    // A new public route must be added here on purpose.
    const allowed = [/^POST \/auth\//, /^GET \/health/, /^GET \/metrics$/, /^GET \/tracks/, /^GET \/verify\//, /^POST \/verify\/credentials$/, /^GET \/\.well-known\//, /^GET \/certificates\/.*\/credential$/, /^GET \/revocation-lists?\//, /^GET \/credentials\//, /^GET \/dashboards\/cohorts\/:id$/,
      // Documents signed into credentials (issuer, achievements, skills) and the holder's baked badge (?code=).
      /^GET \/issuers\/gds-academy$/, /^GET \/achievements\/:id(\/image)?$/, /^GET \/skills\/:code$/, /^GET \/certificates\/:id\/image$/,
      // A submitted page for a sandboxed frame: the signed ?access= link is checked by the handler.
      /^GET \/submissions\/:id\/preview$/];
    expect(publicRoutes.filter((route) => !allowed.some((pattern) => pattern.test(route)))).toEqual([]);
  });
});
