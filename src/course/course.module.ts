import { DynamicModule, Module, ModuleMetadata, Provider } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { CourseAccess } from './course-access.service';
import { CoursesService } from './courses.service';
import { CourseModules } from './course-modules.service';
import { Lessons } from './lessons.service';
import { CoursePublisher } from './course-publisher.service';
import { CourseVersions } from './course-versions.service';
import { CourseCatalogue } from './course-catalogue.service';
import { CourseDetails } from './course-details.service';
import { CourseAuthoring } from './course-authoring.service';
import { CourseExchange } from './course-exchange.service';
import { SkillsService } from './skills.service';
import { CourseReaders } from './course-readers.contract';
import { PublishedCoursesModule } from './published-courses.module';
import { CoursesController } from './courses.controller';
import { CourseVersionsController } from './course-versions.controller';
import { LessonsController } from './lessons.controller';
import { ModulesController } from './modules.controller';
import { SkillsController, TracksController } from './tracks.controller';

export { PublishedCoursesModule };

/** Where the course module's CourseReaders come from: the module that provides them, and the binding. */
export interface CourseReadersBinding {
  imports: NonNullable<ModuleMetadata['imports']>;
  readers: Provider<CourseReaders>;
}

/**
 * Tracks, skills, courses, authoring and publishing, and the routes that read versions. Other
 * modules import PublishedCoursesModule (the read-only contracts), never this one; the seed uses
 * CourseAuthoring. Who may read lesson bodies depends on enrollments, which this module asks of
 * its CourseReaders port: the composition root binds it (`register`), so course never names cohort.
 */
@Module({
  imports: [PublishedCoursesModule, IdentityModule],
  providers: [
    CourseAccess,
    CoursesService,
    CourseModules,
    Lessons,
    CoursePublisher,
    CourseVersions,
    CourseCatalogue,
    CourseDetails,
    CourseAuthoring,
    CourseExchange,
    SkillsService,
  ],
  controllers: [TracksController, SkillsController, CoursesController, CourseVersionsController, ModulesController, LessonsController],
  exports: [CourseAuthoring, CourseExchange],
})
export class CourseModule {
  static register(binding: CourseReadersBinding): DynamicModule {
    return { module: CourseModule, imports: binding.imports, providers: [binding.readers] };
  }
}
