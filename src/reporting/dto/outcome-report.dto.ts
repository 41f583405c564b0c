import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIMENSIONS } from '../disaggregation';
import { SUPPRESSION_REASONS } from '../disclosure/suppression-reasons';

/*
 * The outcome reports' JSON (cohort-outcome-report.ts, cross-cohort-report.ts). A count or rate is
 * null where withheld, and its scope's `suppressed` list says which and why.
 */

const count = (description?: string) => ApiProperty({ type: 'integer', nullable: true, description });
const ratio = (description?: string) => ApiProperty({ type: 'number', nullable: true, description });

export class SuppressionView {
  @ApiProperty({ description: 'Path of the withheld figure in its figures object (e.g. certified, assessments.<id>.passed)' }) metric: string;
  @ApiProperty({ enum: Object.keys(SUPPRESSION_REASONS) }) reason: string;
}

export class AssessmentFiguresView {
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty() title: string;
  @count() attempted: number | null;
  @count() passed: number | null;
  @ratio() passRate: number | null;
}

export class SkillFiguresView {
  @ApiProperty() skillCode: string;
  @count('Trainees enrolled in a course version that assesses this skill') trainees: number | null;
  @count() attained: number | null;
  @ratio() attainmentRate: number | null;
}

export class FollowUpFiguresView {
  @count() recorded: number | null;
  @count() stillInRole: number | null;
}

export class PlacementFiguresView {
  @count() placed: number | null;
  @ratio() placementRate: number | null;
  @ApiProperty({ type: FollowUpFiguresView }) followUp3Months: FollowUpFiguresView;
  @ApiProperty({ type: FollowUpFiguresView }) followUp6Months: FollowUpFiguresView;
}

/** The figures of one scope: a cohort, one course version in it, or one track in it. */
export class OutcomeFiguresView {
  @ApiProperty({ type: 'integer' }) trainees: number;
  @ApiProperty({ type: 'integer' }) enrolled: number;
  @count() active: number | null;
  @count() withdrawn: number | null;
  @count() completed: number | null;
  @ratio() completionRate: number | null;
  @count() certified: number | null;
  @ratio() certificationRate: number | null;
  @count() atRisk: number | null;
  @count() weeklyActiveTrainees: number | null;
  @ratio() meanCourseScore: number | null;
  @ratio() medianCourseScore: number | null;
  @ratio() medianDaysToCompletion: number | null;
  @ApiProperty({ type: AssessmentFiguresView, isArray: true }) assessments: AssessmentFiguresView[];
  @ApiProperty({ type: SkillFiguresView, isArray: true }) skills: SkillFiguresView[];
  @ApiProperty({ type: PlacementFiguresView }) placements: PlacementFiguresView;
  @ApiProperty({ type: SuppressionView, isArray: true, description: 'The figures withheld in this scope, with the reason' }) suppressed: SuppressionView[];
}

export class ReportCohortView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startsAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endsAt: string | null;
}

export class FunnelView {
  @ApiProperty({ type: 'integer' }) applied: number;
  @ApiProperty({ type: 'integer' }) accepted: number;
  @ApiProperty({ type: 'integer' }) enrolled: number;
  @count('Null in a cohort of fewer than k trainees') completed: number | null;
  @count('Null in a cohort of fewer than k trainees') certified: number | null;
}

export class CourseFiguresView {
  @ApiProperty({ format: 'uuid' }) versionId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() trackCode: string;
  @ApiProperty({ type: OutcomeFiguresView, nullable: true, description: 'Null when the course has fewer than k trainees: it is counted in otherCourses' }) figures: OutcomeFiguresView | null;
  @ApiProperty({ type: String, enum: ['otherCourses'], nullable: true }) countedIn: 'otherCourses' | null;
}

export class OtherCoursesView {
  @ApiProperty({ type: String, isArray: true }) versionIds: string[];
  @ApiProperty({ type: OutcomeFiguresView }) figures: OutcomeFiguresView;
}

export class TrackFiguresView {
  @ApiProperty() trackCode: string;
  @ApiProperty({ type: OutcomeFiguresView, nullable: true }) figures: OutcomeFiguresView | null;
  @ApiProperty({ type: String, enum: ['otherTracks'], nullable: true }) countedIn: 'otherTracks' | null;
}

export class OtherTracksView {
  @ApiProperty({ type: String, isArray: true }) trackCodes: string[];
  @ApiProperty({ type: OutcomeFiguresView }) figures: OutcomeFiguresView;
}

export class WeeklyActivityView {
  @ApiProperty({ format: 'date' }) weekStarting: string;
  @count('Null for 1..k-1') activeTrainees: number | null;
}

export class TableWithheldView {
  @ApiProperty({ enum: [...Object.keys(SUPPRESSION_REASONS), 'fewer-than-two-categories'] }) reason: string;
}

