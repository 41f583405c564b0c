import { JobFailure, OutboxMessage } from '@gds/queue';
import { User } from './identity/user.entity';
import { RefreshToken } from './identity/refresh-token.entity';
import { Invitation } from './identity/invitation.entity';
import { RoleChange } from './identity/role-change.entity';
import { PipelineProbe } from './platform/pipeline-probe.entity';
import { Cohort, CohortCourseVersion, CohortInstructor, CohortModuleUnlock } from './cohort/cohort.entity';
import { Application, ApplicationDecision } from './cohort/application.entity';
import { AssessmentGrade, Enrollment, LessonCompletion, ModuleProgress, TraineeImport } from './cohort/enrollment.entity';

/** Every entity of the app, for the one data source (app and migration CLI). */
export const ENTITIES = [
  OutboxMessage, JobFailure, User, RefreshToken, Invitation, RoleChange, PipelineProbe,
  Cohort, CohortCourseVersion, CohortModuleUnlock, CohortInstructor, Application, ApplicationDecision,
  Enrollment, LessonCompletion, AssessmentGrade, ModuleProgress, TraineeImport,
];
