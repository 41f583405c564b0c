import { randomBytes } from 'node:crypto';
import { HttpClient } from '@gds/testing';

export const uniqueCode = (prefix = 'course') => `${prefix}-${randomBytes(4).toString('hex')}`;

export function courseInput(overrides: Record<string, unknown> = {}) {
  return {
    code: uniqueCode(),
    title: 'Security Operations Foundations',
    summary: 'Monitor, triage and respond to security alerts in a SOC.',
    trackCode: 'cybersecurity',
    level: 'beginner',
    estimatedHours: 40,
    ...overrides,
  };
}

async function expectCreated(answer: Promise<{ status: number; body: any; text: string }>, what: string) {
  const result = await answer;
  if (result.status !== 201) throw new Error(`${what} failed: ${result.status} ${result.text}`);
  return result.body;
}

export const createCourse = (api: HttpClient, token: string, overrides: Record<string, unknown> = {}) =>
  expectCreated(api.post('/api/v1/courses', courseInput(overrides), token), 'creating a course');

export const addModule = (api: HttpClient, token: string, courseId: string, body: Record<string, unknown> = {}) =>
  expectCreated(api.post(`/api/v1/courses/${courseId}/modules`, { title: 'Module', ...body }, token), 'adding a module');

export const addLesson = (api: HttpClient, token: string, moduleId: string, body: Record<string, unknown> = {}) =>
  expectCreated(api.post(`/api/v1/modules/${moduleId}/lessons`, { title: 'Lesson', kind: 'article', body: '# Hello', ...body }, token), 'adding a lesson');

export const publish = (api: HttpClient, token: string, courseId: string, changeNote?: string) =>
  expectCreated(api.post(`/api/v1/courses/${courseId}/publish`, changeNote ? { changeNote } : {}, token), 'publishing');

/** A course with `modules` x `lessons`, built over HTTP; answers ids in order. */
export async function buildCourse(api: HttpClient, token: string, modules = 2, lessons = 2, overrides: Record<string, unknown> = {}) {
  const course = await createCourse(api, token, overrides);
  const built: Array<{ id: string; lessonIds: string[] }> = [];
  for (let m = 1; m <= modules; m++) {
    const module = await addModule(api, token, course.id, { title: `Module ${m}` });
    const lessonIds: string[] = [];
    for (let l = 1; l <= lessons; l++) lessonIds.push((await addLesson(api, token, module.id, { title: `Lesson ${m}.${l}`, body: `Body of ${m}.${l}` })).id);
    built.push({ id: module.id, lessonIds });
  }
  return { course, modules: built };
}