/** A category × stage table as published (disaggregation.ts). */
export class SuppressedTableView {
  @ApiProperty({ type: String, isArray: true }) rows: string[];
  @ApiProperty({ type: String, isArray: true }) columns: string[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'integer', nullable: true } }, description: 'Null where withheld' }) cells: Array<Array<number | null>>;
  @ApiProperty({ type: 'integer', isArray: true }) rowTotals: number[];
  @ApiProperty({ type: 'array', items: { type: 'integer', nullable: true }, description: 'The stage counts; null when the cohort has fewer than k trainees' }) columnTotals: Array<number | null>;
  @ApiProperty({ type: 'integer' }) grandTotal: number;
  @count('Trainees whose value is not held; null when 1..k-1 (counted in "other")') notGiven: number | null;
  @ApiProperty({ type: 'integer' }) mergedIntoOther: number;
  @ApiProperty({ type: String, isArray: true }) withheldColumns: string[];
  @ApiProperty({ type: TableWithheldView, nullable: true }) withheld: TableWithheldView | null;
}

export class DisaggregationView {
  @ApiProperty({ type: SuppressedTableView }) gender: SuppressedTableView;
  @ApiProperty({ type: SuppressedTableView }) ageBand: SuppressedTableView;
  @ApiProperty({ type: SuppressedTableView }) district: SuppressedTableView;
  @ApiProperty({ type: SuppressedTableView }) employer: SuppressedTableView;
}

// DisaggregationView lists the dimensions by hand; this fails the build when one is added.
const DIMENSIONS_LISTED: Record<(typeof DIMENSIONS)[number], true> = { gender: true, ageBand: true, district: true, employer: true };
void DIMENSIONS_LISTED;

export class PipelineFiguresView {
  @count('Trainees who listed a talent profile') listed: number | null;
  @count('Trainees whose profile an employer viewed') viewed: number | null;
  @count() shortlisted: number | null;
  @count() interviewed: number | null;
  @count() hired: number | null;
  @ApiProperty({ type: SuppressionView, isArray: true }) suppressed: SuppressionView[];
}

export class CohortOutcomeReportView {
  @ApiProperty({ type: ReportCohortView }) cohort: ReportCohortView;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: 'integer', description: 'k: the smallest group a figure is published for' }) minCellSize: number;
  @ApiProperty({ type: 'integer' }) applicants: number;
  @ApiProperty({ type: 'integer' }) accepted: number;
  @ApiProperty({ type: FunnelView }) funnel: FunnelView;
  @ApiProperty({ type: OutcomeFiguresView }) overall: OutcomeFiguresView;
  @ApiProperty({ type: CourseFiguresView, isArray: true }) courses: CourseFiguresView[];
  @ApiProperty({ type: OtherCoursesView, nullable: true }) otherCourses: OtherCoursesView | null;
  @ApiProperty({ type: TrackFiguresView, isArray: true }) tracks: TrackFiguresView[];
  @ApiProperty({ type: OtherTracksView, nullable: true }) otherTracks: OtherTracksView | null;
  @ApiProperty({ type: WeeklyActivityView, isArray: true, description: 'Oldest first; the last week ends at asOf' }) weeklyActivity: WeeklyActivityView[];
  @ApiProperty({ type: DisaggregationView }) disaggregation: DisaggregationView;
  @ApiPropertyOptional({ type: PipelineFiguresView, description: 'Talent pipeline figures (absent from snapshots computed before the pipeline existed)' }) pipeline?: PipelineFiguresView;
}

export class CohortHeadlineView {
  @ApiProperty({ type: ReportCohortView }) cohort: ReportCohortView;
  @ApiProperty({ type: FunnelView }) funnel: FunnelView;
  @ApiProperty({ type: OutcomeFiguresView }) overall: OutcomeFiguresView;
  @ApiProperty({ type: PipelineFiguresView, description: 'Talent pipeline figures, exactly as the cohort’s own report publishes them' }) pipeline: PipelineFiguresView;
}

export class PooledPipelineView {
  @count('Trainees who listed a talent profile') listed: number | null;
  @count('Trainees whose profile an employer viewed') viewed: number | null;
  @count() shortlisted: number | null;
  @count() interviewed: number | null;
  @count() hired: number | null;
}

export class PooledFiguresView {
  @count() trainees: number | null;
  @count() enrolled: number | null;
  @count() active: number | null;
  @count() withdrawn: number | null;
  @count() completed: number | null;
  @count() certified: number | null;
  @count() atRisk: number | null;
  @ratio() completionRate: number | null;
  @ratio() certificationRate: number | null;
}

export class PooledFunnelView {
  @count() applied: number | null;
  @count() accepted: number | null;
  @count() enrolled: number | null;
  @count() completed: number | null;
  @count() certified: number | null;
}

export class CrossCohortReportView {
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: 'integer' }) minCellSize: number;
  @ApiProperty({ type: CohortHeadlineView, isArray: true, description: 'Each cohort’s headline, exactly as its own report publishes it' }) cohorts: CohortHeadlineView[];
  @ApiProperty({ type: PooledFiguresView, description: 'Sums of the published figures above; null when any cohort withholds that count' }) overall: PooledFiguresView;
  @ApiProperty({ type: PooledFunnelView }) funnel: PooledFunnelView;
  @ApiProperty({ type: PooledPipelineView, description: 'Sums of the cohorts’ published pipeline figures; null when any cohort withholds that stage' }) pipeline: PooledPipelineView;
}

export class ReportRefreshView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued'] }) status: 'queued';
  @ApiProperty({ description: 'The report to poll (its asOf moves on)' }) url: string;
}

export class DashboardLinkView {
  @ApiProperty({ description: 'The dashboard page with its signed ?access= token' }) url: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
