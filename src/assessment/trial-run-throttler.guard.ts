import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions, ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';

export const TRIAL_RUN_THROTTLER_OPTIONS = Symbol('assessment:trial-run-throttler-options');
export const TRIAL_RUN_THROTTLER_STORAGE = Symbol('assessment:trial-run-throttler-storage');

/**
 * Trial runs per signed-in user (not per address: trainees of one training centre share one),
 * TRIAL_RUN_RATE_LIMIT per TRIAL_RUN_RATE_WINDOW_MS; 429 with Retry-After past it. Counters are
 * per api process (in memory), like the login and verification limits.
 */
@Injectable()
export class TrialRunThrottlerGuard extends ThrottlerGuard {
  constructor(
    @Inject(TRIAL_RUN_THROTTLER_OPTIONS) options: ThrottlerModuleOptions,
    @Inject(TRIAL_RUN_THROTTLER_STORAGE) storage: ThrottlerStorage,
    reflector: Reflector,
  ) {
    super(options, storage, reflector);
  }

  /** The AccessGuard (global, so earlier) has verified the caller. */
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = request.principal as { userId?: string } | undefined;
    return principal?.userId ?? String(request.ip);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    this.setResponseHeader(context.switchToHttp().getResponse(), 'Retry-After', detail.timeToBlockExpire);
    return super.throwThrottlingException(context, detail);
  }
}

export const trialRunThrottlerProviders = [
  {
    provide: TRIAL_RUN_THROTTLER_OPTIONS,
    inject: [AppConfig],
    useFactory: (config: AppConfig): ThrottlerModuleOptions => [{ name: 'trial-run', ttl: config.TRIAL_RUN_RATE_WINDOW_MS, limit: config.TRIAL_RUN_RATE_LIMIT }],
  },
  { provide: TRIAL_RUN_THROTTLER_STORAGE, useFactory: () => new ThrottlerStorageService() },
];
