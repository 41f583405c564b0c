import { ClsService } from 'nestjs-cls';
import { startTestApp, TestApp } from './support/test-app';
import { login } from './support/people';
import { DemoContext } from '../src/cli/demo/demo-step';
import { DEMO_STEPS } from '../src/cli/demo/demo-steps';

describe('seed:demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ role: 'api' });
  });
  afterAll(() => t.close());

  async function seed(): Promise<DemoContext> {
    const ctx: DemoContext = { app: t.app, config: t.config, people: new Map(), logins: [], log: () => undefined };
    for (const step of DEMO_STEPS) await t.get<ClsService>(ClsService).run(() => step.run(ctx));
    return ctx;
  }

  it('makes the admin, two instructors, a reviewer and twelve trainees with profile fields, whose logins work', async () => {
    const ctx = await seed();
    const count = async (role: string) => (await t.dataSource.query('SELECT count(*)::int AS n FROM app_user WHERE $1 = ANY(roles)', [role]))[0].n;
    expect([await count('admin'), await count('instructor'), await count('reviewer'), await count('trainee')]).toEqual([1, 2, 1, 12]);
    const profiles = await t.dataSource.query("SELECT count(*)::int AS n FROM app_user WHERE 'trainee' = ANY(roles) AND gender IS NOT NULL AND birth_year IS NOT NULL AND district IS NOT NULL AND employer IS NOT NULL");
    expect(profiles[0].n).toBe(12);
    for (const person of ctx.logins.filter((_, i) => i % 5 === 0)) await login(t.api, person.email, person.password);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await t.dataSource.query('SELECT id, updated_at FROM app_user ORDER BY id');
    const ctx = await seed();
    expect(await t.dataSource.query('SELECT id, updated_at FROM app_user ORDER BY id')).toEqual(before);
    expect(ctx.people.get('trainee-1')?.id).toBeDefined();
  });
});
