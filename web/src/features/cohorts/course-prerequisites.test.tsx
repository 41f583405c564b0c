// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { i18n } from '@lingui/core';
import type { Cohort } from '../../shared/api/resources/cohorts';
import { withProviders } from '../../shared/testing/with-providers';
import { CoursePrerequisites, meetsSomeCourse } from './course-prerequisites';

i18n.loadAndActivate({ locale: 'en', messages: {} });

type CohortCourse = Cohort['courses'][number];
const course = (title: string, prerequisites: CohortCourse['prerequisites']): CohortCourse => ({
  versionId: `v-${title}`, courseId: `c-${title}`, code: title.toLowerCase(), title, trackCode: 'cybersecurity', version: 1,
  prerequisites, prerequisitesMet: prerequisites.every((p) => p.met),
});
const basics = { courseId: 'basics', code: 'basics', title: 'Networking basics', met: true };
const linux = { courseId: 'linux', code: 'linux', title: 'Linux basics', met: false };

describe('CoursePrerequisites', () => {
  it('names each course to complete first and says in words which the trainee has completed', () => {
    render(withProviders(<CoursePrerequisites course={course('Threat hunting', [basics, linux])} />));
    expect(screen.getByText('Complete these courses first:')).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['Networking basics — completed', 'Linux basics — not completed yet']);
    expect(within(items[1]).getByText('not completed yet').tagName).toBe('STRONG');
  });

  it('shows nothing for a course without prerequisites', () => {
    const { container } = render(withProviders(<CoursePrerequisites course={course('Basics', [])} />));
    expect(container.textContent).toBe('');
  });

  it('lets a trainee apply when at least one of the cohort’s courses has its prerequisites met', () => {
    const cohort = (courses: CohortCourse[]) => ({ courses }) as Cohort;
    expect(meetsSomeCourse(cohort([course('A', [linux])]))).toBe(false);
    expect(meetsSomeCourse(cohort([course('A', [linux]), course('B', [basics])]))).toBe(true);
    expect(meetsSomeCourse(cohort([course('C', [])]))).toBe(true);
  });
});
