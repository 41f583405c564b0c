import { JobFailure, OutboxMessage } from '@gds/queue';
import { User } from './identity/user.entity';
import { RefreshToken } from './identity/refresh-token.entity';
import { Invitation } from './identity/invitation.entity';
import { RoleChange } from './identity/role-change.entity';
import { PipelineProbe } from './platform/pipeline-probe.entity';
import { Assessment } from './assessment/assessment.entity';
import { AssessmentAttempt } from './assessment/assessment-attempt.entity';
import { Submission } from './assessment/submission.entity';
import { Grade } from './assessment/grade.entity';
import { HintReveal } from './assessment/hint-reveal.entity';
import { Regrade } from './assessment/regrade.entity';

/** Every entity of the app, for the one data source (app and migration CLI). */
export const ENTITIES = [OutboxMessage, JobFailure, User, RefreshToken, Invitation, RoleChange, PipelineProbe,
  Assessment, AssessmentAttempt, Submission, Grade, HintReveal, Regrade];
