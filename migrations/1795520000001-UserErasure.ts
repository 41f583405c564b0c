import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit of erasures on request: who erased which account, when and why (the account itself is pseudonymised). */
export class UserErasure1795520000001 implements MigrationInterface {
  name = 'UserErasure1795520000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_erasure (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        erased_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_erasure`);
  }
}
