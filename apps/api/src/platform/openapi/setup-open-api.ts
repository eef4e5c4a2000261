import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { FieldErrorDto, ProblemDetailsDto } from './problem-details.dto';
import { addPlatformResponses, BEARER_SCHEME } from './platform-responses';

export interface OpenApiOptions {
  title?: string;
  version?: string;
  description?: string;
  /** Serve the Swagger UI at /docs (default true); the document is always served. */
  ui?: boolean;
}

/** Serves the OpenAPI document at `/docs-json` and the Swagger UI at `/docs`; call before `app.init()`. */
export function setupOpenApi(app: NestFastifyApplication, options: OpenApiOptions = {}): void {
  const config = new DocumentBuilder()
    .setTitle(options.title ?? 'Trilha')
    .setDescription(options.description ?? 'Event-sourced CRM. Errors are application/problem+json (RFC 9457).')
    .setVersion(options.version ?? '0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .build();
  // Built on first request, once every route is known.
  const documentFactory = () =>
    addPlatformResponses(SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsDto, FieldErrorDto] }));
  SwaggerModule.setup('docs', app, documentFactory, { ui: options.ui ?? true, jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
