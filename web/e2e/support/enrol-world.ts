import { randomBytes } from 'node:crypto';
import type { ApiHelper, Person } from './api-helper.ts';

const DAY = 24 * 3600 * 1000;

export interface EnrolWorld {
  cohortId: string;
  cohortName: string;
  /** The course with a prerequisite none of the trainees has completed. */
  gated: { title: string; label: string };
  /** The course with no prerequisite. */
  open: { title: string; label: string };
  prerequisite: { code: string; title: string };
  trainees: [Person, Person, Person];
}

/** A course published over the API (one module, one lesson), with prerequisites set before publishing. */
async function publishCourse(api: ApiHelper, token: string, course: { code: string; title: string; trackCode: string }, prerequisiteIds: string[] = []) {
  const made = await api.call('POST', '/api/v1/courses', token, { ...course, summary: 'A short course.', level: 'beginner', estimatedHours: 5 });
  const module = await api.call('POST', `/api/v1/courses/${made.id}/modules`, token, { title: 'The only module' });
  await api.call('POST', `/api/v1/modules/${module.id}/lessons`, token, { kind: 'article', title: 'The only lesson', body: 'Read this.' });
  if (prerequisiteIds.length) await api.call('PUT', `/api/v1/courses/${made.id}/prerequisites`, token, { courseIds: prerequisiteIds });
  const version = await api.call('POST', `/api/v1/courses/${made.id}/publish`, token, {});
  return { id: made.id as string, versionId: (version.versionId ?? version.id) as string };
}

/**
 * A planned cohort of two seats running two courses (two tracks): one whose prerequisite course
 * nobody has completed, one without prerequisites; and three registered trainees, none enrolled.
 */
export async function buildEnrolWorld(api: ApiHelper): Promise<EnrolWorld> {
  const admin = await api.asAdmin();
  const tag = randomBytes(3).toString('hex');
  const prerequisite = { code: `net-${tag}`, title: `Networking Basics ${tag}` };
  const basics = await publishCourse(api, admin, { ...prerequisite, trackCode: 'cybersecurity' });
  const gatedTitle = `Network Defence ${tag}`;
  const gated = await publishCourse(api, admin, { code: `def-${tag}`, title: gatedTitle, trackCode: 'cybersecurity' }, [basics.id]);
  const openTitle = `Spreadsheets ${tag}`;
  const open = await publishCourse(api, admin, { code: `xls-${tag}`, title: openTitle, trackCode: 'data-analysis' });
  const now = Date.now();
  const cohortName = `Enrol Cohort ${tag}`;
  const cohort = await api.call('POST', '/api/v1/cohorts', admin, {
    name: cohortName, courseVersionIds: [gated.versionId, open.versionId], capacity: 2,
    applicationsOpenAt: new Date(now + DAY).toISOString(), applicationsCloseAt: new Date(now + 14 * DAY).toISOString(),
    startsAt: new Date(now + 15 * DAY).toISOString(), endsAt: new Date(now + 90 * DAY).toISOString(),
    unlockMode: 'prerequisites', schedule: [], instructorIds: [], questions: [],
  });
  const trainees = [await api.registerTrainee('Bea Direct'), await api.registerTrainee('Carlos Waived'), await api.registerTrainee('Dana Late')] as [Person, Person, Person];
  return {
    cohortId: cohort.id, cohortName,
    gated: { title: gatedTitle, label: `${gatedTitle} (cybersecurity, version 1)` },
    open: { title: openTitle, label: `${openTitle} (data-analysis, version 1)` },
    prerequisite: { code: prerequisite.code, title: prerequisite.title },
    trainees,
  };
}
