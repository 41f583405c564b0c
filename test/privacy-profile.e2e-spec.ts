import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { ControlledCategoriesAndConsent1795520000000 } from '../migrations/1795520000000-ControlledCategoriesAndConsent';
import { UserErasure1795520000001 } from '../migrations/1795520000001-UserErasure';

describe('controlled categories and consent: organisations, districts, demographic consent', () => {
  let t: TestApp;
  let admin: TestPerson;
  let trainee: TestPerson;
  const profile = async (who: TestPerson) => (await t.api.get('/api/v1/me', who.token)).body;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.api);
    trainee = await createUser(t.api, admin.token, ['trainee']);
  });
  afterAll(() => t.close());

  it('lets admins keep the organisations list (create, rename, retire) and everyone signed in read it', async () => {
    const created = await t.api.post('/api/v1/organisations', { name: 'Jaguar Contact Solutions' }, admin.token);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Jaguar Contact Solutions', retiredAt: null, createdAt: expect.any(String) });
    expect((await t.api.post('/api/v1/organisations', { name: 'jaguar contact solutions' }, admin.token)).status).toBe(409);
    for (const bad of [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(121) }, { name: 'ok', extra: 1 }]) expect((await t.api.post('/api/v1/organisations', bad, admin.token)).status).toBe(400);
    expect((await t.api.post('/api/v1/organisations', { name: 'Mine' }, trainee.token)).status).toBe(403);
    const other = (await t.api.post('/api/v1/organisations', { name: 'Old Reef BPO' }, admin.token)).body;
    const renamed = await t.api.patch(`/api/v1/organisations/${other.id}`, { name: 'Reef BPO' }, admin.token);
    expect(renamed.body.name).toBe('Reef BPO');
    expect((await t.api.patch(`/api/v1/organisations/${other.id}`, { name: 'Reef BPO 2' }, trainee.token)).status).toBe(403);
    expect((await t.api.post(`/api/v1/organisations/${other.id}/retire`, undefined, admin.token)).body.retiredAt).toEqual(expect.any(String));
    expect((await t.api.post('/api/v1/organisations/00000000-0000-4000-8000-000000000000/retire', undefined, admin.token)).status).toBe(404);
    const listed = await t.api.get('/api/v1/organisations', trainee.token);
    expect(listed.body.items.map((o: { name: string }) => o.name)).toEqual(['Jaguar Contact Solutions']);
    const all = await t.api.get('/api/v1/organisations?includeRetired=true', admin.token);
    expect(all.body.items.map((o: { name: string }) => o.name)).toEqual(['Jaguar Contact Solutions', 'Reef BPO']);
    // A trainee asking for retired ones gets the current list only.
    expect((await t.api.get('/api/v1/organisations?includeRetired=true', trainee.token)).body.items).toHaveLength(1);
  });

  it('offers the lists a profile chooses from: the configured districts and the organisations not retired', async () => {
    const chooser = await createUser(t.api, admin.token, ['trainee']);
    const options = await t.api.get('/api/v1/me/profile-options', chooser.token);
    expect(options.status).toBe(200);
    expect(options.body).toEqual({
      districts: ['Belize', 'Cayo', 'Corozal', 'Orange Walk', 'Stann Creek', 'Toledo'],
      employers: [{ id: expect.any(String), name: 'Jaguar Contact Solutions' }],
      other: 'other',
    });
    // What it offers is what a profile accepts.
    const chosen = { district: options.body.districts[3], employer: options.body.employers[0].id, consentVersion: 1 };
    expect((await t.api.patch('/api/v1/me', chosen, chooser.token)).body).toMatchObject({ district: 'Orange Walk', employer: chosen.employer });
    expect((await t.api.get('/api/v1/me/profile-options')).status).toBe(401);
  });

  it('accepts only listed districts and organisations, with a 400 naming the allowed ones, storing nothing', async () => {
    const before = await profile(trainee);
    const district = await t.api.patch('/api/v1/me', { district: 'Gotham', consentVersion: 1 }, trainee.token);
    expect(district.status).toBe(400);
    expect(district.body.type).toMatch(/category-not-listed$/);
    expect(district.body.errors).toEqual([{ field: 'district', message: 'must be one of: Belize, Cayo, Corozal, Orange Walk, Stann Creek, Toledo, other' }]);
    const retired = (await t.api.get('/api/v1/organisations?includeRetired=true', admin.token)).body.items.find((o: { retiredAt: string | null }) => o.retiredAt);
    for (const employer of ['Acme BPO', retired.id]) {
      const answer = await t.api.patch('/api/v1/me', { employer, consentVersion: 1 }, trainee.token);
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].message).toContain('Jaguar Contact Solutions');
    }
    expect(await profile(trainee)).toEqual(before);
    expect((await t.api.get('/api/v1/me/demographic-consent', trainee.token)).body.consent).toBeNull();
    const jaguar = (await t.api.get('/api/v1/organisations', trainee.token)).body.items[0];
    const ok = await t.api.patch('/api/v1/me', { district: 'Toledo', employer: jaguar.id, consentVersion: 1 }, trainee.token);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ district: 'Toledo', employer: jaguar.id });
    expect((await t.api.post('/api/v1/users', { email: 'free@example.test', displayName: 'Free', roles: ['trainee'], district: 'Quezon City', consentVersion: 1 }, admin.token)).status).toBe(400);
  });

  it('holds demographic fields only with consent to a known purpose text, and deletes them on withdrawal', async () => {
    const person = await createUser(t.api, admin.token, ['trainee']);
    const purpose = await t.api.get('/api/v1/me/demographic-consent', person.token);
    expect(purpose.body).toEqual({ purpose: { version: 1, text: expect.stringContaining('aggregate') }, consent: null });
    const without = await t.api.patch('/api/v1/me', { gender: 'female' }, person.token);
    expect(without.status).toBe(400);
    expect(without.body.type).toMatch(/consent-required$/);
    const unknown = await t.api.patch('/api/v1/me', { gender: 'female', consentVersion: 99 }, person.token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.type).toMatch(/unknown-consent-version$/);
    expect((await t.api.put('/api/v1/me/demographic-consent', { version: 7 }, person.token)).status).toBe(400);
    expect((await profile(person)).gender).toBeNull();
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM demographic_consent WHERE user_id = $1', [person.id]))[0].n).toBe(0);
    // Display names need no consent.
    expect((await t.api.patch('/api/v1/me', { displayName: 'Renamed' }, person.token)).status).toBe(200);
    const given = await t.api.put('/api/v1/me/demographic-consent', { version: 1 }, person.token);
    expect(given.body.consent).toEqual({ version: 1, givenAt: expect.any(String) });
    expect((await t.api.patch('/api/v1/me', { gender: 'female', birthYear: 1998, district: 'Cayo' }, person.token)).body).toMatchObject({ gender: 'female', birthYear: 1998, district: 'Cayo' });
    const withdrawn = await t.api.delete('/api/v1/me/demographic-consent', person.token);
    expect(withdrawn.body.consent).toBeNull();
    expect(await profile(person)).toMatchObject({ gender: null, birthYear: null, district: null, employer: null });
    const history = await t.dataSource.query('SELECT version, withdrawn_at IS NOT NULL AS withdrawn FROM demographic_consent WHERE user_id = $1', [person.id]);
    expect(history).toEqual([{ version: 1, withdrawn: true }]);
  });

  it('migrates free-text districts and employers to the closest listed value or "other", keeping the text in the profile history', async () => {
    const runner = t.dataSource.createQueryRunner();
    try {
      await new UserErasure1795520000001().down(runner);
      await new ControlledCategoriesAndConsent1795520000000().down(runner);
      const ids = await runner.query(
        `INSERT INTO app_user (email, display_name, roles, district, employer) VALUES
           ('m1@example.test', 'M1', ARRAY['trainee'], 'cayo district', 'Acme BPO'),
           ('m2@example.test', 'M2', ARRAY['trainee'], ' Orange  walk', NULL),
           ('m3@example.test', 'M3', ARRAY['trainee'], 'Quezon City', 'Teleperf') RETURNING id`,
      );
      await new ControlledCategoriesAndConsent1795520000000().up(runner);
      await new UserErasure1795520000001().up(runner);
      const rows = await runner.query('SELECT email, district, employer FROM app_user WHERE id = ANY($1::uuid[]) ORDER BY email', [ids.map((r: { id: string }) => r.id)]);
      expect(rows).toEqual([
        { email: 'm1@example.test', district: 'Cayo', employer: 'other' },
        { email: 'm2@example.test', district: 'Orange Walk', employer: null },
        { email: 'm3@example.test', district: 'other', employer: 'other' },
      ]);
      const history = await runner.query('SELECT field, value FROM profile_field_history WHERE user_id = ANY($1::uuid[]) ORDER BY field, value', [ids.map((r: { id: string }) => r.id)]);
      expect(history).toEqual([
        { field: 'district', value: ' Orange  walk' },
        { field: 'district', value: 'Quezon City' },
        { field: 'district', value: 'cayo district' },
        { field: 'employer', value: 'Acme BPO' },
        { field: 'employer', value: 'Teleperf' },
      ]);
    } finally {
      await runner.release();
    }
  });
});
