import { FigureCell, type FigureKind } from './figure-cell';
import { figureState } from './figures';
import type { OutcomeFigures } from './outcome.types';

/**
 * Cells of one scope's figures (the cohort, a track, a course): each knows its JSON path, and a
 * null reads "Suppressed" only when the scope lists it as withheld (the metric path used by the
 * server's list differs from the JSON path for skills and assessments, which are keyed by code/id).
 */
export function scopeCells(figures: OutcomeFigures | null, base: string) {
  return (relativePath: string, value: number | null, kind: FigureKind, metric: string = relativePath) => (
    <FigureCell key={relativePath} path={`${base}.${relativePath}`} kind={kind} state={figures ? figureState(value, metric, figures.suppressed) : figureState(null, null, null)} />
  );
}
