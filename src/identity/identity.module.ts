import { DynamicModule, Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessTokenVerifier } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { AccessTokens } from './access-tokens.service';
import { AdminBootstrap } from './admin-bootstrap.service';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { RefreshTokens } from './refresh-tokens.service';
import { UserDirectory } from './user-directory.service';
import { UsersService } from './users.service';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';
import { UsersController } from './users.controller';
import { ProfileCategories } from './profile-categories.service';
import { DemographicConsents } from './demographic-consents.service';
import { IdentityPersonalData } from './identity-personal-data.service';
import { DemographicConsentController } from './demographic-consent.controller';

/** Users, roles, credentials and tokens. Other modules use UserDirectory. */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [{ name: 'login', ttl: config.LOGIN_RATE_WINDOW_MS, limit: config.LOGIN_RATE_LIMIT }],
    }),
  ],
  providers: [
    IdentityPersonalData,
    PasswordHasher,
    AccessTokens,
    { provide: AccessTokenVerifier, useExisting: AccessTokens },
    RefreshTokens,
    UsersService,
    AuthService,
    UserDirectory,
    AdminBootstrap,
    ProfileCategories,
    DemographicConsents,
  ],
  exports: [IdentityPersonalData, UserDirectory, AccessTokenVerifier, AccessTokens],
})
export class IdentityModule {
  static withHttp(): DynamicModule {
    return { module: IdentityModule, controllers: [AuthController, MeController, UsersController, DemographicConsentController] };
  }
}
