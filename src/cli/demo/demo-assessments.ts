import type { CreateAssessmentDto } from '../../assessment/dto/assessment.dto';

/** An assessment of a demo course, authored on the draft module at `modulePosition` (1-based) before publishing. */
export interface DemoAssessment {
  modulePosition: number;
  dto: CreateAssessmentDto;
}

type QuizQuestion = { id: string; prompt: string; options: string[]; correct: number };

/** A single-choice quiz; options get ids a, b, c … and the right answers are listed in `DEMO_QUIZ_ANSWERS`. */
function quiz(title: string, questions: QuizQuestion[]): CreateAssessmentDto {
  return {
    kind: 'quiz',
    title,
    instructions: 'Answer every question. You have three attempts; your best counts.',
    maxScore: 100,
    passMark: 60,
    attemptsAllowed: 3,
    key: {
      shuffleOptions: false,
      questions: questions.map((q) => ({
        id: q.id,
        type: 'single',
        prompt: q.prompt,
        points: 1,
        options: q.options.map((text, i) => ({ id: String.fromCharCode(97 + i), text })),
        correct: [String.fromCharCode(97 + q.correct)],
      })),
    },
  };
}

const CYBER_QUIZ = quiz('Check: how attacks reach a company', [
  { id: 'q1', prompt: 'A caller asks an agent to reset a customer’s password “urgently”. Which attack is this most likely?', options: ['Pretexting', 'SQL injection', 'Denial of service'], correct: 0 },
  { id: 'q2', prompt: 'Which part of the CIA triad does ransomware attack first?', options: ['Confidentiality', 'Availability', 'Non-repudiation'], correct: 1 },
  { id: 'q3', prompt: 'In the kill chain, what comes right after delivery?', options: ['Reconnaissance', 'Exploitation', 'Actions on objectives'], correct: 1 },
]);

const DATA_QUIZ = quiz('Check: KPIs as queries', [
  { id: 'q1', prompt: 'Average handle time (AHT) is best computed from …', options: ['The talk time of answered calls only', 'Talk, hold and wrap-up time of handled calls', 'Queue waiting time'], correct: 1 },
  { id: 'q2', prompt: 'First contact resolution needs which extra fact per call?', options: ['Whether the customer called again about the same issue', 'The agent’s tenure', 'The hour of the call'], correct: 0 },
  { id: 'q3', prompt: 'Before reporting a KPI to operations you should …', options: ['Pick the period that looks best', 'Define it once and report it the same way everywhere', 'Round it to the nearest ten'], correct: 1 },
]);

const UX_QUIZ = quiz('Check: research basics', [
  { id: 'q1', prompt: 'Which question is best for a user interview?', options: ['Would you use a faster leave form?', 'Tell me about the last time you booked leave.', 'Do you like the blue button?'], correct: 1 },
  { id: 'q2', prompt: 'Synthesis of interview notes usually starts with …', options: ['Clustering quotes into needs', 'Choosing colours', 'Writing code'], correct: 0 },
  { id: 'q3', prompt: 'The minimum contrast ratio for body text under WCAG 2.2 AA is …', options: ['3:1', '4.5:1', '7:1'], correct: 1 },
]);

const CLOUD_QUIZ = quiz('Check: Linux at the shell', [
  { id: 'q1', prompt: 'Which command shows a systemd service’s logs?', options: ['journalctl -u <service>', 'ls -la /var', 'chmod 600'], correct: 0 },
  { id: 'q2', prompt: 'What does `chmod 600 file` allow?', options: ['Everyone reads', 'Owner reads and writes, nobody else', 'Owner executes only'], correct: 1 },
  { id: 'q3', prompt: 'Where should a database server live in a VPC?', options: ['A public subnet', 'A private subnet', 'Outside the VPC'], correct: 1 },
]);

/** The answers a trainee who studied gives (question id → option id), per course code. */
export const DEMO_QUIZ_ANSWERS: Record<string, Record<string, string>> = {
  'soc-analyst-foundations': { q1: 'a', q2: 'b', q3: 'b' },
  'data-analysis-with-sql': { q1: 'b', q2: 'a', q3: 'b' },
  'ux-design-essentials': { q1: 'b', q2: 'a', q3: 'b' },
  'cloud-operations-foundations': { q1: 'a', q2: 'b', q3: 'b' },
};

/** Call-centre tickets: small, realistic, and enough for a GROUP BY with a HAVING. */
const TICKETS = {
  name: 'ticket',
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'queue', type: 'text' },
    { name: 'customer_id', type: 'integer' },
    { name: 'opened_at', type: 'timestamp' },
    { name: 'handle_seconds', type: 'integer' },
    { name: 'resolved_first_contact', type: 'boolean' },
  ],
  rows: [
    [1, 'billing', 101, '2026-03-02 08:15:00', 420, true],
    [2, 'billing', 102, '2026-03-02 08:40:00', 610, false],
    [3, 'technical', 103, '2026-03-02 09:05:00', 900, false],
    [4, 'technical', 103, '2026-03-03 10:20:00', 780, true],
    [5, 'sales', 104, '2026-03-03 11:00:00', 300, true],
    [6, 'billing', 102, '2026-03-04 13:45:00', 505, true],
    [7, 'technical', 105, '2026-03-04 14:10:00', 1020, false],
    [8, 'sales', 106, '2026-03-05 15:30:00', 240, true],
    [9, 'technical', 105, '2026-03-05 16:00:00', 840, true],
    [10, 'billing', 107, '2026-03-06 09:30:00', 380, true],
  ],
};

