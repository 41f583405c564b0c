import { useLingui } from '@lingui/react/macro';
import type { Availability, OutcomeStage, RequestState, TrackCode } from './talent.types';

/** The words the employer's screens use for the API's codes. */
export function useTalentLabels() {
  const { t } = useLingui();
  const track: Record<TrackCode, string> = {
    cybersecurity: t`Cybersecurity`,
    'data-analysis': t`Data analysis`,
    'ui-ux-design': t`UI/UX design`,
    'cloud-engineering': t`Cloud engineering`,
  };
  const availability: Record<Availability, string> = {
    immediately: t`Available now`,
    within_1_month: t`Within a month`,
    within_3_months: t`Within three months`,
    open_to_offers: t`Open to offers`,
  };
  const state: Record<RequestState, string> = {
    pending: t`Waiting for an answer`,
    accepted: t`Accepted`,
    declined: t`Declined by the candidate`,
    ended: t`Ended: the candidate is no longer listed`,
  };
  const stage: Record<OutcomeStage, string> = {
    interviewed: t`Interviewed`,
    offered: t`Offered`,
    hired: t`Hired`,
    declined: t`Declined`,
  };
  return { track, availability, state, stage };
}
