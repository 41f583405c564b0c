/**
 * The advisory lock of one trainee's attempts on one assessment, as the SQL call that takes it until
 * the transaction ends: every lock on attempts goes through here (an attempt start, a submit by
 * either path, the bench's bare quiz route), so they all exclude each other.
 *
 * By trainee, not enrollment: a submit takes it in the statement that finds the enrollment, before
 * the enrollment is known. A trainee with two enrollments holding the assessment is serialised across
 * both, which is only stricter.
 *
 * The key is made in SQL from the ids cast to uuid, whose text is canonical (lowercase, hyphenated),
 * so a caller cannot spell it two ways: ParseUUIDPipe lets an id in capitals through unchanged, and a
 * key made in JavaScript from the URL's id took another lock than the attempt start's, made from the
 * stored id. For ids already canonical the key text is `attempt:<trainee>:<assessment>`, as it was.
 * The arguments are placeholders (`$1`), never ids: nothing outside the cast can reach the key.
 */
export function attemptLockSql(trainee: string, assessment: string): string {
  for (const placeholder of [trainee, assessment]) {
    if (!/^\$[1-9]\d*$/.test(placeholder)) throw new Error(`attemptLockSql takes placeholders such as $1, not ${JSON.stringify(placeholder)}`);
  }
  return `pg_advisory_xact_lock(hashtextextended('attempt:' || ${trainee}::uuid::text || ':' || ${assessment}::uuid::text, 0))`;
}
