import type { components } from '../../shared/api/schema.gen';

type Schemas = components['schemas'];
export type ReviewedApplication = Schemas['ApplicationReviewView'];
export type ApplicationPage = Schemas['ApplicationReviewPageView'];
export type Rubric = Schemas['RubricView'];
export type RubricCriterion = Schemas['RubricCriterionDto'];
export type TrackQuotas = Schemas['TrackQuotasView'];
export type DecisionRecord = Schemas['DecisionRecordView'];
export type BulkResult = Schemas['BulkDecisionResultView'];
export type Decision = Schemas['BulkDecisionItemDto']['decision'];
export type ApplicationStatus = ReviewedApplication['status'];
export type TrackCode = NonNullable<ReviewedApplication['trackCode']>;
