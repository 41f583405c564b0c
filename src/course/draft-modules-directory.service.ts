import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { DraftCourseModules, DraftModuleRef } from './published-course-versions.contract';

/** Tells the assessment module who may attach assessments to a draft module. */
@Injectable()
export class DraftModulesDirectory implements DraftCourseModules {
  constructor(private readonly txHost: AppTransactionHost) {}

  async getModule(moduleId: string): Promise<DraftModuleRef | null> {
    const rows: Array<{ course_id: string; status: DraftModuleRef['courseStatus']; owner_id: string; co: string[] }> = await this.txHost.tx.query(
      `SELECT c.id AS course_id, c.status, c.owner_id,
              coalesce((SELECT array_agg(user_id::text) FROM course_co_instructor WHERE course_id = c.id), '{}') AS co
         FROM course_module m JOIN course c ON c.id = m.course_id WHERE m.id = $1`,
      [moduleId],
    );
    if (!rows.length) return null;
    const [row] = rows;
    return { moduleId, courseId: row.course_id, editorIds: [row.owner_id, ...row.co], courseStatus: row.status };
  }
}
