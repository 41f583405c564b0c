import type { EntityManager } from 'typeorm';

/**
 * Serialises everything that writes a trainee's talent profile from their evidence, held to the end
 * of the transaction. A row lock cannot do it for a first listing: there is no row yet to lock, so
 * an evidence refresh running meanwhile would find no profile, do nothing, and leave the new
 * profile with the evidence as it was before the change. With this lock taken first in both paths,
 * the later one waits and then reads what the earlier one committed. The key is the namespace and
 * a hash of the trainee id (two int4 keys: apart from the single-key locks used elsewhere); two
 * trainees sharing a hash only wait for each other a moment.
 */
export async function lockTalentProfile(tx: EntityManager, traineeId: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('gds:talent-profile'), hashtext($1))", [traineeId]);
}
