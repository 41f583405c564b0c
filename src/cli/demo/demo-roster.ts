/** Who applies to the pilot cohort for which course, what they answer, and what the staff decide. */
export interface DemoApplicant {
  key: string;
  courseCode: string;
  decision: 'accept' | 'waitlist' | 'reject';
  reason: string;
  statement: string;
  /** Answers to the cohort's two questions, in order. */
  answers: [string, string];
}

export const PILOT_COHORT_NAME = 'Pilot Cohort 2026 — 50 seats';

export const PILOT_QUESTIONS = [
  { prompt: 'How many hours a week can you study alongside your shift?', required: true },
  { prompt: 'Which part of your current work is closest to the track you chose?', required: true },
];

const CYBER = 'soc-analyst-foundations';
const DATA = 'data-analysis-with-sql';
const UX = 'ux-design-essentials';
const CLOUD = 'cloud-operations-foundations';

const applicant = (n: number, courseCode: string, decision: DemoApplicant['decision'], hours: string, closest: string): DemoApplicant => ({
  key: `trainee-${n}`,
  courseCode,
  decision,
  reason: decision === 'accept' ? 'Meets the pilot criteria; seat confirmed.' : decision === 'waitlist' ? 'Strong application; the track’s pilot seats are taken for now.' : 'Needs more study hours than the applicant can give during this pilot.',
  statement: `I want to move from the contact-centre floor into a digital role. ${closest}`,
  answers: [hours, closest],
});

export const DEMO_APPLICANTS: DemoApplicant[] = [
  applicant(1, CYBER, 'accept', '10 hours', 'I handle account-takeover calls and already spot social-engineering attempts.'),
  applicant(2, DATA, 'accept', '12 hours', 'I build the team’s weekly AHT and CSAT spreadsheets.'),
  applicant(3, UX, 'accept', '8 hours', 'I write the call scripts and see where customers get lost in our app.'),
  applicant(4, CLOUD, 'accept', '10 hours', 'I am the floor’s go-to person for VPN and workstation problems.'),
  applicant(5, CYBER, 'accept', '8 hours', 'I escalate phishing reports from customers every week.'),
  applicant(6, DATA, 'accept', '6 hours', 'I reconcile billing disputes from exports of the CRM.'),
  applicant(7, UX, 'accept', '10 hours', 'I collect customer complaints about the self-service portal.'),
  applicant(8, CLOUD, 'accept', '9 hours', 'I support the technical queue for a hosting client.'),
  applicant(9, DATA, 'accept', '7 hours', 'I track quality scores for my team of twelve.'),
  applicant(10, CYBER, 'accept', '10 hours', 'I verify identities on the fraud desk.'),
  applicant(11, UX, 'waitlist', '6 hours', 'I redesigned our team’s knowledge-base pages.'),
  applicant(12, CLOUD, 'reject', '2 hours', 'I sometimes help colleagues with their laptops.'),
];
