import { createHash, createHmac } from 'node:crypto';

/** Owns every dataset schema; runs the instructor's dataset SQL and reference query. */
export const SANDBOX_OWNER_ROLE = 'gds_sandbox_owner';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export interface SandboxColumn {
  name: string;
  type: string;
}

export interface SandboxTable {
  name: string;
  columns: SandboxColumn[];
  rows: Array<Array<string | number | boolean | null>>;
}

/** An exercise's data: SQL (DDL and inserts) and/or tables given as rows. */
export interface SandboxDataset {
  sql?: string;
  tables?: SandboxTable[];
}

/** Where a provisioned dataset lives and who may read it. */
export interface SandboxHandle {
  hash: string;
  schema: string;
  readerRole: string;
}

/**
 * Same data, same hash: a dataset is provisioned once however many exercises use it. The hash is
 * of a canonical form (object keys sorted at every level), because a key read back from jsonb has
 * its keys in jsonb's order, not the order the instructor wrote them in.
 */
export function datasetHash(dataset: SandboxDataset): string {
  const canonical = canonicalJson({ sql: dataset.sql ?? null, tables: dataset.tables ?? [] });
  return createHash('sha256').update(canonical).digest('hex');
}

/** JSON with every object's keys sorted; arrays keep their order (rows and columns are ordered data). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function handleFor(dataset: SandboxDataset): SandboxHandle {
  return handleOfHash(datasetHash(dataset));
}

export function handleOfHash(hash: string): SandboxHandle {
  return { hash, schema: `ds_${hash.slice(0, 24)}`, readerRole: `gds_sbx_reader_${hash.slice(0, 24)}` };
}

/**
 * Each dataset has its own reader role, so a trainee's query can read that dataset's schema and
 * nothing else (not even another exercise's data). Its password is derived, never stored.
 */
export function rolePassword(secret: string, role: string): string {
  return createHmac('sha256', secret).update(`sandbox-role:${role}`).digest('hex');
}

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** Quotes a name the code produced or validated; refuses anything else rather than escaping it. */
export function quoteIdent(name: string): string {
  if (!isIdentifier(name)) throw new Error(`Unsafe identifier "${name}"`);
  return `"${name}"`;
}
