import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams, LoggingOptions } from './logger-params';

export function createLoggerModule(options: LoggingOptions = {}): DynamicModule {
  return LoggerModule.forRoot(loggerParams(options));
}
