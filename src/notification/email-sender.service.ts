import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import type { EmailContent } from './notification-templates';

/** Sends email over SMTP (SMTP_URL). Without SMTP_URL nothing is sent and callers record a skip. */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private readonly logger = new Logger(EmailSender.name);
  private readonly transport: Transporter | undefined;

  constructor(private readonly config: AppConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : undefined;
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
