/**
 * Built-in functions a trainee's query must not call, because they reach outside the answer: they
 * leave state behind, write WAL, take cluster-wide shared memory, show other sessions or other
 * exercises' definitions. Postgres grants EXECUTE on every built-in to PUBLIC; revoking it in the
 * sandbox database (pg_proc is per database) takes them from every reader role there. Each group
 * names the reason; `pattern` matches `pg_catalog` function names (every overload), so versions
 * that add overloads are covered too. README, "SQL sandbox defences", lists these.
 */
export interface RevokedFunctionGroup {
  reason: string;
  pattern: RegExp;
}

export const REVOKED_FUNCTION_GROUPS: RevokedFunctionGroup[] = [
  {
    reason: 'advisory locks: held in the cluster-wide lock table (a flood exhausts it for every database) and outlive the answer on a session',
    pattern: /^pg_(try_)?advisory_/,
  },
  { reason: 'writes WAL from a read-only, rolled-back transaction', pattern: /^pg_logical_emit_message$/ },
  {
    reason: 'large objects: created and written (WAL) even in a read-only transaction',
    pattern: /^(lo_.*|loread|lowrite)$/,
  },
  { reason: 'assigns a transaction id (WAL, xid consumption) from a read-only transaction', pattern: /^(pg_current_xact_id|txid_current)$/ },
  { reason: "messages other sessions' listeners", pattern: /^pg_notify$/ },
  { reason: 'changes settings (work_mem, temp_buffers, ...) that raise what one answer may take', pattern: /^set_config$/ },
  {
    reason: "other sessions: their statements, users, addresses, locks and progress; cancelling or ending them",
    pattern: /^(pg_stat_get_backend_.*|pg_stat_get_activity|pg_stat_get_progress_info|pg_lock_status|pg_blocking_pids|pg_safe_snapshot_blocking_pids|pg_cancel_backend|pg_terminate_backend)$/,
  },
  {
    reason: "other exercises' definitions: views, rules, functions, triggers, indexes, constraints, defaults, statistics",
    pattern: /^pg_get_(viewdef|ruledef|triggerdef|indexdef|constraintdef|functiondef|function_.*|expr|partkeydef|partition_constraintdef|statisticsobjdef.*)$/,
  },
  {
    reason: 'locks any relation by oid (a lock per relation of the database) or walks data directories',
    pattern: /^pg_(relation_size|table_size|indexes_size|total_relation_size|database_size|tablespace_size)$/,
  },
];

/** Extension functions revoked wherever they are installed (any schema): connections to elsewhere. */
export const REVOKED_EXTENSION_FUNCTIONS = /^dblink/;

/** What the owner role (instructors' dataset scripts, the provisioner itself) keeps of the above. */
export const OWNER_KEEPS = ['pg_catalog.pg_advisory_xact_lock(bigint)', 'pg_catalog.set_config(text, text, boolean)'];

/** Finds the revoked functions present in a database, as `regprocedure` text. */
export const REVOKED_FUNCTIONS_QUERY = `
  SELECT p.oid::regprocedure::text AS signature
    FROM pg_catalog.pg_proc p
   WHERE (p.pronamespace = 'pg_catalog'::regnamespace AND p.proname ~ ANY($1::text[]))
      OR p.proname ~ $2
   ORDER BY 1`;

export function revokedFunctionParameters(): [string[], string] {
  return [REVOKED_FUNCTION_GROUPS.map((g) => g.pattern.source), REVOKED_EXTENSION_FUNCTIONS.source];
}
