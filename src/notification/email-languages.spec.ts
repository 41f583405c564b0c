import { ACCOUNT_EMAIL_KINDS, NOTIFICATION_TYPES } from '@gds/queue';
import { LANGUAGES } from '../identity/languages.contract';
import { NOTIFICATION_TEXTS } from './notification-texts';
import { ACCOUNT_EMAIL_TEXTS, EMAIL_CHROME } from './email-texts';
import { accountEmail, digestEmail, notificationEmail } from './notification-templates';

/** Every email exists in every language a person may choose (swc does not type-check: this test does). */
describe('email templates in every language', () => {
  const sample = { cohortName: 'Cebu 1', courseTitle: 'SQL', assessmentTitle: 'Quiz 1', score: 7, maxScore: 10, dueAt: '2026-12-24T09:00:00.000Z', decision: 'accept', enrolled: 3 };

  it.each(LANGUAGES)('has every notification type and nothing else in %s', (language) => {
    expect(Object.keys(NOTIFICATION_TEXTS[language] ?? {}).sort()).toEqual([...NOTIFICATION_TYPES].sort());
    for (const type of NOTIFICATION_TYPES) {
      for (const data of [{}, sample]) {
        const { title, text } = NOTIFICATION_TEXTS[language][type](data, 'UTC');
        expect(title.trim().length).toBeGreaterThan(3);
        expect(text.trim().length).toBeGreaterThan(3);
      }
    }
  });

  it.each(LANGUAGES)('has every account email and the email chrome in %s', (language) => {
    expect(Object.keys(ACCOUNT_EMAIL_TEXTS[language] ?? {}).sort()).toEqual([...ACCOUNT_EMAIL_KINDS].sort());
    expect(EMAIL_CHROME[language]).toBeDefined();
    for (const kind of ACCOUNT_EMAIL_KINDS) {
      const email = accountEmail(kind, { displayName: 'Ana', token: 'tok', expiresAt: new Date('2026-12-24T09:00:00Z') }, 'https://academy.example', language);
      expect(email.subject.length).toBeGreaterThan(3);
      expect(email.text).toContain('Ana');
      expect(email.html).toContain(`lang="${language}"`);
    }
  });

  it('writes Spanish that is not the English text', () => {
    for (const type of NOTIFICATION_TYPES) {
      expect(NOTIFICATION_TEXTS.es[type]({}, 'UTC').title).not.toBe(NOTIFICATION_TEXTS.en[type]({}, 'UTC').title);
      expect(NOTIFICATION_TEXTS.es[type](sample, 'UTC').text).not.toBe(NOTIFICATION_TEXTS.en[type](sample, 'UTC').text);
    }
    for (const kind of ACCOUNT_EMAIL_KINDS) expect(ACCOUNT_EMAIL_TEXTS.es[kind].subject).not.toBe(ACCOUNT_EMAIL_TEXTS.en[kind].subject);
    expect(EMAIL_CHROME.es.digestSubject(2)).not.toBe(EMAIL_CHROME.en.digestSubject(2));
  });

  it('chooses the recipient’s language, dates included, and falls back to English for anything else', () => {
    const es = notificationEmail('deadline-approaching', sample, 'https://academy.example', 'es');
    expect(es.subject).toBe('Vence pronto: Quiz 1');
    expect(es.text).toContain('24 de diciembre de 2026');
    expect(es.text).toContain('Abrir tus notificaciones: https://academy.example/app/notifications');
    expect(notificationEmail('deadline-approaching', sample, 'https://academy.example', 'en').text).toContain('December 24, 2026');
    expect(notificationEmail('enrolled', sample, 'https://x.test', 'fr' as never).subject).toBe('You are enrolled in Cebu 1');
    expect(digestEmail([{ type: 'enrolled', data: sample }], 'https://x.test', 'es').subject).toBe('Tu resumen de GDS Academy: 1 notificación');
    const revoked = { courseTitle: 'SQL', reasonCode: 'holder-request', reason: 'Withdrawn at the holder’s request' };
    expect(notificationEmail('certificate-revoked', revoked, 'https://x.test', 'es').text).toContain('se retiró a petición de su titular');
    expect(notificationEmail('certificate-revoked', revoked, 'https://x.test', 'en').text).toContain('Withdrawn at the holder’s request');
  });
});

