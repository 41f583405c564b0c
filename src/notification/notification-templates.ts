import { NotificationType } from '@gds/queue';

export interface RenderedNotification {
  title: string;
  text: string;
}

type Data = Record<string, unknown>;

/** A value of the event's data as short text; events come from other modules, so nothing is assumed. */
function field(data: Data, key: string, fallback: string): string {
  const value = data[key];
  if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 300);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fallback;
}

const TEMPLATES: Record<NotificationType, (d: Data) => RenderedNotification> = {
  'application-decided': (d) => ({
    title: `Your application to ${field(d, 'cohortName', 'a cohort')}: ${field(d, 'decision', 'decided')}`,
    text: `Your application to ${field(d, 'cohortName', 'the cohort')} has been decided: ${field(d, 'decision', 'see the academy for details')}.`,
  }),
  enrolled: (d) => ({
    title: `You are enrolled in ${field(d, 'cohortName', 'a cohort')}`,
    text: `Welcome! You are now enrolled in ${field(d, 'cohortName', 'your cohort')}.`,
  }),
  'promoted-from-waitlist': (d) => ({
    title: `A seat opened in ${field(d, 'cohortName', 'your cohort')}`,
    text: `You moved from the waitlist into ${field(d, 'cohortName', 'the cohort')}.`,
  }),
  'module-unlocked': (d) => ({
    title: `New module open: ${field(d, 'moduleTitle', 'a module')}`,
    text: `The module ${field(d, 'moduleTitle', 'of your course')} is now open.`,
  }),
  'submission-graded': (d) => ({
    title: `Graded: ${field(d, 'assessmentTitle', 'your submission')}`,
    text: `Your submission for ${field(d, 'assessmentTitle', 'an assessment')} was graded: ${field(d, 'score', '?')} / ${field(d, 'maxScore', '?')}.`,
  }),
  'submission-needs-review': (d) => ({
    title: `Waiting for review: ${field(d, 'assessmentTitle', 'a submission')}`,
    text: `${field(d, 'traineeName', 'A trainee')} submitted ${field(d, 'assessmentTitle', 'work')} that needs your review.`,
  }),
  'submission-grading-failed': (d) => ({
    title: `Grading failed: ${field(d, 'assessmentTitle', 'a submission')}`,
    text: `A submission could not be graded and waits in your review queue: ${field(d, 'reason', 'see the submission')}.`,
  }),
  'deadline-approaching': (d) => ({
    title: `Due soon: ${field(d, 'assessmentTitle', 'an assessment')}`,
    text: `${field(d, 'assessmentTitle', 'An assessment')} is due at ${field(d, 'dueAt', 'its deadline')}.`,
  }),
  'at-risk': (d) => ({
    title: `Falling behind in ${field(d, 'cohortName', 'a cohort')}`,
    text: `${field(d, 'traineeName', 'A trainee')} may be falling behind: ${field(d, 'reason', 'no recent activity')}.`,
  }),
  'certificate-issued': (d) => ({
    title: `Certificate issued: ${field(d, 'courseTitle', 'your course')}`,
    text: `Congratulations! Your certificate for ${field(d, 'courseTitle', 'the course')} has been issued.`,
  }),
  'certificate-revoked': (d) => ({
    title: `Certificate revoked: ${field(d, 'courseTitle', 'a course')}`,
    text: `Your certificate for ${field(d, 'courseTitle', 'the course')} was revoked: ${field(d, 'reason', 'no reason given')}.`,
  }),
  'cohort-digest': (d) => ({
    title: `Weekly digest: ${field(d, 'cohortName', 'your cohort')}`,
    text: field(d, 'summary', 'This week in your cohort.'),
  }),
  'webhook-disabled': (d) => ({
    title: 'A webhook was disabled',
    text: `The webhook to ${field(d, 'url', 'a receiver')} was disabled after ${field(d, 'failures', 'repeated')} consecutive failed deliveries.`,
  }),
  'import-finished': (d) => ({
    title: 'Import finished',
    text: `The trainee import finished: ${field(d, 'summary', 'see the import for details')}.`,
  }),
};

export function renderNotification(type: string, data: Data): RenderedNotification {
  const template = TEMPLATES[type as NotificationType];
  return template ? template(data) : { title: 'Notification', text: 'You have a new notification.' };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const footer = (baseUrl: string) => `Open your inbox: ${baseUrl}/inbox\nChange what we send you in your notification preferences.`;

function htmlPage(title: string, paragraphs: string[], baseUrl: string): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html><body><h1>${escapeHtml(title)}</h1>\n${body}\n<p><a href="${escapeHtml(baseUrl)}/inbox">Open your inbox</a></p></body></html>`;
}

/** The email of one notification, in plain text and HTML; every piece of data is escaped in HTML. */
export function notificationEmail(type: string, data: Data, baseUrl: string): EmailContent {
  const { title, text } = renderNotification(type, data);
  return { subject: title, text: `${text}\n\n${footer(baseUrl)}\n`, html: htmlPage(title, [text], baseUrl) };
}

/** One email for several notifications queued in digest mode. */
export function digestEmail(items: Array<{ type: string; data: Data }>, baseUrl: string): EmailContent {
  const rendered = items.map((item) => renderNotification(item.type, item.data));
  const subject = `Your GDS Academy digest: ${rendered.length} notification${rendered.length === 1 ? '' : 's'}`;
  const lines = rendered.map((r) => `- ${r.title}: ${r.text}`);
  return {
    subject,
    text: `${lines.join('\n')}\n\n${footer(baseUrl)}\n`,
    html: htmlPage(subject, rendered.map((r) => `${r.title}: ${r.text}`), baseUrl),
  };
}
