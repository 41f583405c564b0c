import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessTokenVerifier } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { AccessTokens } from './access-tokens.service';
import { AccessStandingCache } from './access-standing-cache';
import { AccessStandingChanges } from './access-standing-changes';
import { AccessStandingListener } from './access-standing-listener.service';
import { AdminBootstrap } from './admin-bootstrap.service';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { RefreshTokens } from './refresh-tokens.service';
import { UserDirectory } from './user-directory.service';
import { ResourceLinks } from './resource-links.service';
import { UsersService } from './users.service';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';
import { UsersController } from './users.controller';
import { WebSessionController } from './web-session.controller';
import { PasswordResetController } from './password-reset.controller';
import { PasswordController } from './password.controller';
import { WebClientPolicy } from './web-client.policy';
import { AuthRateLimiter } from './auth-rate-limiter.service';
import { AccountPasswords } from './account-passwords.service';
import { PasswordResets } from './password-resets.service';
import { AccountEmailTokens } from './account-email-tokens.service';
import { ProfileCategories } from './profile-categories.service';
import { ProfileOptionsController } from './profile-options.controller';
import { DemographicConsents } from './demographic-consents.service';
import { IdentityPersonalData } from './identity-personal-data.service';
import { DemographicConsentController } from './demographic-consent.controller';
import { OrganisationModule } from '../organisation/organisation.module';

/** What the module exports to Nest, it exports to TypeScript here: other modules import these names from this file. */
export { AccountEmailTokens, IdentityPersonalData, ResourceLinks, UserDirectory };

/**
 * Users, roles, credentials, tokens and browser sessions. Other modules use UserDirectory; the
 * notification module's account emails use AccountEmailTokens; signed links to pages (dashboards,
 * previews) are ResourceLinks.
 */
@Module({
  imports: [
    OrganisationModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [{ name: 'login', ttl: config.LOGIN_RATE_WINDOW_MS, limit: config.LOGIN_RATE_LIMIT }],
    }),
  ],
  providers: [
    IdentityPersonalData,
    PasswordHasher,
    { provide: AccessStandingCache, inject: [AppConfig], useFactory: (config: AppConfig) => new AccessStandingCache(config.ACCESS_STANDING_CACHE_SECONDS * 1000) },
    AccessStandingListener,
    AccessStandingChanges,
    AccessTokens,
    { provide: AccessTokenVerifier, useExisting: AccessTokens },
    RefreshTokens,
    UsersService,
    AuthService,
    UserDirectory,
    AdminBootstrap,
    WebClientPolicy,
    AuthRateLimiter,
    AccountPasswords,
    PasswordResets,
    AccountEmailTokens,
    ProfileCategories,
    DemographicConsents,
    ResourceLinks,
  ],
  controllers: [AuthController, WebSessionController, PasswordResetController, MeController, PasswordController, UsersController, DemographicConsentController, ProfileOptionsController],
  exports: [IdentityPersonalData, UserDirectory, AccessTokenVerifier, AccessTokens, AccountEmailTokens, ResourceLinks],
})
export class IdentityModule {}