describe('dates in the reader’s zone', () => {
  it('writes a due date in the recipient’s zone and language, naming the zone', () => {
    // 03:30 UTC on the 24th is still the evening of the 23rd in Belize (UTC−6), and 04:30 on the 24th in Madrid.
    const data = { assessmentTitle: 'Quiz 1', dueAt: '2026-12-24T03:30:00.000Z' };
    expect(notificationEmail('deadline-approaching', data, 'https://x.test', 'en', 'America/Belize').text).toContain('Quiz 1 is due at December 23, 2026 at 9:30 PM (America/Belize).');
    expect(notificationEmail('deadline-approaching', data, 'https://x.test', 'es', 'Europe/Madrid').text).toContain('24 de diciembre de 2026 a las 4:30 (Europe/Madrid)');
    expect(digestEmail([{ type: 'deadline-approaching', data }], 'https://x.test', 'en', 'America/New_York').text).toContain('December 23, 2026 at 10:30 PM (America/New_York)');
    const invitation = accountEmail('invitation', { displayName: 'Ana', token: 't', expiresAt: new Date(data.dueAt) }, 'https://x.test', 'en', 'America/Belize');
    expect(invitation.text).toContain('December 23, 2026 at 9:30 PM (America/Belize)');
  });
});

describe('announcements', () => {
  it('keeps the body’s line breaks as paragraphs, escaped, and names the cohort and subject', () => {
    const data = { cohortId: '7b0c6c1e-9d3a-4a57-8c1e-2f0a4b5c6d7e', cohortName: 'Cebu 1', subject: 'Lab <moved>', body: 'Thursday 18:00.\nBring <your> laptop.' };
    const email = notificationEmail('announcement', data, 'https://x.test', 'es');
    expect(email.subject).toBe('Cebu 1: Lab <moved>');
    expect(email.text).toContain('Thursday 18:00.\nBring <your> laptop.');
    expect(email.html).toContain('<p>Thursday 18:00.</p>\n<p>Bring &lt;your&gt; laptop.</p>');
    expect(email.text).toContain('https://x.test/app/cohorts/7b0c6c1e-9d3a-4a57-8c1e-2f0a4b5c6d7e');
  });
});

describe('account emails', () => {
  const input = { displayName: '<b>Ana</b> & co', token: '7b0c6c1e-9d3a-4a57-8c1e-2f0a4b5c6d7e.c2VjcmV0LXNlY3JldA', expiresAt: new Date('2026-12-24T09:30:00Z') };

  it('links to the web app’s screen with the token in the fragment, never to an API path', () => {
    const reset = accountEmail('password-reset', input, 'https://academy.example', 'en');
    const invitation = accountEmail('invitation', input, 'https://academy.example', 'en');
    expect(reset.text).toContain(`https://academy.example/app/reset-password#token=${input.token}`);
    expect(invitation.text).toContain(`https://academy.example/app/accept-invitation#token=${input.token}`);
    for (const email of [reset, invitation]) {
      expect(email.text).not.toContain('/api/');
      expect(email.html).toContain(`#token=${input.token}`);
    }
  });

  it('escapes the name in HTML and keeps it verbatim in text', () => {
    const email = accountEmail('invitation', input, 'https://academy.example', 'es');
    expect(email.html).not.toContain('<b>Ana');
    expect(email.html).toContain('&lt;b&gt;Ana&lt;/b&gt; &amp; co');
    expect(email.text).toContain('Hola, <b>Ana</b> & co:');
    expect(email.subject).toBe('Te invitamos a GDS Academy');
  });
});
