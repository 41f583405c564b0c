import { Injectable, Logger } from '@nestjs/common';
import { HandledJob, JobHandler } from '@gds/queue';
import { AppConfig } from '../config/app-config';
import { AccountEmailTokens } from '../identity/identity.module';
import { EmailSender } from './email-sender.service';
import { accountEmail } from './notification-templates';

type Outcome = 'sent' | 'skipped' | 'nothing-to-do';

/**
 * The `send-account-email` job: invitations and password resets. These go out whatever the
 * person's notification preferences say and never become inbox items or notification rows. The
 * link's token is chosen by the identity module at this moment (AccountEmailTokens) and lives only
 * in this function's memory on its way to the SMTP server: the job payload, the outbox row, the
 * job's stored result and the logs hold ids only. A failed send is retried by the queue and mints
 * a new token, so only the email that arrives last carries a working link.
 */
@Injectable()
export class AccountEmails {
  private readonly logger = new Logger(AccountEmails.name);
  private warnedUnconfigured = false;

  constructor(
    private readonly tokens: AccountEmailTokens,
    private readonly sender: EmailSender,
    private readonly config: AppConfig,
  ) {}

  @JobHandler('send-account-email')
  async send(job: HandledJob<'send-account-email'>): Promise<Outcome> {
    if (!this.sender.configured) {
      // No token is minted: an admin re-sends the invitation (or the person asks again) once SMTP_URL is set.
      if (!this.warnedUnconfigured) this.logger.warn({ msg: 'email not configured (SMTP_URL unset); account emails are not sent', kind: job.data.kind, id: job.data.id });
      this.warnedUnconfigured = true;
      return 'skipped';
    }
    const grant = await this.tokens.mint(job.data.kind, job.data.id);
    if (!grant) return 'nothing-to-do';
    const content = accountEmail(job.data.kind, grant, this.config.PUBLIC_BASE_URL, grant.language, grant.timeZone);
    await this.sender.send(grant.email, content);
    this.logger.log({ msg: 'account email sent', kind: job.data.kind, id: job.data.id });
    return 'sent';
  }
}
