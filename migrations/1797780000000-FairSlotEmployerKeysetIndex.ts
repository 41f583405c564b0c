import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /career-fairs/:id/slots pages by (starts_at, id) (issue 23.4). Trainees and admins read every
 * slot of the fair through fair_slot_fair_idx (fair_id, starts_at, id). An employer reads only their
 * organisation's: through that index a page would be filtered out of every other organisation's
 * slots of the fair; with the organisation in the key it is one index range read to its limit.
 */
export class FairSlotEmployerKeysetIndex1797780000000 implements MigrationInterface {
  name = 'FairSlotEmployerKeysetIndex1797780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX fair_slot_organisation_keyset_idx ON fair_slot (fair_id, organisation_id, starts_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX fair_slot_organisation_keyset_idx');
  }
}
