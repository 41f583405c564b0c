import { Injectable } from '@nestjs/common';
import { Transactional } from '@gds/database';
import { forbidden, Principal, ProblemException, unprocessable } from '@gds/http';
import { Course } from './course.entity';
import { CourseAccess } from './course-access.service';
import { CourseAuthoring } from './course-authoring.service';
import { CourseVersions } from './course-versions.service';
import { COURSE_DOCUMENT_FORMAT, CourseDocumentDto, ImportCourseDto } from './dto/course-document.dto';
import type { Level } from './course.entity';
import type { TrackCode } from './track.entity';

/**
 * Export a version as one JSON document and import a document as a new draft. Module prerequisites
 * travel as positions (ids belong to the exporting system). Export → import → publish → export
 * gives the same document.
 */
@Injectable()
export class CourseExchange {
  constructor(
    private readonly access: CourseAccess,
    private readonly versions: CourseVersions,
    private readonly authoring: CourseAuthoring,
  ) {}

  async export(principal: Principal, courseId: string, version: number): Promise<CourseDocumentDto> {
    await this.access.findVisible(principal, courseId);
    if (!(await this.access.isEditor(principal, courseId))) throw forbidden('Only the course’s instructors and admins may export it.');
    const row = await this.versions.row(courseId, version);
    const contents = await this.versions.contents(row.id);
    const positionOf = new Map(row.outline.modules.map((m) => [m.moduleId, m.position]));
    return {
      format: COURSE_DOCUMENT_FORMAT,
      course: { title: row.title, summary: row.summary, trackCode: row.outline.trackCode as TrackCode, level: row.level as Level, estimatedHours: row.estimated_hours },
      modules: row.outline.modules.map((m) => ({
        title: m.title,
        summary: m.summary,
        skillCodes: m.skillCodes,
        prerequisitePositions: m.prerequisiteModuleIds.map((id) => positionOf.get(id) ?? 0).sort((a, b) => a - b),
        lessons: m.lessons.map((l) => {
          const { title, kind, body, videoUrl, durationSeconds, environmentNotes, externalUrl } = contents.get(l.lessonId)!;
          return { title, kind, body, videoUrl, durationSeconds, environmentNotes, externalUrl };
        }),
      })),
    };
  }

  /** Imports and publishes version 1 in one transaction (the demo seed); null when the code is taken. */
  @Transactional()
  async importAndPublish(principal: Principal, code: string, document: CourseDocumentDto): Promise<Course | null> {
    try {
      const course = await this.import(principal, { code, document });
      await this.authoring.publish(principal, course.id, 'First published version');
      return course;
    } catch (error) {
      if (error instanceof ProblemException && error.slug === 'course-code-taken') return null;
      throw error;
    }
  }

  @Transactional()
  async import(principal: Principal, input: ImportCourseDto): Promise<Course> {
    const { document } = input;
    const course = await this.authoring.createCourse(principal, { ...document.course, code: input.code, ownerId: input.ownerId });
    const moduleIds: string[] = [];
    for (const module of document.modules) {
      const created = await this.authoring.addModule(principal, course.id, { title: module.title, summary: module.summary, skillCodes: module.skillCodes });
      moduleIds.push(created.id);
      for (const lesson of module.lessons) await this.authoring.addLesson(principal, created.id, lesson);
    }
    for (const [index, module] of document.modules.entries()) {
      if (!module.prerequisitePositions.length) continue;
      const ids = module.prerequisitePositions.map((position) => moduleIds[position - 1]);
      if (ids.some((id) => !id)) throw unprocessable('unknown-module', `Module ${index + 1} names a prerequisite position that does not exist.`);
      await this.authoring.updateModule(principal, moduleIds[index], { prerequisiteModuleIds: ids });
    }
    return course;
  }
}
