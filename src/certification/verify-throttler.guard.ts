import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions, ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';

export const VERIFY_THROTTLER_OPTIONS = Symbol('certification:verify-throttler-options');
export const VERIFY_THROTTLER_STORAGE = Symbol('certification:verify-throttler-storage');

/**
 * Rate limit of the public verification routes: its own named throttler ('verify') and storage, so
 * it neither shares counters with nor depends on the login throttler of the identity module.
 */
@Injectable()
export class VerifyThrottlerGuard extends ThrottlerGuard {
  constructor(
    @Inject(VERIFY_THROTTLER_OPTIONS) options: ThrottlerModuleOptions,
    @Inject(VERIFY_THROTTLER_STORAGE) storage: ThrottlerStorage,
    reflector: Reflector,
  ) {
    super(options, storage, reflector);
  }

  /** The named throttler only sets Retry-After-verify; clients look for the standard header too. */
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    this.setResponseHeader(context.switchToHttp().getResponse(), 'Retry-After', detail.timeToBlockExpire);
    return super.throwThrottlingException(context, detail);
  }
}

export const verifyThrottlerProviders = [
  {
    provide: VERIFY_THROTTLER_OPTIONS,
    inject: [AppConfig],
    useFactory: (config: AppConfig): ThrottlerModuleOptions => [{ name: 'verify', ttl: config.VERIFY_RATE_WINDOW_MS, limit: config.VERIFY_RATE_LIMIT }],
  },
  { provide: VERIFY_THROTTLER_STORAGE, useFactory: () => new ThrottlerStorageService() },
];
