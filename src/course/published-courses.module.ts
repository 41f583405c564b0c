import { Module } from '@nestjs/common';
import { CompetencyFramework } from './competency-framework.contract';
import { CompetencyFrameworkService } from './competency-framework.service';
import { DraftModulesDirectory } from './draft-modules-directory.service';
import { DraftCourseModules, PublishContributors, PublishedCourseVersions } from './published-course-versions.contract';
import { PublishedVersionsReader } from './published-versions-reader.service';

/**
 * The course module's read-only face for other modules: published versions, draft modules (for
 * assessment authoring), the publish-contributor registry and the competency framework. It holds no
 * access rules and needs no other domain module, so cohort, assessment, certification and reporting
 * import it while the course module proper (routes, authoring, access) may depend on cohort.
 */
@Module({
  providers: [
    PublishedVersionsReader,
    { provide: PublishedCourseVersions, useExisting: PublishedVersionsReader },
    DraftModulesDirectory,
    { provide: DraftCourseModules, useExisting: DraftModulesDirectory },
    PublishContributors,
    CompetencyFrameworkService,
    { provide: CompetencyFramework, useExisting: CompetencyFrameworkService },
  ],
  exports: [PublishedCourseVersions, DraftCourseModules, PublishContributors, CompetencyFramework],
})
export class PublishedCoursesModule {}
