import type { InterviewRequest, OutcomeStage } from './talent.types';

/** The stages in the order they happen (the server's STAGE_ORDER); declined may end any of them but a hire. */
const ORDER: readonly OutcomeStage[] = ['interviewed', 'offered', 'hired'];

/**
 * The stages the employer may record next on a request, as the server allows them: only on a
 * request the candidate accepted, the next stage in order, or declined; nothing after hired or
 * declined. Steps the server would refuse are never offered.
 */
export function nextStages(request: Pick<InterviewRequest, 'state' | 'outcomes'>): OutcomeStage[] {
  if (request.state !== 'accepted') return [];
  const done = new Set(request.outcomes.map((o) => o.stage));
  if (done.has('hired') || done.has('declined')) return [];
  const next = ORDER.find((stage) => !done.has(stage));
  return next ? [next, 'declined'] : ['declined'];
}
