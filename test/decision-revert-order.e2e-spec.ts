import { randomUUID } from 'node:crypto';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions, outlineOf } from './support/fakes/published-course-versions.fake';
import { apply, createCohort } from './support/cohort-builders';

const SHAPE = { modules: [{ lessons: 1 }] };

/** A decision's revert undoes the last decision of the trail in the trail's own order, (created_at, id). */
describe('cohort: reverting the last of decisions written at the same instant', () => {
  let t: TestApp;
  let admin: TestPerson;
  const fake = new FakePublishedCourseVersions();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
  });
  afterAll(() => t.close());

  it('reverts the later by id of two decisions written at the same instant, as the trail’s pages order them', async () => {
    const outline = fake.add(outlineOf(SHAPE));
    const cohort = await createCohort(t.api, admin.token, fake, { outlines: [outline], questions: [{ prompt: 'Why?' }], startsInDays: 30 });
    const p = await createUser(t.api, admin.token, ['trainee']);
    const a = await apply(t.api, cohort.id, p.token, { statement: 'Hi', answers: [{ questionId: 'q1', answer: 'x' }], courseVersionId: outline.versionId });
    // submitted → shortlisted → rejected within one instant; the row of the later id written first, so the
    // table's own order (insertion) differs from the trail's (created_at, id). Today's plan reads the keyset
    // index, in id order either way; src/cohort/application-audit.spec.ts covers a plan that does not.
    const [earlier, later] = [randomUUID(), randomUUID()].sort();
    await t.dataSource.query(
      `INSERT INTO application_decision (id, application_id, actor_id, action, from_status, to_status, reason, created_at)
       VALUES ($1, $3, $4, 'reject', 'shortlisted', 'rejected', 'no', now() + interval '1 second'),
              ($2, $3, $4, 'shortlist', 'submitted', 'shortlisted', 'ok', now() + interval '1 second')`,
      [later, earlier, a.id, admin.id],
    );
    await t.dataSource.query(`UPDATE application SET status = 'rejected' WHERE id = $1`, [a.id]);
    const pages = (await t.api.get(`/api/v1/applications/${a.id}/decisions`, admin.token)).body.items.map((d: { id: string }) => d.id);
    expect(pages.slice(-2)).toEqual([earlier, later]);

    const undone = await t.api.post(`/api/v1/applications/${a.id}/revert`, { reason: 'Rejected by mistake.' }, admin.token);
    expect([undone.status, undone.body.status]).toEqual([200, 'shortlisted']);
  });
});
