import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { AppTransactionHost, Transactional } from '@gds/database';
import { AppConfig } from '../config/app-config';
import { UsersService } from './users.service';

/** The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD when the system has no admin yet. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly txHost: AppTransactionHost,
    private readonly cls: ClsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return;
    const outcome = await this.cls.run(() => this.createFirstAdmin(email, password));
    if (outcome === 'created') this.logger.log(`Created the first admin ${email}`);
    if (outcome === 'email-taken') this.logger.warn(`ADMIN_EMAIL ${email} belongs to a non-admin account; no admin was created`);
  }

  @Transactional()
  private async createFirstAdmin(email: string, password: string): Promise<'created' | 'exists' | 'email-taken'> {
    // An advisory lock keeps two processes starting together from both creating the admin.
    await this.txHost.tx.query("SELECT pg_advisory_xact_lock(hashtext('gds:first-admin'))");
    if ((await this.users.countAdmins()) > 0) return 'exists';
    if (await this.users.findByEmail(email)) return 'email-taken';
    await this.users.create({ email, password, displayName: 'Administrator', roles: ['admin'] }, null);
    return 'created';
  }
}
