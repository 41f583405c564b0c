import type { CohortReport } from './outcome.types';

/** The report's disaggregation dimensions in the order the server's dashboard shows them. */
export const DIMENSION_NAMES: ReadonlyArray<keyof CohortReport['disaggregation']> = ['gender', 'ageBand', 'district', 'employer'];
