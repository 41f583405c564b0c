import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open Badges 3.0 conformance and public revocation reasons:
 * - the names signed into a credential (track, skills) and the credential subject's id are kept with
 *   the certificate, so pages and PDFs show exactly what was signed;
 * - a revocation carries a reason code from a fixed list; the admin's free-text note moves out of the
 *   certificate row and lives only in the audit trail (certificate_event.detail), which already holds it.
 */
export class CredentialConformance1795530000000 implements MigrationInterface {
  name = 'CredentialConformance1795530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE certificate ADD COLUMN track_name text, ADD COLUMN skills jsonb, ADD COLUMN credential_subject_id uuid`);
    await q.query(`
      ALTER TABLE certificate ADD COLUMN revocation_reason_code text
        CHECK (revocation_reason_code IN ('issued-in-error', 'academic-misconduct', 'criteria-no-longer-met', 'holder-request', 'other'))`);
    // Revocations made before reason codes existed had free text only: they read as 'other'.
    await q.query(`UPDATE certificate SET revocation_reason_code = 'other' WHERE revoked_at IS NOT NULL`);
    await q.query(`ALTER TABLE certificate DROP CONSTRAINT certificate_revocation_complete`);
    await q.query(`ALTER TABLE certificate DROP COLUMN revocation_reason`);
    await q.query(`
      ALTER TABLE certificate ADD CONSTRAINT certificate_revocation_complete
        CHECK ((revoked_at IS NULL) = (revocation_reason_code IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE certificate DROP CONSTRAINT certificate_revocation_complete`);
    await q.query(`ALTER TABLE certificate ADD COLUMN revocation_reason text`);
    await q.query(`
      UPDATE certificate c SET revocation_reason = coalesce(
        (SELECT e.detail FROM certificate_event e WHERE e.certificate_id = c.id AND e.kind = 'revoked' ORDER BY e.created_at DESC LIMIT 1),
        c.revocation_reason_code)
       WHERE c.revoked_at IS NOT NULL`);
    await q.query(`ALTER TABLE certificate DROP COLUMN revocation_reason_code, DROP COLUMN credential_subject_id, DROP COLUMN skills, DROP COLUMN track_name`);
    await q.query(`
      ALTER TABLE certificate ADD CONSTRAINT certificate_revocation_complete
        CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))`);
  }
}
