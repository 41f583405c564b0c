import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Job ids now come from the job catalog already fit for BullMQ (no ':'), and the relay adds jobs
 * under them as stored. Rows not yet relayed may hold an id of the former form (`grade:<id>`),
 * which the relay used to escape on its way to Redis: they are escaped here the same way, once,
 * so that the relay has one scheme and BullMQ refuses none of them.
 */
export class OutboxJobIdsFromCatalog1795650000000 implements MigrationInterface {
  name = 'OutboxJobIdsFromCatalog1795650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE outbox_message SET job_id = replace(replace(job_id, '%', '%25'), ':', '%3A')
       WHERE sent_at IS NULL AND job_id LIKE '%:%'`);
  }

  async down(): Promise<void> {
    // The escaped ids are what the former relay sent to BullMQ anyway: nothing to undo.
  }
}
