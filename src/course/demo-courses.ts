import type { Role } from '@gds/http';
import type { CourseDocumentDto } from './dto/course-document.dto';
import { COURSE_DOCUMENT_FORMAT } from './dto/course-document.dto';

type DemoLesson = CourseDocumentDto['modules'][number]['lessons'][number];
type DemoModule = CourseDocumentDto['modules'][number];

const article = (title: string, body: string): DemoLesson => ({ title, kind: 'article', body });
const lab = (title: string, body: string, environmentNotes: string): DemoLesson => ({ title, kind: 'lab', body, environmentNotes });
const video = (title: string, videoUrl: string, durationSeconds: number, body?: string): DemoLesson => ({ title, kind: 'video', videoUrl, durationSeconds, body: body ?? null });
const external = (title: string, externalUrl: string, body?: string): DemoLesson => ({ title, kind: 'external', externalUrl, body: body ?? null });
const moduleOf = (title: string, summary: string, skillCodes: string[], prerequisitePositions: number[], lessons: DemoLesson[]): DemoModule => ({
  title,
  summary,
  skillCodes,
  prerequisitePositions,
  lessons,
});

/**
 * One realistic course per track, written by us for `npm run seed:demo` (see seedDemoCourses).
 * Each reads like the first weeks of a cohort of contact-centre agents moving into GDS roles.
 */
