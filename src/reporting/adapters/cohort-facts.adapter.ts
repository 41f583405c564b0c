import { Injectable } from '@nestjs/common';
import { CohortOutcomeFacts } from '../../cohort/cohort.module';
import { PublishedCourseVersions } from '../../course/published-course-versions.contract';
import { ActivityFact, ApplicationFact, CohortFact, CohortFactsSource, EnrollmentFact } from '../ports/cohort-facts.source';

/** Reporting's cohort port over the cohort module's CohortOutcomeFacts and course's published versions. */
@Injectable()
export class CohortFactsAdapter extends CohortFactsSource {
  constructor(
    private readonly facts: CohortOutcomeFacts,
    private readonly versions: PublishedCourseVersions,
  ) {
    super();
  }

  async cohort(cohortId: string): Promise<CohortFact | null> {
    const cohort = await this.facts.cohort(cohortId);
    if (!cohort) return null;
    const outlines = await this.versions.getOutlines(cohort.courseVersionIds);
    return {
      cohortId: cohort.cohortId,
      name: cohort.name,
      instructorIds: cohort.instructorIds,
      courseVersions: outlines.map((o) => ({ versionId: o.versionId, courseCode: o.courseCode, courseTitle: o.courseTitle, trackCode: o.trackCode })),
      startsAt: cohort.startsAt,
      endsAt: cohort.endsAt,
      timeZone: cohort.timeZone,
    };
  }

  listCohortIds(): Promise<string[]> {
    return this.facts.cohortIds();
  }

  applications(cohortId: string): Promise<ApplicationFact[]> {
    return this.facts.applications(cohortId);
  }

  enrollments(cohortId: string): Promise<EnrollmentFact[]> {
    return this.facts.enrollments(cohortId);
  }

  activity(cohortId: string, since: Date): Promise<ActivityFact[]> {
    return this.facts.activity(cohortId, since);
  }
  override weeklyActivity(cohortId: string, until: Date, weeks: number): Promise<ActivityFact[]> {
    return this.facts.weeklyActivity(cohortId, until, weeks);
  }
}
