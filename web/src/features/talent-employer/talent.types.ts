import type { components } from '../../shared/api/schema.gen';

type Schemas = components['schemas'];
export type SearchItem = Schemas['TalentSearchItemView'];
export type SearchPage = Schemas['TalentSearchItemPageView'];
export type Candidate = Schemas['TalentProfileView'];
export type ShortlistEntry = Schemas['ShortlistEntryView'];
export type InterviewRequest = Schemas['InterviewRequestView'];
export type CareerFair = Schemas['CareerFairView'];
export type FairSlot = Schemas['FairSlotView'];
export type FairRegistration = Schemas['FairRegistrationView'];
export type Skill = Schemas['SkillView'];
export type CatalogueCourse = Schemas['CatalogueCourseView'];
export type TrackCode = SearchItem['trackCode'] & Skill['trackCode'];
export type Availability = SearchItem['availability'];
export type RequestState = InterviewRequest['state'];
export type OutcomeStage = NonNullable<InterviewRequest['stage']>;

export const TRACKS: readonly TrackCode[] = ['cybersecurity', 'data-analysis', 'ui-ux-design', 'cloud-engineering'];
export const AVAILABILITIES: readonly Availability[] = ['immediately', 'within_1_month', 'within_3_months', 'open_to_offers'];
