import type { Provider } from '@nestjs/common';
import { DEFAULT_COMMAND_RATE_LIMIT, type TrilhaConfig } from '../../config/trilha-config';
import { TRILHA_CONFIG } from '../../infrastructure/tokens';

/** Commands one user may send per minute; 0 turns the limit off. */
export const COMMAND_RATE_LIMIT = Symbol('CommandRateLimit');

/** The limit from the app's configuration (`TRILHA_COMMAND_RATE_LIMIT`), or the default when the platform runs without one. */
export const commandRateLimitProvider: Provider = {
  provide: COMMAND_RATE_LIMIT,
  useFactory: (config?: Partial<TrilhaConfig>) => config?.commandRateLimit ?? DEFAULT_COMMAND_RATE_LIMIT,
  inject: [{ token: TRILHA_CONFIG, optional: true }],
};
