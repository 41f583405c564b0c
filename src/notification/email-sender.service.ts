import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type * as nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import type { EmailContent } from './notification-templates';

/** Sends email over SMTP (SMTP_URL). Without SMTP_URL nothing is sent and callers record a skip. */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private readonly logger = new Logger(EmailSender.name);
  private readonly transport: Transporter | undefined;

  constructor(private readonly config: AppConfig) {
    // Required only when email is configured: nodemailer is not loaded by a start without SMTP_URL (issue 23.6).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy; typed by the module's own types
    this.transport = config.SMTP_URL ? (require('nodemailer') as typeof nodemailer).createTransport(config.SMTP_URL) : undefined;
  }

  get configured(): boolean {
    return this.transport !== undefined;
  }

  async send(to: string, content: EmailContent): Promise<void> {
    if (!this.transport) {
      this.logger.warn({ msg: 'email not configured (SMTP_URL unset); not sending', subject: content.subject });
      throw new Error('email is not configured');
    }
    await this.transport.sendMail({ from: this.config.EMAIL_FROM, to, subject: content.subject, text: content.text, html: content.html });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