/** The reference answer of the SQL exercise (also what the seeded "finished" trainee submits). */
export const DEMO_SQL_ANSWER = `SELECT queue, count(*) AS tickets, round(avg(handle_seconds)) AS aht_seconds
  FROM ticket
 GROUP BY queue
 ORDER BY aht_seconds DESC`;

const SQL_EXERCISE: CreateAssessmentDto = {
  kind: 'sql',
  title: 'Average handle time by queue',
  instructions: 'The `ticket` table holds a week of call-centre tickets. List each queue with its number of tickets (`tickets`) and its average handle time in whole seconds (`aht_seconds`), slowest queue first.',
  maxScore: 100,
  passMark: 100,
  attemptsAllowed: 5,
  key: { dataset: { tables: [TICKETS] }, referenceQuery: DEMO_SQL_ANSWER, options: { tolerance: 0.5 } },
};

const FLAG_CHALLENGE: CreateAssessmentDto = {
  kind: 'flag',
  title: 'Find the beaconing host',
  instructions: 'Work through `suspicious.pcap` in the lab VM. Each trainee’s capture plants their own flags: submit the flag found in the DNS query of the infected host, then the one in its HTTP beacon.',
  maxScore: 100,
  passMark: 50,
  attemptsAllowed: 5,
  required: false,
  key: {
    flags: [
      { id: 'dns', label: 'Flag in the DNS query', points: 50 },
      { id: 'beacon', label: 'Flag in the HTTP beacon', points: 50 },
    ],
    hints: [{ id: 'h1', text: 'Filter on `dns.qry.name contains "update"` and look at the newest domain.', cost: 10 }],
  },
};

const DESIGN_TASK: CreateAssessmentDto = {
  kind: 'rubric',
  title: 'Leave-booking flow: prototype and test report',
  instructions: 'Share a link to your clickable prototype of the leave-booking flow and a short report of three moderated tests (task success, top three issues, what you changed). Graded by an instructor with the rubric below.',
  maxScore: 100,
  passMark: 60,
  required: false,
  key: {
    criteria: [
      { id: 'flow', title: 'The flow covers the unhappy paths (errors, empty states)', levels: [{ label: 'missing', points: 0 }, { label: 'partial', points: 15 }, { label: 'complete', points: 30 }] },
      { id: 'testing', title: 'Three tests run and reported with evidence', levels: [{ label: 'missing', points: 0 }, { label: 'partial', points: 15 }, { label: 'complete', points: 30 }] },
      { id: 'a11y', title: 'Accessibility: contrast, focus states and labels', levels: [{ label: 'missing', points: 0 }, { label: 'partial', points: 20 }, { label: 'complete', points: 40 }] },
    ],
  },
};

const CONFIG_REVIEW: CreateAssessmentDto = {
  kind: 'config',
  title: 'Review: least-privilege policy and security group',
  instructions: 'Submit (JSON or YAML) the IAM policy of the reporting job, which only reads the `gds-reports` bucket, and the security group of its host: SSH only from the office range, nothing open to the world.',
  maxScore: 100,
  passMark: 70,
  attemptsAllowed: 5,
  required: false,
  key: {
    format: 'auto',
    rules: [
      { id: 'effect', check: 'equals', path: '$.policy.Statement[*].Effect', value: 'Allow', points: 20, message: 'Every statement should allow; deny-by-default does the rest.' },
      { id: 'no-wildcard', check: 'noWildcard', path: '$.policy.Statement[*].Action', points: 30, message: 'Name the actions: a wildcard grants more than the job needs.' },
      { id: 'resource', check: 'required', path: '$.policy.Statement[*].Resource', points: 20, message: 'Every statement must name its resource.' },
      { id: 'ssh', check: 'notOpenToWorld', path: '$.securityGroup.ingress[*]', ports: [22, 3389], points: 30, message: 'SSH and RDP must not be open to 0.0.0.0/0.' },
    ],
  },
};

/** Per course code: a quiz in every course, plus the assessment of the track's kind. */
export const DEMO_ASSESSMENTS: Record<string, DemoAssessment[]> = {
  'soc-analyst-foundations': [{ modulePosition: 1, dto: CYBER_QUIZ }, { modulePosition: 2, dto: FLAG_CHALLENGE }],
  'data-analysis-with-sql': [{ modulePosition: 1, dto: DATA_QUIZ }, { modulePosition: 3, dto: SQL_EXERCISE }],
  'ux-design-essentials': [{ modulePosition: 1, dto: UX_QUIZ }, { modulePosition: 3, dto: DESIGN_TASK }],
  'cloud-operations-foundations': [{ modulePosition: 1, dto: CLOUD_QUIZ }, { modulePosition: 3, dto: CONFIG_REVIEW }],
};
