import { ValueTransformer } from 'typeorm';

/** pg answers numeric as strings; the entities speak numbers. */
export const NUMERIC: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
