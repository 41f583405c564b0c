import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppTransactionHost, Transactional } from '@gds/database';
import { Principal, unprocessable } from '@gds/http';
import { Course } from './course.entity';
import { CourseVersion } from './course-version.entity';
import { CourseAccess } from './course-access.service';
import { CourseModules, ModuleDetail } from './course-modules.service';
import { Lessons } from './lessons.service';
import { Lesson } from './lesson.entity';
import { PublishContributors } from './published-course-versions.contract';
import type { FrozenAssessment, FrozenLessonContent, FrozenModule, FrozenOutline } from './course-snapshot';

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value ?? null)).digest('hex').slice(0, 32);

interface FrozenAssessmentRow {
  assessmentId: string;
  moduleId: string;
  frozen: unknown;
}

/**
 * Publishing freezes the whole draft — modules, lessons with their bodies, and the assessments the
 * contributors (the assessment module) hand over with their keys — into version n+1. Ids stay those
 * of the draft, so a lesson is the same lesson from version to version.
 */
@Injectable()
export class CoursePublisher {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CourseAccess,
    private readonly modules: CourseModules,
    private readonly lessons: Lessons,
    private readonly contributors: PublishContributors,
  ) {}

  @Transactional()
  async publish(principal: Principal, courseId: string, changeNote = ''): Promise<CourseVersion> {
    const course = await this.access.lockForEdit(principal, courseId);
    const modules = await this.modules.listOf(courseId);
    if (!modules.length) throw unprocessable('empty-course', 'A course needs at least one module to be published.');
    const lessons = await this.lessons.listOf(modules.map((m) => m.id));
    const assessments = await this.freezeAssessments(modules.map((m) => m.id));
    const outline = await this.outlineOf(course, modules, lessons, assessments.outlines);
    const version = await this.insertVersion(course, outline, principal.userId, changeNote);
    await this.insertContent(version.id, lessons, assessments.rows);
    await this.txHost.tx.getRepository(Course).update(course.id, { latestVersion: version.version, status: 'published' });
    return version;
  }

  private async outlineOf(course: Course, modules: ModuleDetail[], lessons: Lesson[], assessments: Map<string, FrozenAssessment[]>): Promise<FrozenOutline> {
    const prerequisites: Array<{ prerequisite_id: string }> = await this.txHost.tx.query(
      `SELECT prerequisite_id FROM course_prerequisite WHERE course_id = $1 ORDER BY prerequisite_id`,
      [course.id],
    );
    const frozenModules: FrozenModule[] = modules.map((m) => ({
      moduleId: m.id,
      title: m.title,
      summary: m.summary,
      position: m.position,
      prerequisiteModuleIds: m.prerequisiteModuleIds,
      skillCodes: m.skillCodes,
      lessons: lessons
        .filter((l) => l.moduleId === m.id)
        .map((l) => ({ lessonId: l.id, title: l.title, kind: l.kind, position: l.position, contentHash: hashOf(contentOf(l)) })),
      assessments: assessments.get(m.id) ?? [],
    }));
    return { courseCode: course.code, trackCode: course.trackCode, prerequisiteCourseIds: prerequisites.map((p) => p.prerequisite_id), modules: frozenModules };
  }

  private async freezeAssessments(moduleIds: string[]): Promise<{ outlines: Map<string, FrozenAssessment[]>; rows: FrozenAssessmentRow[] }> {
    const outlines = new Map<string, FrozenAssessment[]>();
    const rows: FrozenAssessmentRow[] = [];
    for (const contributor of this.contributors.all()) {
      const answered = await contributor.freezeModules(moduleIds);
      for (const [moduleId, items] of answered) {
        if (!moduleIds.includes(moduleId)) continue;
        for (const { outline, frozen } of items) {
          outlines.set(moduleId, [...(outlines.get(moduleId) ?? []), { ...outline, contentHash: hashOf(frozen) }]);
          rows.push({ assessmentId: outline.assessmentId, moduleId, frozen });
        }
      }
    }
    return { outlines, rows };
  }

  private async insertVersion(course: Course, outline: FrozenOutline, publishedBy: string, changeNote: string): Promise<CourseVersion> {
    const repository = this.txHost.tx.getRepository(CourseVersion);
    const { identifiers } = await repository.insert({
      courseId: course.id,
      version: course.latestVersion + 1,
      title: course.title,
      summary: course.summary,
      level: course.level,
      estimatedHours: course.estimatedHours,
      changeNote,
      publishedBy,
      publishedAt: new Date(),
      outline,
    });
    return repository.findOneByOrFail({ id: identifiers[0].id });
  }

  private async insertContent(versionId: string, lessons: Lesson[], assessments: FrozenAssessmentRow[]): Promise<void> {
    const lessonRows = lessons.map((l) => ({ lesson_id: l.id, module_id: l.moduleId, content: contentOf(l) }));
    await this.txHost.tx.query(
      `INSERT INTO course_version_lesson (version_id, lesson_id, module_id, content)
       SELECT $1, x.lesson_id, x.module_id, x.content FROM jsonb_to_recordset($2::jsonb) AS x(lesson_id uuid, module_id uuid, content jsonb)`,
      [versionId, JSON.stringify(lessonRows)],
    );
    const assessmentRows = assessments.map((a) => ({ assessment_id: a.assessmentId, module_id: a.moduleId, frozen: a.frozen ?? null }));
    await this.txHost.tx.query(
      `INSERT INTO course_version_assessment (version_id, assessment_id, module_id, frozen)
       SELECT $1, x.assessment_id, x.module_id, coalesce(x.frozen, 'null'::jsonb) FROM jsonb_to_recordset($2::jsonb) AS x(assessment_id uuid, module_id uuid, frozen jsonb)`,
      [versionId, JSON.stringify(assessmentRows)],
    );
  }
}

export function contentOf(lesson: Lesson): FrozenLessonContent {
  const { title, kind, body, videoUrl, durationSeconds, environmentNotes, externalUrl } = lesson;
  return { title, kind, body, videoUrl, durationSeconds, environmentNotes, externalUrl };
}
