import type { components } from '../../shared/api/schema.gen';

type Schemas = components['schemas'];

/** The trainee's own talent profile: what employers see, and whether it is listed. */
export type MyTalentProfile = Schemas['MyTalentProfileView'];
export type Availability = MyTalentProfile['availability'];
export type ProfileViewer = Schemas['ProfileViewerView'];
export type InterviewRequest = Schemas['InterviewRequestView'];
export type CareerFair = Schemas['CareerFairView'];
export type FairSlot = Schemas['FairSlotView'];
export type FairRegistration = Schemas['FairRegistrationView'];
export type MyFairBooking = Schemas['MyFairBookingView'];

/** The body that lists the profile (PUT /me/talent-profile). */
export type ListMe = Schemas['ListMeDto'];
