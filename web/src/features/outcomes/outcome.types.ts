import type { components } from '../../shared/api/schema.gen';

type Schemas = components['schemas'];
export type CohortReport = Schemas['CohortOutcomeReportView'];
export type CrossCohortReport = Schemas['CrossCohortReportView'];
export type OutcomeFigures = Schemas['OutcomeFiguresView'];
export type SuppressedTable = Schemas['SuppressedTableView'];
export type Suppression = Schemas['SuppressionView'];
