import { NOTIFICATION_TYPES } from '@gds/queue';
import { digestEmail, notificationEmail, renderNotification } from './notification-templates';
import { notificationPath } from './notification-links';

describe('notification templates', () => {
  it('renders every notification type with data and without', () => {
    for (const type of NOTIFICATION_TYPES) {
      expect(renderNotification(type, {}).title.length).toBeGreaterThan(3);
      expect(renderNotification(type, { cohortName: 'Cebu 1', courseTitle: 'SQL' }).text.length).toBeGreaterThan(3);
    }
  });

  it('escapes every piece of data in HTML but keeps it verbatim in plain text', () => {
    const email = notificationEmail('submission-graded', { assessmentTitle: '<script>alert("x")</script>&', score: 7, maxScore: 10 }, 'http://x.test');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
    expect(email.text).toContain('<script>alert("x")</script>&');
    expect(email.text).toContain('7 / 10');
  });

  it('ignores data that is not text or a number', () => {
    expect(renderNotification('enrolled', { cohortName: { evil: true } }).title).toBe('You are enrolled in a cohort');
  });

  it('digests several notifications into one email', () => {
    const email = digestEmail([{ type: 'enrolled', data: { cohortName: 'A<b>' } }, { type: 'module-unlocked', data: { moduleTitle: 'M2' } }], 'http://x.test');
    expect(email.subject).toContain('2 notifications');
    expect(email.text).toContain('M2');
    expect(email.html).toContain('A&lt;b&gt;');
  });

  describe('links to the place the notice is about, in the web app', () => {
    const id = '0b5f3c3e-4f7a-4d62-9a43-6a1f6f6f1d2e';
    it.each([
      ['application-decided', { applicationId: id }, `/app/applications/${id}`],
      ['enrolled', { enrollmentId: id }, `/app/learning/${id}`],
      ['promoted-from-waitlist', { enrollmentId: id }, `/app/learning/${id}`],
      ['module-unlocked', { enrollmentId: id }, `/app/learning/${id}`],
      ['submission-graded', { assessmentId: id }, `/app/assessments/${id}`],
      ['deadline-approaching', { assessmentId: id }, `/app/assessments/${id}`],
      ['certificate-issued', { certificateId: id }, `/app/certificates/${id}`],
      ['certificate-revoked', { certificateId: id }, `/app/certificates/${id}`],
      ['submission-needs-review', { submissionId: id }, '/app/notifications'],
      ['application-decided', { applicationId: '../../api/v1/me' }, '/app/notifications'],
    ])('%s %j → %s', (type, data, path) => {
      const email = notificationEmail(type, data, 'https://academy.example');
      expect(email.text).toContain(`https://academy.example${path}`);
      expect(email.html).toContain(`href="https://academy.example${path}"`);
      expect(email.text).not.toMatch(/\/inbox|\/api\//);
      expect(notificationPath(type, data)).toBe(path);
    });

    it('keeps the inbox link in the footer of every email', () => {
      expect(notificationEmail('submission-graded', { assessmentId: id }, 'https://x.test').text).toContain('https://x.test/app/notifications');
    });
  });

  it('names what each notice is about', () => {
    expect(renderNotification('submission-graded', { assessmentTitle: 'Sales by region', score: 80, maxScore: 100 }).text).toContain('Sales by region');
    expect(renderNotification('deadline-approaching', { assessmentTitle: 'Sales by region' }).title).toBe('Due soon: Sales by region');
    expect(renderNotification('submission-needs-review', { assessmentTitle: 'Wireframe', traineeName: 'Ana' }).text).toContain('Ana submitted Wireframe');
    expect(renderNotification('import-finished', { cohortName: 'Belize 1', enrolled: 2 }).title).toBe('Import finished: Belize 1');
  });

  it('tells the applicant the decision and the reason staff gave, in the email and the notice, in both languages', () => {
    const data = { cohortName: 'Belize 1', decision: 'reject', reason: 'The cohort needs two years of contact-centre work; apply again next year.' };
    expect(renderNotification('application-decided', data).text).toBe(`Your application to Belize 1 was not accepted. Reason: ${data.reason}`);
    expect(renderNotification('application-decided', data, 'es').text).toBe(`Tu solicitud a Belize 1 no fue aceptada. Motivo: ${data.reason}`);
    for (const language of ['en', 'es'] as const) {
      const email = notificationEmail('application-decided', data, 'https://x.test', language);
      expect(email.text).toContain(data.reason);
      expect(email.html).toContain('apply again next year');
    }
    expect(renderNotification('application-decided', { cohortName: 'B', decision: 'waitlist', waitlistRank: 2, reason: 'full' }).text).toBe('Your application to B was put on the waitlist, at position 2. Reason: full');
    expect(renderNotification('application-decided', { cohortName: 'B', decision: 'accept' }).text).toBe('Your application to B was accepted.');
  });

  it('tells the applicant of a reverted decision what their application is now, with the reason', () => {
    const data = { cohortName: 'B', decision: 'revert', status: 'shortlisted', reason: 'Accepted by mistake.' };
    expect(renderNotification('application-decided', data)).toEqual({
      title: 'Your application to B: decision reverted',
      text: 'Your application to B had a decision reverted: it is shortlisted again. Reason: Accepted by mistake.',
    });
    expect(renderNotification('application-decided', data, 'es').text).toBe('Tu solicitud a B tuvo una decisión revertida: ahora vuelve a estar preseleccionada. Motivo: Accepted by mistake.');
  });

  it('writes singular and plural right, in both languages', () => {
    expect(renderNotification('webhook-disabled', { url: 'https://h.test', failures: 1 }).text).toBe('The webhook to https://h.test was disabled after a failed delivery.');
    expect(renderNotification('webhook-disabled', { url: 'https://h.test', failures: 5 }).text).toBe('The webhook to https://h.test was disabled after 5 consecutive failed deliveries.');
    expect(renderNotification('webhook-disabled', { url: 'https://h.test', failures: 1 }, 'es').text).toBe('El webhook hacia https://h.test se desactivó tras una entrega fallida.');
    for (const language of ['en', 'es'] as const) {
      for (const decision of ['shortlist', 'accept', 'waitlist', 'reject']) {
        const { text } = renderNotification('application-decided', { cohortName: 'C', decision }, language);
        expect(text).not.toMatch(/\b(An? (rejected|accepted)|decided: (reject|accept|waitlist|shortlist))\b/);
        expect(text).not.toContain(`: ${decision}.`);
      }
    }
  });

  it('gives no reason for a fair meeting cancelled by a consent withdrawal: it reads as the candidate\'s own cancellation', () => {
    const data = { fairName: 'Fair', startsAt: '2030-01-10T15:00:00.000Z', organisationName: 'Org' };
    for (const language of ['en', 'es'] as const) {
      const plain = renderNotification('fair-meeting-cancelled', { ...data, cancelledBy: 'trainee' }, language);
      // Events stored before the withdrawal was sent as `trainee` still carry `withdrawal`.
      expect(renderNotification('fair-meeting-cancelled', { ...data, cancelledBy: 'withdrawal' }, language)).toEqual(plain);
      expect(plain.text).not.toMatch(/listed|lista/);
    }
  });

  it('writes at-risk reasons as words, not codes', () => {
    expect(renderNotification('at-risk', { traineeName: 'Ana', cohortName: 'B1', reason: 'inactive' }).text).toBe('Ana may be falling behind: no learning activity for several days.');
    expect(renderNotification('at-risk', { traineeName: 'Ana', reason: 'failing' }, 'es').text).toBe('Ana podría estar quedándose atrás: suspendió una evaluación y aún no la ha aprobado.');
  });

  it('welcomes a late joiner instead of saying the course starts today, in both languages and the reader\'s zone', () => {
    const data = { cohortName: 'Belize 1', startsAt: '2027-03-02T03:00:00.000Z', joinedLate: true };
    expect(renderNotification('cohort-starts-today', data)).toEqual({
      title: 'Welcome, your course has started: Belize 1',
      text: 'Belize 1 began on March 1, 2027 at 9:00 PM (America/Belize), before you joined. Your first module is waiting for you.',
    });
    expect(renderNotification('cohort-starts-today', data, 'es', 'Asia/Tokyo').title).toBe('Te damos la bienvenida, tu curso ya empezó: Belize 1');
    expect(renderNotification('cohort-starts-today', data, 'es', 'Asia/Tokyo').text).toContain('antes de que te unieras');
    expect(renderNotification('cohort-starts-today', { ...data, joinedLate: undefined }).title).toBe('Your course starts today: Belize 1');
  });
});
