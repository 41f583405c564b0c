import { createUser, TestPerson } from './support/people';
import { TestApp } from './support/test-app';
import { AssessmentFakes, authorAssessment, instructorWithModule, publishAndEnroll, startAssessmentApp, waitForSubmission } from './support/assessment-builders';

const DESIGN_KEY = {
  criteria: [{ id: 'layout', title: 'Layout', levels: [{ label: 'weak', points: 0 }, { label: 'great', points: 10 }] }],
  design: { requiredSelectors: [{ selector: 'nav a', message: 'Put the site links in a <nav>.' }, { selector: 'form label', message: 'Label every form field.' }] },
};
const PAGE = '<html><body><nav></nav><form><label>Email <input type="email"></label></form><img src="https://tracker.invalid/p.png"><script>fetch("https://evil.invalid")</script></body></html>';

const SCHEMA_KEY = {
  rules: [
    {
      id: 'bucket', check: 'schema', points: 3, message: 'The bucket policy must follow the standard.',
      schema: { type: 'object', required: ['encryption', 'publicAccess'], properties: { encryption: { enum: ['aws:kms-hidden-value'] }, publicAccess: { const: false } } },
      messages: { '/publicAccess': 'Block public access.' },
    },
    { id: 'tags', check: 'required', path: '$.tags.owner', points: 1, message: 'Tag the bucket with its owner.' },
  ],
};

describe('assessments: machine feedback (UI/UX design checks, config JSON Schema rules)', () => {
  let t: TestApp;
  let fakes: AssessmentFakes;
  let admin: TestPerson;

  beforeAll(async () => {
    ({ t, fakes, admin } = await startAssessmentApp());
  });
  afterAll(() => t.close());

  it('checks submitted HTML/CSS before review: each finding a feedback line both trainee and instructor see', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const badSelector = { kind: 'rubric', title: 'Page', maxScore: 10, passMark: 5, key: { ...DESIGN_KEY, design: { requiredSelectors: [{ selector: 'a[', message: 'x' }] } } };
    const refused = await t.api.post(`/api/v1/modules/${module.moduleId}/assessments`, badSelector, instructor.token);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('key.design.requiredSelectors[0].selector');

    const id = await authorAssessment(t.api, instructor, module.moduleId, { kind: 'rubric', title: 'Sign-up page', maxScore: 10, passMark: 5, key: DESIGN_KEY });
    const { trainee, cohortId } = await publishAndEnroll(t, fakes, admin, module);
    const cohortInstructor = await createUser(t.api, admin.token, ['instructor']);
    fakes.enrollments.addInstructor(cohortId, cohortInstructor.id);

    const shown = await t.api.get(`/api/v1/assessments/${id}`, trainee.token);
    expect(shown.body.content.design.requirements).toEqual(['Put the site links in a <nav>.', 'Label every form field.']);
    expect(JSON.stringify(shown.body)).not.toContain('nav a');

    expect((await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: { html: 7 } }, trainee.token)).status).toBe(400);
    const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: { text: 'Sign-up page', html: PAGE, css: 'nav { display: flex; }' } }, trainee.token);
    expect(submitted.status).toBe(202);
    const waiting = await waitForSubmission(t.api, trainee.token, submitted.body.id, ['needs_review']);
    expect(waiting.feedback.lines).toContain('Put the site links in a <nav>.');
    expect(waiting.feedback.lines).not.toContain('Label every form field.');
    expect(waiting.feedback.lines.some((l: string) => l.startsWith('Accessibility:') && l.includes('image-alt'))).toBe(true);
    expect(waiting.feedback.machine.findings.length).toBe(waiting.feedback.lines.length);

    const queue = await t.api.get(`/api/v1/cohorts/${cohortId}/review-queue`, cohortInstructor.token);
    expect(queue.body.items[0]).toMatchObject({ id: submitted.body.id, status: 'needs_review', feedback: { lines: waiting.feedback.lines } });

    const graded = await t.api.post(`/api/v1/submissions/${submitted.body.id}/review`, { criteria: [{ criterionId: 'layout', points: 10 }] }, cohortInstructor.token);
    expect(graded.body).toMatchObject({ status: 'graded', score: 10, feedback: { lines: waiting.feedback.lines } });
  });

  it('grades a config against a JSON Schema rule through the worker, one line per schema error, and refuses an invalid schema', async () => {
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const invalid = { ...SCHEMA_KEY, rules: [{ ...SCHEMA_KEY.rules[0], schema: { type: 'object', properties: { a: { type: 'no-such-type' } } } }] };
    const refused = await t.api.post(`/api/v1/modules/${module.moduleId}/assessments`, { kind: 'config', title: 'Bucket', maxScore: 4, passMark: 2, key: invalid }, instructor.token);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('schema');

    const id = await authorAssessment(t.api, instructor, module.moduleId, { kind: 'config', title: 'Bucket', maxScore: 4, passMark: 2, key: SCHEMA_KEY });
    const { trainee } = await publishAndEnroll(t, fakes, admin, module);
    const shown = JSON.stringify((await t.api.get(`/api/v1/assessments/${id}`, trainee.token)).body);
    expect(shown).not.toContain('aws:kms-hidden-value');

    const submitted = await t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: { document: 'encryption: none\npublicAccess: true\ntags:\n  owner: data-team\n' } }, trainee.token);
    const graded = await waitForSubmission(t.api, trainee.token, submitted.body.id);
    expect(graded.feedback.lines).toHaveLength(2);
    expect(graded.feedback.lines).toContain('Block public access.');
    expect(graded.feedback.lines.some((l: string) => l.startsWith('/encryption '))).toBe(true);
    expect(graded.score).toBe(1);
    expect(JSON.stringify(graded)).not.toContain('aws:kms-hidden-value');
  });
});
