import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { Enrollment } from './enrollment.entity';
import { enrollmentView } from './enrollments.service';
import { ProgressReader } from './progress-reader.service';

/** A trainee's own enrollments with live progress: modules (locked, open, done), due dates, what is next. */
@Injectable()
export class TraineeProgress {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly reader: ProgressReader,
  ) {}

  async enrollmentsOf(traineeId: string) {
    const enrollments = await this.txHost.tx.getRepository(Enrollment).find({ where: { traineeId }, order: { enrolledAt: 'DESC' } });
    const described = [];
    for (const enrollment of enrollments) described.push(await this.describe(enrollment));
    return described;
  }

  private async describe(enrollment: Enrollment) {
    const loaded = await this.reader.load(enrollment);
    const base = enrollmentView(enrollment);
    if (!loaded) return { ...base, cohort: null, course: null, modules: [], next: null };
    const { cohort, outline, progress } = loaded;
    return {
      ...base,
      percentComplete: progress.percentComplete,
      lessonsDone: progress.lessonsDone,
      modulesDone: progress.modulesDone,
      cohort: { id: cohort.id, name: cohort.name, status: cohort.status, startsAt: cohort.startsAt.toISOString(), endsAt: cohort.endsAt.toISOString() },
      course: { versionId: outline.versionId, courseId: outline.courseId, title: outline.courseTitle, code: outline.courseCode, version: outline.version },
      modules: progress.modules.map((m) => ({
        moduleId: m.moduleId,
        title: m.title,
        position: m.position,
        status: m.status,
        opensAt: m.opensAt.toISOString(),
        lessonsDone: m.lessonsDone,
        lessonsTotal: m.lessonsTotal,
        completedLessonIds: outline.modules.find((o) => o.moduleId === m.moduleId)!.lessons.filter((l) => loaded.facts.doneLessons.has(l.lessonId)).map((l) => l.lessonId),
        assessments: m.dueDates.map((d) => ({ ...d, dueAt: d.dueAt?.toISOString() ?? null })),
      })),
      next: progress.next,
    };
  }
}
