import { Injectable } from '@nestjs/common';
import { Principal } from '@gds/http';
import { Course } from './course.entity';
import { CoursesService } from './courses.service';
import { CourseModules, ModuleDetail } from './course-modules.service';
import { Lessons } from './lessons.service';
import { Lesson } from './lesson.entity';
import { CoursePublisher } from './course-publisher.service';
import { CourseVersion } from './course-version.entity';
import type { CreateCourseDto } from './dto/course.dto';
import type { CreateLessonDto, CreateModuleDto, UpdateModuleDto } from './dto/structure.dto';

/**
 * Building courses from code (the demo seed, imports): the same rules and checks as the HTTP API,
 * acting as `actor` (an instructor or admin principal).
 */
@Injectable()
export class CourseAuthoring {
  constructor(
    private readonly courses: CoursesService,
    private readonly modules: CourseModules,
    private readonly lessons: Lessons,
    private readonly publisher: CoursePublisher,
  ) {}

  createCourse(actor: Principal, input: CreateCourseDto): Promise<Course> {
    return this.courses.create(actor, input);
  }

  addModule(actor: Principal, courseId: string, input: CreateModuleDto): Promise<ModuleDetail> {
    return this.modules.add(actor, courseId, input);
  }

  updateModule(actor: Principal, moduleId: string, input: UpdateModuleDto): Promise<ModuleDetail> {
    return this.modules.update(actor, moduleId, input);
  }

  addLesson(actor: Principal, moduleId: string, input: CreateLessonDto): Promise<Lesson> {
    return this.lessons.add(actor, moduleId, input);
  }

  setCoInstructors(actor: Principal, courseId: string, userIds: string[]): Promise<string[]> {
    return this.courses.setCoInstructors(actor, courseId, userIds);
  }

  publish(actor: Principal, courseId: string, changeNote?: string): Promise<CourseVersion> {
    return this.publisher.publish(actor, courseId, changeNote);
  }
}
