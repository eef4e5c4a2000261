import { Inject, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { createRootLogger, loggerParams, type LoggingOptions } from './logger-params';
import { installRequestLogging } from './request-logging-hook';

const ROOT_LOGGER = Symbol('RootLogger');

/** Installs the request-logging Fastify hook while the app initialises (before Fastify is ready). */
@Module({})
class RequestLoggingModule implements OnModuleInit {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger, private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (fastify && typeof fastify.addHook === 'function') installRequestLogging(fastify, this.logger);
  }
}

export function createLoggerModule(options: LoggingOptions = {}): DynamicModule {
  const logger = createRootLogger(options);
  return {
    module: RequestLoggingModule,
    imports: [LoggerModule.forRoot(loggerParams(logger))],
    providers: [{ provide: ROOT_LOGGER, useValue: logger }],
    exports: [LoggerModule],
  };
}
