import { NOTIFICATION_TYPES } from '@gds/queue';
import { digestEmail, notificationEmail, renderNotification } from './notification-templates';

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
});
