import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every person and every cohort has a time zone (an IANA name, checked against the server's Intl
 * by the API): due dates, unlock days, "starts today" and digests are computed in it. Existing rows
 * take the programme's zone, Belize.
 */
export class TimeZones1795640000000 implements MigrationInterface {
  name = 'TimeZones1795640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN time_zone text NOT NULL DEFAULT 'America/Belize' CHECK (length(time_zone) BETWEEN 1 AND 64)`);
    await q.query(`ALTER TABLE cohort ADD COLUMN time_zone text NOT NULL DEFAULT 'America/Belize' CHECK (length(time_zone) BETWEEN 1 AND 64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cohort DROP COLUMN time_zone');
    await q.query('ALTER TABLE app_user DROP COLUMN time_zone');
  }
}
