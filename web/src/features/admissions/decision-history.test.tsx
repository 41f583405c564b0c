// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { i18n } from '@lingui/core';
import type { DecisionRecord } from './admissions.types';
import { DecisionHistory, prerequisiteNames } from './decision-history';
import { withProviders } from '../../shared/testing/with-providers';

i18n.loadAndActivate({ locale: 'en', messages: {} });

const record = (over: Partial<DecisionRecord>): DecisionRecord => ({
  id: over.action ?? 'r', actorId: null, action: 'waitlist', fromStatus: 'submitted', toStatus: 'waitlisted', reason: null, score: null, waitlistRank: 1,
  prerequisitesOverridden: null, prerequisitesMissing: null, createdAt: '2026-12-01T10:00:00Z', ...over,
});

describe('DecisionHistory', () => {
  it('names the prerequisite courses a passed-over applicant lacked, by title and code, from the ids recorded', () => {
    const courses = prerequisiteNames([
      { prerequisites: [{ courseId: 'c1', code: 'NET101', title: 'Networking basics' }, { courseId: 'c2', code: '', title: 'Linux basics' }] },
    ]);
    render(withProviders(
      <DecisionHistory
        courses={courses}
        records={[
          record({ action: 'waitlist', reason: 'Full' }),
          record({ action: 'promotion-skipped', fromStatus: 'waitlisted', prerequisitesMissing: ['c1', 'c2', 'gone'] }),
        ]}
      />,
    ));
    const [waitlisted, skipped] = screen.getAllByRole('listitem');
    expect(waitlisted.querySelector('q')?.textContent).toBe('Full');
    expect(waitlisted.textContent).not.toContain('Courses not completed');
    expect(skipped.textContent).toContain('Passed over for a free seat');
    expect(skipped.textContent).toContain('Courses not completed: Networking basics (NET101), Linux basics, a course no longer listed');
  });
});
