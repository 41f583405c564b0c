import { JobFailure, OutboxMessage } from '@gds/queue';
import { User } from './identity/user.entity';
import { RefreshToken } from './identity/refresh-token.entity';
import { Invitation } from './identity/invitation.entity';
import { RoleChange } from './identity/role-change.entity';
import { PipelineProbe } from './platform/pipeline-probe.entity';
import { Placement } from './reporting/placements/placement.entity';
import { PlacementFollowUp } from './reporting/placements/placement-follow-up.entity';
import { ReportSnapshot } from './reporting/report-snapshot.entity';

/** Every entity of the app, for the one data source (app and migration CLI). */
export const ENTITIES = [OutboxMessage, JobFailure, User, RefreshToken, Invitation, RoleChange, PipelineProbe, Placement, PlacementFollowUp, ReportSnapshot];
