import { JobFailure, OutboxMessage } from '@gds/queue';
import { User } from './identity/user.entity';
import { RefreshToken } from './identity/refresh-token.entity';
import { Invitation } from './identity/invitation.entity';
import { RoleChange } from './identity/role-change.entity';
import { PipelineProbe } from './platform/pipeline-probe.entity';
import { NotificationEvent } from './notification/notification-event.entity';
import { NotificationDelivery } from './notification/notification-delivery.entity';
import { NotificationPreference } from './notification/notification-preference.entity';
import { EmailDigest } from './notification/email-digest.entity';
import { Webhook } from './notification/webhook.entity';
import { WebhookDelivery } from './notification/webhook-delivery.entity';
import { NotificationScheduleRun } from './notification/notification-schedule-run.entity';

/** Every entity of the app, for the one data source (app and migration CLI). */
export const ENTITIES = [OutboxMessage, JobFailure, User, RefreshToken, Invitation, RoleChange, PipelineProbe,
  NotificationEvent, NotificationDelivery, NotificationPreference, EmailDigest, Webhook, WebhookDelivery, NotificationScheduleRun,
];
