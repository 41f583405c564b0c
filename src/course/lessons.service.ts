import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { badRequest, FieldError, forbidden, notFound, Principal, unprocessable } from '@gds/http';
import { CourseAccess } from './course-access.service';
import { Lesson, LessonKind } from './lesson.entity';
import { CourseModules } from './course-modules.service';
import { movedOrder, renumber } from './positions';
import type { CreateLessonDto, LessonFieldsDto, UpdateLessonDto } from './dto/structure.dto';

type LessonContent = Pick<Lesson, 'kind' | 'body' | 'videoUrl' | 'durationSeconds' | 'environmentNotes' | 'externalUrl'>;

/** What each kind needs, and what it must not carry (mirrors the lesson_kind_fields check). */
export function lessonContentErrors(content: LessonContent): FieldError[] {
  const errors: FieldError[] = [];
  const need = (field: keyof LessonContent, why: string) => content[field] == null && errors.push({ field, message: why });
  const refuse = (field: keyof LessonContent) => content[field] != null && errors.push({ field, message: `is not used by ${content.kind} lessons` });
  const rules: Record<LessonKind, () => void> = {
    article: () => (need('body', 'an article needs a Markdown body'), refuse('videoUrl'), refuse('externalUrl')),
    video: () => (need('videoUrl', 'a video needs its URL'), need('durationSeconds', 'a video needs its duration'), refuse('externalUrl')),
    lab: () => (need('body', 'a lab needs instructions'), refuse('videoUrl'), refuse('externalUrl')),
    external: () => (need('externalUrl', 'an external resource needs its URL'), refuse('videoUrl')),
  };
  rules[content.kind]();
  return errors;
}

/** The ordered lessons of a draft module. */
@Injectable()
export class Lessons {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly modules: CourseModules,
    private readonly access: CourseAccess,
  ) {}

  private get lessons() {
    return this.txHost.tx.getRepository(Lesson);
  }

  @Transactional()
  async add(principal: Principal, moduleId: string, input: CreateLessonDto): Promise<Lesson> {
    await this.modules.lockModule(principal, moduleId);
    const content = { kind: input.kind, ...contentFields(input) };
    this.check(content);
    const [{ next }] = await this.txHost.tx.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM lesson WHERE module_id = $1`, [moduleId]);
    const { identifiers } = await this.lessons.insert({ moduleId, position: next, title: input.title, ...content });
    return this.lessons.findOneByOrFail({ id: identifiers[0].id });
  }

  @Transactional()
  async update(principal: Principal, lessonId: string, input: UpdateLessonDto): Promise<Lesson> {
    const lesson = await this.lockLesson(principal, lessonId);
    const { title: newTitle, kind: newKind, body: newBody, videoUrl: newVideo, durationSeconds: newDuration, environmentNotes: newNotes, externalUrl: newUrl } = input;
    const changes = { title: newTitle, kind: newKind, body: newBody, videoUrl: newVideo, durationSeconds: newDuration, environmentNotes: newNotes, externalUrl: newUrl };
    const merged: Lesson = { ...lesson, ...defined(changes) };
    this.check(merged);
    const { title, kind, body, videoUrl, durationSeconds, environmentNotes, externalUrl } = merged;
    await this.lessons.update(lessonId, { title, kind, body, videoUrl, durationSeconds, environmentNotes, externalUrl });
    return this.lessons.findOneByOrFail({ id: lessonId });
  }

  @Transactional()
  async remove(principal: Principal, lessonId: string): Promise<void> {
    const lesson = await this.lockLesson(principal, lessonId);
    await this.lessons.delete(lessonId);
    await renumber(this.txHost.tx, 'lesson', await this.orderedIds(lesson.moduleId));
  }

  /** Moves a lesson to a position, optionally into another module of the same course. */
  @Transactional()
  async move(principal: Principal, lessonId: string, position: number, targetModuleId?: string): Promise<Lesson[]> {
    const lesson = await this.lockLesson(principal, lessonId);
    const target = targetModuleId ?? lesson.moduleId;
    if (target !== lesson.moduleId) {
      const [source, destination] = await this.txHost.tx.query(
        `SELECT course_id FROM course_module WHERE id = $1 UNION ALL SELECT course_id FROM course_module WHERE id = $2`,
        [lesson.moduleId, target],
      );
      if (!destination || destination.course_id !== source.course_id) {
        throw unprocessable('unknown-module', 'The lesson can only move to another module of the same course.');
      }
    }
    const order = await this.orderedIds(target);
    const ids = target === lesson.moduleId ? order : [...order, lessonId];
    const moved = movedOrder(ids, lessonId, position);
    if (target !== lesson.moduleId) {
      await this.lessons.update(lessonId, { moduleId: target });
      await renumber(this.txHost.tx, 'lesson', await this.orderedIds(lesson.moduleId));
    }
    await renumber(this.txHost.tx, 'lesson', moved);
    return this.lessons.find({ where: { moduleId: target }, order: { position: 'ASC' } });
  }

  /** A draft lesson, for its editors (others: 404, or 403 once the course is published). */
  async get(principal: Principal, lessonId: string): Promise<Lesson> {
    const lesson = await this.lessons.findOneBy({ id: lessonId });
    if (!lesson) throw notFound('Lesson');
    const [course] = await this.txHost.tx.query(
      `SELECT c.id AS course_id, c.latest_version FROM course c JOIN course_module m ON m.course_id = c.id WHERE m.id = $1`,
      [lesson.moduleId],
    );
    // Its module deleted (the lesson with it) between the two reads: gone, as a 404 says, not a 500.
    if (!course) throw notFound('Lesson');
    const { course_id: courseId, latest_version: latest } = course;
    if (!(await this.access.isEditor(principal, courseId))) {
      if (latest === 0) throw notFound('Lesson');
      throw forbidden('Draft lessons are for the course’s editors; read a published version instead.');
    }
    return lesson;
  }

  async listOf(moduleIds: string[]): Promise<Lesson[]> {
    if (!moduleIds.length) return [];
    return this.lessons.createQueryBuilder('l').where('l.moduleId IN (:...moduleIds)', { moduleIds }).orderBy('l.position', 'ASC').getMany();
  }

  private async lockLesson(principal: Principal, lessonId: string): Promise<Lesson> {
    const lesson = await this.lessons.findOneBy({ id: lessonId });
    if (!lesson) throw notFound('Lesson');
    await this.modules.lockModule(principal, lesson.moduleId).catch((error) => {
      throw error?.problemStatus === 404 ? notFound('Lesson') : error;
    });
    return lesson;
  }

  private async orderedIds(moduleId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query(`SELECT id FROM lesson WHERE module_id = $1 ORDER BY position`, [moduleId]);
    return rows.map((r) => r.id);
  }

  private check(content: LessonContent): void {
    const errors = lessonContentErrors(content);
    if (errors.length) throw badRequest('validation', 'The lesson’s fields do not fit its kind.', errors);
  }
}

function contentFields(input: LessonFieldsDto) {
  return {
    body: input.body ?? null,
    videoUrl: input.videoUrl ?? null,
    durationSeconds: input.durationSeconds ?? null,
    environmentNotes: input.environmentNotes ?? null,
    externalUrl: input.externalUrl ?? null,
  };
}

const defined = <T extends Record<string, unknown>>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
