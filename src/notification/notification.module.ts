import { Module } from '@nestjs/common';
import { NotificationFanout } from './notification-fanout.service';
import { NotificationPreferences } from './notification-preferences.service';
import { Inbox } from './inbox.service';
import { EmailSender } from './email-sender.service';
import { EmailDelivery } from './email-delivery.service';
import { EmailDigests } from './email-digests.service';
import { AccountEmails } from './account-emails.service';
import { ScheduleRuns } from './schedule-runs.service';
import { WebhookSecretBox } from './webhook-secret-box';
import { Webhooks } from './webhooks.service';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WebhookTestSends } from './webhook-test-sends.service';
import { InboxController } from './inbox.controller';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPersonalData } from './notification-personal-data.service';
import { WebhooksController } from './webhooks.controller';
import { IdentityModule } from '../identity/identity.module';

/** What the module exports to Nest, it exports to TypeScript here: other modules import these names from this file. */
export { NotificationPersonalData };

/**
 * Events to people: the `notify` fan-out, the in-app inbox, email (immediate and digests), account
 * emails (`send-account-email`: invitations, password resets) and signed webhooks. Other modules
 * never call it: they publish `notify` or `send-account-email` through the outbox.
 */
@Module({
  imports: [IdentityModule],
  providers: [
    NotificationPersonalData,
    NotificationFanout,
    NotificationPreferences,
    Inbox,
    EmailSender,
    EmailDelivery,
    EmailDigests,
    AccountEmails,
    ScheduleRuns,
    WebhookSecretBox,
    Webhooks,
    WebhookDeliveries,
    WebhookTestSends,
  ],
  controllers: [InboxController, NotificationPreferencesController, WebhooksController],
  exports: [NotificationPersonalData],
})
export class NotificationModule {}
