import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModuleOptions, ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
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
}

export const verifyThrottlerProviders = [
  {
    provide: VERIFY_THROTTLER_OPTIONS,
    inject: [AppConfig],
    useFactory: (config: AppConfig): ThrottlerModuleOptions => [{ name: 'verify', ttl: config.VERIFY_RATE_WINDOW_MS, limit: config.VERIFY_RATE_LIMIT }],
  },
  { provide: VERIFY_THROTTLER_STORAGE, useFactory: () => new ThrottlerStorageService() },
];
