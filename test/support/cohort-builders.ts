import { HttpClient } from '@gds/testing';
import type { DataSource } from 'typeorm';
import { CourseVersionOutline } from '../../src/course/published-course-versions.contract';
import { FakePublishedCourseVersions, OutlineShape, outlineOf } from './fakes/published-course-versions.fake';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface CohortOptions {
  capacity?: number;
  unlockMode?: 'schedule' | 'prerequisites';
  /** Offsets by module index. */
  offsets?: Record<number, number>;
  instructorIds?: string[];
  questions?: Array<{ prompt: string; required?: boolean }>;
  startsInDays?: number;
  shape?: OutlineShape;
  outlines?: CourseVersionOutline[];
  status?: 'planned' | 'accepting_applications' | 'running';
}

export interface BuiltCohort {
  id: string;
  outline: CourseVersionOutline;
  body: Record<string, any>;
}

/** Body of a valid cohort over the given outlines: applications open now, start `startsInDays` from now. */
export function cohortBody(outlines: CourseVersionOutline[], options: CohortOptions = {}) {
  const now = Date.now();
  const startsAt = now + (options.startsInDays ?? -1) * DAY;
  return {
    name: `Cohort ${Math.random().toString(36).slice(2, 8)}`,
    courseVersionIds: outlines.map((o) => o.versionId),
    capacity: options.capacity ?? 50,
    applicationsOpenAt: new Date(now - HOUR).toISOString(),
    applicationsCloseAt: new Date(now + 7 * DAY).toISOString(),
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 90 * DAY).toISOString(),
    unlockMode: options.unlockMode ?? 'schedule',
    schedule: Object.entries(options.offsets ?? {}).map(([index, offsetDays]) => ({ moduleId: outlines[0].modules[Number(index)].moduleId, offsetDays })),
    instructorIds: options.instructorIds ?? [],
    ...(options.questions ? { questions: options.questions } : {}),
  };
}

/** A cohort over a fresh published version (registered in the fake), moved to the wanted status. */
export async function createCohort(api: HttpClient, adminToken: string, fake: FakePublishedCourseVersions, options: CohortOptions = {}): Promise<BuiltCohort> {
  const outlines = options.outlines ?? [fake.add(outlineOf(options.shape ?? { modules: [{ lessons: 2 }, { lessons: 2 }] }))];
  const body = cohortBody(outlines, options);
  const created = await api.post('/api/v1/cohorts', body, adminToken);
  if (created.status !== 201) throw new Error(`creating a cohort failed: ${created.status} ${created.text}`);
  const path = ({ planned: [], accepting_applications: ['accepting_applications'], running: ['running'] } as const)[options.status ?? 'accepting_applications'];
  for (const status of path) {
    const moved = await api.post(`/api/v1/cohorts/${created.body.id}/status`, { status }, adminToken);
    if (moved.status !== 200) throw new Error(`moving the cohort to ${status} failed: ${moved.status} ${moved.text}`);
  }
  return { id: created.body.id, outline: outlines[0], body };
}

export async function apply(api: HttpClient, cohortId: string, traineeToken: string, body: Record<string, unknown> = { statement: 'I want to learn.' }) {
  const answer = await api.post(`/api/v1/cohorts/${cohortId}/applications`, body, traineeToken);
  if (answer.status !== 201) throw new Error(`applying failed: ${answer.status} ${answer.text}`);
  return answer.body as { id: string; status: string };
}

export interface OutboxRow {
  job_name: string;
  job_id: string | null;
  payload: any;
}

/** Outbox rows of a job (optionally of a notification type), oldest first. */
export async function outboxRows(dataSource: DataSource, jobName: string, type?: string): Promise<OutboxRow[]> {
  return dataSource.query(
    `SELECT job_name, job_id, payload FROM outbox_message WHERE job_name = $1 AND ($2::text IS NULL OR payload->>'type' = $2) ORDER BY created_at, id`,
    [jobName, type ?? null],
  );
}

/** Publishes an event as another module would: an outbox row the relay moves to the worker. */
export async function publishEvent(dataSource: DataSource, jobName: string, queue: string, payload: object, jobId?: string): Promise<void> {
  await dataSource.query('INSERT INTO outbox_message (job_name, queue, payload, job_id) VALUES ($1, $2, $3, $4)', [jobName, queue, JSON.stringify(payload), jobId ?? null]);
}
