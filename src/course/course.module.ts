import { DynamicModule, Global, Module } from '@nestjs/common';
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
import { DraftModulesDirectory } from './draft-course-modules.service';
import { CompetencyFramework } from './competency-framework.contract';
import { CompetencyFrameworkService } from './competency-framework.service';
import { DraftCourseModules, PublishContributors, PublishedCourseVersions } from './published-course-versions.contract';
import { CoursesController } from './courses.controller';
import { CourseVersionsController } from './course-versions.controller';
import { LessonsController, ModulesController } from './course-structure.controller';
import { SkillsController, TracksController } from './tracks.controller';

/**
 * Tracks, skills, courses and their immutable published versions. Other modules use the contracts
 * (PublishedCourseVersions, DraftCourseModules, PublishContributors, CompetencyFramework); the seed uses CourseAuthoring.
 */
@Global()
@Module({
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
    DraftModulesDirectory,
    PublishContributors,
    { provide: PublishedCourseVersions, useExisting: CourseVersions },
    { provide: DraftCourseModules, useExisting: DraftModulesDirectory },
    CompetencyFrameworkService,
    { provide: CompetencyFramework, useExisting: CompetencyFrameworkService },
  ],
  exports: [PublishedCourseVersions, DraftCourseModules, PublishContributors, CompetencyFramework, CourseAuthoring, CourseExchange],
})
export class CourseModule {
  static withHttp(): DynamicModule {
    return {
      module: CourseModule,
      controllers: [TracksController, SkillsController, CoursesController, CourseVersionsController, ModulesController, LessonsController],
    };
  }
}
