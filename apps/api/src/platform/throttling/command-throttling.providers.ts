import type { Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { commandRateLimitProvider } from './command-rate-limit';
import { CommandThrottleGuard } from './command-throttle.guard';

/** The per-user command rate limit: its setting, an in-memory counter store (per process), and the global guard. */
export const commandThrottlingProviders: Provider[] = [
  commandRateLimitProvider,
  { provide: ThrottlerStorage, useClass: ThrottlerStorageService },
  { provide: APP_GUARD, useClass: CommandThrottleGuard },
];
