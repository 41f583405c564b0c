/** Postgres SQLSTATE codes the code reacts to: the one list, so a fix lands once. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK_DETECTED = '40P01';
export const PG_DUPLICATE_DATABASE = '42P04';
export const PG_DUPLICATE_OBJECT = '42710';
/** Class 22 (data exception: a value out of range or malformed) and class 23 (integrity constraint violation). */
export const PG_DATA_EXCEPTION_CLASS = '22';
export const PG_INTEGRITY_CONSTRAINT_CLASS = '23';

/**
 * The database is out of reach or asks for a retry: admin or crash shutdown (57P01, 57P03), too many
 * connections (53300), connection failures (08006, 08001), deadlock and serialization failure.
 */
export const PG_TRANSIENT_CODES: ReadonlySet<string> = new Set(['57P01', '57P03', '53300', '08006', '08001', PG_DEADLOCK_DETECTED, PG_SERIALIZATION_FAILURE]);

export function postgresCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (postgresCode(error) !== PG_UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  const candidate = error as { constraint?: string; driverError?: { constraint?: string } };
  return (candidate.driverError?.constraint ?? candidate.constraint) === constraint;
}
