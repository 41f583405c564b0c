import { DEMO_QUIZ_ANSWERS, DEMO_SQL_ANSWER } from './demo-assessments';

/** What a trainee has done so far: lessons of the first N modules, and submissions by kind. */
export interface DemoStage {
  key: string;
  /** Complete every lesson of modules 1..lessonsThroughModule (0: none; 'first' only the first lesson). */
  lessonsThroughModule: number | 'first';
  submissions: Array<{ kind: 'quiz' | 'flag' | 'sql' | 'config' | 'rubric'; answer: DemoAnswer }>;
  /** Recorded as starting on the day of the seeding: a placement starts after the trainee enrolled and never in the future. */
  placement?: { kind: 'new_role' | 'promotion'; role: string; employer: string; source: 'self_reported' | 'employer_confirmed' };
}

/** An answer; `flag` answers are made per trainee (each trainee has their own flags). */
export type DemoAnswer = Record<string, unknown> | { perTraineeFlags: string[] };

const right = (code: string) => ({ answers: DEMO_QUIZ_ANSWERS[code] });
const CYBER = 'soc-analyst-foundations';
const DATA = 'data-analysis-with-sql';
const UX = 'ux-design-essentials';
const CLOUD = 'cloud-operations-foundations';

const GOOD_CONFIG = JSON.stringify({
  policy: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::gds-reports', 'arn:aws:s3:::gds-reports/*'] }],
  },
  securityGroup: {
    ingress: [
      { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '203.0.113.0/24' },
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
    ],
  },
}, null, 2);

/**
 * Trainees at different stages three weeks into the pilot. trainee-2 has finished the data course
 * (every lesson, quiz and SQL exercise passed), so the worker certifies them; trainees 7, 8 and 10
 * have not started yet.
 */
export const DEMO_STAGES: DemoStage[] = [
  {
    key: 'trainee-2',
    lessonsThroughModule: 4,
    submissions: [{ kind: 'quiz', answer: right(DATA) }, { kind: 'sql', answer: { query: DEMO_SQL_ANSWER } }],
    placement: { kind: 'new_role', role: 'Junior data analyst', employer: 'Jaguar Contact Solutions (analytics)', source: 'employer_confirmed' },
  },
  {
    key: 'trainee-1',
    lessonsThroughModule: 2,
    submissions: [{ kind: 'quiz', answer: right(CYBER) }, { kind: 'flag', answer: { perTraineeFlags: ['dns'] } }],
    placement: { kind: 'promotion', role: 'SOC analyst (L1)', employer: 'Barrier Reef Connect', source: 'self_reported' },
  },
  {
    key: 'trainee-3',
    lessonsThroughModule: 3,
    submissions: [
      { kind: 'quiz', answer: right(UX) },
      { kind: 'rubric', answer: { text: 'Prototype of the leave-booking flow with error and empty states; three moderated tests: 2 of 3 finished unaided, top issue was the date picker.', links: ['https://design.gds-academy.dev/prototypes/leave-booking'] } },
    ],
  },
  {
    key: 'trainee-4',
    lessonsThroughModule: 3,
    submissions: [{ kind: 'quiz', answer: { answers: { ...DEMO_QUIZ_ANSWERS[CLOUD], q3: 'a' } } }, { kind: 'config', answer: { document: GOOD_CONFIG, format: 'json' } }],
  },
  { key: 'trainee-5', lessonsThroughModule: 'first', submissions: [] },
  { key: 'trainee-6', lessonsThroughModule: 1, submissions: [{ kind: 'quiz', answer: { answers: { q1: 'a', q2: 'b', q3: 'a' } } }] },
  { key: 'trainee-9', lessonsThroughModule: 2, submissions: [] },
];
