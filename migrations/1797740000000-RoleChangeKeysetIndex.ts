import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /users/:id/role-changes pages newest first by (changed_at, id) (issue 23.4): the index carries
 * the id, so a page is one index range read to its limit, with no sort of a user's whole trail
 * (changes in one transaction share their time). It replaces (user_id, changed_at), its prefix.
 */
export class RoleChangeKeysetIndex1797740000000 implements MigrationInterface {
  name = 'RoleChangeKeysetIndex1797740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX role_change_user_keyset_idx ON role_change (user_id, changed_at, id)');
    await q.query('DROP INDEX role_change_user_idx');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX role_change_user_idx ON role_change (user_id, changed_at)');
    await q.query('DROP INDEX role_change_user_keyset_idx');
  }
}
