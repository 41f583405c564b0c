import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '@gds/testing';
import { TestPerson } from './support/people';
import { TestApp } from './support/test-app';
import { AssessmentFakes, authorAssessment, instructorWithModule, publishAndEnroll, startAssessmentApp, waitForSubmission } from './support/assessment-builders';
import { handleFor } from '../src/assessment/sandbox/sandbox-names';
import { SandboxDatasets } from '../src/assessment/sandbox-datasets.service';

/**
 * Issue 20, 6: one schema and one reader role per dataset however its key is written, and datasets
 * no assessment uses dropped with their roles: a deleted draft's and an edited draft's old dataset
 * go; a dataset frozen into a published version stays (and keeps grading) however its draft changes.
 * A sandbox database of this file's own.
 */
const SANDBOX = `gds_sandbox_test_${randomBytes(5).toString('hex')}`;
const run = randomBytes(4).toString('hex');
const keyWith = (label: string) => ({
  referenceQuery: 'SELECT v FROM t',
  dataset: { tables: [{ rows: [[`${label}-${run}`]], columns: [{ type: 'text', name: 'v' }], name: 't' }] },
});

describe('sandbox datasets: provisioned once, dropped when unused', () => {
  let t: TestApp;
  let fakes: AssessmentFakes;
  let admin: TestPerson;

  beforeAll(async () => {
    ({ t, fakes, admin } = await startAssessmentApp({ env: { SANDBOX_DATABASE_URL: databaseUrl(SANDBOX) } }));
  });
  afterAll(async () => {
    await t?.close();
    const client = new Client({ connectionString: databaseUrl('postgres') });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${SANDBOX}" WITH (FORCE)`);
    for (const label of ['deleted', 'edited', 'frozen', 'current']) await client.query(`DROP ROLE IF EXISTS "${handleFor(keyWith(label).dataset).readerRole}"`);
    await client.end();
  });

  async function sandbox<T>(query: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: databaseUrl(SANDBOX) });
    await client.connect();
    try {
      return (await client.query(query, params)).rows;
    } finally {
      await client.end();
    }
  }
  const present = async (label: string) => {
    const handle = handleFor(keyWith(label).dataset);
    const [row] = await sandbox<{ schema: boolean; role: boolean }>('SELECT to_regnamespace($1) IS NOT NULL AS schema, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $2) AS role', [handle.schema, handle.readerRole]);
    return row;
  };

  it('drops what no draft or published key uses, keeps the rest, and what was frozen still grades', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    // A module that is published, and one that never is (its drafts' datasets are used only while they exist).
    const unpublished = fakes.drafts.addModule([instructor.id], { courseId: module.courseId });
    const add = (moduleId: string, title: string, key: unknown) => authorAssessment(t.api, instructor, moduleId, { kind: 'sql', title, maxScore: 10, passMark: 5, key });
    const deleted = await add(unpublished.moduleId, 'Deleted', keyWith('deleted'));
    const edited = await add(unpublished.moduleId, 'Edited', keyWith('edited'));
    const published = await add(module.moduleId, 'Published', keyWith('frozen'));
    const { trainee } = await publishAndEnroll(t, fakes, admin, module);
    // After publishing: one unpublished draft deleted, one edited, the published one's draft moved on to another dataset.
    expect((await t.api.delete(`/api/v1/assessments/${deleted}`, instructor.token)).status).toBe(204);
    expect((await t.api.patch(`/api/v1/assessments/${published}`, { key: keyWith('current') }, instructor.token)).status).toBe(200);
    expect((await t.api.patch(`/api/v1/assessments/${edited}`, { key: keyWith('current') }, instructor.token)).status).toBe(200);
    // The key as written (keys in any order) and as read back from jsonb name one schema each.
    const schemas = await sandbox<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'ds\\_%' ORDER BY 1");
    expect(schemas.map((s) => s.nspname)).toEqual(['deleted', 'edited', 'frozen', 'current'].map((l) => handleFor(keyWith(l).dataset).schema).sort());

    // Within the grace period nothing is dropped; past it, what nothing uses is.
    const datasets = t.get<SandboxDatasets>(SandboxDatasets);
    expect(await datasets.sweep(undefined, 7)).toEqual({ dropped: 0 });
    await t.dataSource.query(`UPDATE sandbox_dataset SET last_used_at = now() - interval '8 days'`);
    expect(await datasets.sweep(undefined, 7)).toEqual({ dropped: 2 });
    expect(await present('deleted')).toEqual({ schema: false, role: false });
    expect(await present('edited')).toEqual({ schema: false, role: false });
    expect(await present('frozen')).toEqual({ schema: true, role: true });
    expect(await present('current')).toEqual({ schema: true, role: true });

    // Trainees answer the frozen key; it grades (and marks its dataset used).
    const submitted = await t.api.post(`/api/v1/assessments/${published}/submissions`, { answer: { query: `SELECT 'frozen-${run}'` } }, trainee.token);
    expect((await waitForSubmission(t.api, trainee.token, submitted.body.id)).score).toBe(10);
  });
});