export const DEMO_COURSES: Array<{ code: string; document: CourseDocumentDto }> = [
  {
    code: 'soc-analyst-foundations',
    document: {
      format: COURSE_DOCUMENT_FORMAT,
      course: {
        title: 'SOC Analyst Foundations',
        summary: 'From the contact-centre floor to the security operations centre: triage alerts, investigate, and escalate with evidence.',
        trackCode: 'cybersecurity',
        level: 'beginner',
        estimatedHours: 60,
      },
      modules: [
        moduleOf('How attacks reach a company', 'The threat landscape a BPO faces, told through real incident patterns.', ['CYB-SE-01', 'CYB-RSK-01'], [], [
          article('Why attackers target contact centres', 'Contact centres hold **customer data** and talk to strangers all day. Attackers use both.\n\n- Pretext calls to reset accounts\n- Phishing aimed at agents\n- Credential stuffing against portals\n\nYou already spot unusual callers; this course turns that instinct into a method.'),
          article('The CIA triad and the kill chain', 'Confidentiality, integrity and availability describe *what* we protect. The kill chain describes *how* attacks unfold: reconnaissance, delivery, exploitation, installation, command and control, actions on objectives.'),
          video('An incident, minute by minute', 'https://media.gds-academy.dev/cyber/incident-walkthrough.mp4', 1260),
        ]),
        moduleOf('Networks for defenders', 'TCP/IP, ports and protocols at the depth an analyst needs to read logs and captures.', ['CYB-NET-01'], [1], [
          article('Packets, ports and protocols', 'Every connection has a source, a destination and a port. `443` is HTTPS, `22` is SSH, `3389` is RDP. A workstation talking RDP to the internet at 3 a.m. deserves a look.'),
          lab('Read a packet capture', 'Open `suspicious.pcap` in Wireshark.\n\n1. Filter on `dns` and list the domains queried.\n2. Find the host that queried a newly registered domain.\n3. Submit that host\'s IP address as your flag.', 'The lab VM has Wireshark installed. Captures are in `~/labs/week2`. No internet access from the VM.'),
        ]),
        moduleOf('Triage in the SIEM', 'Alert queues, severity, false positives, and writing an escalation a responder can act on.', ['CYB-SOC-01', 'CYB-IAM-01'], [2], [
          article('Anatomy of an alert', 'An alert is a **question**, not an answer: which rule fired, on what evidence, for which asset and user? Triage answers: is it real, how bad, who needs to know.'),
          lab('Work an alert queue', 'Twenty alerts are waiting in the training SIEM. Close the false positives with a reason and escalate the true positives with a timeline.', 'Sign in to the training SIEM with your academy account. The data resets every night at 02:00 UTC.'),
          external('MITRE ATT&CK matrix', 'https://attack.mitre.org/', 'Keep the matrix open while you triage: map each alert to a technique.'),
        ]),
        moduleOf('Responding to incidents', 'Containment, evidence, and the report that closes the loop.', ['CYB-IR-01', 'CYB-FOR-01'], [3], [
          article('The incident response lifecycle', 'Prepare, detect and analyse, contain, eradicate and recover, learn. Each step has an owner and a record.'),
          lab('Contain a phishing outbreak', 'A phishing email reached 40 agents. Find who clicked, reset their sessions, block the sender and write the incident summary.', 'Use the mail-trace and identity consoles in the lab tenant. Nothing you do there touches real users.'),
        ]),
      ],
    },
  },
  {
    code: 'data-analysis-with-sql',
    document: {
      format: COURSE_DOCUMENT_FORMAT,
      course: {
        title: 'Data Analysis with SQL and Spreadsheets',
        summary: 'Answer operational questions from real contact-centre data: clean it, query it, chart it, and tell the story.',
        trackCode: 'data-analysis',
        level: 'beginner',
        estimatedHours: 72,
      },
      modules: [
        moduleOf('Thinking in data', 'Questions, metrics and the data that can answer them.', ['DAT-BI-01', 'DAT-COM-01'], [], [
          article('From KPIs you know to questions you can answer', 'You have lived with **AHT**, **FCR** and **CSAT**. Each is a query over call records. Which calls count? Over which period? Defined once, reported the same way everywhere.'),
          video('Tour of the call-records dataset', 'https://media.gds-academy.dev/data/dataset-tour.mp4', 840),
        ]),
        moduleOf('Spreadsheets that others can trust', 'Pivot tables, lookups and models someone else can audit.', ['DAT-SPR-01', 'DAT-CLN-01'], [1], [
          article('Cleaning before counting', 'Trim spaces, unify date formats, remove duplicates, and write down every step. An analysis nobody can repeat is an opinion.'),
          lab('Pivot the week', 'Load `calls-week-12.csv`, clean it, and build a pivot of average handle time by queue and hour.', 'Use the spreadsheet template in the lab folder; it already has the data validation rules.'),
        ]),
        moduleOf('SQL for analysts', 'SELECT, JOIN, GROUP BY and window functions over the call-records database.', ['DAT-SQL-01'], [2], [
          article('SELECT, WHERE, GROUP BY', '```sql\nSELECT queue, avg(handle_seconds) AS aht\n  FROM calls\n WHERE started_at >= date \'2026-03-01\'\n GROUP BY queue\n ORDER BY aht DESC;\n```\n\nRead it bottom-up: group, then average, then sort.'),
          article('Joins without surprises', 'An inner join drops rows without a match; a left join keeps them with NULLs. Count rows before and after every join.'),
          lab('Repeat callers', 'Write a query listing customers who called three or more times within seven days, with their first and last call.', 'The sandbox database is read-only; queries time out after 5 seconds.'),
        ]),
        moduleOf('Charts and the story', 'Honest visualisation and a five-minute presentation to operations leads.', ['DAT-VIS-01', 'DAT-STA-01', 'DAT-COM-01'], [3], [
          article('Choosing the chart', 'Compare categories with bars, change over time with lines, and never start a bar chart\'s axis anywhere but zero.'),
          external('Data visualisation checklist', 'https://www.storytellingwithdata.com/', 'Read the checklist before you build your dashboard.'),
        ]),
      ],
    },
  },
  {
    code: 'ux-design-essentials',
    document: {
      format: COURSE_DOCUMENT_FORMAT,
      course: {
        title: 'UX Design Essentials',
        summary: 'Research users, design flows that work, prototype and test them — with accessibility from the first sketch.',
        trackCode: 'ui-ux-design',
        level: 'beginner',
        estimatedHours: 64,
      },
      modules: [
        moduleOf('Understanding users', 'Interviews, contextual inquiry and synthesis.', ['UX-RES-01'], [], [
          article('You already do user research', 'Every call is an interview with a frustrated user. UX research makes it deliberate: a plan, open questions, notes, and synthesis.'),
          lab('Interview a colleague', 'Run a 20-minute interview about how they book leave. Capture quotes, then cluster them into needs.', 'Use the interview guide template; record only with consent.'),
        ]),
        moduleOf('Structure and flows', 'Information architecture and interaction design for tasks people must finish.', ['UX-IA-01', 'UX-IXD-01', 'UX-CNT-01'], [1], [
          article('Designing for the unhappy path', 'Errors, empty states and timeouts are where users call the contact centre. Design them first.'),
          video('Card sorting in practice', 'https://media.gds-academy.dev/ux/card-sorting.mp4', 900),
        ]),
        moduleOf('Prototype and test', 'From paper to clickable prototypes, and usability tests that change the design.', ['UX-PRO-01', 'UX-UT-01'], [2], [
          article('Fidelity follows the question', 'Testing navigation? Paper is enough. Testing trust in a payment step? Make it look real.'),
          lab('Test your prototype', 'Run three moderated tests of your leave-booking prototype and report task success and the top three issues.', 'Prototype in the shared design workspace; the lab provides a test script template.'),
        ]),
        moduleOf('Visual design and accessibility', 'Type, colour, spacing, and WCAG 2.2 AA.', ['UX-VIS-01', 'UX-A11Y-01'], [3], [
          article('Contrast, focus and labels', 'Text needs a contrast ratio of at least **4.5:1**. Every control needs a visible focus state and a label a screen reader can announce.'),
          external('WCAG 2.2 quick reference', 'https://www.w3.org/WAI/WCAG22/quickref/'),
        ]),
      ],
    },
  },
  {
    code: 'cloud-operations-foundations',
    document: {
      format: COURSE_DOCUMENT_FORMAT,
      course: {
        title: 'Cloud Operations Foundations',
        summary: 'Linux, networking, identity and infrastructure as code: run and automate services on a public cloud.',
        trackCode: 'cloud-engineering',
        level: 'beginner',
        estimatedHours: 80,
      },
      modules: [
        moduleOf('Linux at the shell', 'Files, processes, permissions and logs.', ['CLD-LNX-01'], [], [
          article('Your first hour in a terminal', '`ls`, `cd`, `less`, `grep` and `journalctl` will carry you a long way. Read before you change anything.'),
          lab('Find the failing service', 'A web service on your VM does not start. Find out why from its logs and fix the configuration.', 'Your VM is reset when the lab ends. You have sudo.'),
        ]),
        moduleOf('Networks in the cloud', 'VPCs, subnets, routing and security groups.', ['CLD-NET-01'], [1], [
          article('Public and private subnets', 'Put load balancers in public subnets and everything else in private ones; route outbound traffic through a NAT gateway.'),
          video('Building a VPC, step by step', 'https://media.gds-academy.dev/cloud/vpc.mp4', 1500),
        ]),
        moduleOf('Identity and least privilege', 'IAM users, roles and policies.', ['CLD-IAM-01'], [2], [
          article('Policies that grant only what is needed', 'Start from nothing and add actions as the workload proves it needs them. `"Action": "*"` is a finding, not a policy.'),
          lab('Fix an over-privileged role', 'Submit a least-privilege policy (JSON) for the reporting job that reads one bucket.', 'Your answer is checked as data; nothing is deployed.'),
        ]),
        moduleOf('Infrastructure as code and delivery', 'Terraform, pipelines, monitoring and cost.', ['CLD-IAC-01', 'CLD-CI-01', 'CLD-OBS-01', 'CLD-FIN-01'], [3], [
          article('Plan before apply', 'Every change goes through `terraform plan`, a review, then `apply` from the pipeline — never from a laptop.'),
          external('Terraform language documentation', 'https://developer.hashicorp.com/terraform/language'),
        ]),
      ],
    },
  },
];

/**
 * Creates and publishes the demo courses as `owner` (an instructor principal). Idempotent: a course
 * whose code exists is left alone. Answers the codes it created.
 */
export async function seedDemoCourses(
  exchange: { importAndPublish(owner: { userId: string; roles: Role[] }, code: string, document: CourseDocumentDto): Promise<unknown | null> },
  owner: { userId: string; roles: Role[] },
): Promise<string[]> {
  const created: string[] = [];
  for (const { code, document } of DEMO_COURSES) if (await exchange.importAndPublish(owner, code, document)) created.push(code);
  return created;
}
