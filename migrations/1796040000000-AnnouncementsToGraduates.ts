import { MigrationInterface, QueryRunner } from 'typeorm';

/** Announcements may reach a cohort's completed trainees (graduates) too, when staff ask for it. */
export class AnnouncementsToGraduates1796040000000 implements MigrationInterface {
  name = 'AnnouncementsToGraduates1796040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE announcement ADD COLUMN include_completed boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE announcement DROP COLUMN include_completed');
  }
}
