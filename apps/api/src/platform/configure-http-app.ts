import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { refuseForbiddenQueryKeys } from './input/query-key-hook';
import { CORRELATION_ID_HEADER, correlationIdOf } from './logging/correlation-id';
import { OpenApiOptions, setupOpenApi } from './openapi/setup-open-api';
import { ProblemDetailsFilter } from './problems/problem-details.filter';
import { createValidationPipe } from './problems/validation-pipe';

export interface HttpAppOptions {
  /** OpenAPI at /docs and /docs-json; on unless `false`. */
  openApi?: OpenApiOptions | false;
}

/**
 * Applies the platform to an app built with `createFastifyAdapter()` and importing
 * `PlatformModule`: validation, refusal of reserved/operator keys in query strings and of bodies sent to routes that read none,
 * problem+json errors, correlation ids, the pino logger and the OpenAPI document. Call it before `app.init()` / `app.listen()`.
 */
export function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions = {}): NestFastifyApplication {
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      reply.header(CORRELATION_ID_HEADER, correlationIdOf(request));
      done();
    })
    .addHook('preValidation', refuseForbiddenQueryKeys);
  if (options.openApi !== false) setupOpenApi(app, options.openApi);
  return app;
}
