import type { OutcomeInputs } from './outcome-inputs';
import { isSmall, isSmallSplit, Suppression } from './disclosure/suppression-reasons';

export const PIPELINE_STAGES = ['listed', 'viewed', 'shortlisted', 'interviewed', 'hired'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** Distinct trainees of the cohort at each stage of the talent pipeline; null where withheld. */
export type PipelineFigures = Record<PipelineStage, number | null> & { suppressed: Suppression[] };

/**
 * The cohort's talent-pipeline figures under the same disclosure control as the rest of the report:
 * in a cohort of fewer than k trainees all are withheld; otherwise a stage whose count, or whose
 * complement among the cohort's trainees, is 1..k-1 is withheld. Each stage is counted on its own
 * (not a sum of others), so no withheld figure can be worked out from the published ones.
 */
export function pipelineFigures(inputs: OutcomeInputs): PipelineFigures {
  const k = inputs.minCellSize;
  const trainees = new Set(inputs.enrollments.map((e) => e.traineeId));
  const figures = { suppressed: [] as Suppression[] } as PipelineFigures;
  const tiny = isSmall(trainees.size, k);
  for (const stage of PIPELINE_STAGES) {
    const count = new Set((inputs.pipeline?.[stage] ?? []).filter((id) => trainees.has(id))).size;
    const withheld = tiny ? 'fewer-than-k-trainees' : isSmallSplit(count, trainees.size, k) ? 'small-count' : null;
    figures[stage] = withheld ? null : count;
    if (withheld) figures.suppressed.push({ metric: stage, reason: withheld });
  }
  return figures;
}
