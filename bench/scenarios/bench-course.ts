/** A small course (one module, one lesson) built and published over the API, for scenarios that need a published version. */
async function post(baseUrl: string, token: string, path: string, body: unknown): Promise<any> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export interface BenchCourse {
  courseId: string;
  versionId: string;
  moduleId: string;
  lessonIds: string[];
  /** Present when `quiz` was asked for. */
  assessmentId?: string;
}

export async function publishBenchCourse(baseUrl: string, token: string, options: { lessons?: number; quiz?: Record<string, unknown> } = {}): Promise<BenchCourse> {
  const suffix = Math.random().toString(36).slice(2, 10);
  const course = await post(baseUrl, token, '/api/v1/courses', {
    code: `bench-${suffix}`,
    title: 'Bench: security operations',
    summary: 'A small course for benchmarks.',
    trackCode: 'cybersecurity',
    level: 'beginner',
    estimatedHours: 10,
  });
  const module = await post(baseUrl, token, `/api/v1/courses/${course.id}/modules`, { title: 'Module 1' });
  const lessonIds: string[] = [];
  for (let l = 1; l <= (options.lessons ?? 1); l++) {
    lessonIds.push((await post(baseUrl, token, `/api/v1/modules/${module.id}/lessons`, { title: `Lesson ${l}`, kind: 'article', body: `## Lesson ${l}\n\nBody.` })).id);
  }
  const assessment = options.quiz ? await post(baseUrl, token, `/api/v1/modules/${module.id}/assessments`, options.quiz) : undefined;
  const version = await post(baseUrl, token, `/api/v1/courses/${course.id}/publish`, { changeNote: 'bench' });
  return { courseId: course.id, versionId: version.versionId ?? version.id, moduleId: module.id, lessonIds, assessmentId: assessment?.id };
}
